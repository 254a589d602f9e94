import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkMetadata, checkOidc, checkResponse, checkToken, resolveProfile } from '../index'
import { BUILTIN_PROFILES } from '../profiles/index'
import { allowLoopbackForTests } from '../net/types'
import { goodDiscovery, NOW, rsaJwk } from '../oidc/testing'
import { validateSamlResponse } from '../saml/response/validate'
import { readIdpTrust } from '../saml/metadata/parse'
import { checkContext } from '../context'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const real = (p: string) => readFileSync(new URL(p, REAL), 'utf8')
const OKTA_MD = real('saml-metadata/okta/ssoready-okta-app-metadata.xml')
const OKTA_RESPONSE = real('saml-responses/okta/ssoready-okta-response.xml')
const OKTA_PARAMS = JSON.parse(real('saml-responses/okta/ssoready-okta-response.params.json')) as {
  sp_entity_id: string
  now: string
}
const autodesk = BUILTIN_PROFILES.autodesk,
  generic = BUILTIN_PROFILES.generic
const codes = (r: { findings: readonly { code: string }[] }) => r.findings.map((f) => f.code)
const fetch = { [allowLoopbackForTests]: true } as const

// A loopback IdP serving metadata and a discovery document over plain http.
let server: Server
let base = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/metadata.xml') {
      res.end(OKTA_MD)
      return
    }
    if (req.url === '/idp/.well-known/openid-configuration') {
      res.end(JSON.stringify(goodDiscovery({ jwks_uri: `${base}/idp/keys` }, `${base}/idp`)))
      return
    }
    if (req.url === '/idp/keys') {
      res.end(JSON.stringify({ keys: [rsaJwk('k1')] }))
      return
    }
    res.writeHead(404)
    res.end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe('resolveProfile', () => {
  test('a built-in id, an unknown id, and a custom profile that breaks the schema (every issue named)', () => {
    expect(resolveProfile('generic')).toEqual({ ok: true, profile: generic })
    const unknown = resolveProfile('salesforce')
    expect(unknown.ok ? undefined : unknown.message).toMatch(/unknown profile "salesforce"/)
    const bad = resolveProfile({ id: 'x' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.message).toMatch(/^The custom profile is invalid: /)
      expect(bad.issues.length).toBeGreaterThan(1)
    }
    const custom = resolveProfile(JSON.parse(JSON.stringify(autodesk)) as Record<string, unknown>)
    expect(custom.ok ? custom.profile.id : undefined).toBe('autodesk')
  })
})

describe('checkMetadata', () => {
  test('text and URL give the same checks; the URL adds what the fetch noticed (NET_NOT_HTTPS)', async () => {
    const text = await checkMetadata({
      source: { kind: 'xml', text: OKTA_MD, name: 'okta.xml' },
      profile: autodesk,
      now: NOW,
    })
    const url = await checkMetadata({
      source: { kind: 'url', url: `${base}/metadata.xml` },
      profile: autodesk,
      now: NOW,
      fetch,
    })
    expect(text.report.subject).toMatchObject({ idp: 'okta', source: 'okta.xml' })
    expect(url.report.subject).toMatchObject({ idp: 'okta', source: `${base}/metadata.xml` })
    expect(
      codes(url.report)
        .filter((c) => c !== 'NET_NOT_HTTPS')
        .sort(),
    ).toEqual(codes(text.report).sort())
    expect(codes(url.report)).toContain('NET_NOT_HTTPS')
    expect(url.xml).toBe(OKTA_MD)
  })
  test('a URL that cannot be fetched is a report of the refusal, never a throw', async () => {
    const refused = await checkMetadata({
      source: { kind: 'url', url: 'file:///etc/passwd' },
      profile: autodesk,
      now: NOW,
    })
    expect(codes(refused.report)).toEqual(['NET_SCHEME_NOT_ALLOWED'])
    expect(refused.xml).toBeUndefined()
    const loopback = await checkMetadata({
      source: { kind: 'url', url: `${base}/metadata.xml` },
      profile: autodesk,
      now: NOW,
    })
    expect(codes(loopback.report).every((c) => c.startsWith('NET_'))).toBe(true)
    expect(loopback.report.summary.errors).toBeGreaterThan(0)
  })
})

describe('checkOidc', () => {
  test("an issuer URL: discovery and jwks_uri fetched, the fetches' findings kept, the documents returned", async () => {
    const r = await checkOidc({ source: { kind: 'url', url: `${base}/idp` }, profile: generic, now: NOW, fetch })
    expect(r.report.subject.kind).toBe('oidc-discovery')
    expect(codes(r.report).filter((c) => c === 'NET_NOT_HTTPS')).toHaveLength(2)
    expect(JSON.parse(r.documents?.jwks ?? '{}')).toHaveProperty('keys')
  })
  test('a JWKS the admin gave wins over the fetched one', async () => {
    const given = await checkOidc({
      source: { kind: 'url', url: `${base}/idp` },
      jwks: JSON.stringify({ keys: [] }),
      profile: generic,
      now: NOW,
      fetch,
    })
    expect(codes(given.report)).toContain('OIDC_JWKS_EMPTY')
    expect(given.documents?.jwks).toBe('{"keys":[]}')
  })
})

describe('checkResponse', () => {
  const params = { profile: generic, now: new Date(OKTA_PARAMS.now), spEntityId: OKTA_PARAMS.sp_entity_id }
  test('metadata → trust → context → validation: the same report as the lib steps by hand', async () => {
    const { report, readable } = await checkResponse({
      response: OKTA_RESPONSE,
      responseName: 'r.xml',
      idpMetadata: { kind: 'xml', text: OKTA_MD },
      ...params,
    })
    const trust = readIdpTrust(OKTA_MD)
    if (!trust.ok) throw new Error('fixture metadata unreadable')
    const byHand = validateSamlResponse({ response: OKTA_RESPONSE }, trust.value, {
      ctx: checkContext({ ...params, idp: trust.value.kind }),
      source: 'r.xml',
    })
    expect(report).toEqual(byHand)
    expect(readable).toBeUndefined()
  })
  test('readable: the decoded message comes back with the report, so no face decodes it again', async () => {
    const b64 = Buffer.from(OKTA_RESPONSE).toString('base64')
    const { readable } = await checkResponse({
      response: b64,
      idpMetadata: { kind: 'xml', text: OKTA_MD },
      readable: true,
      ...params,
    })
    expect(readable).toBeDefined()
    expect(JSON.stringify(readable)).toContain('Assertion')
  })
  test('unreadable metadata: its findings, and the response is not read at all', async () => {
    const { report } = await checkResponse({
      response: OKTA_RESPONSE,
      idpMetadata: { kind: 'xml', text: '<nope' },
      ...params,
    })
    expect(report.subject).toMatchObject({ kind: 'saml-response', source: 'IdP metadata' })
    expect(codes(report).every((c) => c.startsWith('INPUT_') || c.startsWith('SAML_METADATA_'))).toBe(true)
    expect(report.summary.errors).toBeGreaterThan(0)
  })
  test('metadata by URL over http: the validation plus NET_NOT_HTTPS', async () => {
    const { report } = await checkResponse({
      response: OKTA_RESPONSE,
      idpMetadata: { kind: 'url', url: `${base}/metadata.xml` },
      fetch,
      ...params,
    })
    expect(codes(report)).toContain('NET_NOT_HTTPS')
    expect(report.subject.entityId).toBeTruthy()
  })
})

describe('checkToken', () => {
  test("without the issuer's JWKS or the client ID nothing is verified, and the report says which is missing", async () => {
    const { report } = await checkToken({
      token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig',
      profile: generic,
      now: NOW,
      where: 'triage form',
    })
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({
      code: 'OIDC_ID_TOKEN_JWKS_INVALID',
      evidence: { actual: 'no JWKS, no client ID given', where: 'triage form' },
    })
    const noClient = await checkToken({ token: 'x', jwks: '{"keys":[]}', profile: generic, now: NOW })
    expect(noClient.report.findings[0]?.evidence.actual).toBe('no client ID given')
  })
  test('with both, the token itself is checked', async () => {
    const { report } = await checkToken({
      token: 'not a token',
      jwks: JSON.stringify({ keys: [rsaJwk('k1')] }),
      clientId: 'app',
      issuer: 'https://idp.example.com',
      profile: generic,
      now: NOW,
    })
    expect(report.subject.kind).toBe('oidc-id-token')
    expect(codes(report)).not.toContain('OIDC_ID_TOKEN_JWKS_INVALID')
    expect(report.summary.errors).toBeGreaterThan(0)
  })
})
