import { bodyLimitFor, formatBytes } from './body-limits'
import { readDeploymentConfig } from '@/lib/team/config'
import { ALL_SESSION_COOKIES, ALL_SETUP_LINK_COOKIES, readCookie } from '@/lib/team/cookies'

/**
 * What the request proxy (proxy.ts) decides for every request, as a pure function of the method, URL and headers:
 * testable without a server. It refuses requests for other Host names (DNS rebinding), state-changing requests from
 * other sites (CSRF), non-JSON bodies on the JSON APIs and declared bodies over the cap, and gives every response the
 * security headers (a nonce-based CSP among them).
 */

/** Loopback names: the app answers to these on any port. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const

export interface RequestPolicyConfig {
  /** Host names (no port) the app answers to; any port. */
  readonly allowedHosts: readonly string[]
  /** The public origin (SSO_PREFLIGHT_PUBLIC_URL), whose Origin is same-site even behind a TLS-terminating proxy. */
  readonly publicOrigin?: string
  /** Development: React needs eval for its error overlays. */
  readonly dev: boolean
  /** Demo / tests: the IdP may live on plain http on loopback. */
  readonly allowHttpIdp: boolean
  /** Team mode: only the open endpoints answer without a session cookie, a setup-link cookie or a Bearer token. */
  readonly teamMode?: boolean
}

export interface RequestFacts {
  readonly method: string
  /** Path and query, or a whole URL: only the path is read. */
  readonly url: string
  readonly headers: { get(name: string): string | null }
}

export type RequestDecision =
  | {
      readonly action: 'allow'
      readonly requestHeaders: Record<string, string>
      readonly responseHeaders: Record<string, string>
    }
  | {
      readonly action: 'refuse'
      readonly status: number
      readonly message: string
      readonly responseHeaders: Record<string, string>
      readonly error?: string
    }
  /** Team mode, a page without credentials: to the sign-in page, coming back to `location`'s `next` afterwards. */
  | { readonly action: 'sign-in'; readonly location: string; readonly responseHeaders: Record<string, string> }

/** The configuration from the environment: loopback names, the public URL's host, SSO_PREFLIGHT_ALLOWED_HOSTS. */
export function requestPolicyConfigFromEnv(env: Record<string, string | undefined>): RequestPolicyConfig {
  const hosts: string[] = [...LOOPBACK_HOSTS]
  let publicOrigin: string | undefined
  if (env.SSO_PREFLIGHT_PUBLIC_URL) {
    try {
      const u = new URL(env.SSO_PREFLIGHT_PUBLIC_URL)
      hosts.push(u.hostname.toLowerCase())
      publicOrigin = u.origin
    } catch {
      /* an invalid public URL adds nothing; originOf() ignores it too */
    }
  }
  for (const h of (env.SSO_PREFLIGHT_ALLOWED_HOSTS ?? '').split(',')) if (h.trim()) hosts.push(h.trim().toLowerCase())
  return {
    allowedHosts: hosts,
    ...(publicOrigin ? { publicOrigin } : {}),
    dev: env.NODE_ENV === 'development',
    allowHttpIdp: env.SSO_PREFLIGHT_ALLOW_LOOPBACK === '1',
    teamMode: teamModeOf(env),
  }
}

/** A half-configured team mode fails closed here (the app itself refuses to start with the message). */
function teamModeOf(env: Record<string, string | undefined>): boolean {
  try {
    return readDeploymentConfig(env, Buffer.alloc(32)).mode === 'team'
  } catch {
    return true
  }
}

/** What answers in team mode without credentials: sign-in, the IdP's answers to test logins, setup links, health. */
const OPEN_IN_TEAM_MODE = new Set([
  '/auth/sign-in',
  '/auth/callback',
  '/auth/error',
  '/auth/signed-out',
  '/saml/acs',
  '/oidc/callback',
  '/api/health',
  '/favicon.svg',
  '/favicon.ico',
  '/robots.txt',
])
const OPEN_PREFIX_IN_TEAM_MODE = ['/setup-link/', '/_next/']

/** Presence only (cheap, no database): whether they are valid is app/_server/access.ts's decision. */
function hasCredentials(headers: RequestFacts['headers']): boolean {
  if (/^Bearer\s+\S/i.test(headers.get('authorization') ?? '')) return true
  const cookie = headers.get('cookie')
  return [...ALL_SESSION_COOKIES, ...ALL_SETUP_LINK_COOKIES].some((name) => !!readCookie(cookie, name))
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Cross-site by design, and checked by their own state (InResponseTo / RelayState, OIDC state + PKCE). */
const CROSS_SITE_ENDPOINTS = new Set(['/saml/acs', '/oidc/callback'])
/** JSON APIs: a text/plain body is what a cross-origin form or "simple" fetch can send without a preflight. */
const JSON_ENDPOINTS = new Set(['/api/connections', '/api/saved-reports', '/triage/bundle', '/api/webhooks'])
/** Answers with its own CSP: the SAML auto-post page must post to the IdP (form-action) with an inline script. */
const OWN_CSP = /^\/connections\/[^/]+\/test-login\/start$/
/** Pages whose form starts a test login: the start answers with a redirect to the IdP, which form-action governs. */
const STARTS_TEST_LOGIN = /^\/connections\/[^/]+\/test-login\/?$/

export function decideRequest(req: RequestFacts, config: RequestPolicyConfig, nonce: string): RequestDecision {
  const method = req.method.toUpperCase()
  const path = pathOf(req.url)
  const refuse = (status: number, message: string): RequestDecision => ({
    action: 'refuse',
    status,
    message,
    responseHeaders: refusalHeaders(),
  })

  const host = req.headers.get('host')
  const forwardedHost = req.headers.get('x-forwarded-host')
  const hostName = host ? hostnameOf(host) : undefined
  if (!hostName || !config.allowedHosts.includes(hostName)) {
    return refuse(
      421,
      `This SSO Preflight answers only to ${config.allowedHosts.join(', ')} (Host: ${clip(host ?? '(none)')}). Set SSO_PREFLIGHT_PUBLIC_URL to serve it under another name.`,
    )
  }
  // The origin for links is read from X-Forwarded-Host when present, so it must be one of ours as well.
  if (forwardedHost !== null) {
    const fwd = hostnameOf(forwardedHost.split(',')[0]!.trim())
    if (!fwd || !config.allowedHosts.includes(fwd))
      return refuse(421, `X-Forwarded-Host ${clip(forwardedHost)} is not a name this SSO Preflight answers to.`)
  }

  if (UNSAFE_METHODS.has(method) && !CROSS_SITE_ENDPOINTS.has(path)) {
    const site = req.headers.get('sec-fetch-site')
    if (site !== null && site !== 'same-origin' && site !== 'none') {
      return refuse(
        403,
        `Cross-site ${method} refused (Sec-Fetch-Site: ${clip(site)}): changes are made only from SSO Preflight's own pages.`,
      )
    }
    const origin = req.headers.get('origin')
    // Our pages are served with Referrer-Policy: no-referrer, so the browser sends `Origin: null` on their own form
    // posts (Fetch: serializing a request origin); Sec-Fetch-Site then says the request came from this origin.
    const sameOriginPost = origin === 'null' && site === 'same-origin'
    if (
      origin !== null &&
      !sameOriginPost &&
      !isOwnOrigin(origin, forwardedHost?.split(',')[0]!.trim() ?? host!, config)
    ) {
      return refuse(
        403,
        `Cross-origin ${method} refused (Origin: ${clip(origin)}): changes are made only from SSO Preflight's own pages.`,
      )
    }
    if (
      JSON_ENDPOINTS.has(path) &&
      method !== 'DELETE' &&
      !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(req.headers.get('content-type') ?? '')
    ) {
      return refuse(415, `${path} takes JSON: send the body with Content-Type: application/json.`)
    }
  }

  const declared = Number(req.headers.get('content-length') ?? '0')
  const limit = bodyLimitFor(path, req.headers.get('next-action') !== null)
  if (Number.isFinite(declared) && declared > limit) {
    return refuse(
      413,
      `The request body is ${formatBytes(declared)}; the limit for this address is ${formatBytes(limit)}.`,
    )
  }

  if (
    config.teamMode &&
    !OPEN_IN_TEAM_MODE.has(path) &&
    !OPEN_PREFIX_IN_TEAM_MODE.some((p) => path.startsWith(p)) &&
    !hasCredentials(req.headers)
  ) {
    if (path === '/api' || path.startsWith('/api/')) {
      return {
        action: 'refuse',
        status: 401,
        error: 'ERR_UNAUTHENTICATED',
        message: 'Sign in, or send an API token as Authorization: Bearer <token>.',
        responseHeaders: refusalHeaders(),
      }
    }
    return {
      action: 'sign-in',
      location: `/auth/sign-in?next=${encodeURIComponent(pathAndQueryOf(req.url))}`,
      responseHeaders: refusalHeaders(),
    }
  }

  const csp = contentSecurityPolicy(nonce, config, STARTS_TEST_LOGIN.test(path))
  const headers: Record<string, string> = {
    ...securityHeaders(),
    ...(OWN_CSP.test(path) ? {} : { 'content-security-policy': csp }),
  }
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  return {
    action: 'allow',
    requestHeaders: { 'x-nonce': nonce, 'content-security-policy': csp },
    responseHeaders: headers,
  }
}

/** Headers every response carries, whatever its kind. */
export function securityHeaders(): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), display-capture=(), browsing-topics=()',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  }
}

/**
 * The pages' CSP: scripts only with this response's nonce (Next.js adds it to its own), no framing, no plugins.
 * Inline style attributes stay allowed: the UI sets a few, and styles cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  config: Pick<RequestPolicyConfig, 'dev' | 'allowHttpIdp'>,
  startsTestLogin = false,
): string {
  // Starting a test login redirects the form's submission to the IdP, which the form-action directive also governs.
  const formAction = startsTestLogin ? `'self' https:${config.allowHttpIdp ? ' http:' : ''}` : `'self'`
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${config.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action ${formAction}`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

/**
 * The SAML auto-post page's CSP: its one inline script (by nonce) and a form that posts to the IdP's SSO URL only.
 * Set by the start route itself, since only it knows the IdP's URL.
 */
export function autoPostContentSecurityPolicy(nonce: string, idpUrl: string): string {
  let target = `'none'`
  try {
    const u = new URL(idpUrl)
    if (u.protocol === 'https:' || u.protocol === 'http:') target = u.origin
  } catch {
    /* no valid target: the form cannot post anywhere */
  }
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `form-action ${target}`,
    `frame-ancestors 'none'`,
    `base-uri 'none'`,
  ].join('; ')
}

function refusalHeaders(): Record<string, string> {
  return {
    ...securityHeaders(),
    'content-security-policy': `default-src 'none'; frame-ancestors 'none'`,
    'cache-control': 'no-store',
  }
}

function pathAndQueryOf(url: string): string {
  try {
    const u = new URL(url, 'http://localhost')
    return `${u.pathname}${u.search}`
  } catch {
    return '/'
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname
  } catch {
    return '/'
  }
}

/** "Example.COM:3000" → "example.com"; "[::1]:3000" → "[::1]"; undefined when it is not a host[:port]. */
function hostnameOf(hostHeader: string): string | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(hostHeader.trim())
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : undefined
}

/** Same origin as the request (its Host, with port), or the configured public origin. */
function isOwnOrigin(origin: string, requestHost: string, config: RequestPolicyConfig): boolean {
  if (origin === 'null') return false
  let u: URL
  try {
    u = new URL(origin)
  } catch {
    return false
  }
  if (config.publicOrigin && u.origin === config.publicOrigin) return true
  try {
    // Through URL on both sides, so a default port written out ("localhost:80") compares equal to none.
    return u.host === new URL(`${u.protocol}//${requestHost.trim()}`).host
  } catch {
    return false
  }
}

/** Header values quoted in messages: short, printable. */
function clip(s: string): string {
  const printable = s.replace(/[^\x20-\x7e]/g, '?')
  return printable.length > 100 ? `${printable.slice(0, 100)}…` : printable
}
