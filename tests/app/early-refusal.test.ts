import { describe, expect, test } from 'vitest'
import { earlyRefusal, requestPolicyConfigFromEnv } from '@/app/_server/early-refusal'
import { BODY_LIMITS } from '@/app/_server/body-limits'

const local = requestPolicyConfigFromEnv({})
const team = requestPolicyConfigFromEnv({
  SSO_PREFLIGHT_PUBLIC_URL: 'https://preflight.corp.example',
  SSO_PREFLIGHT_SESSION_SECRET: 's'.repeat(40),
  SSO_PREFLIGHT_AUTH_ISSUER: 'https://idp.corp.example',
  SSO_PREFLIGHT_AUTH_CLIENT_ID: 'pf',
  SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 'x',
})
const post = (url: string, headers: Record<string, string>) => ({
  method: 'POST',
  url,
  headers: { host: 'localhost:3000', ...headers },
})

describe('earlyRefusal: the request policy at the socket, for bodies', () => {
  test('a body over the ACS cap is refused before it is read, and the connection closed', () => {
    const r = earlyRefusal(post('/saml/acs', { 'content-length': String(BODY_LIMITS.samlAcs + 1) }), local)
    expect(r).toMatchObject({ status: 413, headers: { connection: 'close', 'content-type': 'application/json' } })
    expect(JSON.parse(r!.body).message).toMatch(/limit for this address is 2 MB/)
  })
  test('a body within the cap, and a request without a body, go on to Next.js', () => {
    expect(earlyRefusal(post('/saml/acs', { 'content-length': '12000' }), local)).toBeNull()
    expect(earlyRefusal({ method: 'GET', url: '/connections', headers: { host: 'localhost:3000' } }, local)).toBeNull()
    expect(earlyRefusal(post('/saml/acs', { 'content-length': '0' }), local)).toBeNull()
  })
  test('a body of unknown size (chunked) is refused with 411', () => {
    expect(earlyRefusal(post('/saml/acs', { 'transfer-encoding': 'chunked' }), local)?.status).toBe(411)
  })
  test('team mode: an anonymous body to the API is refused without reading it; the open ACS is not', () => {
    const api = post('/api/connections', {
      host: 'preflight.corp.example',
      'content-length': '1000',
      'content-type': 'application/json',
    })
    expect(earlyRefusal(api, team)?.status).toBe(401)
    expect(earlyRefusal({ ...api, headers: { ...api.headers, authorization: 'Bearer spf_x' } }, team)).toBeNull()
    expect(
      earlyRefusal(post('/saml/acs', { host: 'preflight.corp.example', 'content-length': '1000' }), team),
    ).toBeNull()
  })
  test('another Host, or a cross-site write, is refused as the proxy would', () => {
    expect(earlyRefusal(post('/saml/acs', { host: 'evil.example', 'content-length': '10' }), local)?.status).toBe(421)
    const csrf = post('/api/connections', { 'content-length': '10', 'sec-fetch-site': 'cross-site' })
    expect(earlyRefusal(csrf, local)?.status).toBe(403)
  })
})
