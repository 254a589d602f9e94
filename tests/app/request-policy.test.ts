import { describe, expect, test } from 'vitest'
import {
  autoPostContentSecurityPolicy,
  decideRequest,
  requestPolicyConfigFromEnv,
  type RequestDecision,
} from '@/app/_server/request-policy'
import { autoPostPage } from '@/app/test-logins/_ui/auto-post'

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz'
const local = requestPolicyConfigFromEnv({})
const decide = (method: string, url: string, headers: Record<string, string>, config = local) =>
  decideRequest({ method, url, headers: new Headers(headers) }, config, NONCE)

function refused(d: RequestDecision, status: number, message: RegExp) {
  expect(d.action).toBe('refuse')
  if (d.action !== 'refuse') return
  expect(d.status).toBe(status)
  expect(d.message).toMatch(message)
  expect(d.responseHeaders['x-content-type-options']).toBe('nosniff')
}

describe('request proxy: Host (DNS rebinding)', () => {
  test('a foreign Host is refused with 421 and a message, for reads too', () => {
    refused(
      decide('GET', '/api/connections', { host: 'rebind.evil.example:3300' }),
      421,
      /answers only to localhost, 127\.0\.0\.1, \[::1\]/,
    )
    refused(decide('GET', '/', { host: 'localhost.evil.example' }), 421, /Host/)
    refused(decide('GET', '/', {}), 421, /\(none\)/)
  })

  test('loopback names on any port are served', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3417', '[::1]:8080', 'LOCALHOST', 'localhost.']) {
      expect(decide('GET', '/', { host }).action).toBe('allow')
    }
  })

  test('the public URL adds its host; a foreign X-Forwarded-Host is refused', () => {
    const pub = requestPolicyConfigFromEnv({ SSO_PREFLIGHT_PUBLIC_URL: 'https://preflight.corp.example' })
    expect(decide('GET', '/', { host: 'preflight.corp.example' }, pub).action).toBe('allow')
    refused(decide('GET', '/', { host: 'other.corp.example' }, pub), 421, /SSO_PREFLIGHT_PUBLIC_URL/)
    refused(
      decide('GET', '/', { host: 'localhost:3000', 'x-forwarded-host': 'rebind.evil.example' }),
      421,
      /X-Forwarded-Host/,
    )
  })
})

describe('request proxy: cross-site writes (CSRF)', () => {
  const host = 'localhost:3000'
  test('a cross-site POST, PUT or DELETE is refused with 403', () => {
    refused(
      decide('POST', '/api/connections', { host, origin: 'https://evil.example', 'content-type': 'application/json' }),
      403,
      /Origin: https:\/\/evil\.example/,
    )
    refused(
      decide('DELETE', '/api/connections/abc', { host, 'sec-fetch-site': 'cross-site' }),
      403,
      /Sec-Fetch-Site: cross-site/,
    )
    // Another port on localhost is the same site but not the same origin: still refused.
    refused(
      decide('POST', '/connections', { host, origin: 'http://localhost:8080', 'next-action': 'x' }),
      403,
      /Cross-origin/,
    )
    refused(
      decide('PUT', '/api/saved-reports', { host, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }),
      403,
      /same-site/,
    )
    refused(decide('POST', '/check', { host, origin: 'null' }), 403, /Origin: null/)
  })

  test('the same origin is allowed, as are clients that send neither header (CLI, curl)', () => {
    expect(
      decide('POST', '/api/connections', {
        host,
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      }).action,
    ).toBe('allow')
    expect(decide('DELETE', '/api/saved-reports/abc', { host }).action).toBe('allow')
  })

  test('a form post from our own page (Origin: null under our no-referrer policy) is allowed when Sec-Fetch-Site says same-origin', () => {
    // Chromium sends Origin: null on a form POST from a page served with Referrer-Policy: no-referrer.
    expect(
      decide('POST', '/connections/abc/test-login/start', { host, origin: 'null', 'sec-fetch-site': 'same-origin' })
        .action,
    ).toBe('allow')
    // Without the browser's word for it, or from another site, null is still refused.
    refused(
      decide('POST', '/connections/abc/test-login/start', { host, origin: 'null', 'sec-fetch-site': 'cross-site' }),
      403,
      /Sec-Fetch-Site: cross-site/,
    )
  })

  test("the IdP's POST to the ACS and the OIDC callback are allowed from another site", () => {
    expect(
      decide('POST', '/saml/acs', {
        host,
        origin: 'https://login.microsoftonline.com',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      }).action,
    ).toBe('allow')
    expect(decide('POST', '/oidc/callback', { host, origin: 'null', 'sec-fetch-site': 'cross-site' }).action).toBe(
      'allow',
    )
  })
})

describe('request proxy: content type and declared size', () => {
  const same = { host: 'localhost:3000', origin: 'http://localhost:3000' }
  test('text/plain to a JSON API is refused with 415 (a cross-origin "simple" request cannot send JSON)', () => {
    for (const path of ['/api/connections', '/api/saved-reports', '/triage/bundle']) {
      refused(decide('POST', path, { ...same, 'content-type': 'text/plain' }), 415, /application\/json/)
      refused(decide('POST', path, { host: 'localhost:3000' }), 415, /application\/json/)
      expect(decide('POST', path, { ...same, 'content-type': 'application/json; charset=utf-8' }).action).toBe('allow')
    }
  })

  test('a declared body over the cap is refused with 413 before it is read', () => {
    refused(
      decide('POST', '/triage/analyze', {
        ...same,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(1024 ** 3),
      }),
      413,
      /1024 MB.*limit .*43 MB/,
    )
    refused(
      decide('POST', '/check', { ...same, 'next-action': 'abc', 'content-length': String(20 * 1024 ** 2) }),
      413,
      /16 MB/,
    )
    expect(
      decide('POST', '/triage/analyze', {
        ...same,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(20 * 1024 ** 2),
      }).action,
    ).toBe('allow')
  })
})

describe('request proxy: security headers', () => {
  test('every allowed response gets a nonce CSP with frame-ancestors none, nosniff, no-referrer, Permissions-Policy and COOP', () => {
    const d = decide('GET', '/check', { host: 'localhost:3000' })
    if (d.action !== 'allow') throw new Error('expected allow')
    const h = d.responseHeaders
    expect(h['content-security-policy']).toContain(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`)
    expect(h['content-security-policy']).toContain(`frame-ancestors 'none'`)
    expect(h['content-security-policy']).toContain(`form-action 'self'`)
    expect(h['content-security-policy']).not.toContain('unsafe-eval')
    expect(h).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    })
    expect(h['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/)
    // Next.js reads the nonce from the request's CSP header while rendering.
    expect(d.requestHeaders).toMatchObject({
      'x-nonce': NONCE,
      'content-security-policy': h['content-security-policy'],
    })
  })

  test('the page that starts a test login may submit to the IdP; the SAML auto-post answers with its own CSP', () => {
    const page = decide('GET', '/connections/AbCdEfGhIjKlMnOpQr/test-login', { host: 'localhost:3000' })
    expect(page.action === 'allow' && page.responseHeaders['content-security-policy']).toMatch(
      /form-action 'self' https:/,
    )
    const start = decide('POST', '/connections/AbCdEfGhIjKlMnOpQr/test-login/start', {
      host: 'localhost:3000',
      origin: 'http://localhost:3000',
    })
    if (start.action !== 'allow') throw new Error('expected allow')
    expect(start.responseHeaders['content-security-policy']).toBeUndefined()
    expect(start.responseHeaders['x-content-type-options']).toBe('nosniff')
    const csp = autoPostContentSecurityPolicy(NONCE, 'https://login.microsoftonline.com/tenant/saml2?x=1')
    expect(csp).toContain('form-action https://login.microsoftonline.com;')
    expect(csp).toContain(`script-src 'nonce-${NONCE}'`)
    expect(autoPostPage('https://login.microsoftonline.com/tenant/saml2', { SAMLRequest: 'x' }, 'Go', NONCE)).toContain(
      `<script nonce="${NONCE}">`,
    )
  })

  test('development adds only unsafe-eval (React error overlays)', () => {
    const d = decide('GET', '/', { host: 'localhost:3000' }, requestPolicyConfigFromEnv({ NODE_ENV: 'development' }))
    expect(d.action === 'allow' && d.responseHeaders['content-security-policy']).toContain(`'unsafe-eval'`)
  })
})
