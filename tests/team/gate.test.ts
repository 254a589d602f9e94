import { describe, expect, test } from 'vitest'
import { decideRequest, requestPolicyConfigFromEnv } from '@/app/_server/request-policy'
import { seal, unseal } from '@/lib/team/sealed'
import { safeReturnPath } from '@/lib/team/sign-in'
import { cookieNames, readCookie, setCookie } from '@/lib/team/cookies'

const TEAM = {
  SSO_PREFLIGHT_PUBLIC_URL: 'https://preflight.corp.example',
  SSO_PREFLIGHT_SESSION_SECRET: 's'.repeat(40),
  SSO_PREFLIGHT_AUTH_ISSUER: 'https://idp.corp.example',
  SSO_PREFLIGHT_AUTH_CLIENT_ID: 'pf',
  SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 'x',
}
const team = requestPolicyConfigFromEnv(TEAM)
const local = requestPolicyConfigFromEnv({})
const decide = (method: string, url: string, headers: Record<string, string> = {}, config = team) =>
  decideRequest(
    { method, url, headers: new Headers({ host: 'preflight.corp.example', ...headers }) },
    config,
    'bm9uY2U=',
  )

describe('the team-mode gate in the request proxy', () => {
  test('without credentials the API answers 401 and pages go to sign-in, coming back afterwards', () => {
    const api = decide('GET', '/api/connections')
    expect(api).toMatchObject({ action: 'refuse', status: 401, error: 'ERR_UNAUTHENTICATED' })
    expect(decide('DELETE', '/api/connections/abc')).toMatchObject({ action: 'refuse', status: 401 })
    expect(decide('GET', '/connections/abc?tab=runs')).toMatchObject({
      action: 'sign-in',
      location: '/auth/sign-in?next=%2Fconnections%2Fabc%3Ftab%3Druns',
    })
    expect(decide('GET', '/')).toMatchObject({ action: 'sign-in' })
  })

  test('sign-in, the IdP answers to test logins, setup links and health stay open', () => {
    for (const [method, path] of [
      ['GET', '/auth/sign-in'],
      ['GET', '/auth/callback?code=x&state=y'],
      ['POST', '/saml/acs'],
      ['GET', '/oidc/callback'],
      ['GET', '/setup-link/abc'],
      ['GET', '/api/health'],
      ['GET', '/favicon.svg'],
    ] as const) {
      expect(decide(method, path).action, path).toBe('allow')
    }
  })

  test('a session cookie, a setup-link cookie or a Bearer header lets the request on (access.ts checks them)', () => {
    expect(decide('GET', '/api/connections', { cookie: 'a=b; __Host-preflight_session=tok' }).action).toBe('allow')
    expect(decide('GET', '/connections', { cookie: 'preflight_setup_link=tok' }).action).toBe('allow')
    expect(decide('GET', '/api/connections', { authorization: 'Bearer abc' }).action).toBe('allow')
    expect(decide('GET', '/api/connections', { cookie: '__Host-preflight_session=' }).action).toBe('refuse')
    expect(decide('GET', '/api/connections', { authorization: 'Basic abc' }).action).toBe('refuse')
  })

  test('local mode lets everything through as before; half-configured team mode fails closed', () => {
    expect(decide('GET', '/api/connections', { host: 'localhost:3000' }, local).action).toBe('allow')
    const half = requestPolicyConfigFromEnv({ SSO_PREFLIGHT_AUTH_ISSUER: 'https://idp.corp.example' })
    expect(
      decideRequest(
        { method: 'GET', url: '/api/connections', headers: new Headers({ host: 'localhost' }) },
        half,
        'bm9uY2U=',
      ).action,
    ).toBe('refuse')
  })
})

describe('sealed sign-in transaction', () => {
  const secret = 'k'.repeat(40)
  test('opens only with the same secret and purpose, unaltered and in time', () => {
    const t0 = 1_000_000
    const sealed = seal(secret, 'sign-in', { state: 's1' }, 600_000, t0)
    expect(unseal(secret, 'sign-in', sealed, t0 + 1000)).toEqual({ state: 's1' })
    expect(unseal(secret, 'sign-in', sealed, t0 + 600_001)).toBeUndefined()
    expect(unseal('o'.repeat(40), 'sign-in', sealed, t0)).toBeUndefined()
    expect(unseal(secret, 'other', sealed, t0)).toBeUndefined()
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1)
    expect(unseal(secret, 'sign-in', flipped, t0)).toBeUndefined()
    expect(unseal(secret, 'sign-in', 'x'.repeat(100_000), t0)).toBeUndefined()
  })
})

describe('where sign-in returns to', () => {
  test('paths on this site only: never another origin', () => {
    expect(safeReturnPath('/connections/abc?x=1')).toBe('/connections/abc?x=1')
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
      null,
      '/a\nb',
    ]) {
      expect(safeReturnPath(bad)).toBe('/')
    }
  })
})

describe('cookies', () => {
  test('__Host- and Secure on https; httpOnly and SameSite=Lax always', () => {
    expect(cookieNames(true).session).toBe('__Host-preflight_session')
    expect(setCookie('__Host-preflight_session', 'v', { secure: true, maxAgeSeconds: 60 })).toBe(
      '__Host-preflight_session=v; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=60',
    )
    expect(setCookie('preflight_session', 'v', { secure: false })).toBe(
      'preflight_session=v; Path=/; HttpOnly; SameSite=Lax',
    )
    expect(readCookie('a=1; preflight_session=tok; b=2', 'preflight_session')).toBe('tok')
    expect(readCookie('xpreflight_session=tok', 'preflight_session')).toBeUndefined()
  })
})
