import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { buildSupportBundle, explain } from '../triage/index'
import { b64, deflated, entry, har } from '../triage/har/testing/build-har'
import { decodeSamlMessage } from '../saml/response/decode'
import { detectInput, type InputKind } from './detect-input'

const REAL = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url))
function files(dir: string): string[] {
  return readdirSync(join(REAL, dir)).flatMap((n) => {
    const p = join(dir, n)
    return statSync(join(REAL, p)).isDirectory() ? files(p) : [p]
  })
}
const read = (p: string) => readFileSync(join(REAL, p), 'utf8')
const ALL = [...files('saml-metadata'), ...files('saml-responses'), ...files('oidc')]

describe('detectInput recognises every real fixture', () => {
  const metadata = ALL.filter(
    (p) => p.endsWith('.xml') && (p.startsWith('saml-metadata/') || p.endsWith('/metadata.xml')),
  )
  test.each(metadata)('metadata: %s', (p) => {
    expect(detectInput(read(p)).kind).toBe('saml-metadata')
  })

  test("IdP metadata says IdP, the vendors' SP metadata says SP", () => {
    for (const p of files('saml-metadata/sp')) expect(detectInput(read(p)).description, p).toContain('SP')
    expect(detectInput(read('saml-metadata/okta/ssoready-okta-app-metadata.xml')).description).toBe(
      'SAML metadata (IdP)',
    )
  })

  const discovery = ALL.filter((p) => p.endsWith('openid-configuration.json') || /openid-configuration[.-]/.test(p))
  test.each(discovery)('discovery: %s', (p) => {
    expect(detectInput(read(p)).kind).toBe('oidc-discovery')
  })

  const jwks = ALL.filter((p) => /-jwks[.-]/.test(p))
  test.each(jwks)('jwks: %s', (p) => {
    expect(detectInput(read(p))).toMatchObject({
      kind: 'jwks',
      description: 'JWKS (a key set, not a discovery document)',
    })
  })

  const responses = ALL.filter((p) => p.startsWith('saml-responses/') && /response[^/]*\.(xml|b64)$/.test(p))
  test.each(responses)('response: %s', (p) => {
    const d = detectInput(read(p))
    expect(d.kind).toBe('saml-response')
    // The decoder that validates the response decides how it was encoded; detection must agree (one is deflated).
    const decoded = decodeSamlMessage(read(p))
    expect(decoded.ok && d.encoding).toBe(decoded.ok && decoded.value.encoding)
  })

  // bad-assertion-utf8 is 2 bytes of broken UTF-8, not XML (SOURCES.md): it must not pass for a SAML message.
  const assertions = ALL.filter((p) => /assertion\.xml$/.test(p) && !p.includes('bad-assertion-utf8'))
  test.each(assertions)('assertion: %s', (p) => {
    expect(['saml-assertion', 'saml-response']).toContain(detectInput(read(p)).kind)
  })
  test('the 2-byte broken "assertion" is read as text', () => {
    expect(detectInput(read('saml-responses/okta/ssoready-negative/bad-assertion-utf8/assertion.xml')).kind).toBe(
      'text',
    )
  })

  const certs = ALL.filter((p) => p.endsWith('.pem'))
  test.each(certs)('certificate: %s', (p) => {
    expect(detectInput(read(p)).kind).toBe('certificate')
  })

  test('every fixture group is non-empty, so none of the checks above passes vacuously', () => {
    for (const g of [metadata, discovery, jwks, responses, assertions, certs]) expect(g.length).toBeGreaterThan(0)
    expect(metadata.length + discovery.length + jwks.length).toBeGreaterThan(60)
  })
})

const RESPONSE = read('saml-responses/okta/ssoready-okta-response.xml')

describe('detectInput on the other shapes', () => {
  test.each<[string, InputKind, string?]>([
    [b64(RESPONSE), 'saml-response', 'base64'],
    [deflated(RESPONSE), 'saml-response', 'deflate-base64'],
    [`SAMLResponse=${encodeURIComponent(b64(RESPONSE))}&RelayState=x`, 'saml-response', 'base64'],
    [b64(RESPONSE).replace(/(.{76})/g, '$1\n'), 'saml-response', 'base64'],
    ['<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="a"/>', 'saml-request', 'xml'],
    ['<?xml version="1.0"?><!-- c --><samlp:LogoutResponse xmlns:samlp="x"/>', 'saml-logout', 'xml'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'id-token'],
    ['Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'id-token'],
    [har([entry({ at: '2026-11-22T00:00:00Z', url: 'https://a.example/' })]), 'har'],
    [JSON.stringify(explain('AADSTS50011')), 'report'],
    [JSON.stringify(buildSupportBundle(explain('AADSTS50011'), { attachRaw: false })), 'support-bundle'],
    ['{"kty":"RSA","n":"x","e":"AQAB"}', 'jwk'],
    ['{"hello":"world"}', 'json'],
    ['<html><body>Sign in</body></html>', 'xml'],
    ['', 'empty'],
    ['  \n\uFEFF ', 'empty'],
    ['my boss says the vendor login is broken', 'text'],
  ])('%#: %s', (text, kind, encoding) => {
    const d = detectInput(text)
    expect(d.kind).toBe(kind)
    if (encoding) expect(d.encoding).toBe(encoding)
  })

  test.each([
    ['AADSTS50105: The signed in user is not assigned to a role', 'AADSTS50105', 'Microsoft Entra ID'],
    ['Okta said E0000004 Authentication failed', 'E0000004', 'Okta'],
    [
      'status urn:oasis:names:tc:SAML:2.0:status:Responder',
      'urn:oasis:names:tc:SAML:2.0:status:Responder',
      'SAML status',
    ],
  ])('error code in %s', (text, code, what) => {
    const d = detectInput(text)
    expect(d).toMatchObject({ kind: 'error-code', code })
    expect(d.description).toContain(what)
  })

  test('a discovery document larger than the parse cap is still read from its head', () => {
    const big = JSON.stringify({
      issuer: 'https://idp.example',
      jwks_uri: 'https://idp.example/keys',
      pad: 'x'.repeat(2_000_000),
    })
    expect(detectInput(big).kind).toBe('oidc-discovery')
    expect(detectInput(`{"keys":[{"kty":"RSA"}],"pad":"${'x'.repeat(2_000_000)}"}`).kind).toBe('jwks')
  })
})

describe('detectInput is linear on hostile shapes', () => {
  test.each<[string, (n: number) => string]>([
    ['open JSON', (n) => '{"a":' + '['.repeat(n)],
    ['base64 alphabet', (n) => 'A'.repeat(n)],
    ['base64 then junk at the end', (n) => 'QUFB'.repeat(n / 4) + '!'],
    ['JWT-like without dots', (n) => 'eyJ' + 'a'.repeat(n)],
    ['XML comments without end', (n) => '<!--' + '<!--'.repeat(n / 4)],
    ['text of digits', (n) => 'AADSTS'.repeat(n / 6)],
    ['SAMLResponse= repeated', (n) => 'SAMLResponse='.repeat(n / 13)],
  ])('%s', (_name, make) => {
    // detectInput reads a head of each kind of input, so on some shapes the cost stops growing (flatOk).
    expect(
      growthRatio(
        (n) => {
          const text = make(n)
          return () => detectInput(text)
        },
        60_000,
        { flatOk: true },
      ).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  })
})
