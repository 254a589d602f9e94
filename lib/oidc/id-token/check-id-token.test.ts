import { createHmac, KeyObject, sign as rsaSign } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK } from 'jose'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { checkIdToken } from './index'

const ISS = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0'
const CLIENT = 'client-abc'
const NOW = new Date('2026-11-22T12:00:00Z')
const T = Math.floor(NOW.getTime() / 1000)
const profile = BUILTIN_PROFILES.generic

let priv: CryptoKey, pubJwk: JWK, jwks: string, pubPem: string
let otherPriv: CryptoKey, otherPubJwk: JWK

beforeAll(async () => {
  const kp = await generateKeyPair('RS256', { extractable: true })
  priv = kp.privateKey
  pubJwk = { ...(await exportJWK(kp.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' }
  pubPem = await exportSPKI(kp.publicKey)
  jwks = JSON.stringify({ keys: [pubJwk] })
  const other = await generateKeyPair('RS256', { extractable: true })
  otherPriv = other.privateKey
  otherPubJwk = { ...(await exportJWK(other.publicKey)), kid: 'k1' }
})
afterEach(() => vi.restoreAllMocks())

const claims = (over: Record<string, unknown> = {}) => ({
  iss: ISS,
  sub: 'user-123',
  aud: CLIENT,
  exp: T + 600,
  iat: T - 10,
  nonce: 'n-1',
  email: 'jane.doe@contoso.com',
  given_name: 'Jane',
  family_name: 'Doe',
  ...over,
})
const sign = (c: Record<string, unknown> = claims(), key: CryptoKey = priv, header: Record<string, unknown> = {}) =>
  new SignJWT(c).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(key)
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const check = (jwt: string, over: Partial<Parameters<typeof checkIdToken>[1]> = {}) =>
  checkIdToken(jwt, { jwks, issuer: ISS, clientId: CLIENT, nonce: 'n-1', profile, now: NOW, ...over })
const codes = async (p: ReturnType<typeof check>) => (await p).findings.map((f) => f.code)

describe('a good token', () => {
  test('verifies with the JWKS key and passes every claim check', async () => {
    const r = await check(await sign())
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_VALID'])
    expect(r.summary.errors).toBe(0)
    expect(r.subject).toMatchObject({ kind: 'oidc-id-token', idp: 'entra', issuer: ISS })
    expect(JSON.stringify(r)).not.toContain('jane.doe@')
  })
  test('the issuer can come from a discovery document', async () => {
    const r = await check(await sign(), {
      issuer: undefined,
      discovery: JSON.stringify({ issuer: 'https://other.example/' }),
    })
    const f = r.findings.find((x) => x.code === 'OIDC_ID_TOKEN_ISSUER_MISMATCH')!
    expect(f.evidence).toMatchObject({ expected: 'https://other.example/', actual: ISS })
    expect(f.owner).toBe('idp')
  })
})

describe('attacks are refused and nothing is fetched', () => {
  test('alg none', async () => {
    const jwt = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`
    const r = await check(jwt)
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_ALG_NONE'])
    expect(r.findings[0]!.evidence.actual).toBe('none')
    expect(r.skipped?.[0]?.reason).toMatch(/refused/)
  })
  test('HS256 signed with the RSA public key as the HMAC secret (key confusion)', async () => {
    const head = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64(claims())}`
    const sig = createHmac('sha256', pubPem).update(head).digest('base64url')
    const r = await check(`${head}.${sig}`)
    expect(r.findings.map((f) => ({ code: f.code, owner: f.owner, actual: f.evidence.actual }))).toEqual([
      { code: 'OIDC_ID_TOKEN_ALG_HMAC', owner: 'idp', actual: 'HS256' },
    ])
    expect(r.summary.errors).toBe(1)
  })
  test('an HMAC key smuggled into the JWKS is ignored', async () => {
    const head = `${b64({ alg: 'HS256' })}.${b64(claims())}`
    const sig = createHmac('sha256', 'secret').update(head).digest('base64url')
    const r = await check(`${head}.${sig}`, {
      jwks: JSON.stringify({ keys: [{ kty: 'oct', k: Buffer.from('secret').toString('base64url') }] }),
    })
    expect(await codes(Promise.resolve(r))).toEqual(['OIDC_ID_TOKEN_ALG_HMAC'])
  })
  test('an algorithm outside the asymmetric list', () =>
    check(`${b64({ alg: 'RSA-OAEP', kid: 'k1' })}.${b64(claims())}.c2ln`).then((r) => {
      expect(r.findings.map((f) => ({ code: f.code, owner: f.owner, actual: f.evidence.actual }))).toEqual([
        { code: 'OIDC_ID_TOKEN_ALG_UNSUPPORTED', owner: 'idp', actual: 'RSA-OAEP' },
      ])
    }))
  test("an embedded jwk (the attacker's own key) is refused", async () => {
    const r = await check(await sign(claims(), otherPriv, { jwk: otherPubJwk }))
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_EMBEDDED_JWK'])
  })
  test('jku and x5u headers are refused and never fetched', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('must not fetch'))
    const r = await check(
      await sign(claims(), otherPriv, { jku: 'http://127.0.0.1:9/keys.json', x5u: 'http://169.254.169.254/cert' }),
    )
    expect(r.findings.map((f) => f.code)).toEqual([
      'OIDC_ID_TOKEN_REMOTE_KEY_HEADER',
      'OIDC_ID_TOKEN_REMOTE_KEY_HEADER',
    ])
    expect(r.findings.map((f) => f.evidence.actual).sort()).toEqual([
      'http://127.0.0.1:9/keys.json',
      'http://169.254.169.254/cert',
    ])
    expect(fetchSpy).not.toHaveBeenCalled()
  })
  test('an unknown crit header is refused', async () => {
    // jose refuses to sign an unknown crit, so sign by hand
    const head = `${b64({ alg: 'RS256', kid: 'k1', crit: ['exp-ext'], 'exp-ext': 1 })}.${b64(claims())}`
    const sig = rsaSign('RSA-SHA256', Buffer.from(head), KeyObject.from(priv)).toString('base64url')
    const r = await check(`${head}.${sig}`)
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_CRIT_UNKNOWN'])
  })
  test('a token signed by another key with the same kid', async () => {
    const r = await check(await sign(claims(), otherPriv))
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_SIGNATURE_INVALID'])
  })
  test('a payload changed after signing', async () => {
    const [h, , s] = (await sign()).split('.')
    const r = await check(`${h}.${b64(claims({ sub: 'admin' }))}.${s}`)
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_SIGNATURE_INVALID'])
  })
})

describe('claims', () => {
  test.each([
    [
      'OIDC_ID_TOKEN_ISSUER_MISMATCH',
      { iss: 'https://sts.windows.net/x/' },
      { expected: ISS, actual: 'https://sts.windows.net/x/' },
    ],
    ['OIDC_ID_TOKEN_AUDIENCE_MISMATCH', { aud: 'someone-else' }, { expected: CLIENT, actual: 'someone-else' }],
    ['OIDC_ID_TOKEN_AZP_MISMATCH', { aud: [CLIENT, 'api'], azp: 'api' }, { expected: CLIENT, actual: 'api' }],
    [
      'OIDC_ID_TOKEN_EXPIRED',
      { exp: T - 3600 },
      { actual: new Date((T - 3600) * 1000).toISOString(), toleranceSeconds: 180 },
    ],
    ['OIDC_ID_TOKEN_NOT_YET_VALID', { nbf: T + 3600 }, { actual: new Date((T + 3600) * 1000).toISOString() }],
    ['OIDC_ID_TOKEN_ISSUED_IN_FUTURE', { iat: T + 3600 }, { actual: new Date((T + 3600) * 1000).toISOString() }],
    ['OIDC_ID_TOKEN_NONCE_MISMATCH', { nonce: 'replayed' }, { expected: 'n-1', actual: 'replayed' }],
    ['OIDC_ID_TOKEN_CLAIM_MISSING', { sub: undefined }, { expected: 'sub', actual: '(absent)' }],
    ['OIDC_ID_TOKEN_REQUIRED_CLAIM_MISSING', { email: undefined }, { expected: 'email', actual: '(absent)' }],
    ['OIDC_ID_TOKEN_RECOMMENDED_CLAIM_MISSING', { given_name: '' }, { expected: 'given_name', actual: '(empty)' }],
  ])('%s', async (code, over, evidence) => {
    const r = await check(await sign(claims(over)))
    const f = r.findings.find((x) => x.code === code)
    expect(f, r.findings.map((x) => x.code).join()).toBeDefined()
    expect(f!.evidence).toMatchObject(evidence)
    expect(r.findings.some((x) => x.code === 'OIDC_ID_TOKEN_VALID')).toBe(
      code === 'OIDC_ID_TOKEN_RECOMMENDED_CLAIM_MISSING',
    )
  })
  test('a token 2 minutes past exp is still fine within the 3-minute skew', async () => {
    expect(await codes(check(await sign(claims({ exp: T - 120 }))))).toEqual(['OIDC_ID_TOKEN_VALID'])
  })
  test('a profile without OIDC rules says the required claims were not checked', async () => {
    const r = await check(await sign(claims({ email: undefined })), { profile: BUILTIN_PROFILES.autodesk })
    expect(r.findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_VALID'])
    expect(r.skipped).toEqual([
      { check: 'required claims', reason: 'the autodesk profile has no OpenID Connect rules' },
    ])
  })
  test('several audiences with azp = client pass', async () => {
    expect(await codes(check(await sign(claims({ aud: [CLIENT, 'api'], azp: CLIENT }))))).toEqual([
      'OIDC_ID_TOKEN_VALID',
    ])
  })
})

describe('bad input is a finding, never a throw', () => {
  test.each(['', 'abc', 'a.b', 'a.b.c', `${b64({ alg: 'RS256' })}.bm90IGpzb24.sig`, 'x'.repeat(100_000), 'a.b.c.d.e'])(
    '%#',
    async (t) => {
      expect((await check(t)).findings.map((f) => f.code)).toEqual(['OIDC_ID_TOKEN_MALFORMED'])
    },
  )
  test('an unusable JWKS', async () => {
    const r = await check(await sign(), { jwks: 'not json' })
    expect(r.findings.map((f) => ({ code: f.code, actual: f.evidence.actual }))).toEqual([
      { code: 'OIDC_ID_TOKEN_JWKS_INVALID', actual: 'not JSON' },
    ])
  })
  test('a discovery document without issuer', async () => {
    const r = await check(await sign(), { issuer: undefined, discovery: '{}' })
    expect(r.findings.map((f) => f.code)).toContain('OIDC_ID_TOKEN_DISCOVERY_INVALID')
  })
  test('a real Entra JWKS: a token whose kid is not in it names the kids that are', async () => {
    const real = readFileSync(
      new URL('../../../../shared/fixtures/real/oidc/entra/wellknown-entra-common-v2-jwks.json', import.meta.url),
      'utf8',
    )
    const r = await check(await sign(claims(), priv, { kid: 'not-there' }), { jwks: real })
    const f = r.findings[0]!
    expect(f.code).toBe('OIDC_ID_TOKEN_KEY_NOT_FOUND')
    expect(f.evidence.expected).toEqual({ kid: 'not-there', alg: 'RS256' })
    expect(Array.isArray(f.evidence.actual) && f.evidence.actual.length).toBeGreaterThan(0)
  })
})
