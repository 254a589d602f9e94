import { expect, test } from '@playwright/test'
import { OIDC_EXPECTED } from './mock-idp/expectations'
import { createOidcConnection, expectFinding, runTestLogin } from './mock-idp/e2e-support'
import { OIDC_SCENARIOS, usernameFor } from '../lib/mock-idp/scenarios'

test.describe.configure({ mode: 'parallel' })

let connectionId: string
test.beforeAll(async ({ request }) => {
  connectionId = await createOidcConnection(request)
})

test('a passing OIDC test login: GO, token exchange in the flow, claims visible to this browser', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await expect(page.getByLabel('Client secret')).toHaveValue('demo-secret-not-a-secret')
  await runTestLogin(page, connectionId, 'ok+bob@demo.test')
  await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
  const flow = page.getByRole('region', { name: 'Timeline' })
  await expect(flow).toContainText('PKCE S256')
  await expect(flow).toContainText('ID token signature verified')
  await expect(page.getByRole('region', { name: /The IdP’s answer/ })).toContainText('ok+bob@demo.test')
})

for (const s of OIDC_SCENARIOS.filter((x) => x.id !== 'ok')) {
  const expected = OIDC_EXPECTED[s.id]
  test(`OIDC ${s.id}: ${expected === 'pass' ? 'passes' : `${expected.code}, fixed by ${expected.owner}`}`, async ({
    page,
  }) => {
    await runTestLogin(page, connectionId, usernameFor(s.id))
    if (expected === 'pass') await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
    else await expectFinding(page, expected)
  })
}

test('opening the callback again is refused with OIDC_TEST_LOGIN_REPLAYED', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await page.getByLabel('Username').fill('ok+carol@demo.test')
  const [callback] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/oidc/callback?')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  await expect(page.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  await page.goto(callback.url())
  await expectFinding(page, { code: 'OIDC_TEST_LOGIN_REPLAYED', owner: 'end-user' })
})

// Twenty runs are pending at the IdP at the same time (each in its own browser context: its own cookies), then finish
// in the reverse order. The browser work is bounded (a few pages busy at once) so a loaded 2-core machine keeps up;
// every wait is on a page state, none on a clock.
test('20 simultaneous test logins in separate browsers keep their results apart', async ({ browser }) => {
  test.setTimeout(300_000)
  const users = Array.from({ length: 20 }, (_, i) => `ok+parallel${String(i).padStart(2, '0')}@demo.test`)
  const contexts = await Promise.all(users.map(() => browser.newContext()))
  try {
    const pages = await inBatches(contexts, async (context) => {
      const page = await context.newPage()
      await page.goto(`/connections/${connectionId}/test-login`)
      await page.getByRole('button', { name: 'Run test login' }).click()
      await expect(page.getByLabel('Username')).toBeVisible()
      return page
    })
    const order = users.map((_, i) => i).reverse()
    await inBatches(order, async (i) => {
      const page = pages[i]!
      const user = users[i]!
      await page.getByLabel('Username').fill(user)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('heading', { name: 'Test login result' })).toBeVisible()
      await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
      await expect(page.getByRole('region', { name: /The IdP’s answer/ })).toContainText(user)
      const body = await page.locator('body').innerText()
      for (const other of users)
        if (other !== user) expect(body, `${user}'s result shows ${other}`).not.toContain(other)
      await page.close()
    })
  } finally {
    await Promise.all(contexts.map((c) => c.close()))
  }
})

/** Runs `work` over `items`, at most `size` at a time, keeping the results in the items' order. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 4): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await work(items[i]!)
      }
    }),
  )
  return results
}
