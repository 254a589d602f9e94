import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../findings/report'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeHar } from './index'
import { authnRequest, b64, deflated, entry, har } from './testing/build-har'

// HAR files here are synthesised around the real Okta SAMLResponse fixture (no browser recordings).
const F = new URL('../../../../shared/fixtures/real/', import.meta.url)
const RESPONSE = readFileSync(new URL('saml-responses/okta/ssoready-okta-response.xml', F), 'utf8')
const METADATA = readFileSync(new URL('saml-metadata/okta/ssoready-okta-app-metadata.xml', F), 'utf8')
const NOW = new Date('2024-04-25T20:31:55.494Z')
const generic = BUILTIN_PROFILES.generic
const IDP_SSO = 'https://trial-1022863.okta.com/app/trial-1022863_ssoready_1/exkdoocxa1VmjpXmX697/sso/saml'
const REQ = authnRequest({ issuer: 'http://localhost:8080', acs: 'http://localhost:8080', destination: IDP_SSO })

function samlLogin(response = RESPONSE) {
  return har([
    entry({
      at: '2024-04-25T20:31:50.000Z',
      url: `${IDP_SSO}?SAMLRequest=${encodeURIComponent(deflated(REQ))}&RelayState=rs-state-123`,
    }),
    entry({
      at: '2024-04-25T20:31:55.400Z',
      url: 'http://localhost:8080/',
      form: { SAMLResponse: b64(response), RelayState: 'rs-state-123' },
      status: 302,
      location: 'http://localhost:8080/app',
    }),
  ])
}
const codes = (r: ReturnType<typeof analyzeHar>) => r.findings.map((f) => f.code)

describe('SAML in a HAR', () => {
  test('success: both hops decoded, the response validated against the metadata', () => {
    const r = analyzeHar(samlLogin(), { profile: generic, idpMetadataXml: METADATA, now: NOW })
    expect(ReportSchema.safeParse(r).success).toBe(true)
    expect(r.subject).toMatchObject({ kind: 'har', idp: 'okta', entityId: 'http://www.okta.com/exkdoocxa1VmjpXmX697' })
    expect(r.timeline?.map((s) => [s.kind, s.summary])).toEqual([
      ['request-sent', 'SAMLRequest sent to trial-1022863.okta.com'],
      ['decoded', expect.stringMatching(/^SAMLResponse posted to localhost:8080: \d+ error\(s\) when validated/)],
    ])
    expect(r.timeline?.[0]?.data).toMatchObject({
      issuer: 'http://localhost:8080',
      assertionConsumerServiceUrl: 'http://localhost:8080',
      encoding: 'deflate-base64',
    })
    // The signature verified (only the real fixture's known outer-signature damage is reported), no status error.
    expect(codes(r)).not.toContain('SAML_SIGNATURE_INVALID')
    expect(codes(r).filter((c) => c.includes('STATUS'))).toEqual([])
    expect(codes(r)).not.toContain('TRIAGE_HAR_SAML_NOT_VALIDATED')
  })

  test('without metadata the response is decoded and the report says it was not validated', () => {
    const r = analyzeHar(samlLogin(), { profile: generic, now: NOW })
    const f = r.findings.find((x) => x.code === 'TRIAGE_HAR_SAML_NOT_VALIDATED')!
    expect({ owner: f.owner, actual: f.evidence.actual }).toEqual({
      owner: 'idp',
      actual: '1 SAMLResponse(s) decoded without it',
    })
    expect(r.timeline?.[1]?.data).toMatchObject({
      status: 'Success',
      issuer: 'http://www.okta.com/exkdoocxa1VmjpXmX697',
    })
  })

  test('failure status (derived: the real response with Responder / AuthnFailed) names both codes and their owners', () => {
    const failed = RESPONSE.replace(
      '<saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>',
      '<saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></saml2p:StatusCode><saml2p:StatusMessage>AADSTS50126: Error validating credentials</saml2p:StatusMessage>',
    )
    expect(failed).not.toBe(RESPONSE)
    const r = analyzeHar(samlLogin(failed), { profile: generic, now: NOW })
    const got = r.findings
      .filter((f) => f.code.startsWith('SAML_STATUS_') || f.code.startsWith('TRIAGE_AADSTS'))
      .map((f) => ({ code: f.code, owner: f.owner }))
    expect(got).toEqual(
      expect.arrayContaining([
        { code: 'SAML_STATUS_RESPONDER', owner: 'idp' },
        { code: 'SAML_STATUS_AUTHN_FAILED', owner: 'end-user' },
        { code: 'TRIAGE_AADSTS50126', owner: 'end-user' },
      ]),
    )
    expect(r.findings.find((f) => f.code === 'SAML_STATUS_RESPONDER')!.evidence).toMatchObject({
      expected: 'urn:oasis:names:tc:SAML:2.0:status:Success',
      actual: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
    })
  })

  test('a damaged SAMLResponse is a finding, not a crash', () => {
    const h = har([
      entry({
        at: '2024-04-25T20:31:55.400Z',
        url: 'http://localhost:8080/',
        form: { SAMLResponse: '!!!not-base64!!!' },
      }),
    ])
    expect(codes(analyzeHar(h, { profile: generic, now: NOW }))).toContain('TRIAGE_HAR_SAML_UNREADABLE')
  })
})

describe('OIDC and error pages', () => {
  test('an AADSTS error page: the code, its owner, and the IDs from the page', () => {
    const page =
      "<html><body><div>Sorry, but we’re having trouble signing you in.</div><div>AADSTS50011: The redirect URI 'https://app.example/cb' specified in the request does not match the redirect URIs configured for the application.</div>" +
      '<div>Request Id: 5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100</div><div>Correlation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11</div><div>Timestamp: 2026-11-22T13:45:01Z</div></body></html>'
    const h = har([
      entry({
        at: '2026-11-22T13:45:00Z',
        url: 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize?client_id=c&response_type=code&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=st-secret-1&nonce=nn-secret-1',
        status: 200,
        body: page,
      }),
    ])
    const r = analyzeHar(h, { profile: generic, now: NOW })
    expect(r.subject.idp).toBe('entra')
    const f = r.findings.find((x) => x.code === 'TRIAGE_AADSTS50011')!
    expect({ owner: f.owner, actual: f.evidence.actual }).toEqual({ owner: 'idp', actual: 'AADSTS50011' })
    expect(f.fixAt).toContain('Reply URL')
    expect(r.facts).toMatchObject({
      correlationIds: ['9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11'],
      requestIds: ['5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100'],
    })
    expect(r.timeline?.[0]?.summary).toBe('OIDC authorization request to login.microsoftonline.com')
  })

  test('an OIDC error redirect with an Okta message, and an unknown error', () => {
    const h = har([
      entry({
        at: '2026-11-22T13:45:00Z',
        url: 'https://dev-1.okta.com/oauth2/v1/authorize?client_id=c&response_type=code&state=s1',
        status: 302,
        location: 'https://app.example/cb?error=access_denied',
      }),
      entry({
        at: '2026-11-22T13:45:01Z',
        url: 'https://app.example/cb?state=s1&error=access_denied&error_description=User+is+not+assigned+to+the+client+application.',
      }),
      entry({
        at: '2026-11-22T13:45:02Z',
        url: 'https://app.example/cb2?state=s2&error=weird_thing&error_description=Something+odd',
      }),
    ])
    const r = analyzeHar(h, { profile: generic, now: NOW })
    expect(r.subject.idp).toBe('okta')
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        'TRIAGE_OKTA_USER_NOT_ASSIGNED',
        'OIDC_AUTHORIZE_ACCESS_DENIED',
        'TRIAGE_HAR_OIDC_ERROR',
      ]),
    )
    expect(r.findings.find((f) => f.code === 'TRIAGE_HAR_OIDC_ERROR')!.evidence.actual).toEqual({
      error: 'weird_thing',
      error_description: 'Something odd',
    })
  })

  test('a failed token request with a JSON error body', () => {
    const h = har([
      entry({
        at: '2026-11-22T13:45:00Z',
        url: 'https://login.microsoftonline.com/t/oauth2/v2.0/token',
        form: { grant_type: 'authorization_code', code: 'code-secret-xyz', client_secret: 'cs-secret-xyz' },
        status: 401,
        mimeType: 'application/json',
        resourceType: 'fetch',
        body: JSON.stringify({
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        }),
      }),
    ])
    const r = analyzeHar(h, { profile: generic, now: NOW })
    expect(codes(r)).toContain('TRIAGE_AADSTS7000215')
    expect(r.timeline?.[0]).toMatchObject({
      kind: 'error',
      summary: 'Token request to login.microsoftonline.com failed: invalid_client',
    })
  })
})

describe('HTTP errors on sign-in hops', () => {
  test("a 500 from the vendor's broker names the host and who serves it", () => {
    const h = har([
      entry({
        at: '2026-11-22T13:45:00Z',
        url: 'https://autodesk-prod.okta.com/sso/saml2/abc123',
        form: { SAMLResponse: b64(RESPONSE) },
        status: 500,
        body: 'Internal error',
      }),
    ])
    const f = analyzeHar(h, { profile: generic, now: NOW }).findings.find((x) => x.code === 'TRIAGE_HAR_HTTP_ERROR')!
    expect({ owner: f.owner, severity: f.severity }).toEqual({ owner: 'vendor', severity: 'warning' })
    expect(f.evidence).toMatchObject({
      expected: 'a 2xx or 3xx answer',
      actual: 500,
      host: 'autodesk-prod.okta.com',
      servedBy: 'vendor',
    })
  })
})

describe('loops, cookies, pauses', () => {
  test('the seed\'s "sign-in page loops": the same page three times with the IdP in between', () => {
    const list = []
    for (let i = 0; i < 4; i++) {
      list.push(
        entry({
          at: `2026-11-22T13:45:${String(i * 4).padStart(2, '0')}Z`,
          url: 'https://app.example/login',
          status: 302,
          location: 'https://login.microsoftonline.com/t/saml2',
        }),
      )
      list.push(
        entry({
          at: `2026-11-22T13:45:${String(i * 4 + 1).padStart(2, '0')}Z`,
          url: 'https://login.microsoftonline.com/t/saml2',
          status: 200,
        }),
      )
      list.push(
        entry({
          at: `2026-11-22T13:45:${String(i * 4 + 2).padStart(2, '0')}Z`,
          url: 'https://app.example/acs',
          method: 'POST',
          status: 302,
          location: 'https://app.example/login',
        }),
      )
    }
    const r = analyzeHar(har(list), { profile: generic, now: NOW })
    const loop = r.findings.filter((f) => f.code === 'TRIAGE_HAR_REDIRECT_LOOP')
    expect(loop.length).toBeGreaterThanOrEqual(1)
    expect(loop[0]!.owner).toBe('end-user')
    expect(loop[0]!.evidence).toMatchObject({ expected: 'each sign-in page visited once' })
    expect(String(loop[0]!.evidence.actual)).toMatch(/visited 4 times/)
  })

  test('a single pass through the same hosts is not a loop', () => {
    const r = analyzeHar(samlLogin(), { profile: generic, now: NOW })
    expect(codes(r)).not.toContain('TRIAGE_HAR_REDIRECT_LOOP')
  })

  test('SameSite=None without Secure, and cookies that are never sent back', () => {
    const h = har([
      entry({
        at: '2026-11-22T13:45:00Z',
        url: 'https://app.example/login',
        responseHeaders: [
          ['Set-Cookie', 'sid=abcdef123456; Path=/; SameSite=None'],
          ['Set-Cookie', 'ok=1; SameSite=None; Secure'],
        ],
      }),
      entry({
        at: '2026-11-22T13:45:01Z',
        url: 'https://login.microsoftonline.com/t/saml2',
        requestHeaders: [['Cookie', 'esctx=zzzsecretzzz']],
      }),
      entry({ at: '2026-11-22T13:45:02Z', url: 'https://app.example/acs', method: 'POST' }),
      entry({ at: '2026-11-22T13:45:03Z', url: 'https://app.example/login' }),
    ])
    const r = analyzeHar(h, { profile: generic, now: NOW })
    const insecure = r.findings.filter((f) => f.code === 'TRIAGE_HAR_COOKIE_SAMESITE_NONE_INSECURE')
    expect(insecure.map((f) => ({ owner: f.owner, actual: f.evidence.actual }))).toEqual([
      { owner: 'vendor', actual: 'cookie sid set with SameSite=None and no Secure' },
    ])
    expect(r.findings.find((f) => f.code === 'TRIAGE_HAR_COOKIES_NOT_SENT')!.evidence).toMatchObject({
      host: 'app.example',
    })
  })

  test('a sanitized HAR (no Cookie headers at all) does not claim cookies were blocked', () => {
    const h = har([
      entry({
        at: '2026-11-22T13:45:00Z',
        url: 'https://app.example/login',
        responseHeaders: [['Set-Cookie', 'sid=1; Secure']],
      }),
      entry({ at: '2026-11-22T13:45:01Z', url: 'https://app.example/a' }),
      entry({ at: '2026-11-22T13:45:02Z', url: 'https://app.example/b' }),
    ])
    const r = analyzeHar(h, { profile: generic, now: NOW })
    expect(codes(r)).not.toContain('TRIAGE_HAR_COOKIES_NOT_SENT')
    expect(r.skipped?.[0]?.check).toBe('cookies sent back')
  })

  test('a long pause between two sign-in steps', () => {
    const h = har([
      entry({ at: '2026-11-22T13:45:00Z', url: 'https://login.microsoftonline.com/t/saml2' }),
      entry({
        at: '2026-11-22T13:46:30Z',
        url: 'https://login.microsoftonline.com/t/login',
        method: 'POST',
        form: { login: 'x' },
      }),
      entry({ at: '2026-11-22T13:46:31Z', url: 'https://login.microsoftonline.com/t/kmsi' }),
    ])
    const f = analyzeHar(h, { profile: generic, now: NOW }).findings.find((x) => x.code === 'TRIAGE_HAR_TIMING_GAP')
    expect(f?.evidence).toMatchObject({ actual: '90 s', from: 'login.microsoftonline.com' })
  })
})

describe('bad HAR files', () => {
  test.each([
    ['', 'TRIAGE_HAR_INVALID'],
    ['{not json', 'TRIAGE_HAR_INVALID'],
    ['{"log":{}}', 'TRIAGE_HAR_INVALID'],
    ['[1,2,3]', 'TRIAGE_HAR_INVALID'],
    [
      '{"log":{"entries":[{"startedDateTime":"x","request":{"method":"GET","url":"::"},"response":{"status":"x"}}]}}',
      'TRIAGE_HAR_NO_SSO',
    ],
  ])('%j → %s', (text, code) => {
    const r = analyzeHar(text, { profile: generic, now: NOW })
    expect(codes(r)).toEqual([code])
    expect(r.subject.kind).toBe('har')
  })
  test('over the size limit', () => {
    const r = analyzeHar(
      har([entry({ at: '2026-11-22T13:45:00Z', url: 'https://a.example/', body: 'x'.repeat(5000) })]),
      { profile: generic, now: NOW, maxBytes: 1000 },
    )
    expect(r.findings.map((f) => ({ code: f.code, owner: f.owner }))).toEqual([
      { code: 'TRIAGE_HAR_TOO_LARGE', owner: 'end-user' },
    ])
  })
  test('a JSON bomb of nesting is refused by the schema, not by a crash', () => {
    expect(() =>
      analyzeHar('{"log":{"entries":' + '['.repeat(5000) + ']'.repeat(5000) + '}}', { profile: generic, now: NOW }),
    ).not.toThrow()
  })
})
