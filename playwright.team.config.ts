import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { freePortSync } from './e2e/free-port'

/*
 * Team mode end to end: the app signs its users in with the mock IdP's OIDC provider (the demo client, with this run's
 * /auth/callback added to its redirect URIs). Free ports, an in-memory database, its own build directory like
 * playwright.config.ts. Run: `npx playwright test -c playwright.team.config.ts` (E2E_SKIP_BUILD=1 reuses .next-e2e).
 */

process.env.E2E_TEAM_PORT ||= String(freePortSync())
process.env.E2E_TEAM_IDP_PORT ||= String(freePortSync())
const port = Number(process.env.E2E_TEAM_PORT)
const idpPort = Number(process.env.E2E_TEAM_IDP_PORT)
const baseURL = `http://localhost:${port}`
// e2e/mock-idp/e2e-support.ts reads it in the workers (the test-login helpers).
process.env.MOCK_IDP_URL = `http://127.0.0.1:${idpPort}`
process.env.NEXT_DIST_DIR ||= '.next-e2e'

const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const inherited = Object.fromEntries(
  Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
)

export default defineConfig({
  // Team mode (e2e/team), plus the specs that start app servers of their own and must not share the machine with the
  // default run's two workers: the bounded hostile load test and the two-instance test (four Next.js processes and a
  // PostgreSQL between them). npm test runs this after the default config, on its build, one spec at a time.
  testDir: 'e2e',
  testMatch: ['team/**/*.spec.ts', 'hostile-load.spec.ts', 'two-instances.spec.ts'],
  outputDir: `test-results/team-port-${port}`,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: existsSync(chromiumPath)
      ? { executablePath: chromiumPath, args: chromiumArgs }
      : { args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'node --import tsx e2e/mock-idp/server.ts',
      url: `http://127.0.0.1:${idpPort}/saml/metadata`,
      env: {
        ...inherited,
        MOCK_IDP_PORT: String(idpPort),
        MOCK_IDP_REDIRECT_URIS: `${baseURL}/auth/callback,${baseURL}/oidc/callback`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command:
        process.env.E2E_SKIP_BUILD === '1'
          ? `npx next start -p ${port} -H 127.0.0.1`
          : `npx next build && npx next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/auth/signed-out`,
      env: {
        ...inherited,
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        SSO_PREFLIGHT_DATA_DIR: 'memory://',
        SSO_PREFLIGHT_ALLOW_LOOPBACK: '1',
        SSO_PREFLIGHT_PUBLIC_URL: baseURL,
        SSO_PREFLIGHT_SESSION_SECRET: 'e2e-team-session-secret-not-for-production-use',
        SSO_PREFLIGHT_AUTH_ISSUER: `http://127.0.0.1:${idpPort}/oidc`,
        SSO_PREFLIGHT_AUTH_CLIENT_ID: 'sso-preflight-demo',
        SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 'demo-secret-not-a-secret',
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
