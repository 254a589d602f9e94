import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { isLoopbackHostname } from '../../net/loopback-host'
import type { OidcCheckContext, OidcDiscovery } from '../types'

const WELL_KNOWN = '/.well-known/openid-configuration'
const TEMPLATE = '{tenantid}'
const ENTRA_V1 = /^https:\/\/sts\.windows\.net\/([^/]+)\/?$/i
const ENTRA_V2 = /^https:\/\/login\.microsoftonline\.(?:com|us)\/([^/]+)\/v2\.0\/?$/i
const OKTA_HOST = /^https:\/\/([^/]+\.(?:okta|oktapreview|okta-emea|okta-gov|okta-mil)\.com)(\/.*)?$/i

/** The issuer a document fetched from `source` must state (OIDC Discovery §4.3): the URL before /.well-known/…. */
export function issuerFromDiscoveryUrl(source: string | undefined): string | undefined {
  if (!source || !/^https?:\/\//i.test(source)) return undefined
  const i = source.indexOf(WELL_KNOWN)
  return i > 0 && source.slice(i + WELL_KNOWN.length).replace(/[?#].*$/, '') === '' ? source.slice(0, i) : undefined
}

/**
 * The issuer: present, an https URL without query or fragment, not Entra's {tenantid} template, not a v1/v2 mix,
 * and identical to the configured issuer (or to the URL the document was fetched from).
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export function checkIssuer(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const configured = ctx.expectedIssuer
  const expected = configured ?? issuerFromDiscoveryUrl(ctx.source)
  const where = configured
    ? 'issuer (vs the configured issuer)'
    : expected
      ? `issuer (vs the URL it was fetched from: ${ctx.source})`
      : 'issuer'
  const issuer = doc.issuer
  if (typeof issuer !== 'string' || issuer.trim() === '')
    return [
      finding(
        'OIDC_ISSUER_MISSING',
        {
          expected: expected ?? 'an https issuer URL',
          actual: issuer === undefined ? 'missing' : issuer,
          where: 'issuer',
        },
        ctx,
      ),
    ]

  const out: Finding[] = []
  const templated = issuer.includes(TEMPLATE)
  if (templated) {
    const tenant = tenantOf(expected) ?? '<your-tenant-id>'
    out.push(
      finding(
        'OIDC_ENTRA_ISSUER_TEMPLATE',
        { expected: issuer.replace(TEMPLATE, tenant), actual: issuer, where: 'issuer' },
        ctx,
      ),
    )
  }
  const url = parseUrl(issuer)
  if (!url || url.protocol !== 'https:')
    out.push(
      finding(
        'OIDC_ISSUER_NOT_HTTPS',
        { expected: url ? issuer.replace(/^http:/i, 'https:') : `https://${issuer}`, actual: issuer, where: 'issuer' },
        ctx,
        url && isLoopbackHostname(url.hostname) ? { severity: 'warning' } : {},
      ),
    )
  else if (url.search || url.hash || /[?#]/.test(issuer))
    out.push(
      finding('OIDC_ISSUER_INVALID', { expected: issuer.replace(/[?#].*$/, ''), actual: issuer, where: 'issuer' }, ctx),
    )

  out.push(...checkEntraVersionInDocument(doc, issuer, ctx))
  if (expected !== undefined && expected !== issuer && !(templated && matchesTemplate(issuer, expected)))
    out.push(compareWithExpected(issuer, expected, where, ctx))
  return out
}

/** The msalnet "hybrid" document: a v1 issuer (sts.windows.net) over v2.0 endpoints, or the reverse. */
function checkEntraVersionInDocument(doc: OidcDiscovery, issuer: string, ctx: OidcCheckContext): Finding[] {
  const endpoint = [doc.authorization_endpoint, doc.token_endpoint].find(
    (e): e is string => typeof e === 'string' && /login\.microsoftonline\.|login\.windows\.net/i.test(e),
  )
  if (!endpoint) return []
  const v2Endpoints = /\/oauth2\/v2\.0\//i.test(endpoint)
  const v1 = ENTRA_V1.exec(issuer)
  const v2 = ENTRA_V2.exec(issuer)
  if (v1 && v2Endpoints)
    return [
      finding(
        'OIDC_ENTRA_ISSUER_VERSION_MISMATCH',
        {
          expected: `https://login.microsoftonline.com/${v1[1]}/v2.0`,
          actual: issuer,
          where: 'issuer vs authorization_endpoint',
          endpoint,
        },
        ctx,
      ),
    ]
  if (v2 && !v2Endpoints && /\/oauth2\//i.test(endpoint))
    return [
      finding(
        'OIDC_ENTRA_ISSUER_VERSION_MISMATCH',
        {
          expected: `https://sts.windows.net/${v2[1]}/`,
          actual: issuer,
          where: 'issuer vs authorization_endpoint',
          endpoint,
        },
        ctx,
      ),
    ]
  return []
}

function compareWithExpected(issuer: string, expected: string, where: string, ctx: OidcCheckContext): Finding {
  if (expected.replace(/\/+$/, '') === issuer.replace(/\/+$/, ''))
    return finding('OIDC_ISSUER_TRAILING_SLASH', { expected, actual: issuer, where }, ctx)
  const eV1 = ENTRA_V1.exec(expected),
    eV2 = ENTRA_V2.exec(expected),
    aV1 = ENTRA_V1.exec(issuer),
    aV2 = ENTRA_V2.exec(issuer)
  if ((eV1 && aV2) || (eV2 && aV1))
    return finding('OIDC_ENTRA_ISSUER_VERSION_MISMATCH', { expected, actual: issuer, where }, ctx)
  const eOkta = OKTA_HOST.exec(expected),
    aOkta = OKTA_HOST.exec(issuer)
  if (eOkta && aOkta && eOkta[1]?.toLowerCase() === aOkta[1]?.toLowerCase()) {
    const expectedServer = oktaServer(eOkta[2]),
      actualServer = oktaServer(aOkta[2])
    if (expectedServer !== actualServer)
      return finding(
        'OIDC_OKTA_AUTHORIZATION_SERVER_MISMATCH',
        { expected, actual: issuer, where, expectedServer, actualServer },
        ctx,
      )
  }
  return finding('OIDC_ISSUER_MISMATCH', { expected, actual: issuer, where }, ctx)
}

/** 'org' for https://<org>.okta.com, 'default' or the aus… ID for a custom authorization server. */
function oktaServer(path: string | undefined): string {
  const m = /^\/oauth2\/([^/]+)/.exec(path ?? '')
  return m?.[1] ?? 'org'
}

function matchesTemplate(issuer: string, candidate: string): boolean {
  const [head = '', tail = ''] = issuer.split(TEMPLATE)
  return (
    candidate.startsWith(head) &&
    candidate.endsWith(tail) &&
    !candidate.slice(head.length, candidate.length - tail.length).includes('/')
  )
}

/** A tenant GUID in the configured issuer, to write the exact tenant-specific issuer into the evidence. */
function tenantOf(expected: string | undefined): string | undefined {
  return /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/|$)/i.exec(expected ?? '')?.[1]
}

function parseUrl(s: string): URL | undefined {
  try {
    return new URL(s)
  } catch {
    return undefined
  }
}
