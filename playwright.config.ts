import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { freePortSync } from './e2e/free-port'

const CI = Boolean(process.env.CI)

// Every run picks its own free loopback ports (once, here in the runner; the workers re-read this file and inherit
// the values through process.env), so `npm test` never collides with a developer's `npm start` (3000 app, 3200 mock
// IdP) or with another run. E2E_PORT / MOCK_IDP_PORT pin them when needed.
process.env.E2E_PORT ||= String(freePortSync())
const port = Number(process.env.E2E_PORT)
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`
// Against an app that is already running (E2E_BASE_URL), MOCK_IDP_URL names the mock IdP that app can reach.
process.env.MOCK_IDP_PORT ||= String(freePortSync())
const mockIdpPort = Number(process.env.MOCK_IDP_PORT)
process.env.MOCK_IDP_URL ||= `http://127.0.0.1:${mockIdpPort}`
// The e2e build goes to its own directory: rebuilding `.next` under a running `npm start` would break the demo.
process.env.NEXT_DIST_DIR ||= '.next-e2e'

// Debian's chromium (never a downloaded browser). PLAYWRIGHT_CHROMIUM_PATH overrides it; where neither exists, the
// runner falls back to Playwright's own chromium if that machine has one.
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

const serverEnv: Record<string, string> = {
  ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
  NEXT_TELEMETRY_DISABLED: '1',
  // Lets the app fetch metadata from the tests' own servers on 127.0.0.1; off in any real deployment.
  SSO_PREFLIGHT_ALLOW_LOOPBACK: '1',
  PORT: String(port),
  // A fresh in-memory database per run: e2e never touches ./.data, and parallel runs never share a PGlite directory.
  SSO_PREFLIGHT_DATA_DIR: process.env.SSO_PREFLIGHT_DATA_DIR ?? 'memory://',
}

// Never reuse a server this run did not start: whatever answers on a port we picked is not ours (it could be the
// developer's demo, with its own data), so Playwright must fail instead of testing it.
const appServer = {
  command:
    process.env.E2E_SKIP_BUILD === '1'
      ? `npx next start -p ${port} -H 127.0.0.1`
      : `npx next build && npx next start -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/`,
  env: serverEnv,
  reuseExistingServer: false,
  timeout: 300_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Team mode has its own servers and configuration: playwright.team.config.ts.
  // Team mode, and the specs that start app servers of their own and need the machine to themselves (the bounded
  // load test, two instances on one PostgreSQL), run afterwards, one at a time: playwright.team.config.ts.
  testIgnore: ['team/**', 'hostile-load.spec.ts', 'two-instances.spec.ts'],
  // Per port: several runs share this working tree, and each run empties its output folder first.
  outputDir: `test-results/port-${port}`,
  workers: 2,
  retries: CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: existsSync(chromiumPath)
      ? { executablePath: chromiumPath, args: chromiumArgs }
      : { args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // No servers when E2E_BASE_URL points at an app that is already running.
  webServer: process.env.E2E_BASE_URL
    ? []
    : [
        appServer,
        // The mock IdP (SAML + OIDC) the test-login specs sign in at, on this run's own port; its OIDC client accepts
        // this run's callback (its built-in list covers only the demo's ports 3000-3199).
        {
          command: 'node --import tsx e2e/mock-idp/server.ts',
          url: `${process.env.MOCK_IDP_URL}/saml/metadata`,
          env: {
            ...serverEnv,
            MOCK_IDP_PORT: String(mockIdpPort),
            MOCK_IDP_REDIRECT_URIS: [
              process.env.MOCK_IDP_REDIRECT_URIS,
              `http://localhost:${port}/oidc/callback`,
              `http://127.0.0.1:${port}/oidc/callback`,
            ]
              .filter(Boolean)
              .join(','),
          },
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore' as const,
          stderr: 'pipe' as const,
        },
      ],
})
