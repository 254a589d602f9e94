import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { POST as postMetadata } from '@/app/api/reports/metadata/route'
import { POST as postOidc } from '@/app/api/reports/oidc/route'
import { POST as postResponse } from '@/app/api/reports/response/route'
import { BUILTIN_PROFILES, ReportSchema } from '@/lib'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const real = (rel: string) => readFileSync(new URL(rel, REAL), 'utf8')
const ENTRA_ROLLOVER = real('saml-metadata/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml')
const OKTA_METADATA = real('saml-metadata/okta/ssoready-okta-app-metadata.xml')
const OKTA_RESPONSE = real('saml-responses/okta/ssoready-okta-response.xml')
const OKTA_DISCOVERY = real('oidc/okta/dockyard-okta-common.okta.com-org-openid-configuration.json')
const PINNED_NOW = '2026-11-22T00:00:00Z'

const json = (path: string, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const raw = (path: string, body: string, type = 'application/xml') =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': type }, body })

describe('POST /api/reports/metadata', () => {
  test('returns the Report: an expired certificate is an IdP error with both values', async () => {
    const res = await postMetadata(json('/api/reports/metadata', { xml: ENTRA_ROLLOVER, now: PINNED_NOW }))
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.checkedAt).toBe('2026-11-22T00:00:00.000Z')
    const expired = report.findings.find((f) => f.code === 'CERT_EXPIRED')
    expect(expired).toMatchObject({ owner: 'idp', severity: 'error' })
    expect(expired?.evidence.expected).toBeDefined()
    expect(expired?.evidence.actual).toBeDefined()
  })

  test('takes the raw XML as the body with options in the query, and answers Markdown on ?format=md', async () => {
    const res = await postMetadata(
      raw(`/api/reports/metadata?format=md&now=${PINNED_NOW}&profile=generic`, ENTRA_ROLLOVER),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/markdown')
    expect(res.headers.get('content-disposition')).toContain('sso-preflight-saml-metadata-2026-11-22.md')
    const md = await res.text()
    expect(md).toContain('NO-GO')
    expect(md).toContain('profile: generic')
  })

  test('typed values reach the checks: the vendor placeholder Reply URL is a finding', async () => {
    const res = await postMetadata(
      json('/api/reports/metadata', { xml: OKTA_METADATA, acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1' }),
    )
    const report = ReportSchema.parse(await res.json())
    expect(report.findings.map((f) => f.code)).toContain('SAML_CONFIG_REPLY_URL_PLACEHOLDER')
  })

  test('a loopback metadata URL is refused as a finding (loopback is off unless configured)', async () => {
    const res = await postMetadata(json('/api/reports/metadata', { url: 'http://127.0.0.1:9/metadata' }))
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.subject.source).toBe('http://127.0.0.1:9/metadata')
    expect(report.findings.map((f) => f.code)).toContain('NET_LOOPBACK_ADDRESS')
    expect(report.summary.verdict).toBe('no-go')
  })

  test('a custom profile object is validated: a good one is used, a bad one is a 400', async () => {
    const custom = { ...BUILTIN_PROFILES.generic, id: 'acme', name: 'Acme' }
    const ok = await postMetadata(json('/api/reports/metadata', { xml: OKTA_METADATA, profile: custom }))
    expect(ok.status).toBe(200)
    expect((await ok.json()).profile).toBe('acme')
    const bad = await postMetadata(json('/api/reports/metadata', { xml: OKTA_METADATA, profile: { id: 'Not Valid!' } }))
    expect(bad.status).toBe(400)
    expect((await bad.json()).message).toContain('custom profile is invalid')
  })

  test.each([
    ['invalid JSON', raw('/api/reports/metadata', '{', 'application/json'), 'ERR_USAGE'],
    ['a JSON array', json('/api/reports/metadata', []), 'ERR_USAGE'],
    ['no document', json('/api/reports/metadata', {}), 'ERR_USAGE'],
    [
      'both xml and url',
      json('/api/reports/metadata', { xml: '<a/>', url: 'https://idp.example.com/md' }),
      'ERR_USAGE',
    ],
    ['a URL that is not absolute', json('/api/reports/metadata', { url: 'idp.example.com/md' }), 'ERR_USAGE'],
    ['an unknown profile', json('/api/reports/metadata', { xml: '<a/>', profile: 'nope' }), 'ERR_USAGE'],
    ['a bad now', json('/api/reports/metadata', { xml: '<a/>', now: 'yesterday' }), 'ERR_USAGE'],
    ['an unknown IdP kind', json('/api/reports/metadata', { xml: '<a/>', idp: 'pingfed' }), 'ERR_USAGE'],
  ])('%s is a 400 with zod issues, never a 500', async (_name, request, error) => {
    const res = await postMetadata(request)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error).toBe(error)
  })

  test('zod issues name the field', async () => {
    const res = await postMetadata(json('/api/reports/metadata', { url: 'not a url' }))
    const body = await res.json()
    expect(body.issues.properties.url.errors[0]).toContain('http')
  })

  test.each([
    'file:///etc/passwd',
    'ftp://idp.example.com/md',
    'javascript:alert(1)',
    'data:application/xml,<a/>',
    'gopher://127.0.0.1:70/',
  ])('a %s URL is a report saying only http(s) URLs are fetched, not a bare 400', async (url) => {
    const res = await postMetadata(json('/api/reports/metadata', { url }))
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.summary.verdict).toBe('no-go')
    expect(report.findings.map((f) => f.code)).toEqual(['NET_SCHEME_NOT_ALLOWED'])
    expect(report.findings[0]!.title).toMatch(/only http\(s\) URLs/i)
  })

  test('the OIDC issuer URL too', async () => {
    const report = ReportSchema.parse(
      await (await postOidc(json('/api/reports/oidc', { url: 'file:///etc/passwd', profile: 'generic' }))).json(),
    )
    expect(report.findings.map((f) => f.code)).toContain('NET_SCHEME_NOT_ALLOWED')
  })

  test('a body over the cap is refused with 413 before parsing', async () => {
    const res = await postMetadata(raw('/api/reports/metadata', 'x'.repeat(16 * 1024 * 1024)))
    expect(res.status).toBe(413)
  })

  test.each([
    '',
    '   ',
    'not xml',
    '<',
    '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
    '<a><b></a>',
    '\u0000\u0001',
    '<EntityDescriptor/>',
  ])('garbage %j becomes a report with error findings (200), not an exception', async (xml) => {
    const res = await postMetadata(json('/api/reports/metadata', { xml }))
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.summary.errors).toBeGreaterThan(0)
  })
})

describe('POST /api/reports/oidc', () => {
  test('a discovery document as an object or as text gives the same OIDC report', async () => {
    const asText = ReportSchema.parse(
      await (
        await postOidc(json('/api/reports/oidc', { discovery: OKTA_DISCOVERY, profile: 'generic', now: PINNED_NOW }))
      ).json(),
    )
    const asObject = ReportSchema.parse(
      await (
        await postOidc(
          json('/api/reports/oidc', { discovery: JSON.parse(OKTA_DISCOVERY), profile: 'generic', now: PINNED_NOW }),
        )
      ).json(),
    )
    expect(asText.subject.kind).toBe('oidc-discovery')
    expect(asObject.findings.map((f) => f.code)).toEqual(asText.findings.map((f) => f.code))
  })

  test('under the autodesk profile OIDC gets a SAML-only finding, fixed in the IdP (a SAML app; issue 9)', async () => {
    const report = ReportSchema.parse(
      await (await postOidc(json('/api/reports/oidc', { discovery: OKTA_DISCOVERY }))).json(),
    )
    expect(report.findings.find((f) => f.code === 'OIDC_VENDOR_SAML_ONLY')).toMatchObject({
      owner: 'idp',
      severity: 'error',
    })
  })

  test('the body is a JSON envelope: a bare discovery document or plain text is a 400', async () => {
    expect((await postOidc(raw('/api/reports/oidc', OKTA_DISCOVERY, 'application/json'))).status).toBe(400)
    expect((await postOidc(raw('/api/reports/oidc', 'issuer=x', 'text/plain'))).status).toBe(400)
  })
})

describe('POST /api/reports/response', () => {
  test('validates a captured response against the IdP metadata', async () => {
    const res = await postResponse(
      json('/api/reports/response', {
        response: OKTA_RESPONSE,
        idpMetadata: OKTA_METADATA,
        profile: 'generic',
        spEntityId: 'http://localhost:8080',
        acsUrl: 'http://localhost:8080',
        now: '2024-04-25T20:31:55.494Z',
      }),
    )
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.subject.kind).toBe('saml-response')
    expect(report.findings.map((f) => f.code)).not.toContain('SAML_SIGNATURE_INVALID')
  })

  test('unreadable IdP metadata is reported as findings without reading the response', async () => {
    const report = ReportSchema.parse(
      await (
        await postResponse(json('/api/reports/response', { response: OKTA_RESPONSE, idpMetadata: 'nope' }))
      ).json(),
    )
    expect(report.subject.kind).toBe('saml-response')
    expect(report.findings.map((f) => f.code)).toContain('INPUT_NOT_XML')
  })

  test('missing IdP metadata is a 400 that says why it is needed', async () => {
    const res = await postResponse(json('/api/reports/response', { response: OKTA_RESPONSE }))
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('certificates verify the signature')
  })
})
