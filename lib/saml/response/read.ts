import { attr, childElements, firstChild, NS, ownText, textContent } from '../../xml/query'
import type { XmlDocument, XmlElement } from '../../xml/types'
import type {
  AssertionModel,
  AuthnStatementModel,
  SamlAttribute,
  SamlMessageKind,
  SamlResponseDocument,
  SamlResponseEnvelope,
  SamlStatus,
  SignedAssertion,
  SubjectConfirmation,
} from './model'
import type { Mutable } from '../../mutable'

const { saml, samlp, ds, md } = NS
const SAML1_NS = new Set(['urn:oasis:names:tc:SAML:1.0:protocol', 'urn:oasis:names:tc:SAML:1.0:assertion'])

/**
 * Reads the message structure from the parsed tree, in one walk and without trusting anything: which kind of
 * message it is, the Response envelope, and every assertion candidate (so that extra ones are seen).
 */
export function readSamlResponse(doc: XmlDocument): SamlResponseDocument {
  const root = doc.root
  const kind = messageKind(root)
  const assertions: XmlElement[] = []
  const encryptedAssertions: XmlElement[] = []
  collectAssertions(root, assertions, encryptedAssertions)
  const response = kind === 'response' ? readEnvelope(root) : undefined
  return { kind, root, ...(response ? { response } : {}), assertions, encryptedAssertions }
}

function messageKind(root: XmlElement): SamlMessageKind {
  if (root.ns === samlp) {
    switch (root.local) {
      case 'Response':
        return 'response'
      case 'AuthnRequest':
        return 'authn-request'
      case 'LogoutRequest':
        return 'logout-request'
      case 'LogoutResponse':
        return 'logout-response'
      default:
        return 'other'
    }
  }
  if (root.ns === saml && root.local === 'Assertion') return 'assertion'
  if (root.ns === md) return 'metadata'
  if (SAML1_NS.has(root.ns)) return 'saml1'
  return 'other'
}

/** Every saml:Assertion / EncryptedAssertion in the document, except those inside saml:Advice (legitimate evidence). */
function collectAssertions(root: XmlElement, out: XmlElement[], encrypted: XmlElement[]): void {
  const stack: XmlElement[] = [root]
  while (stack.length) {
    const el = stack.pop()!
    if (el.ns === saml) {
      if (el.local === 'Advice') continue
      if (el.local === 'Assertion') out.push(el)
      else if (el.local === 'EncryptedAssertion') {
        encrypted.push(el)
        continue
      }
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!
      if (c.type === 'element') stack.push(c)
    }
  }
}

function readEnvelope(el: XmlElement): SamlResponseEnvelope {
  const issuerEl = firstChild(el, saml, 'Issuer')
  const statusEl = firstChild(el, samlp, 'Status')
  const signature = firstChild(el, ds, 'Signature')
  return {
    element: el,
    id: attr(el, 'ID'),
    version: attr(el, 'Version'),
    issueInstant: attr(el, 'IssueInstant'),
    destination: attr(el, 'Destination'),
    inResponseTo: attr(el, 'InResponseTo'),
    ...(issuerEl ? { issuer: ownText(issuerEl).trim() } : {}),
    ...(statusEl ? { status: readStatus(statusEl) } : {}),
    ...(signature ? { signature } : {}),
  }
}

function readStatus(el: XmlElement): SamlStatus {
  const top = firstChild(el, samlp, 'StatusCode')
  const sub = top ? firstChild(top, samlp, 'StatusCode') : undefined
  const msg = firstChild(el, samlp, 'StatusMessage')
  return {
    element: el,
    ...(top ? { code: attr(top, 'Value') ?? '' } : {}),
    ...(sub ? { subCode: attr(sub, 'Value') ?? '' } : {}),
    ...(msg ? { message: ownText(msg).trim() } : {}),
  }
}

/** Reads an assertion element's contents. Call it on a signed element only when the result is trusted. */
export function readAssertion(el: XmlElement): AssertionModel {
  return read(el, undefined)
}

/** The contents of the assertion a verified signature covers, with what covered it (see signature-gate.ts). */
export function readSignedAssertion(el: XmlElement, signedBy: SignedAssertion['signedBy']): SignedAssertion {
  return read(el, signedBy) as SignedAssertion
}

// Built by assignment, not by spreading optional parts: this runs on every validation, and object spread with
// conditional parts cost about a third of reading the assertion.
function read(el: XmlElement, signedBy: SignedAssertion['signedBy'] | undefined): AssertionModel {
  let issuerEl: XmlElement | undefined
  let subject: XmlElement | undefined
  let conditionsEl: XmlElement | undefined
  let signature: XmlElement | undefined
  const authnStatements: AuthnStatementModel[] = []
  const attributes: SamlAttribute[] = []
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (c.ns === saml) {
      switch (c.local) {
        case 'Issuer':
          issuerEl ??= c
          break
        case 'Subject':
          subject ??= c
          break
        case 'Conditions':
          conditionsEl ??= c
          break
        case 'AuthnStatement':
          authnStatements.push(readAuthnStatement(c))
          break
        case 'AttributeStatement':
          for (const a of c.children)
            if (a.type === 'element' && a.ns === saml && a.local === 'Attribute') attributes.push(readAttribute(a))
          break
      }
    } else if (c.ns === ds && c.local === 'Signature') signature ??= c
  }
  const model: Mutable<AssertionModel> & { signedBy?: SignedAssertion['signedBy'] } = {
    element: el,
    id: attr(el, 'ID'),
    version: attr(el, 'Version'),
    issueInstant: attr(el, 'IssueInstant'),
    subjectConfirmations: [],
    authnStatements,
    attributes,
  }
  if (issuerEl) model.issuer = ownText(issuerEl).trim()
  if (subject) {
    const s = readSubject(subject)
    if (s.nameId) model.nameId = s.nameId
    model.subjectConfirmations = s.subjectConfirmations
  }
  if (conditionsEl) {
    const audienceRestrictions: string[][] = []
    for (const r of conditionsEl.children) {
      if (r.type !== 'element' || r.ns !== saml || r.local !== 'AudienceRestriction') continue
      const list: string[] = []
      for (const a of r.children)
        if (a.type === 'element' && a.ns === saml && a.local === 'Audience') list.push(ownText(a).trim())
      audienceRestrictions.push(list)
    }
    model.conditions = {
      notBefore: attr(conditionsEl, 'NotBefore'),
      notOnOrAfter: attr(conditionsEl, 'NotOnOrAfter'),
      audienceRestrictions,
    }
  }
  if (signature) model.signature = signature
  if (signedBy) model.signedBy = signedBy
  return model
}

function readSubject(subject: XmlElement): Pick<AssertionModel, 'nameId' | 'subjectConfirmations'> {
  const nameIdEl = firstChild(subject, saml, 'NameID')
  const encryptedId = firstChild(subject, saml, 'EncryptedID')
  const subjectConfirmations: SubjectConfirmation[] = childElements(subject, saml, 'SubjectConfirmation').map((sc) => {
    const d = firstChild(sc, saml, 'SubjectConfirmationData')
    return {
      element: sc,
      method: attr(sc, 'Method'),
      ...(d
        ? {
            data: {
              element: d,
              notBefore: attr(d, 'NotBefore'),
              notOnOrAfter: attr(d, 'NotOnOrAfter'),
              recipient: attr(d, 'Recipient'),
              inResponseTo: attr(d, 'InResponseTo'),
            },
          }
        : {}),
    }
  })
  if (nameIdEl) {
    return {
      nameId: {
        value: ownText(nameIdEl).trim(),
        format: attr(nameIdEl, 'Format'),
        spNameQualifier: attr(nameIdEl, 'SPNameQualifier'),
        hasComment: nameIdEl.children.some((c) => c.type === 'comment' || c.type === 'pi'),
        encrypted: false,
      },
      subjectConfirmations,
    }
  }
  if (encryptedId) return { nameId: { value: '', hasComment: false, encrypted: true }, subjectConfirmations }
  return { subjectConfirmations }
}

function readAuthnStatement(el: XmlElement): AuthnStatementModel {
  const ctx = firstChild(el, saml, 'AuthnContext')
  return {
    authnInstant: attr(el, 'AuthnInstant'),
    sessionIndex: attr(el, 'SessionIndex'),
    sessionNotOnOrAfter: attr(el, 'SessionNotOnOrAfter'),
    classRefs: ctx ? childElements(ctx, saml, 'AuthnContextClassRef').map((c) => ownText(c).trim()) : [],
  }
}

function readAttribute(el: XmlElement): SamlAttribute {
  let name = ''
  let friendlyName: string | undefined
  let nameFormat: string | undefined
  for (const a of el.attrs) {
    if (a.ns !== '') continue
    if (a.local === 'Name') name = a.value
    else if (a.local === 'FriendlyName') friendlyName = a.value
    else if (a.local === 'NameFormat') nameFormat = a.value
  }
  const values: string[] = []
  let hasComment = false
  for (const v of el.children) {
    if (v.type !== 'element' || v.ns !== saml || v.local !== 'AttributeValue') continue
    // The usual value is one text node: read it without walking (textContent and containsComment handle the rest).
    const only = v.children.length === 1 ? v.children[0]! : undefined
    if (only?.type === 'text') values.push(only.value.trim())
    else {
      values.push(textContent(v).trim())
      if (!hasComment && containsComment(v)) hasComment = true
    }
  }
  const out: Mutable<SamlAttribute> = { name, values }
  if (friendlyName !== undefined) out.friendlyName = friendlyName
  if (nameFormat !== undefined) out.nameFormat = nameFormat
  if (hasComment) out.hasComment = true
  return out
}

/** A comment or PI anywhere inside the element (AttributeValue may hold child elements): one pass over the subtree. */
function containsComment(el: XmlElement): boolean {
  const pending: XmlElement[] = [el]
  while (pending.length) {
    for (const c of pending.pop()!.children) {
      if (c.type === 'comment' || c.type === 'pi') return true
      if (c.type === 'element') pending.push(c)
    }
  }
  return false
}
