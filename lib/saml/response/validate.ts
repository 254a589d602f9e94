import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type CertificateSummary, type Report, type TimelineStep } from '../../findings/report'
import { withSamlComparison } from '../../findings/comparison'
import type { Finding } from '../../findings/types'
import { parseSafeXml } from '../../xml/parse'
import type { XmlDocument, XmlElement } from '../../xml/types'
import type { IdpTrust } from '../types'
import {
  checkAudience,
  checkBearer,
  checkDestination,
  checkInResponseTo,
  checkSpNameQualifier,
  pickBearer,
} from './check-addressing'
import { checkAttributes } from './check-attributes'
import { checkIssuer } from './check-issuer'
import { checkStatus, isSuccess } from './check-status'
import { checkAuthnStatement, checkNameId } from './check-subject'
import { checkAssertionTimes, checkResponseTimes } from './check-times'
import { decodeSamlMessage } from './decode'
import { detectDecodedXml } from '../../input/detect-input'
import { responseFacts } from './facts'
import { parseCertificate } from '../../certs/parse'
import { summarizeCertificate } from '../../certs/summary'
import type { SamlResponseDocument, SignedAssertion } from './model'
import { readSamlResponse, readSignedAssertion } from './read'
import { checkSignatures, type SignatureGate } from './signature-gate'
import { isoTime } from '../../time/iso'

export interface ValidateResponseOptions {
  readonly ctx: CheckContext
  /** The AuthnRequest ID this response must answer (test logins); without it, unsolicited responses are fine. */
  readonly requestId?: string
  /** Where the response came from (file name, "pasted", "test login"), for the report subject. */
  readonly source?: string
  readonly maxInflatedBytes?: number
}

/** Checks that read the assertion: they run only on a signature-covered assertion. */
const ASSERTION_CHECKS = [
  'assertion issuer',
  'audience',
  'subject confirmation (recipient, InResponseTo)',
  'assertion times',
  'NameID',
  'AuthnStatement',
  'attributes',
] as const

/**
 * Validates a captured SAML response (raw XML, base64 POST value or deflated redirect value) against the IdP's
 * trust (entity ID and metadata signing certificates) and the vendor profile. Synchronous; never throws for any
 * input: every problem is a finding. Identity is read only from what a valid signature covers.
 * @example validateSamlResponse({ response: b64 }, toIdpTrust(md), { ctx: checkContext({ profile, spEntityId, acsUrl }) })
 */
export function validateSamlResponse(
  input: { response: string },
  trust: IdpTrust,
  opts: ValidateResponseOptions,
): Report {
  const ctx: CheckContext =
    opts.ctx.idp === 'other' && trust.kind !== 'other' ? { ...opts.ctx, idp: trust.kind } : opts.ctx
  // (assigned, not spread: a spread of conditional parts here cost more than the object is worth, every validation)
  const subjectOf = (issuer: string | undefined): Report['subject'] => {
    const subject: Report['subject'] = { kind: 'saml-response', idp: ctx.idp, entityId: trust.entityId }
    if (opts.source) subject.source = opts.source
    if (issuer) subject.issuer = issuer
    return subject
  }
  const report = (findings: Finding[], extra: ValidationExtras = {}) =>
    withSamlComparison(
      buildReport({
        subject: subjectOf(extra.issuer),
        profile: ctx.profile.id,
        now: ctx.now,
        findings,
        ...(extra.skipped ? { skipped: extra.skipped } : {}),
        ...(extra.facts ? { facts: extra.facts } : {}),
        ...(extra.certificates ? { certificates: extra.certificates } : {}),
        ...(extra.timeline ? { timeline: extra.timeline } : {}),
      }),
      ctx.profile,
      { spEntityId: ctx.spEntityId, acsUrl: ctx.acsUrl },
    )
  try {
    const decoded = decodeSamlMessage(input.response, {
      ctx: { idp: ctx.idp },
      ...(opts.maxInflatedBytes ? { maxInflatedBytes: opts.maxInflatedBytes } : {}),
    })
    if (!decoded.ok) return report(decoded.findings)
    const parsed = parseSafeXml(decoded.value.xml, { ctx: { idp: ctx.idp } })
    if (!parsed.ok) return report(parsed.findings, { facts: { encoding: decoded.value.encoding } })
    const [findings, extra] = validateParsed(parsed.value, trust, ctx, opts.requestId, decoded.value.encoding)
    const at = isoTime(ctx.now)
    const timeline: TimelineStep[] = [
      {
        at,
        kind: 'decoded',
        summary: `Decoded the ${ENCODING_LABEL[decoded.value.encoding]}: ${decoded.value.xml.length} characters of XML, ${parsed.value.elementCount} elements`,
        data: { encoding: decoded.value.encoding },
      },
      ...(extra.timeline ?? []),
    ]
    // What was given, named from the message decoded above (detectInput would decode it a second time).
    const detectedInput = detectDecodedXml(decoded.value.xml, decoded.value.encoding, input.response)
    return report(findings, { ...extra, facts: { detectedInput, ...extra.facts }, timeline })
  } catch (err) {
    return report([
      finding(
        'SAML_RESPONSE_CHECK_FAILED',
        { actual: err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : 'unknown error' },
        { idp: ctx.idp },
      ),
    ])
  }
}

/** What the checks add to the report besides findings. */
export interface ValidationExtras {
  skipped?: { check: string; reason: string }[]
  facts?: Record<string, unknown>
  certificates?: CertificateSummary[]
  /** The issuer from signed content, for the report subject. */
  issuer?: string
  timeline?: TimelineStep[]
}

/** The checks over an already parsed document (the test-login path parses once and calls this). */
export function validateParsed(
  doc: XmlDocument,
  trust: IdpTrust,
  ctx: CheckContext,
  requestId: string | undefined,
  encoding = 'xml',
): [Finding[], ValidationExtras] {
  const [findings, extra] = validateParsedDocument(doc, trust, ctx, requestId, encoding)
  // The certificates the response is checked against (what the admin uploaded at the vendor), as Entra thumbprints:
  // the "you configured" column of the side-by-side table. Read by the one cached X.509 reader.
  const metadataCertificates: string[] = []
  for (const c of trust.signingCertificates) {
    const thumbprint = parseCertificate(c)?.sha1Thumbprint
    if (thumbprint) metadataCertificates.push(thumbprint)
  }
  // The facts object is this validation's own (made above), so it is extended in place.
  if (metadataCertificates.length) (extra.facts ??= { encoding }).metadataCertificates = metadataCertificates
  return [findings, extra]
}

function validateParsedDocument(
  doc: XmlDocument,
  trust: IdpTrust,
  ctx: CheckContext,
  requestId: string | undefined,
  encoding: string,
): [Finding[], ValidationExtras] {
  const fctx = { idp: ctx.idp }
  const model = readSamlResponse(doc)
  const findings: Finding[] = []
  const skip = (reason: string, checks: readonly string[] = ASSERTION_CHECKS) =>
    checks.map((check) => ({ check, reason }))

  if (model.kind !== 'response' && model.kind !== 'assertion') {
    const code = model.kind === 'saml1' ? 'SAML_RESPONSE_VERSION_UNSUPPORTED' : 'SAML_RESPONSE_WRONG_MESSAGE'
    findings.push(
      finding(
        code,
        {
          expected: 'samlp:Response (urn:oasis:names:tc:SAML:2.0:protocol)',
          actual: `${describeKind(model)}: <${model.root.name}> in ${model.root.ns || 'no namespace'}`,
        },
        fctx,
      ),
    )
    return [findings, { facts: { encoding } }]
  }
  const r = model.response
  if (model.kind === 'assertion') {
    findings.push(
      finding('SAML_RESPONSE_BARE_ASSERTION', { expected: 'samlp:Response', actual: 'saml:Assertion' }, fctx),
    )
  }
  if (r) {
    if (r.version !== '2.0')
      findings.push(
        finding(
          'SAML_RESPONSE_VERSION_UNSUPPORTED',
          { expected: '2.0', actual: r.version ?? null, where: '/Response/@Version' },
          fctx,
        ),
      )
    if (!r.id)
      findings.push(
        finding(
          'SAML_RESPONSE_ID_MISSING',
          { expected: 'an ID attribute', actual: null, where: '/Response/@ID' },
          fctx,
        ),
      )
  }
  const duplicates: [string, readonly XmlElement[]][] = []
  for (const entry of doc.ids) if (entry[1].length > 1) duplicates.push(entry)
  for (const [id, els] of duplicates) {
    findings.push(
      finding(
        'SAML_RESPONSE_DUPLICATE_ID',
        {
          expected: `one element with ID ${id}`,
          actual: `${els.length} elements: ${els.map((e) => e.local).join(', ')}`,
        },
        fctx,
      ),
    )
  }

  // Response-level checks: unsigned values can only produce findings here, never identity.
  if (r) {
    findings.push(
      ...checkStatus(r.status, ctx),
      ...checkIssuer(r, undefined, trust, ctx),
      ...checkDestination(r, ctx),
      ...checkResponseTimes(r, ctx),
    )
  }
  if (r && !isSuccess(r.status)) {
    findings.push(...checkInResponseTo(r, undefined, requestId, ctx))
    return [
      findings,
      { skipped: skip('the IdP returned an error status, so there is no assertion to check'), facts: { encoding } },
    ]
  }

  const total = model.assertions.length + model.encryptedAssertions.length
  if (total === 0) {
    findings.push(
      finding(
        'SAML_RESPONSE_NO_ASSERTION',
        { expected: 'one saml:Assertion', actual: 'none', where: '/Response' },
        fctx,
      ),
    )
    return [findings, { skipped: skip('the response carries no assertion'), facts: { encoding } }]
  }
  if (total > 1) {
    findings.push(
      finding('SAML_RESPONSE_MULTIPLE_ASSERTIONS', { expected: 1, actual: total, where: '/Response/Assertion' }, fctx),
    )
    return [findings, { skipped: skip('several assertions: none is trusted'), facts: { encoding } }]
  }
  if (model.encryptedAssertions.length) {
    const unsupported = ctx.profile.saml?.encryptedAssertions === 'unsupported'
    findings.push(
      finding(
        unsupported ? 'SAML_ASSERTION_ENCRYPTED_UNSUPPORTED' : 'SAML_ASSERTION_ENCRYPTED',
        {
          expected: unsupported ? 'a plain saml:Assertion' : 'the SP private key to decrypt',
          actual: 'saml:EncryptedAssertion',
          where: '/Response/EncryptedAssertion',
        },
        fctx,
      ),
    )
    let gate: SignatureGate | undefined
    if (r?.signature && !duplicates.length) {
      gate = checkSignatures(doc, r, undefined, trust, ctx)
      findings.push(...gate.findings)
    }
    findings.push(...checkInResponseTo(r, undefined, requestId, ctx))
    return [
      findings,
      {
        skipped: skip('the assertion is encrypted; only the SP key can decrypt it'),
        facts: responseFacts({ encoding, ...(r ? { response: r } : {}), ...(gate ? { gate } : {}) }),
      },
    ]
  }

  const assertionEl = model.assertions[0]!
  if (!assertionEl.attrs.some((a) => a.local === 'ID' && a.ns === '' && a.value !== '')) {
    findings.push(
      finding('SAML_RESPONSE_ID_MISSING', { expected: 'an ID attribute', actual: null, where: '/Assertion/@ID' }, fctx),
    )
  }
  if (duplicates.length) {
    if (r) findings.push(...checkInResponseTo(r, undefined, requestId, ctx))
    return [findings, { skipped: skip('duplicate IDs: no signature can be trusted'), facts: { encoding } }]
  }

  const gate = checkSignatures(doc, r, assertionEl, trust, ctx)
  findings.push(...gate.findings)
  const sigFacts = responseFacts({ encoding, gate }).signature as Record<string, string>
  const timeline: TimelineStep[] = [
    {
      at: isoTime(ctx.now),
      kind: 'check',
      summary: `Signatures: Response ${sigFacts.response}, Assertion ${sigFacts.assertion}; ${gate.signedAssertion ? `the assertion is covered (${gate.signedBy})` : 'no valid signature covers the assertion'}`,
      data: sigFacts,
    },
  ]
  if (!gate.signedAssertion) {
    if (r) findings.push(...checkInResponseTo(r, undefined, requestId, ctx))
    return [
      findings,
      {
        skipped: skip('no valid signature covers the assertion, so its contents are not read'),
        facts: responseFacts({ encoding, ...(r ? { response: r } : {}), gate }),
        timeline,
      },
    ]
  }

  const signed: SignedAssertion = readSignedAssertion(gate.signedAssertion, gate.signedBy!)
  const sc = pickBearer(signed, ctx, requestId)
  findings.push(
    ...checkIssuer(undefined, signed, trust, ctx),
    ...checkAudience(signed, ctx),
    ...checkBearer(signed, sc, ctx),
    ...checkInResponseTo(r, sc, requestId, ctx),
    ...checkAssertionTimes(signed, sc, ctx),
    ...checkNameId(signed, ctx),
    ...checkSpNameQualifier(signed, ctx),
    ...checkAuthnStatement(signed, ctx),
    ...checkAttributes(signed, ctx),
  )

  const certificates: CertificateSummary[] = []
  // The certificate that verified, as the one X.509 reader parsed it for the key (nothing is read again here).
  const cert = gate.key?.cert
  if (cert) {
    if (cert.notAfter.getTime() <= ctx.now.getTime()) {
      findings.push(
        finding(
          'SAML_RESPONSE_SIGNING_CERT_EXPIRED',
          {
            expected: `valid at ${isoTime(ctx.now)}`,
            actual: `expired ${isoTime(cert.notAfter)}`,
            certificate: cert.sha256,
            subject: cert.subject,
          },
          fctx,
        ),
      )
    }
    certificates.push({
      ...summarizeCertificate(cert, 'signing', 'IdP metadata', { signsNow: true }),
      subject: cert.subject,
    })
  }
  return [
    findings,
    {
      facts: responseFacts({ encoding, signed, ...(r ? { response: r } : {}), gate }),
      certificates,
      ...(signed.issuer ? { issuer: signed.issuer } : {}),
      timeline,
    },
  ]
}

const ENCODING_LABEL = {
  xml: 'raw XML',
  base64: 'base64 HTTP-POST value',
  'deflate-base64': 'deflated HTTP-Redirect value',
} as const

function describeKind(m: SamlResponseDocument): string {
  switch (m.kind) {
    case 'authn-request':
      return 'an AuthnRequest (the request the vendor sends to the IdP)'
    case 'logout-request':
      return 'a LogoutRequest'
    case 'logout-response':
      return 'a LogoutResponse'
    case 'metadata':
      return 'SAML metadata (use the metadata check)'
    case 'saml1':
      return 'a SAML 1.x message'
    default:
      return 'another XML document'
  }
}
