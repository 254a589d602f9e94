// `sso-preflight mock-idp` as a pipeline runs it: the bundled bin (dist/cli.mjs; `npm run build:cli` first) on a free
// port, its one JSON line read, then metadata, health, the admin endpoint and `sso-preflight login` against it.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ReportSchema, type Report } from '../../lib/findings/report'
import { spawnMockIdp, type RunningMockIdp } from '../../lib/mock-idp/client'
import { TEST_KEYS_DIR, testKeys } from '../../e2e/mock-idp/keys'

const ROOT = join(__dirname, '..', '..')
const CLI = [process.execPath, join(ROOT, 'dist/cli.mjs')]
const ACS_URL = 'http://127.0.0.1:9/saml/acs'
const SP_ENTITY_ID = 'https://sp.example.com/saml2/service-provider/ci'
const REDIRECT_URI = 'http://127.0.0.1:9/oidc/callback'

/** Runs the bin asynchronously (the mock is another process of this test, so the event loop must keep turning). */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(CLI[0]!, [...CLI.slice(1), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', SSO_PREFLIGHT_ALLOW_LOOPBACK: '1', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s
    })
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s
    })
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

async function login(args: string[], env: Record<string, string>): Promise<{ code: number | null; report: Report }> {
  const r = await cli(['login', ...args, '--format', 'json'], env)
  return { code: r.code, report: ReportSchema.parse(JSON.parse(r.stdout)) }
}
const errorCodes = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code)

describe('sso-preflight mock-idp (generated keys)', () => {
  let idp: RunningMockIdp
  beforeAll(async () => {
    idp = await spawnMockIdp({ command: CLI })
  })
  afterAll(async () => {
    await idp?.stop()
  })

  test('one JSON line names every URL; metadata and health answer at them', async () => {
    expect(idp.port).toBeGreaterThan(0)
    expect(idp.samlMetadataUrl).toBe(`http://127.0.0.1:${idp.port}/saml/metadata`)
    expect(idp.keys).toBe('generated')
    const md = await fetch(idp.samlMetadataUrl)
    expect(md.status).toBe(200)
    const xml = await md.text()
    expect(xml).toContain(`entityID="${idp.samlEntityId}"`)
    // Fresh keys, not the repository's test keys.
    expect(xml).not.toContain(testKeys().signing.certBase64)
    const health = await fetch(idp.healthUrl)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', personality: 'generic' })
    const discovery = (await (await fetch(idp.oidcDiscoveryUrl)).json()) as { issuer: string }
    expect(discovery.issuer).toBe(idp.oidcIssuer)
  })

  const samlArgs = () => [
    '--idp-metadata',
    idp.samlMetadataUrl,
    '--sp-entity-id',
    SP_ENTITY_ID,
    '--acs-url',
    ACS_URL,
    '--profile',
    'generic',
  ]
  const oidcArgs = () => ['--issuer', idp.oidcIssuer, '--client-id', idp.oidcClientId, '--redirect-uri', REDIRECT_URI]
  const oidcEnv = () => ({ SSO_PREFLIGHT_CLIENT_SECRET: idp.oidcClientSecret })

  test('SAML: a passing login exits 0; --scenario (a query parameter on the SSO URL) picks a failing one, exit 1', async () => {
    const ok = await login(samlArgs(), { SSO_PREFLIGHT_USERNAME: 'ok+ci@demo.test' })
    expect(errorCodes(ok.report)).toEqual([])
    expect(ok.code).toBe(0)
    const bad = await login([...samlArgs(), '--scenario', 'wrong-audience'], {
      SSO_PREFLIGHT_USERNAME: 'ok+ci@demo.test',
    })
    expect(bad.code).toBe(1)
    expect(errorCodes(bad.report)).toContain('SAML_AUDIENCE_MISMATCH')
  })

  test('SAML: POST /_admin/scenario scripts the next login only', async () => {
    await idp.setScenario('wrong-recipient', 'saml')
    expect(((await (await fetch(idp.healthUrl)).json()) as { nextScenario: unknown }).nextScenario).toEqual({
      saml: 'wrong-recipient',
    })
    const scripted = await login(samlArgs(), { SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    expect(scripted.code).toBe(1)
    expect(errorCodes(scripted.report)).toContain('SAML_RECIPIENT_MISMATCH')
    const after = await login(samlArgs(), { SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    expect(after.code).toBe(0)
  })

  test('OIDC: a passing login exits 0; the scenario by query parameter and by admin call fails it, exit 1', async () => {
    const ok = await login(oidcArgs(), { ...oidcEnv(), SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    expect(errorCodes(ok.report)).toEqual([])
    expect(ok.code).toBe(0)
    const byQuery = await login([...oidcArgs(), '--scenario', 'wrong-aud'], {
      ...oidcEnv(),
      SSO_PREFLIGHT_USERNAME: 'ok@demo.test',
    })
    expect(byQuery.code).toBe(1)
    expect(errorCodes(byQuery.report)).toContain('OIDC_ID_TOKEN_AUDIENCE_MISMATCH')
    await idp.setScenario('expired', 'oidc')
    const byAdmin = await login(oidcArgs(), { ...oidcEnv(), SSO_PREFLIGHT_USERNAME: 'ok@demo.test' })
    expect(byAdmin.code).toBe(1)
    expect(errorCodes(byAdmin.report)).toContain('OIDC_ID_TOKEN_EXPIRED')
  })

  test("a scenario picked explicitly lets any test user sign in; without one, only the table's names do", async () => {
    const picked = await login([...samlArgs(), '--scenario', 'ok'], { SSO_PREFLIGHT_USERNAME: 'ci-bot@example.com' })
    expect(errorCodes(picked.report)).toEqual([])
    expect(picked.code).toBe(0)
    const refused = await login(samlArgs(), { SSO_PREFLIGHT_USERNAME: 'ci-bot@example.com' })
    expect(refused.code).toBe(1)
  })

  test('the username still picks the scenario when nothing else does', async () => {
    const r = await login(samlArgs(), { SSO_PREFLIGHT_USERNAME: 'unsigned@demo.test' })
    expect(r.code).toBe(1)
    expect(errorCodes(r.report)).toContain('SAML_SIGNATURE_MISSING')
  })

  test('the admin endpoint refuses an unknown scenario with a 400 and the list, never a 500', async () => {
    const r = await fetch(idp.scenarioUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'no-such-thing' }),
    })
    expect(r.status).toBe(400)
    expect(await r.json()).toMatchObject({ scenarios: { saml: expect.arrayContaining(['ok', 'wrong-audience']) } })
    expect((await fetch(idp.scenarioUrl, { method: 'POST', body: '{not json' })).status).toBe(400)
    expect((await fetch(idp.scenarioUrl, { method: 'POST', body: 'x'.repeat(10_000) })).status).toBe(413)
    expect((await fetch(idp.scenarioUrl)).status).toBe(405)
  })
})

describe("sso-preflight mock-idp personalities pass the project's own metadata check", () => {
  const OKTA_ENTITY_ID = /^http:\/\/www\.okta\.com\/exk[0-9A-Za-z]{17}$/
  test.each([
    ['entra', 'entra', /^https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/$/, /\/[0-9a-f-]{36}\/v2\.0$/],
    ['okta', 'okta', OKTA_ENTITY_ID, /:\d+\/oauth2\/default$/],
    ['okta-org', 'okta', OKTA_ENTITY_ID, /^http:\/\/127\.0\.0\.1:\d+$/],
  ] as const)(
    '%s: entity ID and issuer in its forms; its metadata is detected as %s with no error (loopback http warnings only)',
    async (personality, detected, entityId, issuer) => {
      const idp = await spawnMockIdp({ command: CLI, personality, keysDir: TEST_KEYS_DIR })
      try {
        expect(idp.samlEntityId).toMatch(entityId)
        expect(idp.oidcIssuer).toMatch(issuer)
        const r = await cli(['metadata', idp.samlMetadataUrl, '--format', 'json'])
        const report = ReportSchema.parse(JSON.parse(r.stdout))
        expect(report.subject.idp).toBe(detected)
        expect(
          report.findings
            .filter((f) => f.severity !== 'info')
            .map((f) => f.code)
            .filter((c) => c !== 'SAML_SSO_ENDPOINT_NOT_HTTPS' && c !== 'NET_NOT_HTTPS'),
        ).toEqual([])
        // The metadata came over plain http (loopback): the CLI says so, as /check does.
        expect(report.findings.map((f) => f.code)).toContain('NET_NOT_HTTPS')
        expect(r.code).toBe(0)
        // Its OIDC discovery passes the oidc check with no error (IdP detection there goes by host, so loopback is "other").
        const o = await cli(['oidc', idp.oidcIssuer, '--client-id', idp.oidcClientId, '--format', 'json'])
        expect(errorCodes(ReportSchema.parse(JSON.parse(o.stdout)))).toEqual([])
        if (personality === 'entra') {
          const discovery = (await (await fetch(idp.oidcDiscoveryUrl)).json()) as {
            authorization_endpoint: string
            jwks_uri: string
          }
          const tenant = /\/([0-9a-f-]{36})\/v2\.0$/.exec(idp.oidcIssuer)![1]
          expect(new URL(discovery.authorization_endpoint).pathname).toBe(`/${tenant}/oauth2/v2.0/authorize`)
          expect(new URL(discovery.jwks_uri).pathname).toBe(`/${tenant}/discovery/v2.0/keys`)
        }
        // And a test login against it passes, with the stable keys of --keys.
        const ok = await login(
          [
            '--idp-metadata',
            idp.samlMetadataUrl,
            '--sp-entity-id',
            SP_ENTITY_ID,
            '--acs-url',
            ACS_URL,
            '--profile',
            'generic',
          ],
          { SSO_PREFLIGHT_USERNAME: 'ok@demo.test' },
        )
        expect(errorCodes(ok.report)).toEqual([])
        const oidc = await login(
          ['--issuer', idp.oidcIssuer, '--client-id', idp.oidcClientId, '--redirect-uri', REDIRECT_URI],
          { SSO_PREFLIGHT_CLIENT_SECRET: idp.oidcClientSecret, SSO_PREFLIGHT_USERNAME: 'ok@demo.test' },
        )
        expect(errorCodes(oidc.report)).toEqual([])
      } finally {
        await idp.stop()
      }
    },
  )
})

describe('sso-preflight mock-idp --issuer-url (behind a proxy or a port map)', () => {
  test('every URL uses the public base, and requests with its path prefix are served', async () => {
    const idp = await spawnMockIdp({ command: CLI, keysDir: TEST_KEYS_DIR, issuerUrl: 'https://idp.ci.example/mock' })
    try {
      expect(idp.samlMetadataUrl).toBe('https://idp.ci.example/mock/saml/metadata')
      expect(idp.oidcIssuer).toBe('https://idp.ci.example/mock/oidc')
      // The proxy forwards https://idp.ci.example/mock/... to the listening port with the prefix kept.
      const xml = await (await fetch(`http://127.0.0.1:${idp.port}/mock/saml/metadata`)).text()
      expect(xml).toContain('entityID="https://idp.ci.example/mock/saml/metadata"')
      expect(xml).toContain('Location="https://idp.ci.example/mock/saml/sso"')
      const discovery = (await (
        await fetch(`http://127.0.0.1:${idp.port}/mock/oidc/.well-known/openid-configuration`, {
          headers: { 'x-forwarded-host': 'idp.ci.example', 'x-forwarded-proto': 'https' },
        })
      ).json()) as { issuer: string; authorization_endpoint: string }
      expect(discovery.issuer).toBe('https://idp.ci.example/mock/oidc')
      expect(discovery.authorization_endpoint).toBe('https://idp.ci.example/mock/oidc/auth')
    } finally {
      await idp.stop()
    }
  })
})

describe('sso-preflight mock-idp usage errors', () => {
  test.each([
    [['--personality', 'keycloak']],
    [['--port', '70000']],
    [['--keys', '/nonexistent-dir']],
    [['--issuer-url', 'ftp://x']],
  ])('%j: exit 2, one stderr line', async (args) => {
    const r = await cli(['mock-idp', ...args])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('oidc-provider WARNING')),
    ).toHaveLength(1)
  })
})
