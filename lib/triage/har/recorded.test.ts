import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { renderJson } from '../../findings/render'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeHar } from './index'

// HAR files recorded by a real browser (Debian chromium via Playwright recordHar) signing in at the mock IdP through
// a loopback SP: see testdata/recorded/README.md and scripts/record-triage-hars.ts.
const D = new URL('./testdata/recorded/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, D), 'utf8')
const METADATA = read('mock-idp-metadata.xml')
const generic = BUILTIN_PROFILES.generic

function load(name: string) {
  const text = read(`${name}.har`)
  const entries = (
    JSON.parse(text) as {
      log: {
        entries: Array<{
          startedDateTime: string
          request: { postData?: { params?: Array<{ name: string; value: string }> } }
        }>
      }
    }
  ).log.entries
  const now = new Date(entries[entries.length - 1]!.startedDateTime)
  const samlResponses = entries.flatMap(
    (e) => e.request.postData?.params?.filter((p) => p.name === 'SAMLResponse').map((p) => p.value) ?? [],
  )
  return { text, now, samlResponses }
}

describe('recorded browser logins against the mock IdP', () => {
  test('success: the SAMLRequest, the IdP page and the SAMLResponse in order, Status Success, no status finding', () => {
    const { text, now } = load('ok')
    const r = analyzeHar(text, { profile: generic, now })
    expect(r.timeline?.map((s) => s.kind)).toEqual(['request-sent', 'response-received', 'decoded'])
    expect(r.timeline?.[0]?.data).toMatchObject({
      message: 'AuthnRequest',
      issuer: 'https://www.okta.com/saml2/service-provider/spexample123',
      encoding: 'deflate-base64',
    })
    expect(r.timeline?.[2]?.data).toMatchObject({ message: 'Response', status: 'Success' })
    expect(r.findings.filter((f) => /STATUS|REDIRECT_LOOP|AADSTS/.test(f.code))).toEqual([])
    expect(r.findings.map((f) => f.code)).toContain('TRIAGE_HAR_SAML_NOT_VALIDATED')
  })

  test('success with the IdP metadata: validated, the response is attributed to the mock IdP', () => {
    const { text, now } = load('ok')
    const r = analyzeHar(text, { profile: generic, now, idpMetadataXml: METADATA })
    expect(r.subject.entityId).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/saml\/metadata$|127\.0\.0\.1/)
    expect(r.findings.map((f) => f.code)).not.toContain('TRIAGE_HAR_SAML_NOT_VALIDATED')
    expect(r.timeline?.[2]?.summary).toBe(
      'SAMLResponse posted to ' +
        new URL(String(r.timeline?.[2]?.data && (r.timeline[2].data as { url: string }).url)).host +
        ': 0 error(s) when validated against the IdP metadata',
    )
    // The recording SP sets its own session cookie SameSite=None without Secure: the only finding, and a true one.
    expect(r.findings.map((f) => [f.code, f.owner])).toEqual([['TRIAGE_HAR_COOKIE_SAMESITE_NONE_INSECURE', 'vendor']])
  })

  test('an assertion without email, validated: the attribute finding from the signed assertion', () => {
    const { text, now } = load('missing-email')
    const r = analyzeHar(text, { profile: generic, now, idpMetadataXml: METADATA })
    const f = r.findings.find((x) => x.code === 'SAML_ATTRIBUTE_MISSING')
    expect(f && { owner: f.owner, expected: f.evidence.expected }).toEqual({ owner: 'idp', expected: 'email' })
  })

  test('failure: Responder / AuthnFailed, owned by the person signing in', () => {
    const { text, now } = load('status-authnfailed')
    const r = analyzeHar(text, { profile: generic, now })
    const got = r.findings.filter((f) => f.code.startsWith('SAML_STATUS_')).map((f) => [f.code, f.owner])
    expect(got).toEqual(
      expect.arrayContaining([
        ['SAML_STATUS_RESPONDER', 'idp'],
        ['SAML_STATUS_AUTHN_FAILED', 'end-user'],
      ]),
    )
    const withMd = analyzeHar(text, { profile: generic, now, idpMetadataXml: METADATA })
    expect(withMd.findings.map((f) => f.code)).toContain('SAML_STATUS_AUTHN_FAILED')
  })

  test('redirect loop: the SP sends the browser back to the IdP three times', () => {
    const { text, now } = load('loop')
    const r = analyzeHar(text, { profile: generic, now })
    const loops = r.findings.filter((f) => f.code === 'TRIAGE_HAR_REDIRECT_LOOP')
    expect(loops).toHaveLength(1)
    const loop = loops[0]
    expect(loop?.owner).toBe('end-user')
    expect((loop?.evidence.pages as Array<{ page: string }>).map((p) => p.page.replace(/^[^/]+/, ''))).toEqual([
      '/login',
      '/saml/sso',
      '/saml/login',
      '/acs',
    ])
    expect(String(loop?.evidence.actual)).toMatch(/visited [3-9] times/)
    expect(r.timeline?.filter((s) => s.kind === 'request-sent').length).toBeGreaterThanOrEqual(3)
  })

  test.each(['ok', 'status-authnfailed', 'missing-email', 'loop'])(
    '%s: no SAMLResponse, NameID or RelayState value in the report',
    (name) => {
      const { text, now, samlResponses } = load(name)
      const json = renderJson(analyzeHar(text, { profile: BUILTIN_PROFILES.autodesk, now, idpMetadataXml: METADATA }))
      expect(samlResponses.length).toBeGreaterThan(0)
      for (const v of samlResponses) expect(json).not.toContain(v.slice(0, 60))
      // Masked addresses (x…·3fa2c1@demo.test) are expected; a user's own address is not.
      expect(json.replace(/…·[0-9a-f]{6}@/g, '')).not.toMatch(/[a-z-]+@demo\.test/)
      expect(json).not.toMatch(/relay-_[0-9a-f]{8}/)
    },
  )
})
