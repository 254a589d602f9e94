import { buildReport, type Report } from '../findings/report'
import { allowLoopbackForTests, safeFetch, type SafeFetchOptions } from '../net/index'
import { analyzeOidcConfiguration, fetchOidcDocuments } from '../oidc/index'
import { analyzeSamlMetadata } from '../saml/metadata/index'
import type { Connection } from '../store/types'
import { profileFor } from '../testlogin/profile'
import { watchReport, type WatchResult, type WatchSnapshot } from './watch'

/** A saved connection the app re-checks on its own: one with a metadata URL (SAML) or an issuer (OIDC). */
export function watchSourceOf(c: Pick<Connection, 'protocol' | 'config'>): string | undefined {
  return c.protocol === 'saml' ? c.config.metadataUrl : c.config.issuer
}

/**
 * Fetches a connection's metadata (or discovery + JWKS) again through lib/net, checks it as the connection's static
 * check does, and adds what changed since `previous` (lib/watch). Null when the connection has nothing to fetch.
 * A fetch that fails is a report too (its NET_ findings), with no snapshot worth keeping.
 */
export async function recheckConnection(
  c: Connection,
  o: { previous?: WatchSnapshot | null; now: Date; fetchOptions?: SafeFetchOptions },
): Promise<(WatchResult & { fetched: boolean }) | null> {
  const source = watchSourceOf(c)
  if (!source) return null
  const profile = profileFor(c.profileId)
  const fetchOptions = o.fetchOptions ?? {}
  let report: Report
  let contents: string[]
  if (c.protocol === 'oidc') {
    const docs = await fetchOidcDocuments(source, fetchOptions)
    if (docs.discovery === undefined) return failed(c, source, docs.findings, o.now)
    const analysed = analyzeOidcConfiguration(
      { discovery: docs.discovery, ...(docs.jwks !== undefined ? { jwks: docs.jwks } : {}), source },
      {
        profile,
        now: o.now,
        expectedIssuer: source,
        ...(c.config.clientId ? { clientId: c.config.clientId } : {}),
        ...(fetchOptions[allowLoopbackForTests] ? { [allowLoopbackForTests]: true as const } : {}),
      },
    )
    report = docs.findings.length
      ? buildReport({ ...analysed, now: o.now, findings: [...analysed.findings, ...docs.findings] })
      : analysed
    contents = [docs.discovery, docs.jwks ?? '']
  } else {
    const fetched = await safeFetch(source, fetchOptions)
    if (!fetched.ok) return failed(c, source, fetched.findings, o.now)
    report = analyzeSamlMetadata(
      { xml: fetched.body, source },
      {
        profile,
        now: o.now,
        ...(c.config.spEntityId ? { spEntityId: c.config.spEntityId } : {}),
        ...(c.config.acsUrl ? { acsUrl: c.config.acsUrl } : {}),
      },
    )
    contents = [fetched.body]
  }
  return { ...watchReport(report, { contents, ...(o.previous ? { previous: o.previous } : {}) }), fetched: true }
}

function failed(
  c: Connection,
  source: string,
  findings: Report['findings'],
  now: Date,
): WatchResult & { fetched: boolean } {
  const report = buildReport({
    subject: { kind: c.protocol === 'oidc' ? 'oidc-discovery' : 'saml-metadata', idp: 'other', source },
    profile: profileFor(c.profileId).id,
    now,
    findings,
  })
  return {
    report,
    snapshot: {
      schema: 'sso-preflight/watch@1',
      source,
      checkedAt: report.checkedAt,
      contentSha256: '0'.repeat(64),
      verdict: report.summary.verdict,
      certificates: [],
    },
    fetched: false,
  }
}
