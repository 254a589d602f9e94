import { checkContext } from '../context'
import { finding } from '../findings/finding'
import type { Finding, IdpKind } from '../findings/types'
import type { SpProfile } from '../profiles/schema'
import { idpKindFromEntityId } from '../saml/metadata/detect-idp'
import {
  checkAssertionTimes,
  checkAttributes,
  checkAudience,
  checkBearer,
  checkDestination,
  checkNameId,
  checkResponseTimes,
  checkStatus,
  isSuccess,
  parseSamlTime,
  pickBearer,
  readAssertion,
  readSamlResponse,
} from '../saml/response/index'
import type { XmlDocument } from '../xml/types'
import { exactMatches, type Match } from './explain/search'

export interface UnverifiedCheck {
  readonly findings: Finding[]
  readonly idp: IdpKind
  /** The instant the times were checked at: the response's IssueInstant (a captured response is old by nature). */
  readonly checkedAt?: string
}

/**
 * A SAML response pasted without the IdP's metadata: everything that can be checked without the signature is
 * (status from the SAML status table, destination, audience against the expected SP values or the profile,
 * recipient, times, NameID, attributes), read from the UNVERIFIED XML and said so. Never a GO: the report carries
 * TRIAGE_SAML_SIGNATURE_NOT_VERIFIED. The IdP comes from the response's Issuer, so an AD FS status gets no Okta or
 * Entra advice.
 */
export function checkUnverifiedResponse(
  doc: XmlDocument,
  o: { profile: SpProfile; now: Date; spEntityId?: string; acsUrl?: string; where: string },
): UnverifiedCheck {
  const model = readSamlResponse(doc)
  const r = model.response
  const idp = idpKindFromEntityId(r?.issuer)
  const fctx = { idp }
  const notVerified = finding(
    'TRIAGE_SAML_SIGNATURE_NOT_VERIFIED',
    {
      expected: 'the IdP metadata, to verify the signature',
      actual: 'not verified: no metadata given',
      where: o.where,
    },
    fctx,
  )
  if (model.kind !== 'response' && model.kind !== 'assertion') return { findings: [notVerified], idp }
  // Times are judged at the moment the IdP issued the response: was it valid then? (Now, a capture is always stale.)
  const issued = r?.issueInstant ? parseSamlTime(r.issueInstant) : Number.NaN
  const at = Number.isFinite(issued) ? new Date(issued) : o.now
  const ctx = checkContext({
    profile: o.profile,
    now: at,
    idp,
    ...(o.spEntityId ? { spEntityId: o.spEntityId } : {}),
    ...(o.acsUrl ? { acsUrl: o.acsUrl } : {}),
  })
  const findings: Finding[] = []
  if (r) {
    findings.push(...checkStatus(r.status, ctx), ...checkDestination(r, ctx), ...checkResponseTimes(r, ctx))
    if (r.status?.message) findings.push(...statusMessageFindings(r.status.message, idp, o.where))
  }
  if ((!r || isSuccess(r.status)) && model.assertions.length === 1 && model.encryptedAssertions.length === 0) {
    const a = readAssertion(model.assertions[0]!)
    const sc = pickBearer(a, ctx, undefined)
    findings.push(
      ...checkAudience(a, ctx),
      ...checkBearer(a, sc, ctx),
      ...checkAssertionTimes(a, sc, ctx),
      ...checkNameId(a, ctx),
      ...checkAttributes(a, ctx),
    )
  }
  const marked = findings.map((f) => ({
    ...f,
    evidence: {
      ...f.evidence,
      where: `${o.where} (unverified): ${f.evidence.where ?? ''}`.replace(/: $/, ''),
      signature: 'not verified',
    },
  }))
  return {
    findings: [...marked, notVerified],
    idp,
    ...(Number.isFinite(issued) ? { checkedAt: at.toISOString() } : {}),
  }
}

/**
 * IdP error codes in the StatusMessage. A code (AADSTS50011, E0000004) names its IdP; a phrase alone ("Authentication
 * Failed") is only that IdP's message when the response comes from that IdP — AD FS says it too.
 */
export function statusMessageFindings(message: string, idp: IdpKind, where: string): Finding[] {
  const fits = (m: Match) =>
    m.by === 'code' ||
    (m.code.startsWith('TRIAGE_OKTA_') ? idp === 'okta' : m.code.startsWith('TRIAGE_AADSTS') ? idp === 'entra' : true)
  return exactMatches(message)
    .filter(fits)
    .map((m) => finding(m.code, { actual: m.matched, where: `${where}: samlp:StatusMessage` }, { idp }))
}
