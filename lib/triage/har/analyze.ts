import { checkContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import type { Finding, IdpKind } from '../../findings/types'
import type { SpProfile } from '../../profiles/schema'
import { parseIdpMetadata, toIdpTrust } from '../../saml/metadata/index'
import type { IdpTrust } from '../../saml/types'
import { extractErrorFacts } from '../explain/facts'
import { extractHops, type SsoHop } from './hops'
import { checkCookies, checkErrors, checkRedirectLoop, checkTimingGaps } from './observations'
import { parseHar } from './parse'
import { redactEntry, redactUrl } from './redact'
import { analyzeSamlHop } from './saml'
import { scrubSecrets } from './scrub'

export interface AnalyzeHarOptions {
  /** The IdP's SAML metadata: SAML responses in the HAR are then validated as the vendor would. */
  readonly idpMetadataXml?: string
  readonly profile: SpProfile
  readonly now?: Date
  readonly source?: string
  readonly maxBytes?: number
}

/**
 * Triage of a browser HAR: the SSO hops (SAML in either binding, OIDC authorize / callback / token), their errors,
 * redirect loops, blocked cookies, error codes on pages, pauses. Secrets never reach the report: values are
 * redacted at extraction, and the finished report is scrubbed of every secret value seen.
 * @example analyzeHar(await file.text(), { profile: BUILTIN_PROFILES.autodesk, idpMetadataXml })
 */
export function analyzeHar(text: string, o: AnalyzeHarOptions): Report {
  const now = o.now ?? new Date()
  const source = o.source ?? 'HAR file'
  const parsed = parseHar(text, { maxBytes: o.maxBytes })
  if (!parsed.ok) return buildReport({ subject: { kind: 'har', idp: 'other', source }, profile: o.profile.id, now, findings: parsed.findings })

  const entries = parsed.value.log.entries
  const secrets = new Set<string>()
  const onSecret = (v: string) => { if (v.length >= 6 && v.length <= 100_000) secrets.add(v) }
  // Collect every secret value first (the redacted copy is discarded): they scrub the finished report.
  for (const e of entries) redactEntry(e, onSecret)

  const findings: Finding[] = []
  let trust: IdpTrust | undefined
  if (o.idpMetadataXml !== undefined) {
    const md = parseIdpMetadata(o.idpMetadataXml)
    if (md.ok) trust = toIdpTrust(md.value)
    else findings.push(...md.findings)
  }
  const hops = extractHops(entries)
  const idp: IdpKind = trust?.kind ?? detectIdp(hops)
  const ctx = checkContext({ profile: o.profile, now, idp })
  const fctx = { idp }
  const timeline: TimelineStep[] = []
  let unvalidated = 0

  for (const hop of hops) {
    if (hop.kind === 'saml-request' || hop.kind === 'saml-response') {
      const r = analyzeSamlHop(hop, { trust, ctx })
      findings.push(...r.findings)
      timeline.push(r.step)
      for (const s of r.secrets) onSecret(s)
      if (hop.kind === 'saml-response' && !r.validated) unvalidated++
    } else {
      timeline.push(hopStep(hop))
    }
  }
  if (unvalidated && !trust) findings.push(finding('TRIAGE_HAR_SAML_NOT_VALIDATED', { expected: 'IdP metadata uploaded with the HAR', actual: `${unvalidated} SAMLResponse(s) decoded without it`, where: 'HAR' }, fctx))

  const errors = checkErrors(entries, hops, fctx)
  findings.push(...errors.findings)
  findings.push(...checkRedirectLoop(entries, fctx))
  const cookies = checkCookies(entries, fctx)
  findings.push(...cookies.findings)
  findings.push(...checkTimingGaps(hops, fctx))
  if (!hops.length && !findings.length) findings.push(finding('TRIAGE_HAR_NO_SSO', { expected: 'SAML or OIDC requests', actual: `${entries.length} requests, none of them SSO`, where: 'HAR' }, fctx))

  const ids = extractErrorFacts(errors.texts.join('\n'))
  const report = buildReport({
    subject: { kind: 'har', idp, source, ...(trust ? { entityId: trust.entityId } : {}) },
    profile: o.profile.id, now, findings, timeline,
    ...(cookies.skipped ? { skipped: [cookies.skipped] } : {}),
    facts: {
      entries: entries.length, ssoHops: hops.length,
      creator: parsed.value.log.creator?.name,
      hosts: [...new Set(hops.map((h) => h.host))].slice(0, 30),
      firstRequestAt: entries[0]?.startedDateTime, lastRequestAt: entries[entries.length - 1]?.startedDateTime,
      ...ids,
    },
  })
  return scrubSecrets(report, secrets)
}

function hopStep(hop: SsoHop): TimelineStep {
  const summary = {
    'oidc-authorize': `OIDC authorization request to ${hop.host}`,
    'oidc-callback': `OIDC callback with a code at ${hop.host}`,
    'oidc-error': `OIDC error redirect: ${hop.error}`,
    'oidc-token': hop.error ? `Token request to ${hop.host} failed: ${hop.error}` : `Token request to ${hop.host}`,
    'idp-page': `IdP page ${hop.host}`,
    'vendor-page': `Vendor page ${hop.host}`,
    'saml-request': '', 'saml-response': '',
  }[hop.kind]
  const kind: TimelineStep['kind'] = hop.error ? 'error' : hop.status >= 300 && hop.status < 400 ? 'redirect' : hop.kind === 'oidc-authorize' ? 'request-sent' : 'response-received'
  return { at: hop.at.toISOString(), kind, summary, data: { entry: hop.index, host: hop.host, method: hop.method, status: hop.status, url: redactUrl(hop.url), ...(hop.error ? { error: hop.error } : {}) } }
}

function detectIdp(hops: readonly SsoHop[]): IdpKind {
  const hosts = hops.map((h) => h.host)
  if (hosts.some((h) => /microsoftonline|login\.microsoft\.com|login\.windows\.net|sts\.windows\.net/.test(h))) return 'entra'
  if (hosts.some((h) => /okta(preview|-emea)?\.com$/.test(h) && h !== 'autodesk-prod.okta.com')) return 'okta'
  if (hosts.some((h) => h === 'accounts.google.com')) return 'google'
  if (hops.some((h) => /\/adfs\//i.test(h.url))) return 'adfs'
  if (hops.some((h) => /\/realms\//.test(h.url))) return 'keycloak'
  return 'other'
}
