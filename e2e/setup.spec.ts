import { expect, test, type Page } from '@playwright/test'
import { E2E_SP_ENTITY_ID, E2E_VENDOR_ACS } from './mock-idp/e2e-support'
import { startMockIdp, type MockIdp } from './mock-idp/server'
import { usernameFor } from '../lib/mock-idp/scenarios'

// Issue 8, item 6: /setup walks an Entra admin and an Okta admin through the vendor's steps to GO, against the mock
// IdP in each personality (its entity ID and issuer look like the real IdP's, so detection and screens follow).
test.describe.configure({ mode: 'parallel' })

const VENDOR_STEPS = [
  'Add and verify domains',
  'Add identity provider and metadata',
  'Add Autodesk metadata and attributes',
  'Test your connection',
  'Link verified domain',
  'Turn on SSO',
]

const idps: Partial<Record<'entra' | 'okta', MockIdp>> = {}
test.beforeAll(async () => {
  idps.entra = await startMockIdp({ port: 0, personality: 'entra' })
  idps.okta = await startMockIdp({ port: 0, personality: 'okta' })
})
test.afterAll(async () => {
  await Promise.all(Object.values(idps).map((i) => i.close()))
})

async function startSetup(page: Page, o: { idp: string; variant?: string; metadataUrl: string }): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Setup' })).toHaveAttribute(
    'href',
    '/setup',
  )
  await page.goto('/setup')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up SSO with Autodesk')
  const choose = page.getByRole('form', { name: 'Choose your identity provider' })
  await choose.getByLabel('Identity provider').selectOption({ label: o.idp })
  await choose.getByRole('button', { name: 'Choose' }).click()
  if (o.variant) {
    await choose.getByLabel(/^App in /).selectOption({ label: o.variant })
    await choose.getByRole('button', { name: 'Choose' }).click()
  }
  const form = page.getByRole('form', { name: 'Start the setup' })
  await form.getByLabel('Metadata URL').fill(o.metadataUrl)
  await form.getByLabel('SP entity ID (Identifier)').fill(E2E_SP_ENTITY_ID)
  await form.getByLabel('ACS URL (Reply URL)').fill(E2E_VENDOR_ACS)
  await form.getByLabel('Verified domains').fill('demo.test')
  await form.getByRole('button', { name: 'Start the setup' }).click()
  await expect(page).toHaveURL(/\/setup\/[A-Za-z0-9_-]{16,64}/)
}

/** From the walk's test step: run a test login as the user at the mock IdP, then back to the walk. */
async function testLoginFromWalk(page: Page, username: string): Promise<void> {
  const walk = page.url()
  // A full page load, as runTestLogin does (the start page's form posts to the IdP).
  await page.goto((await page.getByRole('link', { name: 'Run a test login' }).getAttribute('href'))!)
  await page.getByRole('button', { name: 'Run test login' }).click()
  await page.getByLabel('Username').fill(username)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Test login result' })).toBeVisible()
  await page.goto(walk)
}

const step = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Step ${n}:`) })

test("an Entra admin with the gallery app walks the vendor's steps in order to GO", async ({ page }) => {
  await startSetup(page, {
    idp: 'Microsoft Azure (Entra ID)',
    variant: 'Gallery app "Autodesk SSO"',
    metadataUrl: idps.entra!.samlMetadataUrl,
  })
  await expect(page.getByRole('status').filter({ hasText: 'Microsoft Azure (Entra ID)' })).toContainText('Gallery app')
  const headings = await page.getByRole('heading', { level: 2, name: /^Step \d+:/ }).allTextContents()
  expect(
    headings.map((h) =>
      h.replace(/^Step \d+: /, '').replace(/ (Done|Blocked|To do|Do it at the service provider)$/, ''),
    ),
  ).toEqual(VENDOR_STEPS)

  // Both SP values, as separate fields, each with the Entra screen it goes into.
  const values = step(page, 3)
  await expect(values.getByRole('listitem', { name: /^SP entity ID/ })).toContainText(E2E_SP_ENTITY_ID)
  await expect(values.getByRole('listitem', { name: /^SP entity ID/ })).toContainText(
    'Entra ID › Enterprise apps › (app) › Single sign-on › Basic SAML Configuration › Edit › Identifier (Entity ID)',
  )
  await expect(values.getByRole('listitem', { name: /^ACS URL/ })).toContainText(E2E_VENDOR_ACS)
  await expect(values.getByRole('listitem', { name: /^ACS URL/ })).toContainText(
    'Reply URL (Assertion Consumer Service URL)',
  )
  await expect(values.getByRole('row', { name: /objectGUID/ })).toContainText('user.objectid')
  // The metadata is valid; no test login yet: NO-GO, and it says what is missing.
  await expect(step(page, 2)).toContainText('Pass: The IdP metadata is valid')
  // The live check runs again on demand (a fresh fetch of the metadata URL), keeping the chosen IdP and app.
  await step(page, 2).getByRole('button', { name: 'Check the metadata again' }).click()
  await expect(page).toHaveURL(/idp=entra&variant=catalog/)
  await expect(step(page, 2)).toContainText('Pass: The IdP metadata is valid')
  await expect(page.getByRole('heading', { name: 'NO-GO: do not turn SSO on yet' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Missing' })).toContainText('No test user has passed')

  await testLoginFromWalk(page, usernameFor('ok'))
  await expect(step(page, 4)).toContainText('Pass: A test user signs in and the login is accepted')
  await expect(step(page, 5)).toContainText('Pass: The verified domains are linked to this connection')
  await expect(page.getByRole('heading', { name: 'GO: nothing blocks turning SSO on' })).toBeVisible()
  await expect(page.getByRole('region', { name: /^GO:/ })).toContainText('a cap, not a target')
})

test('an Okta admin lets the metadata decide, picks the catalog (OIN) app, and reaches GO after fixing a wrong certificate', async ({
  page,
}) => {
  await startSetup(page, { idp: 'Let the metadata decide', metadataUrl: idps.okta!.samlMetadataUrl })
  await expect(page.getByRole('status').filter({ hasText: 'told from the metadata' })).toContainText('Okta')
  const change = page.getByRole('form', { name: 'Change the identity provider' })
  await change.getByLabel('App').selectOption({ label: 'Okta Integration Network (catalog) app "Autodesk"' })
  await change.getByRole('button', { name: 'Change' }).click()
  await expect(page).toHaveURL(/variant=catalog/)
  // The catalog app's values live under Sign On › Advanced Sign-on Settings, not the App Integration Wizard's screens.
  await expect(step(page, 3).getByRole('listitem', { name: /^ACS URL/ })).toContainText(
    'Sign On › Settings › Edit › Advanced Sign-on Settings',
  )
  await expect(step(page, 3)).not.toContainText('General › SAML Settings')

  await testLoginFromWalk(page, usernameFor('ok', 'okta-admin'))
  await expect(page.getByRole('heading', { name: 'GO: nothing blocks turning SSO on' })).toBeVisible()

  // The certificate held at the vendor is an old one: the walk turns NO-GO and names the step.
  const cert = page.getByRole('form', { name: 'Certificate uploaded at the service provider' })
  await cert.getByRole('textbox').fill('AB'.repeat(20))
  await cert.getByRole('button', { name: 'Compare certificate' }).click()
  await expect(page.getByRole('heading', { name: 'NO-GO: do not turn SSO on yet' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Blocking' })).toContainText('CERT_SETUP_VENDOR_CERT_NOT_IN_METADATA')
  await expect(step(page, 2)).toContainText(
    'Fail: The certificate uploaded at the service provider is the IdP’s active one',
  )

  // The active certificate's thumbprint, as the test login's report lists it: GO again.
  const signing = await (await page.request.get(idps.okta!.samlMetadataUrl)).text()
  const der = /<(?:ds:)?X509Certificate>([^<]+)</.exec(signing)![1]!.replace(/\s+/g, '')
  await cert.getByRole('textbox').fill(`-----BEGIN CERTIFICATE-----\n${der}\n-----END CERTIFICATE-----`)
  await cert.getByRole('button', { name: 'Compare certificate' }).click()
  await expect(step(page, 2)).toContainText(
    'Pass: The certificate uploaded at the service provider is the IdP’s active one',
  )
  // The existing account email matches the email claim.
  const emails = page.getByRole('form', { name: 'Existing account emails' })
  await emails.getByRole('textbox').fill(usernameFor('ok', 'okta-admin'))
  await emails.getByRole('button', { name: 'Compare emails' }).click()
  await expect(step(page, 4)).toContainText('Pass: The email claim is the user’s existing account email')
  await expect(page).not.toHaveURL(/okta-admin/)
  await expect(page.getByRole('heading', { name: 'GO: nothing blocks turning SSO on' })).toBeVisible()
})

test('with the generic profile the walk names no vendor and reaches GO on its own steps', async ({ page, request }) => {
  const metadataXml = await (await request.get(idps.entra!.samlMetadataUrl)).text()
  const res = await request.post('/api/connections', {
    data: {
      name: 'e2e generic setup',
      protocol: 'saml',
      profileId: 'generic',
      metadataXml,
      spEntityId: 'https://sp.e2e.dev/saml/metadata',
      acsUrl: 'https://sp.e2e.dev/saml/acs',
      verifiedDomains: ['demo.test'],
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  const { id } = (await res.json()) as { id: string }
  await page.goto(`/setup/${id}`)
  await expect(
    page.getByRole('heading', { level: 2, name: /^Step 1: Give the service provider your IdP’s metadata/ }),
  ).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'told from the metadata' })).toContainText(
    'Microsoft Entra ID',
  )
  await testLoginFromWalk(page, usernameFor('ok', 'generic'))
  await expect(page.getByRole('heading', { name: 'GO: nothing blocks turning SSO on' })).toBeVisible()
  await expect(page.locator('main')).not.toContainText(/Autodesk|\/30|at most 30/)
})
