import { checkContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import type { Finding, IdpKind } from '../../findings/types'
import type { SpProfile } from '../../profiles/schema'
import { readIdpTrust } from '../../saml/metadata/index'
import type { IdpTrust } from '../../saml/types'
import { extractErrorFacts } from '../explain/facts'
import { extractHops, isVendorHost, type SsoHop } from './hops'
import { dedupeFindings } from './dedupe'
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
  /** SAML messages decoded and checked (default 200): the first and the last half of that; the rest are counted. */
  readonly maxSamlHops?: number
  /** Timeline steps for the other SSO hops (default 400): the first and the last half of that. */
  readonly maxOtherSteps?: number
}

export const DEFAULT_MAX_SAML_HOPS = 200
export const DEFAULT_MAX_OTHER_STEPS = 400

/**
 * Triage of a browser HAR: the SSO hops (SAML in either binding, OIDC authorize / callback / token), their errors,
 * redirect loops, blocked cookies, error codes on pages, pauses. Secrets never reach the report: values are
 * redacted at extraction, and the finished report is scrubbed of every secret value seen.
 * @example analyzeHar(await file.text(), { profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID], idpMetadataXml })
 */
export function analyzeHar(text: string, o: AnalyzeHarOptions): Report {
  const now = o.now ?? new Date()
  const source = o.source ?? 'HAR file'
  const parsed = parseHar(text, { maxBytes: o.maxBytes })
  if (!parsed.ok)
    return buildReport({
      subject: { kind: 'har', idp: 'other', source },
      profile: o.profile.id,
      now,
      findings: parsed.findings,
    })

  const entries = parsed.value.log.entries
  const hops = extractHops(entries)
  // A HAR of 48,000 SAML hops took 10 s, 1 GB and gave 96,000 findings: only the first and the last SAML messages
  // up to the cap are decoded and checked (a real sign-in has a handful; the failure is usually the last one).
  const samlHops = hops.filter((h) => h.kind === 'saml-request' || h.kind === 'saml-response')
  const maxSaml = Math.max(0, o.maxSamlHops ?? DEFAULT_MAX_SAML_HOPS)
  const skippedSaml = new Set<SsoHop>(
    samlHops.length > maxSaml ? samlHops.slice(Math.ceil(maxSaml / 2), samlHops.length - Math.floor(maxSaml / 2)) : [],
  )
  const skippedEntries = new Set([...skippedSaml].map((h) => h.index))

  const secrets = new Set<string>()
  const onSecret = (v: string) => {
    if (v.length >= 6 && v.length <= 100_000) secrets.add(v)
  }
  // Collect every secret value first (the redacted copy is discarded): they scrub the finished report. Skipped SAML
  // hops put nothing of theirs in the report (their URLs are redacted where they appear), so they add no secrets.
  entries.forEach((e, i) => {
    if (!skippedEntries.has(i)) redactEntry(e, onSecret)
  })

  const findings: Finding[] = []
  let trust: IdpTrust | undefined
  if (o.idpMetadataXml !== undefined) {
    const read = readIdpTrust(o.idpMetadataXml)
    if (read.ok) trust = read.value
    else findings.push(...read.findings)
  }
  const idp: IdpKind = trust?.kind ?? detectIdp(hops)
  const ctx = checkContext({ profile: o.profile, now, idp })
  const fctx = { idp }
  const timeline: TimelineStep[] = []
  let unvalidated = 0
  const otherHops = hops.length - samlHops.length
  const maxOther = Math.max(0, o.maxOtherSteps ?? DEFAULT_MAX_OTHER_STEPS)
  let other = 0

  for (const hop of hops) {
    if (skippedSaml.has(hop)) continue
    if (hop.kind === 'saml-request' || hop.kind === 'saml-response') {
      const r = analyzeSamlHop(hop, { trust, ctx })
      findings.push(...r.findings)
      timeline.push(r.step)
      for (const s of r.secrets) onSecret(s)
      if (hop.kind === 'saml-response' && !r.validated) unvalidated++
    } else {
      const k = other++
      if (k < Math.ceil(maxOther / 2) || k >= otherHops - Math.floor(maxOther / 2)) timeline.push(hopStep(hop))
      else if (k === Math.ceil(maxOther / 2)) timeline.push(foldedStep(hop, otherHops - maxOther))
    }
  }
  if (skippedSaml.size) {
    const first = [...skippedSaml][0]!
    findings.push(
      finding(
        'TRIAGE_HAR_HOPS_NOT_ANALYSED',
        {
          expected: `at most ${maxSaml} SAML messages`,
          actual: `${samlHops.length} SAML messages; ${skippedSaml.size} in the middle not analysed`,
          analysed: samlHops.length - skippedSaml.size,
          notAnalysed: skippedSaml.size,
          where: `HAR entries #${first.index} to #${[...skippedSaml].at(-1)!.index}`,
        },
        fctx,
      ),
    )
  }
  if (unvalidated && !trust)
    findings.push(
      finding(
        'TRIAGE_HAR_SAML_NOT_VALIDATED',
        {
          expected: 'IdP metadata uploaded with the HAR',
          actual: `${unvalidated} SAMLResponse(s) decoded without it`,
          where: 'HAR',
        },
        fctx,
      ),
    )

  const errors = checkErrors(entries, hops, fctx)
  findings.push(...errors.findings)
  findings.push(...checkRedirectLoop(entries, fctx))
  const cookies = checkCookies(entries, fctx)
  findings.push(...cookies.findings)
  findings.push(...checkTimingGaps(hops, fctx))
  if (!hops.length && !findings.length)
    findings.push(
      finding(
        'TRIAGE_HAR_NO_SSO',
        { expected: 'SAML or OIDC requests', actual: `${entries.length} requests, none of them SSO`, where: 'HAR' },
        fctx,
      ),
    )

  const ids = extractErrorFacts(errors.texts.join('\n'))
  const report = buildReport({
    subject: { kind: 'har', idp, source, ...(trust ? { entityId: trust.entityId } : {}) },
    profile: o.profile.id,
    now,
    findings: dedupeFindings(findings),
    timeline,
    ...(cookies.skipped ? { skipped: [cookies.skipped] } : {}),
    facts: {
      entries: entries.length,
      ssoHops: hops.length,
      creator: parsed.value.log.creator?.name,
      hosts: [...new Set(hops.map((h) => h.host))].slice(0, 30),
      firstRequestAt: entries[0]?.startedDateTime,
      lastRequestAt: entries[entries.length - 1]?.startedDateTime,
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
    'saml-request': '',
    'saml-response': '',
  }[hop.kind]
  const kind: TimelineStep['kind'] = hop.error
    ? 'error'
    : hop.status >= 300 && hop.status < 400
      ? 'redirect'
      : hop.kind === 'oidc-authorize'
        ? 'request-sent'
        : 'response-received'
  return {
    at: hop.at.toISOString(),
    kind,
    summary,
    data: {
      entry: hop.index,
      host: hop.host,
      method: hop.method,
      status: hop.status,
      url: redactUrl(hop.url),
      ...(hop.error ? { error: hop.error } : {}),
    },
  }
}

/** One step standing for the hops left out of the timeline. */
function foldedStep(hop: SsoHop, count: number): TimelineStep {
  return {
    at: hop.at.toISOString(),
    kind: 'check',
    summary: `${count} more SSO steps not shown`,
    data: { entry: hop.index, notShown: count },
  }
}

function detectIdp(hops: readonly SsoHop[]): IdpKind {
  const hosts = hops.map((h) => h.host)
  if (hosts.some((h) => /microsoftonline|login\.microsoft\.com|login\.windows\.net|sts\.windows\.net/.test(h)))
    return 'entra'
  if (hosts.some((h) => /okta(preview|-emea)?\.com$/.test(h) && !isVendorHost(h))) return 'okta'
  if (hosts.some((h) => h === 'accounts.google.com')) return 'google'
  if (hops.some((h) => /\/adfs\//i.test(h.url))) return 'adfs'
  if (hops.some((h) => /\/realms\//.test(h.url))) return 'keycloak'
  return 'other'
}
