import { test as base } from '@playwright/test'
import { spawnMockIdp, type RunningMockIdp, type SpawnMockIdpOptions } from './client'

export type { RunningMockIdp, SpawnMockIdpOptions }

export interface MockIdpTestFixtures {
  /**
   * The scenario of the test's logins (`test.use({ mockIdpScenario: 'wrong-audience' })`), scripted through
   * `POST /_admin/scenario` before the test starts; undefined leaves the username to pick it. A test can script more
   * logins itself with `await mockIdp.setScenario(...)`.
   */
  readonly mockIdpScenario: string | undefined
  /** The running mock IdP: its URLs (samlMetadataUrl, samlSsoUrl, oidcIssuer, …) and setScenario. */
  readonly mockIdp: RunningMockIdp
}

export interface MockIdpWorkerFixtures {
  /** How the worker's mock IdP is started (`use: { mockIdpOptions: { personality: 'entra', command: [...] } }`). */
  readonly mockIdpOptions: SpawnMockIdpOptions
  readonly mockIdpServer: RunningMockIdp
}

/**
 * Playwright fixtures for testing your own app's SSO against `sso-preflight mock-idp`: one mock IdP per worker, on a
 * free port (so parallel workers never collide), its scenario set per test and cleared after it. Import `test` from
 * here instead of from '@playwright/test', or merge these fixtures into yours with `mergeTests`.
 */
export const test = base.extend<MockIdpTestFixtures, MockIdpWorkerFixtures>({
  mockIdpOptions: [{}, { option: true, scope: 'worker' }],
  mockIdpServer: [
    async ({ mockIdpOptions }, use) => {
      const idp = await spawnMockIdp(mockIdpOptions)
      try {
        await use(idp)
      } finally {
        await idp.stop()
      }
    },
    { scope: 'worker' },
  ],
  mockIdpScenario: [undefined, { option: true }],
  mockIdp: async ({ mockIdpServer, mockIdpScenario }, use) => {
    // Clear whatever an earlier test of this worker left scripted, then script this test's scenario.
    await mockIdpServer.setScenario(null)
    if (mockIdpScenario !== undefined) await mockIdpServer.setScenario(mockIdpScenario)
    await use(mockIdpServer)
    await mockIdpServer.setScenario(null)
  },
})

export { expect } from '@playwright/test'
