import { expect, test } from '@playwright/test'
import { OIDC_EXPECTED } from './mock-idp/expectations'
import { createOidcConnection, expectFinding, runTestLogin } from './mock-idp/e2e-support'
import { OIDC_SCENARIOS, usernameFor } from './mock-idp/scenarios'

test.describe.configure({ mode: 'parallel' })

let connectionId: string
test.beforeAll(async ({ request }) => { connectionId = await createOidcConnection(request) })

test('a passing OIDC test login: GO, token exchange in the flow, claims visible to this browser', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await expect(page.getByLabel('Client secret')).toHaveValue('demo-secret-not-a-secret')
  await runTestLogin(page, connectionId, 'bob@demo.test')
  await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
  const flow = page.getByRole('region', { name: 'Timeline' })
  await expect(flow).toContainText('PKCE S256')
  await expect(flow).toContainText('ID token signature verified')
  await expect(page.getByRole('region', { name: /The IdP’s answer/ })).toContainText('bob@demo.test')
})

for (const s of OIDC_SCENARIOS.filter((x) => x.id !== 'ok')) {
  const expected = OIDC_EXPECTED[s.id]
  test(`OIDC ${s.id}: ${expected === 'pass' ? 'passes' : `${expected.code}, fixed by ${expected.owner}`}`, async ({ page }) => {
    await runTestLogin(page, connectionId, usernameFor(s.id))
    if (expected === 'pass') await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
    else await expectFinding(page, expected)
  })
}

test('opening the callback again is refused with OIDC_TEST_LOGIN_REPLAYED', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await page.getByLabel('Username').fill('carol@demo.test')
  const [callback] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/oidc/callback?')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  await expect(page.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  await page.goto(callback.url())
  await expectFinding(page, { code: 'OIDC_TEST_LOGIN_REPLAYED', owner: 'end-user' })
})

test('20 simultaneous test logins in separate browsers keep their results apart', async ({ browser }) => {
  test.setTimeout(120_000)
  const users = Array.from({ length: 20 }, (_, i) => `parallel${String(i).padStart(2, '0')}@demo.test`)
  const contexts = await Promise.all(users.map(() => browser.newContext()))
  try {
    await Promise.all(users.map(async (user, i) => {
      const page = await contexts[i]!.newPage()
      await runTestLogin(page, connectionId, user)
      await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
      await expect(page.getByRole('region', { name: /The IdP’s answer/ })).toContainText(user)
      for (const other of users) if (other !== user) await expect(page.locator('body')).not.toContainText(other)
    }))
  } finally {
    await Promise.all(contexts.map((c) => c.close()))
  }
})
