import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { analyzeOidcConfiguration } from '../analyze'
import { ecJwk, generic, goodDiscovery, json, NOW, rsaJwk, withCode } from '../testing'
import { rsaBits } from './jwks'

const analyzeJwks = (jwks: unknown, idp: 'okta' | 'entra' = 'okta') =>
  analyzeOidcConfiguration(
    { discovery: json(goodDiscovery()), jwks: typeof jwks === 'string' ? jwks : json(jwks) },
    { profile: generic, now: NOW, idp },
  )
const fixture = (path: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../../shared/fixtures/real/oidc/${path}`, import.meta.url), 'utf8').replace(
      /^\uFEFF/,
      '',
    ),
  ) as { keys: Record<string, unknown>[] }
// Keycloak's JWKS: two RSA keys, each with an x5c certificate valid until 2032.
const keycloak = () => fixture('other/dockyard-keycloak-localhost-master-jwks.json')

describe('JWKS shape', () => {
  test('OIDC_JWKS_INVALID: no keys array', () => {
    expect(withCode(analyzeJwks({ key: [] }), 'OIDC_JWKS_INVALID')).toEqual([
      {
        code: 'OIDC_JWKS_INVALID',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'a "keys" array', actual: 'missing', where: 'jwks.keys' },
      },
    ])
    expect(withCode(analyzeJwks('"keys"'), 'OIDC_JWKS_INVALID')[0]?.evidence).toEqual({
      expected: 'a JSON object with a "keys" array',
      actual: 'string',
      where: 'jwks',
    })
  })

  test('OIDC_JWKS_EMPTY', () => {
    expect(withCode(analyzeJwks({ keys: [] }), 'OIDC_JWKS_EMPTY')).toEqual([
      {
        code: 'OIDC_JWKS_EMPTY',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'at least one signing key', actual: 0, where: 'jwks.keys' },
      },
    ])
  })

  test('OIDC_JWKS_NO_SIGNING_KEY: use enc only', () => {
    const r = analyzeJwks({ keys: [rsaJwk('e1', 2048, { use: 'enc', alg: 'RSA-OAEP' })] })
    expect(withCode(r, 'OIDC_JWKS_NO_SIGNING_KEY')).toEqual([
      {
        code: 'OIDC_JWKS_NO_SIGNING_KEY',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'at least one key with "use": "sig" (or no "use")', actual: ['enc'], where: 'jwks.keys' },
      },
    ])
  })
})

describe('each key', () => {
  test('OIDC_JWKS_PRIVATE_KEY names the members, never their values', () => {
    const { privateKey } = { privateKey: { d: 'c2VjcmV0LWQ', p: 'c2VjcmV0LXA', q: 'c2VjcmV0LXE' } }
    const r = analyzeJwks({ keys: [rsaJwk('k1', 2048, privateKey)] })
    expect(withCode(r, 'OIDC_JWKS_PRIVATE_KEY')).toEqual([
      {
        code: 'OIDC_JWKS_PRIVATE_KEY',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'public members only', actual: ['d', 'p', 'q'], where: 'jwks.keys[0] (kid k1)' },
      },
    ])
    expect(JSON.stringify(r)).not.toContain('c2VjcmV0')
    expect(r.findings.find((f) => f.code === 'OIDC_JWKS_PRIVATE_KEY')?.important).toMatch(/rotat/)
  })

  test('OIDC_JWKS_SYMMETRIC_KEY (and its k is private material)', () => {
    const r = analyzeJwks({ keys: [rsaJwk('k1'), { kty: 'oct', kid: 'hmac', k: 'c2VjcmV0' }] })
    expect(withCode(r, 'OIDC_JWKS_SYMMETRIC_KEY')).toEqual([
      {
        code: 'OIDC_JWKS_SYMMETRIC_KEY',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'RSA or EC public keys', actual: 'oct', where: 'jwks.keys[1] (kid hmac)' },
      },
    ])
    expect(withCode(r, 'OIDC_JWKS_PRIVATE_KEY')[0]?.evidence.actual).toEqual(['k'])
  })

  test('OIDC_JWKS_RSA_TOO_SMALL (1024-bit, as Google published in 2015)', () => {
    expect(withCode(analyzeJwks({ keys: [rsaJwk('small', 1024)] }), 'OIDC_JWKS_RSA_TOO_SMALL')).toEqual([
      {
        code: 'OIDC_JWKS_RSA_TOO_SMALL',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'at least 2048 bits', actual: '1024 bits', where: 'jwks.keys[0] (kid small)' },
      },
    ])
  })

  test.each([
    [
      'n in standard base64',
      (k: Record<string, unknown>) => ({ ...k, n: String(k.n).replace(/-/g, '+').replace(/_/g, '/') + '==' }),
      'n',
      'standard base64 (contains "+", "/" or "=")',
    ],
    [
      'e missing',
      (k: Record<string, unknown>) => {
        const { e: _e, ...rest } = k
        return rest
      },
      'e',
      'missing',
    ],
  ])('OIDC_JWKS_KEY_MALFORMED: %s', (_name, alter, member, actual) => {
    expect(withCode(analyzeJwks({ keys: [alter(rsaJwk('k1'))] }), 'OIDC_JWKS_KEY_MALFORMED')).toEqual([
      {
        code: 'OIDC_JWKS_KEY_MALFORMED',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: `"${member}" as base64url without padding`,
          actual,
          where: `jwks.keys[0] (kid k1).${member}`,
        },
      },
    ])
  })

  test('OIDC_JWKS_KEY_MALFORMED: unknown EC curve', () => {
    expect(
      withCode(analyzeJwks({ keys: [ecJwk('ec1', { crv: 'P-192' })] }), 'OIDC_JWKS_KEY_MALFORMED')[0]?.evidence,
    ).toMatchObject({ actual: 'P-192', where: 'jwks.keys[0] (kid ec1).crv' })
  })

  test('OIDC_JWKS_KEY_MALFORMED: an alg that does not fit the key type, a use that is neither sig nor enc', () => {
    expect(
      withCode(
        analyzeJwks({ keys: [rsaJwk('k1', 2048, { alg: 'ES256', use: 'signing' })] }),
        'OIDC_JWKS_KEY_MALFORMED',
      ).map((f) => f.evidence),
    ).toEqual([
      { expected: ['sig', 'enc'], actual: 'signing', where: 'jwks.keys[0] (kid k1).use' },
      { expected: 'an algorithm for a RSA key', actual: 'ES256', where: 'jwks.keys[0] (kid k1).alg' },
    ])
  })

  test('OIDC_JWKS_KID_DUPLICATE among signing keys', () => {
    expect(withCode(analyzeJwks({ keys: [rsaJwk('same'), ecJwk('same')] }), 'OIDC_JWKS_KID_DUPLICATE')).toEqual([
      {
        code: 'OIDC_JWKS_KID_DUPLICATE',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'each kid once', actual: 'same', where: 'jwks.keys[0], jwks.keys[1]' },
      },
    ])
  })

  test('OIDC_JWKS_KID_MISSING when there are several keys (one key needs none)', () => {
    const { kid: _k, ...noKid } = rsaJwk('x')
    expect(withCode(analyzeJwks({ keys: [noKid, ecJwk('ec1')] }), 'OIDC_JWKS_KID_MISSING')).toEqual([
      {
        code: 'OIDC_JWKS_KID_MISSING',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected: 'a unique "kid"', actual: 'missing', where: 'jwks.keys[0]' },
      },
    ])
    expect(analyzeJwks({ keys: [noKid] }).findings).toEqual([])
  })

  test('OIDC_JWKS_UNKNOWN_KTY', () => {
    expect(
      withCode(analyzeJwks({ keys: [rsaJwk('k1'), { kty: 'DSA', kid: 'old' }] }), 'OIDC_JWKS_UNKNOWN_KTY'),
    ).toEqual([
      {
        code: 'OIDC_JWKS_UNKNOWN_KTY',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected: ['RSA', 'EC', 'OKP'], actual: 'DSA', where: 'jwks.keys[1] (kid old)' },
      },
    ])
  })
})

test('OIDC_JWKS_NO_KEY_FOR_ALG: RS256 advertised, only an EC key published', () => {
  const r = analyzeJwks({ keys: [ecJwk('ec1')] })
  expect(withCode(r, 'OIDC_JWKS_NO_KEY_FOR_ALG')).toEqual([
    {
      code: 'OIDC_JWKS_NO_KEY_FOR_ALG',
      owner: 'idp',
      severity: 'error',
      evidence: {
        expected: ['an RSA signing key'],
        actual: ['EC'],
        where: 'jwks.keys vs id_token_signing_alg_values_supported',
        algs: ['RS256'],
      },
    },
  ])
  expect(withCode(analyzeJwks({ keys: [ecJwk('ec1'), rsaJwk('k1')] }), 'OIDC_JWKS_NO_KEY_FOR_ALG')).toEqual([])
})

describe('x5c certificates', () => {
  test('a matching, valid x5c gives no finding and a timeline row', () => {
    const r = analyzeJwks(keycloak())
    expect(r.findings).toEqual([])
    expect(r.certificates?.map((c) => [c.use, c.subject, c.notAfter.slice(0, 4)])).toEqual([
      ['jwks', 'master', '2032'],
      ['jwks', 'master', '2032'],
    ])
  })

  test('OIDC_JWKS_CERT_KEY_MISMATCH: x5c holds another key than n/e', () => {
    const [a, b] = keycloak().keys
    const r = analyzeJwks({ keys: [{ ...a, n: b?.n }] })
    expect(withCode(r, 'OIDC_JWKS_CERT_KEY_MISMATCH')).toEqual([
      {
        code: 'OIDC_JWKS_CERT_KEY_MISMATCH',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'the certificate’s n',
          actual: 'the key’s n differs',
          where: `jwks.keys[0] (kid ${String(a?.kid)})`,
          certificate: 'master',
          sha256: expect.any(String),
        },
      },
    ])
  })

  test('standard-base64 n with a leading zero byte still matches its certificate (Entra v1)', () => {
    const r = analyzeJwks(fixture('entra/msidentitymodel-entra-v1-jwks-end2end.json'), 'entra')
    expect(withCode(r, 'OIDC_JWKS_CERT_KEY_MISMATCH')).toEqual([])
  })

  test('an expired x5c is reported through lib/certs with the key it belongs to', () => {
    const r = analyzeJwks(fixture('entra/msidentitymodel-entra-v1-jwks-end2end.json'), 'entra')
    expect(withCode(r, 'CERT_EXPIRED')).toEqual([
      {
        code: 'CERT_EXPIRED',
        owner: 'idp',
        severity: 'error',
        evidence: expect.objectContaining({
          actual: 'expired 2016-01-01T07:00:00.000Z',
          where: 'jwks.keys[1] (kid kriMPdmBvx68skT8-mPAB3BseeA).x5c[0]',
        }),
      },
    ])
  })

  test('an x5c that is not a certificate', () => {
    expect(
      withCode(analyzeJwks({ keys: [rsaJwk('k1', 2048, { x5c: ['not-a-certificate'] })] }), 'CERT_UNPARSEABLE'),
    ).toHaveLength(1)
    expect(
      withCode(analyzeJwks({ keys: [rsaJwk('k1', 2048, { x5c: 'MIIB' })] }), 'OIDC_JWKS_KEY_MALFORMED')[0]?.evidence
        .where,
    ).toBe('jwks.keys[0] (kid k1).x5c')
  })
})

test('rsaBits reads base64url and standard base64 alike', () => {
  const n = String(rsaJwk('k').n)
  expect(rsaBits(n)).toBe(2048)
  expect(rsaBits(Buffer.from([0, 0x80, 0, 0]).toString('base64'))).toBe(24)
})
