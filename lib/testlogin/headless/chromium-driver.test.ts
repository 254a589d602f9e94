// `sso-preflight login --driver chromium`: a real browser engine (Debian's /usr/bin/chromium through Playwright) against
// the mock IdP started in-process, SAML and OIDC, a passing and a failing scenario; an MFA page and a script-only login
// page end in findings within a bounded time.
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
  INTEROP_SP_ENTITY_ID,
  INTEROP_USERS,
  simpleSamlPhpMissing,
  startSimpleSamlPhp,
  type SimpleSamlPhp,
} from '../../../e2e/interop/simplesamlphp'
import { VENDOR_ACS_URL, VENDOR_SP_ENTITY_ID } from '../../../e2e/mock-idp/harness'
import { startMockIdp, type MockIdp } from '../../../e2e/mock-idp/server'
import { testSite } from '../../../e2e/mock-idp/keys'
import { memoryIo } from '../../../tests/helpers'
import { main } from '../../cli/main'
import type { Report } from '../../findings/report'
import { idpMetadataXml } from '../../mock-idp/saml/metadata'
import { allowLoopbackForTests } from '../../net/index'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../../profiles/index'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../demo'
import { headlessOidcLogin, headlessSamlLogin } from './index'

const hasChromium = existsSync(process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium')
const fetchOptions = { [allowLoopbackForTests]: true } as const
const codes = (r: Report) => [...new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort()

describe.runIf(hasChromium)('login with Chromium against the mock IdP', () => {
  let idp: MockIdp
  let metadata: string
  let mfa: Server
  let mfaUrl: string
  beforeAll(async () => {
    idp = await startMockIdp({ port: 0, acceptAnyRedirectUri: true })
    metadata = await (await fetch(idp.samlMetadataUrl)).text()
    // An IdP whose sign-in page is drawn by script and then asks for a one-time code after the password.
    mfa = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(
        req.url?.startsWith('/otp')
          ? '<!doctype html><form method="post" action="/verify"><label>Code <input name="otc" autocomplete="one-time-code"></label><button>Verify</button></form>'
          : `<!doctype html><div id="app"></div><script>
document.getElementById('app').innerHTML = '<form method="get" action="/otp"><input type="email" name="u"><input type="password" name="p"><button type="submit">Sign in</button></form>'
</script>`,
      )
    })
    await new Promise<void>((r) => mfa.listen(0, '127.0.0.1', r))
    mfaUrl = `http://127.0.0.1:${(mfa.address() as AddressInfo).port}`
  }, 30_000)
  afterAll(async () => {
    await idp?.close()
    await new Promise((r) => mfa?.close(r))
  })

  const saml = (scenario: string, extra: Partial<Parameters<typeof headlessSamlLogin>[0]> = {}) =>
    headlessSamlLogin({
      idpMetadataXml: metadata,
      spEntityId: VENDOR_SP_ENTITY_ID,
      acsUrl: VENDOR_ACS_URL,
      profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID],
      username: 'ok@demo.test',
      ssoQuery: { scenario },
      fetch: fetchOptions,
      driver: 'chromium',
      env: process.env,
      ...extra,
    })
  const oidc = (scenario: string) =>
    headlessOidcLogin({
      issuer: idp.oidcIssuer,
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      redirectUri: 'https://app.example.com/callback',
      profile: BUILTIN_PROFILES.generic,
      username: 'ok@demo.test',
      authorizeQuery: { scenario },
      fetch: fetchOptions,
      driver: 'chromium',
      env: process.env,
    })

  test('SAML, passing: the browser signs in, the answer to the ACS is captured (nothing listens there) and passes', async () => {
    const report = await saml('ok')
    expect(codes(report)).toEqual([])
    expect(report.timeline?.map((s) => s.summary).join('\n')).toMatch(/username submitted in the browser/)
    expect(report.timeline?.map((s) => s.kind)).toContain('response-received')
  })

  test('SAML, failing: wrong-audience gives its finding', async () => {
    expect(codes(await saml('wrong-audience'))).toEqual(['SAML_AUDIENCE_MISMATCH'])
  })

  test('OIDC, passing and failing: the redirect to the redirect URI is captured and checked', async () => {
    await idp.waitForOidc()
    const ok = await oidc('ok')
    expect(codes(ok), JSON.stringify(ok.findings.map((f) => [f.code, f.evidence]))).toEqual([])
    expect(codes(await oidc('wrong-aud'))).toEqual(['OIDC_ID_TOKEN_AUDIENCE_MISMATCH'])
  })

  test('an unknown test user: the sign-in form again is "credentials refused", not a wait', async () => {
    const t0 = performance.now()
    expect(codes(await saml('ok', { username: 'nobody@example.com', ssoQuery: {} }))).toEqual([
      'INPUT_LOGIN_CREDENTIALS_REFUSED',
    ])
    expect(performance.now() - t0).toBeLessThan(15_000)
  })

  test('a one-time-code page after the password ends in the interactive-step finding within the bound, never a hang', async () => {
    const md = metadata.replace(/Location="[^"]*\/saml\/sso"/g, `Location="${mfaUrl}/sso"`)
    const report = await saml('ok', { idpMetadataXml: md, password: 'pw', chromium: { timeoutMs: 8_000 } })
    expect(codes(report)).toEqual(['INPUT_LOGIN_INTERACTIVE_STEP'])
    expect(report.findings[0]!.evidence.actual).toMatch(/one-time code/)
  })

  test('--driver auto: the HTTP driver meets a page drawn by script and hands over to Chromium', async () => {
    const md = metadata.replace(/Location="[^"]*\/saml\/sso"/g, `Location="${mfaUrl}/sso"`)
    const report = await saml('ok', {
      idpMetadataXml: md,
      password: 'pw',
      driver: 'auto',
      chromium: { timeoutMs: 8_000 },
    })
    expect(report.timeline?.map((s) => s.summary)).toContain('the login page needs script: continuing in Chromium')
    expect(report.findings.map((f) => f.evidence.actual)).toEqual(['a form asking for a one-time code or challenge'])
  })
})

// A real username / password form with a session and redirects: SimpleSAMLphp, as the interop tests start it.
const sspMissing = simpleSamlPhpMissing()
describe.runIf(hasChromium && sspMissing === null)('login with Chromium against SimpleSAMLphp', () => {
  const acsUrl = 'http://127.0.0.1:9/saml/acs' // nothing listens: the answer is captured in the browser
  let ssp: SimpleSamlPhp
  let metadata: string
  beforeAll(async () => {
    ssp = await startSimpleSamlPhp({ acsUrl })
    metadata = await (await fetch(ssp.metadataUrl)).text()
  }, 30_000)
  afterAll(async () => {
    await ssp?.stop()
  })
  const login = (username: string, password: string) =>
    headlessSamlLogin({
      idpMetadataXml: metadata,
      spEntityId: INTEROP_SP_ENTITY_ID,
      acsUrl,
      profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID],
      username,
      password,
      fetch: fetchOptions,
      driver: 'chromium',
      env: process.env,
    })

  test("types the username and password from the environment into the IdP's form and validates the answer", async () => {
    const { complete } = INTEROP_USERS
    expect(codes(await login(complete.username, complete.password))).toEqual([])
  }, 30_000)

  test('a wrong password: the form again is "credentials refused"', async () => {
    expect(codes(await login(INTEROP_USERS.complete.username, 'wrong'))).toEqual(['INPUT_LOGIN_CREDENTIALS_REFUSED'])
  }, 30_000)
})

describe('a browser that cannot start', () => {
  test('--driver chromium with PLAYWRIGHT_CHROMIUM_PATH naming no file: exit 2 with one line saying so', async () => {
    const io = memoryIo({ PLAYWRIGHT_CHROMIUM_PATH: '/nonexistent/chromium', SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    const idp = await startMockIdp({ port: 0 })
    vi.stubEnv('SSO_PREFLIGHT_ALLOW_LOOPBACK', '1') // lib/net reads the process's environment
    try {
      const code = await main(
        [
          'login',
          '--idp-metadata',
          idp.samlMetadataUrl,
          '--sp-entity-id',
          VENDOR_SP_ENTITY_ID,
          '--acs-url',
          VENDOR_ACS_URL,
          '--driver',
          'chromium',
        ],
        io,
      )
      expect(code).toBe(2)
      expect(io.out()).toBe('')
      expect(io.err()).toMatch(/^sso-preflight login: PLAYWRIGHT_CHROMIUM_PATH "\/nonexistent\/chromium": no such file/)
    } finally {
      vi.unstubAllEnvs()
      await idp.close()
    }
  })

  test("--driver auto: the HTTP driver's finding stands, and the timeline says why Chromium was not used", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<div id="app"></div><script>render()</script>')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const report = await headlessSamlLogin({
        idpMetadataXml: idpMetadataXml(testSite(base)),
        spEntityId: 'https://sp.example.com',
        acsUrl: 'https://sp.example.com/acs',
        profile: BUILTIN_PROFILES.generic,
        username: 'u',
        fetch: fetchOptions,
        driver: 'auto',
        env: { PLAYWRIGHT_CHROMIUM_PATH: '/nonexistent/chromium' },
      })
      expect(codes(report)).toEqual(['INPUT_LOGIN_INTERACTIVE_STEP'])
      expect(report.timeline?.map((s) => s.summary).join('\n')).toMatch(/Chromium not used: PLAYWRIGHT_CHROMIUM_PATH/)
    } finally {
      server.close()
    }
  })
})
