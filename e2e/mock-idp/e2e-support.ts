import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { OWNER_LABEL } from '../../lib/findings/report'
import type { ExpectedFinding } from './expectations'

/**
 * The mock IdP this run started: the Playwright config picks a free port and passes MOCK_IDP_URL to every worker.
 * No default port: a fallback to 3200 would quietly sign in at a developer's running demo instead.
 */
export const MOCK_IDP = mockIdpUrl()

function mockIdpUrl(): string {
  const url =
    process.env.MOCK_IDP_URL ??
    (process.env.MOCK_IDP_PORT ? `http://127.0.0.1:${process.env.MOCK_IDP_PORT}` : undefined)
  if (!url)
    throw new Error(
      'MOCK_IDP_URL is not set: run the e2e specs through playwright.config.ts, which starts the mock IdP on a free port',
    )
  return url.replace(/\/$/, '')
}
export const E2E_SP_ENTITY_ID = 'https://www.okta.com/saml2/service-provider/spe2e0000000001'
export const E2E_VENDOR_ACS = 'https://autodesk-prod.okta.com/sso/saml2/0oae2e0000000001'

/** Creates a connection through the HTTP API (as a CI pipeline would) and returns its id. */
export async function createSamlConnection(request: APIRequestContext): Promise<string> {
  const metadataXml = await (await request.get(`${MOCK_IDP}/saml/metadata`)).text()
  const res = await request.post('/api/connections', {
    data: {
      name: 'e2e mock SAML',
      protocol: 'saml',
      profileId: 'autodesk',
      metadataXml,
      spEntityId: E2E_SP_ENTITY_ID,
      acsUrl: E2E_VENDOR_ACS,
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

export async function createOidcConnection(request: APIRequestContext): Promise<string> {
  const res = await request.post('/api/connections', {
    data: {
      name: 'e2e mock OIDC',
      protocol: 'oidc',
      profileId: 'generic',
      issuer: `${MOCK_IDP}/oidc`,
      clientId: 'sso-preflight-demo',
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

/** Start page → "Run test login" → the mock IdP's login form → back on the result page. */
export async function runTestLogin(page: Page, connectionId: string, username: string): Promise<void> {
  await page.goto(`/connections/${connectionId}/test-login`)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await page.getByLabel('Username').fill(username)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  await expect(page).toHaveURL(/\/test-logins\/[A-Za-z0-9_-]{16,64}$/)
}

/** The finding's card shows its code and "Fix in: <owner>". */
export async function expectFinding(page: Page, expected: ExpectedFinding): Promise<void> {
  const card = page
    .getByRole('article')
    .filter({ has: page.locator('code.finding-code', { hasText: new RegExp(`^${expected.code}$`) }) })
    .first()
  await expect(card).toBeVisible()
  await expect(card).toContainText(`Fix in: ${OWNER_LABEL[expected.owner]}`)
}
