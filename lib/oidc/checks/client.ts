import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import type { CheckContext } from '../../context'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const OKTA_CLIENT_ID = /^0oa[A-Za-z0-9]{17}$/

/**
 * The redirect URI the admin registered: absolute, https (http only for localhost), no fragment, no wildcard,
 * and of the vendor's form when the profile says so. @see RFC 6749 §3.1.2, RFC 9700 §4.1
 */
export function checkRedirectUri(redirectUri: string, ctx: CheckContext): Finding[] {
  const where = 'redirect URI'
  if (redirectUri.includes('*'))
    return [finding('OIDC_REDIRECT_URI_WILDCARD', { expected: 'an exact URL', actual: redirectUri, where }, ctx)]
  let url: URL
  try {
    url = new URL(redirectUri)
  } catch {
    return [
      finding(
        'OIDC_REDIRECT_URI_INVALID',
        { expected: 'an absolute https URL', actual: redirectUri, where, reason: 'not an absolute URL' },
        ctx,
      ),
    ]
  }
  const out: Finding[] = []
  if (url.hash || redirectUri.includes('#'))
    out.push(
      finding(
        'OIDC_REDIRECT_URI_INVALID',
        { expected: redirectUri.replace(/#.*$/, ''), actual: redirectUri, where, reason: 'fragment' },
        ctx,
      ),
    )
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
    out.push(
      finding(
        'OIDC_REDIRECT_URI_NOT_HTTPS',
        { expected: redirectUri.replace(/^http:/i, 'https:'), actual: redirectUri, where },
        ctx,
      ),
    )
  else if (url.protocol !== 'http:' && url.protocol !== 'https:')
    out.push(
      finding(
        'OIDC_REDIRECT_URI_INVALID',
        { expected: 'an https URL', actual: redirectUri, where, reason: `${url.protocol} scheme` },
        ctx,
      ),
    )
  const pattern = ctx.profile.oidc?.redirectUriPattern
  if (pattern && !safeTest(pattern, redirectUri))
    out.push(finding('OIDC_REDIRECT_URI_NOT_VENDOR', { expected: pattern, actual: redirectUri, where }, ctx))
  return out
}

/** The client ID's form for the detected IdP; a value that looks like a secret is reported without showing it. */
export function checkClientId(clientId: string, ctx: CheckContext): Finding[] {
  const id = clientId.trim()
  const where = 'client ID'
  // Entra secret values contain "~" (e.g. "abc8Q~…"), Okta secrets are 40+ url-safe characters; never echo one into a report.
  if ((id.includes('~') && id.length >= 30) || /^[A-Za-z0-9_-]{40,}$/.test(id))
    return [
      finding(
        'OIDC_CLIENT_ID_LOOKS_LIKE_SECRET',
        {
          expected: 'the Application (client) ID',
          actual: `a ${id.length}-character secret-like value (not shown)`,
          where,
        },
        ctx,
      ),
    ]
  if (ctx.idp === 'entra' && !GUID.test(id))
    return [
      finding(
        'OIDC_CLIENT_ID_FORMAT',
        { expected: 'a GUID (00000000-0000-0000-0000-000000000000)', actual: id, where },
        ctx,
      ),
    ]
  if (ctx.idp === 'okta' && !OKTA_CLIENT_ID.test(id))
    return [finding('OIDC_CLIENT_ID_FORMAT', { expected: '20 characters starting with 0oa', actual: id, where }, ctx)]
  if (id === '')
    return [finding('OIDC_CLIENT_ID_FORMAT', { expected: 'the client ID of the app', actual: 'empty', where }, ctx)]
  return []
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value)
  } catch {
    return true
  }
}
