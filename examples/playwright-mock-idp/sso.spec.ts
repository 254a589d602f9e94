// Example: a team tests its own app's SSO with the mock IdP fixture. Each worker gets its own mock IdP on a free
// port; each test picks the IdP's answer with `test.use({ mockIdpScenario })` or `mockIdp.setScenario()`.
import { expect, test } from '../../lib/mock-idp/playwright'
import { startYourApp } from './your-app'

test('a good SAML answer signs the user in', async ({ page, mockIdp }) => {
  const app = await startYourApp(mockIdp.samlSsoUrl)
  try {
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Sign in with SSO' }).click()
    // The mock's login page: the username picks the outcome when no scenario is scripted.
    await page.getByLabel('Username').fill('ok+alice@demo.test')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading')).toHaveText('Signed in as ok+alice@demo.test')
  } finally {
    await app.close()
  }
})

test.describe('when the IdP rejects the user', () => {
  test.use({ mockIdpScenario: 'status-authnfailed' })
  test('your app shows the failure', async ({ page, mockIdp }) => {
    const app = await startYourApp(mockIdp.samlSsoUrl)
    try {
      await page.goto(`${app.url}/login`)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('heading')).toHaveText('Sign-in failed: AuthnFailed')
    } finally {
      await app.close()
    }
  })
})

test('a test can script the next login itself', async ({ page, mockIdp }) => {
  await mockIdp.setScenario('status-responder', 'saml')
  const app = await startYourApp(mockIdp.samlSsoUrl)
  try {
    await page.goto(`${app.url}/login`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading')).toHaveText('Sign-in failed: Responder')
  } finally {
    await app.close()
  }
})
