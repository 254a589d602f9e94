import { checkContext } from '../context'
import { buildReport, type Report } from '../findings/report'
import type { Finding } from '../findings/types'
import { safeFetch } from '../net/safe-fetch'
import { allowLoopbackForTests, type SafeFetchOptions } from '../net/types'
import { analyzeOidcConfiguration } from './analyze'
import { issuerFromDiscoveryUrl } from './checks/issuer'
import { detectOidcIdp } from './detect-idp'
import type { OidcOptions } from './types'

const WELL_KNOWN = '/.well-known/openid-configuration'

export interface OidcDocuments {
  readonly discoveryUrl: string
  /** The issuer the document must state: the issuer typed, or the prefix of a typed discovery URL. */
  readonly expectedIssuer?: string
  readonly discovery?: string
  readonly jwksUrl?: string
  readonly jwks?: string
  /** NET_ findings (refusals, failures, http warnings) of both fetches. */
  readonly findings: Finding[]
}

/**
 * Fetches <issuer>/.well-known/openid-configuration and then its jwks_uri, both through lib/net's safeFetch
 * (so a jwks_uri to a private or metadata address is refused like any other URL).
 * @example const docs = await fetchOidcDocuments('https://login.microsoftonline.com/<tenant>/v2.0')
 */
export async function fetchOidcDocuments(
  issuerOrUrl: string,
  fetchOpts: SafeFetchOptions = {},
): Promise<OidcDocuments> {
  const typed = issuerOrUrl.trim()
  const isDiscoveryUrl = typed.includes('/.well-known/')
  const discoveryUrl = isDiscoveryUrl ? typed : typed.replace(/\/+$/, '') + WELL_KNOWN
  const expectedIssuer = isDiscoveryUrl ? issuerFromDiscoveryUrl(typed) : typed
  const base = { discoveryUrl, ...(expectedIssuer ? { expectedIssuer } : {}) }
  const ctx = fetchOpts.ctx ?? { idp: detectOidcIdp(expectedIssuer) }
  const d = await safeFetch(discoveryUrl, { ...fetchOpts, ctx })
  if (!d.ok) return { ...base, findings: d.findings }
  const jwksUrl = jwksUriOf(d.body)
  if (jwksUrl === undefined) return { ...base, discovery: d.body, findings: d.findings }
  const j = await safeFetch(jwksUrl, { ...fetchOpts, ctx })
  const findings = [...d.findings, ...j.findings]
  return { ...base, discovery: d.body, jwksUrl, ...(j.ok ? { jwks: j.body } : {}), findings }
}

/**
 * Fetch and analyse in one step: the Report of analyzeOidcConfiguration plus the fetches' NET_ findings.
 * The configured issuer (opts.expectedIssuer) wins over the one derived from the URL.
 */
export async function analyzeOidcIssuer(
  issuerOrUrl: string,
  opts: OidcOptions & {
    fetch?: SafeFetchOptions
    /** A JWKS the admin gave: checked instead of the fetched one. */ jwks?: string
  },
): Promise<Report> {
  return analyzeFetchedOidc(await fetchOidcDocuments(issuerOrUrl, opts.fetch), opts)
}

/** The analysis half of analyzeOidcIssuer, for a caller that also keeps the fetched documents (watch). */
export function analyzeFetchedOidc(
  docs: OidcDocuments,
  opts: OidcOptions & { fetch?: SafeFetchOptions; jwks?: string },
): Report {
  const expectedIssuer = opts.expectedIssuer ?? docs.expectedIssuer
  const withExpected = { ...opts, ...(expectedIssuer ? { expectedIssuer } : {}) }
  if (docs.discovery === undefined) {
    const now = opts.now ?? new Date()
    const ctx = checkContext({ profile: opts.profile, now, idp: opts.idp ?? detectOidcIdp(expectedIssuer) })
    return buildReport({
      subject: { kind: 'oidc-discovery', idp: ctx.idp, source: docs.discoveryUrl },
      profile: opts.profile.id,
      now,
      findings: docs.findings,
      skipped: [{ check: 'discovery', reason: 'the discovery document could not be fetched' }],
    })
  }
  // What the fetch was allowed (loopback, in tests) the endpoint-host check allows too, as a warning.
  const allowance = opts.fetch?.[allowLoopbackForTests] === true ? { [allowLoopbackForTests]: true as const } : {}
  const jwks = opts.jwks ?? docs.jwks
  const { jwks: _given, fetch: _fetch, ...analyzeOpts } = withExpected
  const report = analyzeOidcConfiguration(
    { discovery: docs.discovery, ...(jwks !== undefined ? { jwks } : {}), source: docs.discoveryUrl },
    { ...analyzeOpts, ...allowance },
  )
  if (docs.findings.length === 0) return report
  return buildReport({ ...report, now: new Date(report.checkedAt), findings: [...report.findings, ...docs.findings] })
}

function jwksUriOf(body: string): string | undefined {
  try {
    const doc: unknown = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body)
    const uri = (doc as { jwks_uri?: unknown } | null)?.jwks_uri
    return typeof uri === 'string' ? uri : undefined
  } catch {
    return undefined
  }
}
