import {
  analyzeOidcConfiguration, analyzeOidcIssuer, analyzeSamlMetadata, BUILTIN_PROFILES, buildReport, checkContext, parseIdpMetadata,
  parseProfile, safeFetch, sortFindings, summarize, toIdpTrust, validateSamlResponse,
  type Finding, type Report, type SpProfile, type SubjectKind,
} from '@/lib'
import type { CheckRequest, MetadataCheck, OidcCheck, ResponseCheck } from './check-request'
import { countFindings } from '@/lib/ops/metrics'

/** A finished check, or why none could run: every customer-side problem is a finding inside the report. */
export type CheckOutcome =
  | { ok: true; report: Report }
  | { ok: false; reason: 'failed' | 'invalid-profile'; message: string }

const KIND_NAME: Record<CheckRequest['kind'], string> = {
  'saml-metadata': 'SAML metadata analysis',
  'oidc-discovery': 'OIDC configuration analysis',
  'saml-response': 'SAML response validation',
}

/**
 * Turns a validated form or API body into the one core call it stands for. An unreachable URL or a bad document
 * comes back inside the report as findings; only our own bug is not a report (and is logged by code, not content).
 */
export async function runCheck(req: CheckRequest, o: { source?: string } = {}): Promise<CheckOutcome> {
  // How the document came in, as the report says it ("pasted text", "uploaded file"); an API body stays 'upload'.
  const source = o.source ?? 'upload'
  const profile = resolveProfile(req.profile)
  if (!profile.ok) return { ok: false, reason: 'invalid-profile', message: profile.message }
  try {
    const report = req.kind === 'saml-metadata' ? await checkMetadata(req, profile.value, source)
      : req.kind === 'oidc-discovery' ? await checkOidc(req, profile.value, source)
      : await checkResponse(req, profile.value, source)
    countFindings(report.findings.map((f) => f.code))
    return { ok: true, report }
  } catch (err) {
    // The kind of failure only: messages may quote the customer's document.
    console.error(`[check] ERR_UNEXPECTED in ${req.kind}: ${err instanceof Error ? err.name : typeof err}`)
    return { ok: false, reason: 'failed', message: `The ${KIND_NAME[req.kind]} failed unexpectedly (ERR_UNEXPECTED). This is a bug in SSO Preflight, not a problem with your input.` }
  }
}

function resolveProfile(p: CheckRequest['profile']): { ok: true; value: SpProfile } | { ok: false; message: string } {
  if (typeof p === 'string') return { ok: true, value: BUILTIN_PROFILES[p] }
  const parsed = parseProfile(p)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, message: `The custom profile is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` }
}

/** A report that says only why the input could not be read (e.g. the URL did not answer). */
function inputReport(kind: SubjectKind, profile: SpProfile, now: Date | undefined, source: string, findings: readonly Finding[]): Report {
  return buildReport({ subject: { kind, idp: 'other', source }, profile: profile.id, now: now ?? new Date(), findings })
}

/** Adds what the fetch noticed on the way (e.g. NET_NOT_HTTPS) to the report; order and summary stay derived. */
function withFindings(report: Report, extra: readonly Finding[]): Report {
  if (!extra.length) return report
  const findings = sortFindings([...report.findings, ...extra])
  return { ...report, findings, summary: summarize(findings) }
}

async function checkMetadata(req: MetadataCheck, profile: SpProfile, source: string): Promise<Report> {
  const opts = { profile, ...defined({ now: req.now, spEntityId: req.spEntityId, acsUrl: req.acsUrl, signOnUrl: req.signOnUrl, idp: req.idp }) }
  if (req.url === undefined) return analyzeSamlMetadata({ xml: req.xml ?? '', source }, opts)
  const fetched = await safeFetch(req.url)
  if (!fetched.ok) return inputReport(req.kind, profile, req.now, req.url, fetched.findings)
  return withFindings(analyzeSamlMetadata({ xml: fetched.body, source: req.url }, opts), fetched.findings)
}

async function checkOidc(req: OidcCheck, profile: SpProfile, source: string): Promise<Report> {
  const opts = { profile, ...defined({ now: req.now, expectedIssuer: req.expectedIssuer, clientId: req.clientId, redirectUri: req.redirectUri }) }
  // The issuer flow fetches discovery and then jwks_uri, both through lib/net, and reports the fetches' findings.
  if (req.url !== undefined) return analyzeOidcIssuer(req.url, opts)
  return analyzeOidcConfiguration({ discovery: req.discovery ?? '', source, ...defined({ jwks: req.jwks }) }, opts)
}

async function checkResponse(req: ResponseCheck, profile: SpProfile, source: string): Promise<Report> {
  let metadataXml = req.idpMetadata ?? '', fetchFindings: readonly Finding[] = []
  if (req.idpMetadataUrl !== undefined) {
    const fetched = await safeFetch(req.idpMetadataUrl)
    if (!fetched.ok) return inputReport(req.kind, profile, req.now, req.idpMetadataUrl, fetched.findings)
    metadataXml = fetched.body
    fetchFindings = fetched.findings
  }
  const metadata = parseIdpMetadata(metadataXml)
  // Without readable IdP metadata there is no certificate to trust, so the response is not read at all.
  if (!metadata.ok) return inputReport(req.kind, profile, req.now, req.idpMetadataUrl ?? 'IdP metadata', [...metadata.findings, ...fetchFindings])
  const trust = toIdpTrust(metadata.value)
  const ctx = checkContext({ profile, idp: trust.kind, ...defined({ now: req.now, spEntityId: req.spEntityId, acsUrl: req.acsUrl }) })
  const report = validateSamlResponse({ response: req.response ?? '' }, trust, { ctx, source, ...defined({ requestId: req.requestId }) })
  return withFindings(report, fetchFindings)
}

/** Drops undefined members, so optional options stay absent rather than explicitly undefined. */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
  return out as { [K in keyof T]?: Exclude<T[K], undefined> }
}
