import { expect, test } from '@playwright/test'
import { OIDC_EXPECTED, SAML_EXPECTED, type ExpectedFinding } from './mock-idp/expectations'
import { createOidcConnection, createSamlConnection, runTestLogin } from './mock-idp/e2e-support'
import { usernameFor } from '../lib/mock-idp/scenarios'
import { realFixture } from './fixtures'
import { ConnectionsPage } from './pages/connections-page'

// Issue 9: the go / no-go keeps every failure, the test matrix, placeholder IDs, delete confirmation, wording.
test.describe.configure({ mode: 'parallel' })

const code = (e: ExpectedFinding | 'pass') => (e === 'pass' ? '' : e.code)

test('bug 1 (SAML): after authncontext-mismatch, status-authnfailed and ok, the vendor blocker and both refusals stay', async ({
  page,
  request,
}) => {
  const id = await createSamlConnection(request)
  for (const s of ['authncontext-mismatch', 'status-authnfailed', 'ok']) await runTestLogin(page, id, usernameFor(s))
  const connections = new ConnectionsPage(page)
  await page.goto(`/connections/${id}`)
  const banner = connections.goNoGo()
  await expect(banner).toContainText('NO-GO')
  await expect(banner).toContainText(code(SAML_EXPECTED['authncontext-mismatch']))
  await expect(banner).toContainText('Fix in: the vendor (Autodesk)')
  const matrix = connections.matrix()
  // The person who ran the tests sees the signed NameID unmasked: the page is theirs.
  await expect(matrix.getByRole('row', { name: /ok@demo\.test/ })).toContainText('passed')
  await expect(matrix).toContainText('2 refused before the IdP named the user (1 still open)')
  await expect(matrix.getByRole('row', { name: /not identified/ }).filter({ hasText: 'failed: blocks' })).toHaveCount(1)
})

test('bug 1 (OIDC): aadsts50011, wrong-aud and aadsts50105 are all listed, not only the last', async ({
  page,
  request,
}) => {
  const id = await createOidcConnection(request)
  for (const s of ['aadsts50011', 'wrong-aud', 'aadsts50105']) await runTestLogin(page, id, usernameFor(s))
  await page.goto(`/connections/${id}`)
  const banner = new ConnectionsPage(page).goNoGo()
  for (const s of ['aadsts50011', 'wrong-aud', 'aadsts50105'] as const)
    await expect(banner).toContainText(code(OIDC_EXPECTED[s]))
  // The generic profile has no vendor words and no cap.
  await expect(banner).not.toContainText('Autodesk')
  await expect(banner).not.toContainText('/30')
})

test('bug 2: one run as entra-claims counts one user, not one per attribute', async ({ page, request }) => {
  const id = await createSamlConnection(request)
  await runTestLogin(page, id, usernameFor('entra-claims'))
  await page.goto(`/connections/${id}`)
  const item = new ConnectionsPage(page).goNoGo().getByRole('listitem').filter({ hasText: 'SAML_ATTRIBUTE_NAMESPACED' })
  await expect(item).toContainText('(1 user)')
})

test("bug 9: the vendor guide's placeholder Reply URL is refused with a message naming it", async ({ page }) => {
  const connections = new ConnectionsPage(page)
  await connections.goto()
  await connections.createSaml({
    name: `placeholder ${Date.now()}`,
    metadataFile: realFixture('saml-metadata/okta/ssoready-okta-app-metadata.xml'),
    spEntityId: 'https://www.okta.com/saml2/service-provider/spe2eplaceholder',
    acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1',
  })
  const form = page.getByRole('form', { name: 'New connection' })
  await expect(form.getByLabel('ACS URL (Reply URL)')).toHaveAttribute('aria-invalid', 'true')
  await expect(form).toContainText('is a placeholder')
  await expect(page).toHaveURL(/\/connections$/)
})

test('bug 13: Delete connection asks first (keyboard: Escape cancels), then says what was deleted', async ({
  page,
  request,
}) => {
  const id = await createSamlConnection(request)
  await page.goto(`/connections/${id}`)
  const name = await page.getByRole('heading', { level: 1 }).textContent()
  await page.getByRole('button', { name: 'Delete connection' }).click()
  const confirm = page.getByRole('button', { name: 'Yes, delete connection' })
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Delete connection' })).toBeFocused()
  await expect(page).toHaveURL(new RegExp(`/connections/${id}$`))
  await page.keyboard.press('Enter')
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/connections\?deleted=/)
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the connection' })).toContainText(
    `Deleted the connection “${name}”`,
  )
})

test('bug 8: an OIDC start page reads "Run an OpenID Connect test login"', async ({ page, request }) => {
  const id = await createOidcConnection(request)
  await page.goto(`/connections/${id}/test-login`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Run an OpenID Connect test login')
})

test('bug 4: triage of text it does not recognise gives no verdict, never GO', async ({ page }) => {
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill('my boss says autodesk login is broken')
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('heading', { name: 'Not recognised: no verdict' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^GO/ })).toHaveCount(0)
})
