import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { renderJson, renderMarkdown, renderText } from '../../findings/render'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeHar, parseHar, redactHar, redactUrl } from './index'
import { b64, entry, har } from './testing/build-har'

const F = new URL('../../../../shared/fixtures/real/', import.meta.url)
const RESPONSE = readFileSync(new URL('saml-responses/okta/ssoready-okta-response.xml', F), 'utf8')
const METADATA = readFileSync(new URL('saml-metadata/okta/ssoready-okta-app-metadata.xml', F), 'utf8')
const NOW = new Date('2024-04-25T20:31:55.494Z')

const SECRETS = {
  cookie: 'COOKIEVALUE9f8e7d6c',
  setCookie: 'SETCOOKIEVALUE112233',
  authorization: 'AUTHZTOKENabc123def456',
  code: 'CODEVALUE1234567',
  state: 'STATEVALUE987654',
  idToken: 'IDTOKENVALUExyz789',
  password: 'Hunter2Password!',
  clientSecret: 'CLIENTSECRETVALUE42',
  relayState: 'RELAYSTATEVALUE77',
  accessToken: 'ACCESSTOKENVALUE555',
  samlResponse: b64(RESPONSE),
  nameId: 'ulysse.carion@codomaindata.com',
  loginEmail: 'jane.doe@contoso.com',
  csrf: 'CSRFVALUE000111',
}

function secretHar(): string {
  return har([
    entry({
      at: '2024-04-25T20:31:50.000Z',
      url: `https://dev-1.okta.com/login?username=${encodeURIComponent(SECRETS.loginEmail)}`,
      requestHeaders: [
        ['Cookie', `sid=${SECRETS.cookie}`],
        ['Authorization', `Bearer ${SECRETS.authorization}`],
        ['X-Okta-XsrfToken', SECRETS.csrf],
      ],
      responseHeaders: [['Set-Cookie', `sid=${SECRETS.setCookie}; Path=/; SameSite=None`]],
    }),
    entry({
      at: '2024-04-25T20:31:51.000Z',
      url: 'https://dev-1.okta.com/api/v1/authn',
      form: { username: SECRETS.loginEmail, password: SECRETS.password },
      resourceType: 'fetch',
      mimeType: 'application/json',
      body: `{"status":"SUCCESS","sessionToken":"${SECRETS.accessToken}"}`,
    }),
    entry({
      at: '2024-04-25T20:31:55.400Z',
      url: 'http://localhost:8080/',
      form: { SAMLResponse: SECRETS.samlResponse, RelayState: SECRETS.relayState },
    }),
    entry({
      at: '2024-04-25T20:31:56.000Z',
      url: `https://app.example/cb?code=${SECRETS.code}&state=${SECRETS.state}#id_token=${SECRETS.idToken}&state=${SECRETS.state}`,
    }),
    entry({
      at: '2024-04-25T20:31:57.000Z',
      url: 'https://dev-1.okta.com/oauth2/v1/token',
      form: { grant_type: 'authorization_code', code: SECRETS.code, client_secret: SECRETS.clientSecret },
      status: 400,
      mimeType: 'application/json',
      resourceType: 'fetch',
      body: JSON.stringify({
        error: 'invalid_grant',
        error_description: `The authorization code is invalid for ${SECRETS.loginEmail}`,
        access_token: SECRETS.accessToken,
      }),
    }),
    entry({
      at: '2024-04-25T20:31:58.000Z',
      url: 'https://login.microsoftonline.com/t/saml2',
      body: `<p>AADSTS50105: The signed in user '${SECRETS.loginEmail}' is not assigned to a role for the application. Correlation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11</p>`,
    }),
  ])
}

const leaks = (text: string) =>
  Object.entries(SECRETS)
    .filter(([, v]) => text.includes(v) || text.includes(encodeURIComponent(v)))
    .map(([k]) => k)

describe('no secret survives in any output', () => {
  test.each([
    ['with IdP metadata', METADATA],
    ['without metadata', undefined],
  ])('the report (%s) as JSON, text and Markdown', (_n, md) => {
    const r = analyzeHar(secretHar(), {
      profile: BUILTIN_PROFILES.autodesk,
      now: NOW,
      ...(md ? { idpMetadataXml: md } : {}),
    })
    expect(r.findings.length).toBeGreaterThan(0)
    expect(r.timeline?.length).toBeGreaterThan(2)
    for (const out of [renderJson(r), renderText(r), renderMarkdown(r)]) expect(leaks(out)).toEqual([])
  })

  test('the redacted HAR (what may be stored or shared)', () => {
    const parsed = parseHar(secretHar())
    if (!parsed.ok) throw new Error('fixture HAR must parse')
    const seen: string[] = []
    const red = JSON.stringify(redactHar(parsed.value, (v) => seen.push(v)))
    expect(leaks(red)).toEqual([])
    // The redacted copy keeps its shape: same entries, same URLs minus secret values.
    expect(JSON.parse(red).log.entries).toHaveLength(6)
    expect(red).toContain('https://app.example/cb?code=%5Bredacted+16+chars%5D')
    for (const v of [SECRETS.cookie, SECRETS.password, SECRETS.clientSecret, SECRETS.samlResponse])
      expect(seen.some((s) => s.includes(v))).toBe(true)
  })

  test('the report still says what happened', () => {
    const r = analyzeHar(secretHar(), { profile: BUILTIN_PROFILES.autodesk, now: NOW })
    expect(r.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['TRIAGE_AADSTS50105', 'TRIAGE_HAR_COOKIE_SAMESITE_NONE_INSECURE']),
    )
    expect(r.facts).toMatchObject({ correlationIds: ['9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11'] })
  })

  test('redactUrl keeps the URL readable and removes secret values only', () => {
    expect(redactUrl('https://x.example/cb?code=abc&state=def&foo=bar')).toBe(
      'https://x.example/cb?code=%5Bredacted+3+chars%5D&state=%5Bredacted+3+chars%5D&foo=bar',
    )
    expect(redactUrl('https://user:pass@x.example/')).toBe('https://x.example/')
    expect(redactUrl('not a url')).toBe('not a url')
  })
})
