import { expect, test, type Browser, type Page } from '@playwright/test'
import { createSamlConnection, runTestLogin } from '../mock-idp/e2e-support'

/*
 * Team mode in a browser: sign-in with the mock IdP's OIDC provider (code + PKCE), the first user owns a new workspace,
 * an invitation brings in a viewer, the viewer is refused deletion, sign-out ends the session for good.
 */

const ENTRA_LIKE_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.test/e2e">
<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/sso"/>
</md:IDPSSODescriptor></md:EntityDescriptor>`

/** At the mock IdP's sign-in page: type the user, sign in, land back on the app. */
async function signInAtIdp(page: Page, username: string): Promise<void> {
  await expect(page.getByRole('heading', { name: /Sign in to the mock IdP/ })).toBeVisible()
  await page.getByLabel('Username').fill(username)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => u.port === new URL(test.info().project.use.baseURL!).port)
}

async function sessionCookie(page: Page): Promise<string> {
  const c = (await page.context().cookies()).find((x) => x.name.endsWith('preflight_session'))
  expect(c?.httpOnly).toBe(true)
  expect(c?.sameSite).toBe('Lax')
  return `${c!.name}=${c!.value}`
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage()
}

test('sign in, invite a viewer, the viewer is refused deletion, sign-out ends the session', async ({
  browser,
  page,
  request,
}) => {
  // Nothing answers without a session: the API says 401, a page goes to sign-in.
  const anonymous = await request.get('/api/connections')
  expect(anonymous.status()).toBe(401)

  await page.goto('/connections')
  await signInAtIdp(page, 'ok+owner@demo.test')
  await expect(page).toHaveURL(/\/connections$/)
  await expect(page.getByTestId('signed-in-as')).toHaveText('ok+owner@demo.test')
  await expect(page.getByTestId('current-workspace')).toHaveText('demo.test workspace')

  // The owner adds a connection (through the API, with the browser's session) and invites a viewer.
  const created = await page.request.post('/api/connections', {
    data: { protocol: 'saml', profileId: 'generic', name: 'Team e2e', metadataXml: ENTRA_LIKE_METADATA },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  await page.goto('/settings/members')
  await expect(page.getByRole('heading', { name: /Members of demo\.test workspace/ })).toBeVisible()
  await page.getByLabel('Role', { exact: true }).selectOption('viewer')
  await page.getByRole('button', { name: 'Create invitation link' }).click()
  const link = (await page.getByTestId('invitation-link').textContent())!
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/)

  // The viewer, in another browser, opens the link, signs in, joins.
  const viewer = await newPage(browser)
  await viewer.goto(link)
  await signInAtIdp(viewer, 'ok+viewer@demo.test')
  await viewer.getByRole('button', { name: 'Join the workspace' }).click()
  await expect(viewer.getByTestId('current-workspace')).toHaveText('demo.test workspace')
  await expect(viewer.locator('.account-bar')).toContainText('(viewer)')

  // The viewer sees the connection but is offered neither deletion nor test logins; asked anyway, the API says 403 and
  // the test-login page says which role is needed. The owner is offered both.
  await viewer.goto(`/connections/${id}`)
  await expect(viewer.getByRole('heading', { name: 'Team e2e' })).toBeVisible()
  await expect(viewer.getByRole('button', { name: 'Delete connection' })).toHaveCount(0)
  await expect(viewer.getByRole('link', { name: 'Run test login' })).toHaveCount(0)
  expect((await viewer.request.delete(`/api/connections/${id}`)).status()).toBe(403)
  await viewer.goto(`/connections/${id}/test-login`)
  await expect(viewer.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  await expect(viewer.getByText(/needs the admin role/)).toBeVisible()
  await page.goto(`/connections/${id}`)
  await expect(page.getByRole('button', { name: 'Delete connection' })).toBeVisible()
  expect((await page.request.get(`/api/connections/${id}`)).status()).toBe(200)

  // The owner sees the viewer among the members.
  await page.goto('/settings/members')
  await expect(page.getByRole('row', { name: /ok\+viewer@demo\.test/ })).toBeVisible()

  // Sign-out ends the session: the old cookie opens nothing any more.
  const viewerCookie = await sessionCookie(viewer)
  await viewer.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(viewer.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  const replay = await request.get('/api/connections', { headers: { cookie: viewerCookie } })
  expect(replay.status()).toBe(401)
  // The next visit goes through sign-in again (the IdP still knows this browser, so it answers at once): a new session.
  await viewer.goto('/connections')
  await expect(viewer).toHaveURL(/\/connections$/)
  expect(await sessionCookie(viewer)).not.toBe(viewerCookie)

  // Sign-out everywhere ends the owner's other sessions too.
  const second = await newPage(browser)
  await second.goto('/')
  await signInAtIdp(second, 'ok+owner@demo.test')
  const ownerCookie = await sessionCookie(second)
  expect((await request.get('/api/connections', { headers: { cookie: ownerCookie } })).status()).toBe(200)
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  expect((await request.get('/api/connections', { headers: { cookie: ownerCookie } })).status()).toBe(401)
})

test('someone without an invitation signs in to an empty "ask an owner" page', async ({ page }) => {
  await page.goto('/')
  // The first test made the first owner; this user is nobody's member.
  await signInAtIdp(page, 'ok+stranger@demo.test')
  await expect(page.getByRole('heading', { name: 'You have no workspace yet' })).toBeVisible()
  await expect(page.getByText('ask an owner for an invitation')).toBeVisible()
  expect((await page.request.get('/api/connections')).status()).toBe(403)
})

test('a signed-in admin runs a SAML test login: the IdP posts to the open ACS, the result opens in the session', async ({
  page,
}) => {
  await page.goto('/connections')
  await signInAtIdp(page, 'ok+owner@demo.test')
  const id = await createSamlConnection(page.request)
  await runTestLogin(page, id, 'ok+alice@demo.test')
  await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
  // The run belongs to the workspace: its API export answers this session, and nobody without one.
  const runId = new URL(page.url()).pathname.split('/').pop()!
  expect((await page.request.get(`/api/runs/${runId}`)).status()).toBe(200)
})
