import '../api/store-env'
import { describe, expect, test } from 'vitest'
import { rateLimit } from '@/app/_server/rate-limit'
import { getStore } from '@/lib/store'
import { clientAddress } from '@/lib/ops/env'

const limits = {
  SSO_PREFLIGHT_RATE_LIMIT: 3,
  SSO_PREFLIGHT_RATE_LIMIT_WINDOW_SECONDS: 60,
  SSO_PREFLIGHT_TRUSTED_PROXY_HOPS: 0,
}
const acs = (address: string, accept = 'text/html') =>
  new Request('http://localhost/saml/acs', { method: 'POST', headers: { 'x-forwarded-for': address, accept } })

describe('rate limits on the open endpoints', () => {
  test('per client address and endpoint: the request over the limit gets 429 with Retry-After and a message', async () => {
    const store = await getStore()
    for (let i = 0; i < 3; i++) expect(await rateLimit(acs('192.0.2.10'), 'saml-acs', { store, limits })).toBeNull()
    const refused = await rateLimit(acs('192.0.2.10'), 'saml-acs', { store, limits })
    expect(refused?.status).toBe(429)
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(refused?.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(await refused?.text()).toMatch(
      /Too many requests to the SAML ACS from your address: 4 in 60 s \(limit 3\)\. Try again in \d+ s\./,
    )
    // Another address, and another endpoint for the same address, have their own budgets.
    expect(await rateLimit(acs('192.0.2.11'), 'saml-acs', { store, limits })).toBeNull()
    expect(await rateLimit(acs('192.0.2.10'), 'oidc-callback', { store, limits })).toBeNull()
  })

  test('an API client gets the refusal as JSON; a limit of 0 turns limiting off', async () => {
    const store = await getStore()
    const json = { ...limits, SSO_PREFLIGHT_RATE_LIMIT: 1 }
    await rateLimit(acs('192.0.2.20', 'application/json'), 'sign-in', { store, limits: json })
    const refused = await rateLimit(acs('192.0.2.20', 'application/json'), 'sign-in', { store, limits: json })
    expect(await refused?.json()).toMatchObject({
      error: 'ERR_RATE_LIMITED',
      message: expect.stringContaining('sign-in'),
    })
    for (let i = 0; i < 5; i++)
      expect(
        await rateLimit(acs('192.0.2.20'), 'sign-in', { store, limits: { ...limits, SSO_PREFLIGHT_RATE_LIMIT: 0 } }),
      ).toBeNull()
  })

  test('the client address: the socket address the team server appends, past the trusted proxies only', () => {
    expect(clientAddress('203.0.113.9', 0)).toBe('203.0.113.9')
    // A client-sent X-Forwarded-For is not believed without trusted proxies: the last entry (the socket) counts.
    expect(clientAddress('1.2.3.4, 203.0.113.9', 0)).toBe('203.0.113.9')
    expect(clientAddress('1.2.3.4, 198.51.100.7, 10.0.0.2', 1)).toBe('198.51.100.7')
    expect(clientAddress('::ffff:127.0.0.1', 0)).toBe('127.0.0.1')
    expect(clientAddress('<script>', 0)).toBe('unknown')
    expect(clientAddress(null, 0)).toBe('unknown')
  })
})
