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
  SubjectConfirmation,
} from './model'

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
  const issuerEl = firstChild(el, saml, 'Issuer')
  const subject = firstChild(el, saml, 'Subject')
  const conditionsEl = firstChild(el, saml, 'Conditions')
  const signature = firstChild(el, ds, 'Signature')
  return {
    element: el,
    id: attr(el, 'ID'),
    version: attr(el, 'Version'),
    issueInstant: attr(el, 'IssueInstant'),
    ...(issuerEl ? { issuer: ownText(issuerEl).trim() } : {}),
    ...(subject ? readSubject(subject) : { subjectConfirmations: [] }),
    ...(conditionsEl
      ? {
          conditions: {
            notBefore: attr(conditionsEl, 'NotBefore'),
            notOnOrAfter: attr(conditionsEl, 'NotOnOrAfter'),
            audienceRestrictions: childElements(conditionsEl, saml, 'AudienceRestriction').map((r) =>
              childElements(r, saml, 'Audience').map((a) => ownText(a).trim()),
            ),
          },
        }
      : {}),
    authnStatements: childElements(el, saml, 'AuthnStatement').map(readAuthnStatement),
    attributes: childElements(el, saml, 'AttributeStatement').flatMap((s) =>
      childElements(s, saml, 'Attribute').map(readAttribute),
    ),
    ...(signature ? { signature } : {}),
  }
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
  const values = childElements(el, saml, 'AttributeValue')
  const friendlyName = attr(el, 'FriendlyName')
  const nameFormat = attr(el, 'NameFormat')
  return {
    name: attr(el, 'Name') ?? '',
    ...(friendlyName !== undefined ? { friendlyName } : {}),
    ...(nameFormat !== undefined ? { nameFormat } : {}),
    values: values.map((v) => textContent(v).trim()),
    ...(values.some(containsComment) ? { hasComment: true } : {}),
  }
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
