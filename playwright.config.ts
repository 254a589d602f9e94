import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const CI = Boolean(process.env.CI)
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`

// Debian's chromium (never a downloaded browser). PLAYWRIGHT_CHROMIUM_PATH overrides it; where neither exists, the
// runner falls back to Playwright's own chromium if that machine has one.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync']

const serverEnv: Record<string, string> = {
  ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
  NEXT_TELEMETRY_DISABLED: '1',
  // Lets the app fetch metadata from the tests' own servers on 127.0.0.1; off in any real deployment.
  SSO_PREFLIGHT_ALLOW_LOOPBACK: '1',
  PORT: String(port),
  // A fresh in-memory database per run: e2e never touches ./.data, and parallel runs never share a PGlite directory.
  SSO_PREFLIGHT_DATA_DIR: process.env.SSO_PREFLIGHT_DATA_DIR ?? 'memory://',
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
}

// Loopback only, like `npm start`: the tests allow loopback fetches. HOSTNAME_BIND=0.0.0.0 opts out, knowingly.
const bind = process.env.HOSTNAME_BIND ?? '127.0.0.1'
const appServer = {
  command: process.env.E2E_SKIP_BUILD === '1' ? `npx next start -p ${port} -H ${bind}` : `npx next build && npx next start -p ${port} -H ${bind}`,
  url: `http://localhost:${port}/`,
  env: serverEnv,
  reuseExistingServer: !CI,
  timeout: 300_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
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
    launchOptions: existsSync(chromiumPath) ? { executablePath: chromiumPath, args: chromiumArgs } : { args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  // No servers when E2E_BASE_URL points at an app that is already running.
  webServer: process.env.E2E_BASE_URL ? [] : [
    appServer,
    // The mock IdP (SAML + OIDC) the test-login specs sign in at; MOCK_IDP_PORT picks its port (default 3200).
    {
      command: 'node --import tsx e2e/mock-idp/server.ts',
      url: `http://127.0.0.1:${process.env.MOCK_IDP_PORT ?? 3200}/saml/metadata`,
      env: { ...serverEnv, MOCK_IDP_PORT: String(process.env.MOCK_IDP_PORT ?? 3200) },
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
  ],
})
