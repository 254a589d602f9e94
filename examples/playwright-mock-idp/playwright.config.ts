// A team's own Playwright config, testing its app's SSO against `sso-preflight mock-idp` (no SSO Preflight app here).
// Run from the repository root:  npm run build:cli && npx playwright test -c examples/playwright-mock-idp
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'
import type { MockIdpWorkerFixtures } from '../../lib/mock-idp/playwright'

const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig<object, Pick<MockIdpWorkerFixtures, 'mockIdpOptions'>>({
  testDir: '.',
  timeout: 30_000,
  reporter: [['list']],
  use: {
    // Installed from npm, the default command (`sso-preflight` on PATH) is enough; in this repository, the built bin.
    mockIdpOptions: { command: [process.execPath, join(import.meta.dirname, '../../dist/cli.mjs')] },
    launchOptions: existsSync(chromium) ? { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] } : {},
  },
})
