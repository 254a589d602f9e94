import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { SAML_EXPECTED } from './mock-idp/expectations'
import { createSamlConnection, E2E_SP_ENTITY_ID, expectFinding, MOCK_IDP, runTestLogin } from './mock-idp/e2e-support'
import { SAML_SCENARIOS, usernameFor } from '../lib/mock-idp/scenarios'

test.describe.configure({ mode: 'parallel' })

let connectionId: string
test.beforeAll(async ({ request }) => {
  connectionId = await createSamlConnection(request)
})

test('the start page lists the values to add in the IdP, with copy buttons and SP metadata', async ({
  page,
  request,
}) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await expect(page.getByRole('heading', { name: 'Run a SAML test login' })).toBeVisible()
  const acs = page.getByRole('listitem', { name: /Extra Reply URL for test logins/ })
  await expect(acs).toContainText('/saml/acs')
  await expect(acs.getByRole('button', { name: /^Copy / })).toBeVisible()
  const md = await request.get(`/saml/metadata/${connectionId}`)
  expect(md.status()).toBe(200)
  const xml = await md.text()
  expect(xml).toContain(`entityID="${E2E_SP_ENTITY_ID}"`)
  expect(xml).toContain('/saml/acs')
})

test('a passing SAML test login: GO, the flow step by step, the answer visible to this browser only', async ({
  page,
  browser,
}) => {
  await runTestLogin(page, connectionId, 'ok+alice@demo.test')
  await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
  const flow = page.getByRole('region', { name: 'Timeline' })
  await expect(flow).toContainText('AuthnRequest')
  await expect(flow).toContainText('SAML answer posted to the ACS')
  await expect(flow).toContainText('Decoded response')
  await expect(page.getByRole('region', { name: /The IdP’s answer/ })).toContainText('ok+alice@demo.test')
  // The browser that ran it sees the signed NameID in full (issue 9); the stored run keeps it masked.
  await expect(page.getByText('Test user: ok+alice@demo.test')).toBeVisible()
  // The JSON download is the stored run's, from the API: a named file, the user masked, the run's timeline in it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download JSON' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^sso-preflight-saml-test-login-.*\.json$/)
  const saved = await readFile(await download.path(), 'utf8')
  expect(saved).not.toContain('ok+alice@demo.test')
  expect(JSON.parse(saved).timeline.length).toBeGreaterThan(0)
  // Another browser with the link sees the masked result only.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await otherPage.goto(page.url())
  await expect(otherPage.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  await expect(otherPage.getByRole('region', { name: /The IdP’s answer/ })).toHaveCount(0)
  await expect(otherPage.locator('body')).not.toContainText('ok+alice@demo.test')
  await other.close()
})

for (const s of SAML_SCENARIOS.filter((x) => x.id !== 'ok')) {
  const expected = SAML_EXPECTED[s.id]
  test(`SAML ${s.id}: ${expected === 'pass' ? 'passes' : `${expected.code}, fixed by ${expected.owner}`}`, async ({
    page,
  }) => {
    await runTestLogin(page, connectionId, usernameFor(s.id))
    if (expected === 'pass') await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
    else await expectFinding(page, expected)
  })
}

test('a name the demo IdP does not know is refused on its login page, with the valid names', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await page.getByLabel('Username').fill('alice@demo.test')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('“alice@demo.test” is not a test user')
  await expect(page.getByRole('alert')).toContainText('wrong-audience@demo.test')
  expect(page.url().startsWith(MOCK_IDP)).toBe(true)
  await page.getByLabel('Username').fill('ok+alice@demo.test')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
})

test('a replayed SAML response is refused with SAML_TEST_LOGIN_REPLAYED', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await page.getByLabel('Username').fill('ok+replay@demo.test')
  // Capture the IdP's auto-posted form before it goes: post it twice ourselves.
  const [acsRequest] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/saml/acs') && r.method() === 'POST'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ])
  await expect(page.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  const form = new URLSearchParams(acsRequest.postData() ?? '')
  expect(form.get('SAMLResponse')).toBeTruthy()
  // A page of its own: the result page's client router may still swap its DOM under a form injected there.
  const replay = await page.context().newPage()
  await replay.setContent(
    `<form method="post" action="${new URL('/saml/acs', page.url()).href}">${[...form].map(([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/"/g, '&quot;')}">`).join('')}<button>Post again</button></form>`,
  )
  await replay.getByRole('button', { name: 'Post again' }).click()
  await expect(replay.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  await expectFinding(replay, { code: 'SAML_TEST_LOGIN_REPLAYED', owner: 'end-user' })
  await replay.close()
})

test('an error page at the IdP can be recorded on the waiting run', async ({ page }) => {
  await page.goto(`/connections/${connectionId}/test-login`)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await expect(page.getByLabel('Username')).toBeVisible()
  expect(page.url().startsWith(MOCK_IDP)).toBe(true)
  const relayState = new URL(page.url()).searchParams.get('RelayState')
  await page.goto(`/test-logins/${relayState}`)
  await expect(page.getByRole('heading', { name: 'Test login in progress' })).toBeVisible()
  await page
    .getByLabel('Error text shown by the IdP')
    .fill(
      'AADSTS50105: Your administrator has configured the application to block users unless they are specifically granted access.',
    )
  await page.getByRole('button', { name: 'Record the error' }).click()
  await expectFinding(page, { code: 'SAML_TEST_LOGIN_IDP_ERROR_PAGE', owner: 'idp' })
  await expectFinding(page, { code: 'TRIAGE_AADSTS50105', owner: 'idp' })
})
