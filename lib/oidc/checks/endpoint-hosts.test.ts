import { afterEach, describe, expect, test, vi } from 'vitest'
import { ReportSchema } from '../../findings/report'
import { allowLoopbackForTests } from '../../net/types'
import { analyzeOidcConfiguration } from '../analyze'
import { generic, goodDiscovery, json, NOW, withCode } from '../testing'
import type { OidcOptions } from '../types'
import { endpointHostKind } from './endpoint-hosts'

const analyze = (doc: Record<string, unknown>, o: Partial<OidcOptions> = {}) =>
  ReportSchema.parse(analyzeOidcConfiguration({ discovery: json(doc) }, { profile: generic, now: NOW, ...o }))
const internal = (doc: Record<string, unknown>, o: Partial<OidcOptions> = {}) =>
  withCode(analyze(doc, o), 'OIDC_ENDPOINT_INTERNAL_ADDRESS')

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('OIDC_ENDPOINT_INTERNAL_ADDRESS: internal hosts in the discovery document, nothing fetched', () => {
  test('a public document has none', () => {
    expect(internal(goodDiscovery())).toEqual([])
  })

  test.each([
    ['jwks_uri', 'https://10.0.0.5/keys', 'private'],
    ['jwks_uri', 'https://169.254.169.254/latest/meta-data/', 'metadata-service'],
    ['token_endpoint', 'https://192.168.1.10/token', 'private'],
    ['userinfo_endpoint', 'https://[fe80::1]/userinfo', 'private'],
    ['end_session_endpoint', 'https://172.16.0.1/logout', 'private'],
    ['authorization_endpoint', 'https://127.0.0.1/authorize', 'loopback'],
    ['jwks_uri', 'https://localhost/keys', 'loopback'],
    ['jwks_uri', 'https://idp.localhost/keys', 'loopback'],
    ['jwks_uri', 'https://0x7f.1/keys', 'loopback'],
  ])('%s at %s is an error (%s)', (member, url, kind) => {
    expect(internal(goodDiscovery({ [member]: url }))).toEqual([
      {
        code: 'OIDC_ENDPOINT_INTERNAL_ADDRESS',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'a public host name for every endpoint',
          actual: { [member]: url },
          where: member,
          addresses: [expect.stringContaining(kind)],
        },
      },
    ])
  })

  test('one finding lists every internal endpoint', () => {
    const f = internal(goodDiscovery({ jwks_uri: 'https://10.0.0.5/k', token_endpoint: 'https://10.0.0.5/t' }))
    expect(f).toHaveLength(1)
    expect(f[0]!.evidence.actual).toEqual({ token_endpoint: 'https://10.0.0.5/t', jwks_uri: 'https://10.0.0.5/k' })
  })

  test('mTLS endpoint aliases are checked too', () => {
    const f = internal(goodDiscovery({ mtls_endpoint_aliases: { token_endpoint: 'https://10.1.2.3/t' } }))
    expect(f.map((x) => x.evidence.where)).toEqual(['mtls_endpoint_aliases.token_endpoint'])
  })

  test("under the loopback allowance (tests' symbol) loopback is a warning, private is still an error", () => {
    const f = internal(
      goodDiscovery({ jwks_uri: 'http://127.0.0.1:3200/jwks', token_endpoint: 'https://10.0.0.5/t' }),
      { [allowLoopbackForTests]: true },
    )
    expect(f.map((x) => [x.severity, x.evidence.where])).toEqual([
      ['error', 'token_endpoint'],
      ['warning', 'jwks_uri'],
    ])
  })

  test('SSO_PREFLIGHT_ALLOW_LOOPBACK=1 (the demo) makes loopback a warning: the mock IdP stays a GO', () => {
    vi.stubEnv('SSO_PREFLIGHT_ALLOW_LOOPBACK', '1')
    const base = 'https://127.0.0.1:3200'
    const r = analyze(
      goodDiscovery({
        authorization_endpoint: `${base}/auth`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
      }),
    )
    expect(withCode(r, 'OIDC_ENDPOINT_INTERNAL_ADDRESS').map((f) => f.severity)).toEqual(['warning'])
    expect(r.summary.verdict).toBe('go')
  })
})

describe('endpointHostKind', () => {
  test.each([
    ['idp.example.com', 'public'],
    ['8.8.8.8', 'public'],
    ['localhost', 'loopback'],
    ['LOCALHOST.', 'loopback'],
    ['a.b.localhost', 'loopback'],
    ['localhost.example.com', 'public'],
    ['[::1]', 'loopback'],
    ['[::ffff:10.0.0.1]', 'private'],
    ['100.64.0.1', 'private'],
  ])('%s is %s', (host, kind) => {
    expect(endpointHostKind(host).kind).toBe(kind)
  })
})

describe('NET_RESERVED_EXAMPLE_DOMAIN in a discovery document', () => {
  const doc = goodDiscovery({}, 'https://idp.example.test')
  test('a warning under the generic profile, listing every endpoint on the reserved domain', () => {
    const [f, ...rest] = withCode(analyze(doc), 'NET_RESERVED_EXAMPLE_DOMAIN')
    expect(rest).toEqual([])
    expect(f).toMatchObject({
      severity: 'warning',
      evidence: {
        reservedDomain: ['test'],
        where: 'issuer, authorization_endpoint, token_endpoint, userinfo_endpoint, jwks_uri',
      },
    })
  })
  test('an error under a vendor profile', async () => {
    const { BUILTIN_PROFILES } = await import('../../profiles/index')
    const oidcVendor = { ...BUILTIN_PROFILES.autodesk, protocols: ['saml', 'oidc'] as ('saml' | 'oidc')[] }
    expect(
      withCode(analyze(doc, { profile: oidcVendor }), 'NET_RESERVED_EXAMPLE_DOMAIN').map((f) => f.severity),
    ).toEqual(['error'])
  })
})
