import * as core from '@/lib'
import * as net from '@/lib/net'
import * as samlMetadata from '@/lib/saml/metadata'
import * as samlResponse from '@/lib/saml/response'
import { buildReport, sortFindings, summarize, type Finding, type IdpKind, type Report, type SubjectKind } from '@/lib/findings'
import { BUILTIN_PROFILES, parseProfile, type SpProfile } from '@/lib/profiles'
import type { IdpTrust } from '@/lib/saml/types'
import type { CheckContext } from '@/lib/context'
import type { CheckRequest, MetadataCheck, OidcCheck, ResponseCheck } from './check-request'

/** A finished check, or why none could run: a report carries every customer-side problem as findings. */
export type CheckOutcome =
  | { ok: true; report: Report }
  | { ok: false; reason: 'unavailable' | 'failed' | 'invalid-profile'; message: string }

type FetchResult = { ok: true; body: string; findings?: readonly Finding[] } | { ok: false; findings: Finding[] }
type ParsedValue = { ok: true; value: unknown } | { ok: false; findings: Finding[] }

/** The core entry points as this glue calls them; they land in lib/ separately, so each is looked up at call time. */
interface CoreApi {
  analyzeSamlMetadata(input: { xml: string; source?: string }, opts: {
    profile: SpProfile; now?: Date; spEntityId?: string; acsUrl?: string; signOnUrl?: string; idp?: IdpKind
  }): Report | Promise<Report>
  analyzeOidcConfiguration(input: { discovery: string; jwks?: string; source?: string }, opts: {
    profile: SpProfile; now?: Date; expectedIssuer?: string; clientId?: string; redirectUri?: string
  }): Report | Promise<Report>
  fetchOidcDocuments(issuerOrUrl: string): Promise<unknown>
  validateSamlResponse(input: { response: string }, trust: IdpTrust, opts: { ctx: CheckContext; requestId?: string }): Report | Promise<Report>
  parseIdpMetadata(xml: string): ParsedValue
  toIdpTrust(metadata: unknown): IdpTrust
  safeFetch(url: string, opts?: Record<PropertyKey, unknown>): Promise<FetchResult>
  checkContext: typeof core.checkContext
}

// The public barrel wins; the area barrels cover entry points it does not re-export (yet).
const api = { ...net, ...samlMetadata, ...samlResponse, ...core } as unknown as Partial<CoreApi>

const KIND_NAME: Record<CheckRequest['kind'], string> = {
  'saml-metadata': 'SAML metadata analysis',
  'oidc-discovery': 'OIDC configuration analysis',
  'saml-response': 'SAML response validation',
}

class Unavailable extends Error {}

function need<K extends keyof CoreApi>(name: K, kind: CheckRequest['kind']): CoreApi[K] {
  const fn = api[name]
  if (typeof fn !== 'function') throw new Unavailable(`${KIND_NAME[kind]} is not available in this build yet (${String(name)} is missing).`)
  return fn as CoreApi[K]
}

/**
 * Turns a validated form or API body into the one core call it stands for. Customer-side problems (unreachable URL,
 * bad document) come back inside the report as findings; only a missing core function or our own bug is not a report.
 */
export async function runCheck(req: CheckRequest): Promise<CheckOutcome> {
  const profile = resolveProfile(req.profile)
  if (!profile.ok) return { ok: false, reason: 'invalid-profile', message: profile.message }
  try {
    switch (req.kind) {
      case 'saml-metadata': return { ok: true, report: await checkMetadata(req, profile.value) }
      case 'oidc-discovery': return { ok: true, report: await checkOidc(req, profile.value) }
      case 'saml-response': return { ok: true, report: await checkResponse(req, profile.value) }
    }
  } catch (err) {
    if (err instanceof Unavailable) return { ok: false, reason: 'unavailable', message: err.message }
    // Log the failure's kind only: messages may quote the customer's document.
    console.error(`[check] ERR_UNEXPECTED in ${req.kind}: ${err instanceof Error ? err.name : typeof err}`)
    return { ok: false, reason: 'failed', message: `The ${KIND_NAME[req.kind]} failed unexpectedly (ERR_UNEXPECTED). This is a bug in SSO Preflight, not in your input.` }
  }
}

function resolveProfile(p: CheckRequest['profile']): { ok: true; value: SpProfile } | { ok: false; message: string } {
  if (typeof p === 'string') return { ok: true, value: BUILTIN_PROFILES[p] }
  const parsed = parseProfile(p)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, message: `The custom profile is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` }
}

async function fetchText(url: string, kind: CheckRequest['kind']): Promise<FetchResult> {
  const safeFetch = need('safeFetch', kind)
  return safeFetch(url)
}

/** A report that says only why the input could not be read (e.g. the URL did not answer). */
function inputReport(kind: SubjectKind, profile: SpProfile, now: Date | undefined, source: string, findings: Finding[]): Report {
  return buildReport({ subject: { kind, idp: 'other', source }, profile: profile.id, now: now ?? new Date(), findings })
}

async function checkMetadata(req: MetadataCheck, profile: SpProfile): Promise<Report> {
  const analyze = need('analyzeSamlMetadata', req.kind)
  let xml = req.xml, source = 'upload', fetchWarnings: readonly Finding[] = []
  if (req.url !== undefined) {
    const fetched = await fetchText(req.url, req.kind)
    if (!fetched.ok) return inputReport(req.kind, profile, req.now, req.url, fetched.findings)
    xml = fetched.body
    source = req.url
    fetchWarnings = fetched.findings ?? []
  }
  const report = await analyze({ xml: xml ?? '', source }, {
    profile, ...defined({ now: req.now, spEntityId: req.spEntityId, acsUrl: req.acsUrl, signOnUrl: req.signOnUrl, idp: req.idp }),
  })
  return withFindings(report, fetchWarnings)
}

async function checkOidc(req: OidcCheck, profile: SpProfile): Promise<Report> {
  const analyze = need('analyzeOidcConfiguration', req.kind)
  let discovery = req.discovery, jwks = req.jwks, source = 'upload'
  if (req.url !== undefined) {
    const fetched = toOidcDocuments(await need('fetchOidcDocuments', req.kind)(req.url))
    if (!fetched.ok) return inputReport(req.kind, profile, req.now, req.url, fetched.findings)
    discovery = fetched.discovery
    jwks = fetched.jwks ?? jwks
    source = req.url
  }
  return analyze({ discovery: discovery ?? '', source, ...defined({ jwks }) }, {
    profile, ...defined({ now: req.now, expectedIssuer: req.expectedIssuer, clientId: req.clientId, redirectUri: req.redirectUri }),
  })
}

async function checkResponse(req: ResponseCheck, profile: SpProfile): Promise<Report> {
  const validate = need('validateSamlResponse', req.kind)
  const parseIdpMetadata = need('parseIdpMetadata', req.kind)
  const toIdpTrust = need('toIdpTrust', req.kind)
  let metadataXml = req.idpMetadata, fetchWarnings: readonly Finding[] = []
  if (req.idpMetadataUrl !== undefined) {
    const fetched = await fetchText(req.idpMetadataUrl, req.kind)
    if (!fetched.ok) return inputReport(req.kind, profile, req.now, req.idpMetadataUrl, fetched.findings)
    metadataXml = fetched.body
    fetchWarnings = fetched.findings ?? []
  }
  const metadata = parseIdpMetadata(metadataXml ?? '')
  // Without readable IdP metadata there is no certificate to trust, so the response is not read at all.
  if (!metadata.ok) return inputReport(req.kind, profile, req.now, req.idpMetadataUrl ?? 'IdP metadata', metadata.findings)
  const trust = toIdpTrust(metadata.value)
  const ctx = core.checkContext({ profile, idp: trust.kind, ...defined({ now: req.now, spEntityId: req.spEntityId, acsUrl: req.acsUrl }) })
  return withFindings(await validate({ response: req.response ?? '' }, trust, { ctx, ...defined({ requestId: req.requestId }) }), fetchWarnings)
}

/** Adds what the fetch noticed on the way (e.g. NET_NOT_HTTPS) to the report, keeping the order and summary derived. */
function withFindings(report: Report, extra: readonly Finding[]): Report {
  if (!extra.length) return report
  const findings = sortFindings([...report.findings, ...extra])
  return { ...report, findings, summary: summarize(findings) }
}

/** fetchOidcDocuments' answer, read defensively: the discovery text and the JWKS text when it was fetched. */
function toOidcDocuments(r: unknown): { ok: true; discovery: string; jwks?: string } | { ok: false; findings: Finding[] } {
  const o = (r ?? {}) as Record<string, unknown>
  if (o.ok === false && Array.isArray(o.findings)) return { ok: false, findings: o.findings as Finding[] }
  const v = (o.ok === true && o.value && typeof o.value === 'object' ? o.value : o) as Record<string, unknown>
  const text = (x: unknown) => (typeof x === 'string' ? x : x && typeof x === 'object' ? JSON.stringify(x) : undefined)
  const discovery = text(v.discovery)
  if (discovery === undefined) throw new Error('fetchOidcDocuments returned no discovery document')
  const jwks = text(v.jwks)
  return { ok: true, discovery, ...(jwks !== undefined ? { jwks } : {}) }
}

/** Drops undefined members, so optional options stay absent rather than explicitly undefined. */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
  return out as { [K in keyof T]?: Exclude<T[K], undefined> }
}
