// Issue 9 "input that recognises itself": /check and /triage say what they were given, and triage takes the SP values.
import { readFile } from 'node:fs/promises'
import { catalog } from '../lib/findings/catalog/index'
import { expect, realFixture, test } from './fixtures'

test.describe.configure({ mode: 'parallel' })

const GOOGLE_JWKS = 'oidc/google/wellknown-google-jwks.json'
const OKTA_RESPONSE = 'saml-responses/okta/ssoready-okta-response.xml'

test('/check: a JWKS pasted as the OpenID configuration is recognised, with one finding that says so', async ({
  checkPage,
}) => {
  await checkPage.chooseKind('OIDC discovery')
  await checkPage.provide('OpenID configuration', { text: await readFile(realFixture(GOOGLE_JWKS), 'utf8') })
  await checkPage.runToReport()
  await expect(checkPage.report.getByText('Recognised as:')).toHaveText(
    'Recognised as: JWKS (a key set, not a discovery document)',
  )
  await expect(checkPage.finding(catalog.INPUT_JWKS_NOT_DISCOVERY.title)).toBeVisible()
  await expect(checkPage.finding(catalog.INPUT_JWKS_NOT_DISCOVERY.title)).toContainText('--jwks')
  await expect(checkPage.report).not.toContainText('OIDC_METADATA_MEMBER_MISSING')
})

test('/triage: a pasted JWKS is named, not called an error message', async ({ page }) => {
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill(await readFile(realFixture(GOOGLE_JWKS), 'utf8'))
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('status').first()).toHaveText(
    'Recognised as: JWKS (a key set, not a discovery document).',
  )
  await expect(page.getByText(/^GO/)).toHaveCount(0)
})

test('/triage: a pasted SAMLResponse without metadata is checked against the SP values typed on the form', async ({
  page,
}) => {
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill(await readFile(realFixture(OKTA_RESPONSE), 'utf8'))
  await page.getByText('More context (optional)').click()
  await page.getByLabel('Expected SP entity ID (audience)').fill('https://sp.vendor.example/saml')
  await page.getByLabel('Expected ACS URL (Reply URL, recipient)').fill('https://sp.vendor.example/acs')
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('status').first()).toHaveText('Recognised as: A SAML response (raw XML).')
  const result = page.getByRole('region', { name: 'Triage result' })
  await expect(result).toContainText('https://sp.vendor.example/saml')
  await expect(result).toContainText('https://sp.vendor.example/acs')
  await expect(result).toContainText('http://localhost:8080')
})
