// `sso-preflight login`: the headless SAML test login, against the mock IdP (username form) and SimpleSAMLphp
// (a real username / password form, sessions, redirects), through the CLI as a pipeline runs it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { main } from '../../lib/cli/main'
import { ReportSchema, type Report } from '../../lib/findings/report'
import { ourAcsUrl } from '../../lib/testlogin/urls'
import { memoryIo } from '../../tests/helpers'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../lib/testlogin/demo'
import { VENDOR_SP_ENTITY_ID } from '../mock-idp/harness'
import { startMockIdp, type MockIdp } from '../mock-idp/server'
import {
  INTEROP_SP_ENTITY_ID,
  INTEROP_USERS,
  simpleSamlPhpMissing,
  startSimpleSamlPhp,
  type SimpleSamlPhp,
} from './simplesamlphp'

// Nothing listens at this ACS: the answer is captured from the IdP's self-posting form.
const ACS_URL = ourAcsUrl('http://127.0.0.1:9')
// Both IdPs run on loopback, which lib/net refuses unless the process opts in (as the demo and a CI job against a
// local mock do).
beforeAll(() => {
  vi.stubEnv('SSO_PREFLIGHT_ALLOW_LOOPBACK', '1')
})
afterAll(() => {
  vi.unstubAllEnvs()
})

async function login(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number; report: Report; err: string }> {
  const io = memoryIo(env)
  const code = await main(['login', ...argv, '--json'], io)
  return { code, report: ReportSchema.parse(JSON.parse(io.out())), err: io.err() }
}
const codes = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code)

describe('headless login against the mock IdP', () => {
  let idp: MockIdp
  beforeAll(async () => {
    idp = await startMockIdp({ port: 0 })
  })
  afterAll(async () => {
    await idp?.close()
  })
  const args = () => [
    '--idp-metadata',
    idp.samlMetadataUrl,
    '--sp-entity-id',
    VENDOR_SP_ENTITY_ID,
    '--acs-url',
    ACS_URL,
    '--profile',
    'generic',
  ]

  test('a passing user: exit 0, the answer validated, the steps on the timeline', async () => {
    const { code, report } = await login(args(), { SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    expect(codes(report)).toEqual([])
    expect(code).toBe(0)
    expect(report.subject.kind).toBe('saml-test-login')
    expect(report.timeline?.map((s) => s.kind)).toEqual(expect.arrayContaining(['request-sent', 'response-received']))
  })

  test('a failing scenario gives exactly its finding and exit 1', async () => {
    const { code, report } = await login(args(), { SSO_PREFLIGHT_USERNAME: 'wrong-audience@demo.test' })
    expect(code).toBe(1)
    expect(codes(report)).toContain('SAML_AUDIENCE_MISMATCH')
  })

  test('without SSO_PREFLIGHT_USERNAME the login stops with an interactive-step finding, not a hang', async () => {
    const { code, report } = await login(args(), {})
    expect(code).toBe(1)
    expect(codes(report)).toEqual(['INPUT_LOGIN_INTERACTIVE_STEP'])
  })

  test('an IdP page asking for a one-time code ends in an interactive-step finding, not a hang', async () => {
    // An IdP whose SSO URL answers with an MFA form: the mock's metadata, pointed at a server that asks for a code.
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(
        req.url?.startsWith('/down')
          ? '<h1>Service unavailable</h1><p>Try again later.</p>'
          : '<form method="post" action="/verify"><label>Code<input type="text" name="otp"></label><input type="hidden" name="state" value="s"><button>Verify</button></form>',
      )
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    const dir = mkdtempSync(join(tmpdir(), 'mfa-'))
    const metadata = (await (await fetch(idp.samlMetadataUrl)).text()).replace(
      /Location="[^"]*\/saml\/sso"/g,
      `Location="http://127.0.0.1:${port}/sso"`,
    )
    writeFileSync(join(dir, 'metadata.xml'), metadata)
    try {
      const { code, report } = await login(['--idp-metadata', join(dir, 'metadata.xml'), ...args().slice(2)], {
        SSO_PREFLIGHT_USERNAME: 'ok@demo.test',
      })
      expect(code).toBe(1)
      expect(codes(report)).toEqual(['INPUT_LOGIN_INTERACTIVE_STEP'])
      expect(report.findings[0]!.evidence.where).toContain(`127.0.0.1:${port}/sso`)
      // An error page without any form: the IdP sent no answer.
      writeFileSync(join(dir, 'metadata.xml'), metadata.replaceAll(`127.0.0.1:${port}/sso`, `127.0.0.1:${port}/down`))
      const down = await login(['--idp-metadata', join(dir, 'metadata.xml'), ...args().slice(2)], {
        SSO_PREFLIGHT_USERNAME: 'ok@demo.test',
      })
      expect(codes(down.report)).toEqual(['INPUT_LOGIN_NO_ANSWER'])
    } finally {
      server.close()
    }
  })

  const oidcArgs = () => [
    '--issuer',
    idp.oidcIssuer,
    '--client-id',
    DEMO_CLIENT_ID,
    '--redirect-uri',
    'http://127.0.0.1:3001/oidc/callback',
  ]
  const secret = { SSO_PREFLIGHT_CLIENT_SECRET: DEMO_CLIENT_SECRET }

  test('OIDC: a passing user is exit 0; the code exchanged and the ID token checked', async () => {
    const { code, report } = await login(oidcArgs(), { ...secret, SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    expect(codes(report)).toEqual([])
    expect(code).toBe(0)
    expect(report.subject.kind).toBe('oidc-test-login')
  })

  test('OIDC: a wrong audience in the ID token fails with its finding', async () => {
    const { code, report } = await login(oidcArgs(), { ...secret, SSO_PREFLIGHT_USERNAME: 'wrong-aud@demo.test' })
    expect(code).toBe(1)
    expect(report.findings.some((f) => f.severity === 'error' && /AUD/.test(f.code))).toBe(true)
  })

  test('missing flags are usage errors', async () => {
    const io = memoryIo()
    expect(await main(['login', '--idp-metadata', idp.samlMetadataUrl], io)).toBe(2)
    expect(io.err()).toContain('--sp-entity-id')
  })
})

const missing = simpleSamlPhpMissing()
describe.skipIf(missing !== null)('headless login against SimpleSAMLphp (username / password form)', () => {
  let ssp: SimpleSamlPhp
  beforeAll(async () => {
    ssp = await startSimpleSamlPhp({ acsUrl: ACS_URL })
  }, 20_000)
  afterAll(async () => {
    await ssp?.stop()
  })
  const args = () => [
    '--idp-metadata',
    ssp.metadataUrl,
    '--sp-entity-id',
    INTEROP_SP_ENTITY_ID,
    '--acs-url',
    ACS_URL,
    '--profile',
    'generic',
  ]

  test('signs in with the credentials from the environment and validates the answer', async () => {
    const { complete } = INTEROP_USERS
    const { code, report } = await login(args(), {
      SSO_PREFLIGHT_USERNAME: complete.username,
      SSO_PREFLIGHT_PASSWORD: complete.password,
    })
    expect(codes(report)).toEqual([])
    expect(code).toBe(0)
  }, 20_000)

  test('a wrong password is the credentials-refused finding', async () => {
    const { report } = await login(args(), { SSO_PREFLIGHT_USERNAME: 'ada', SSO_PREFLIGHT_PASSWORD: 'wrong' })
    expect(codes(report)).toEqual(['INPUT_LOGIN_CREDENTIALS_REFUSED'])
  }, 20_000)
})
