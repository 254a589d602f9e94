import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { allowLoopbackForTests } from '../net/types'
import { analyzeOidcIssuer, fetchOidcDocuments } from './fetch-documents'
import { generic, goodDiscovery, NOW, rsaJwk } from './testing'

// A loopback IdP (allowed through the unique symbol); its documents point wherever each test needs.
let server: Server
let base = ''
const docs = new Map<string, () => unknown>()
const hits: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '')
    const body = docs.get(req.url ?? '')
    if (!body) {
      res.writeHead(404)
      res.end()
      return
    }
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify(body()))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  docs.set('/good/.well-known/openid-configuration', () =>
    goodDiscovery({ jwks_uri: `${base}/good/keys` }, `${base}/good`),
  )
  docs.set('/good/keys', () => ({ keys: [rsaJwk('k1')] }))
  docs.set('/ssrf/.well-known/openid-configuration', () =>
    goodDiscovery({ jwks_uri: 'http://169.254.169.254/latest/meta-data/' }, `${base}/ssrf`),
  )
  docs.set('/other/.well-known/openid-configuration', () =>
    goodDiscovery({ jwks_uri: `${base}/good/keys` }, 'https://elsewhere.example.com'),
  )
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
})

const fetch = { [allowLoopbackForTests]: true } as const

describe('fetchOidcDocuments', () => {
  test('fetches <issuer>/.well-known/openid-configuration, then jwks_uri', async () => {
    const d = await fetchOidcDocuments(`${base}/good`, fetch)
    expect(d).toMatchObject({
      discoveryUrl: `${base}/good/.well-known/openid-configuration`,
      expectedIssuer: `${base}/good`,
      jwksUrl: `${base}/good/keys`,
    })
    expect(JSON.parse(d.jwks ?? '{}')).toHaveProperty('keys')
    expect(d.findings.map((f) => f.code)).toEqual(['NET_NOT_HTTPS', 'NET_NOT_HTTPS'])
  })

  test('a jwks_uri pointing at the metadata service is refused and never requested', async () => {
    const before = hits.length
    const d = await fetchOidcDocuments(`${base}/ssrf/.well-known/openid-configuration`, fetch)
    expect(d.expectedIssuer).toBe(`${base}/ssrf`)
    expect(d.jwks).toBeUndefined()
    expect(
      d.findings
        .filter((f) => f.code !== 'NET_NOT_HTTPS')
        .map(({ code, owner, evidence }) => ({ code, owner, actual: evidence.actual })),
    ).toEqual([{ code: 'NET_METADATA_SERVICE_ADDRESS', owner: 'idp', actual: '169.254.169.254' }])
    expect(hits.slice(before)).toEqual(['/ssrf/.well-known/openid-configuration'])
  })

  test('without the allowance the loopback issuer itself is refused', async () => {
    const d = await fetchOidcDocuments(`${base}/good`)
    expect(d.discovery).toBeUndefined()
    expect(d.findings.map((f) => f.code)).toEqual(['NET_LOOPBACK_ADDRESS'])
  })
})

describe('analyzeOidcIssuer', () => {
  test('a fetched document whose issuer is not the URL it came from', async () => {
    const r = await analyzeOidcIssuer(`${base}/other`, { profile: generic, now: NOW, fetch })
    expect(r.findings.filter((f) => f.code === 'OIDC_ISSUER_MISMATCH').map((f) => f.evidence)).toEqual([
      {
        expected: `${base}/other`,
        actual: 'https://elsewhere.example.com',
        where: 'issuer (vs the configured issuer)',
      },
    ])
    expect(r.subject).toMatchObject({
      kind: 'oidc-discovery',
      source: `${base}/other/.well-known/openid-configuration`,
    })
  })

  test('a 404 becomes a report with the NET finding, the checks marked skipped', async () => {
    const r = await analyzeOidcIssuer(`${base}/missing`, { profile: generic, now: NOW, fetch })
    expect(r.findings.map((f) => [f.code, f.evidence.actual])).toEqual([['NET_HTTP_ERROR', 404]])
    expect(r.skipped).toEqual([{ check: 'discovery', reason: 'the discovery document could not be fetched' }])
    expect(r.summary.verdict).toBe('no-go')
  })

  test('fetched documents are analysed with the http warnings kept', async () => {
    const r = await analyzeOidcIssuer(`${base}/good`, { profile: generic, now: NOW, fetch })
    expect([...new Set(r.findings.map((f) => f.code))].sort()).toEqual([
      'NET_NOT_HTTPS',
      'OIDC_ENDPOINT_INTERNAL_ADDRESS',
      'OIDC_ENDPOINT_NOT_HTTPS',
      'OIDC_ISSUER_NOT_HTTPS',
    ])
    // The loopback allowance the fetch had makes the loopback endpoints a warning, not a blocker.
    expect(r.findings.filter((f) => f.code === 'OIDC_ENDPOINT_INTERNAL_ADDRESS').map((f) => f.severity)).toEqual([
      'warning',
    ])
    expect(r.facts).toMatchObject({ jwksKeyCount: 1 })
  })
})
