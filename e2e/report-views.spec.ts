// Issue 9, items 2-4 and bug 10: identity and values readable, settings side by side, certificates as admins see
// them, pretty XML that wraps inside the page. Not run by the helper that wrote it (fixed ports); run with the suite.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { ReportSchema } from '../lib/findings/report'
import { expect, realFixture, test } from './fixtures'
import { createSamlConnection, runTestLogin } from './mock-idp/e2e-support'
import { usernameFor } from '../lib/mock-idp/scenarios'

test.describe.configure({ mode: 'parallel' })

const OKTA_METADATA = 'saml-metadata/okta/ssoready-okta-app-metadata.xml'
const OKTA_RESPONSE = 'saml-responses/okta/ssoready-okta-response.xml'
const ENTRA_METADATA = 'saml-metadata/entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml'

/** The page is no wider than its viewport (nothing forces a horizontal scroll of the whole page). */
async function expectNoPageOverflow(page: import('@playwright/test').Page) {
  const { scroll, viewport } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(scroll).toBeLessThanOrEqual(viewport)
}

test('a test login shows the signed NameID and every attribute value to the browser that ran it', async ({
  page,
  request,
}) => {
  const connectionId = await createSamlConnection(request)
  await runTestLogin(page, connectionId, usernameFor('ok'))
  const answer = page.getByRole('region', { name: /The IdP’s answer/ })
  const identity = answer.getByRole('table')
  await expect(identity.getByRole('row', { name: /NameID/ })).toContainText(usernameFor('ok'))
  await expect(identity.getByRole('row', { name: /^email/ })).toContainText(usernameFor('ok'))
  await expect(page.getByText(`Test user: ${usernameFor('ok')}`)).toBeVisible()
  // The stored result opened elsewhere keeps the values masked.
  const other = await page.context().browser()!.newContext()
  const otherPage = await other.newPage()
  await otherPage.goto(page.url())
  await expect(otherPage.getByRole('region', { name: 'Signed identity and attribute values' })).toContainText(
    'Personal values are masked',
  )
  await expect(otherPage.locator('body')).not.toContainText(usernameFor('ok'))
  await other.close()
})

test('the decoded response is pretty-printed, marks the element a finding points at, and wraps inside a phone-sized page', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const connectionId = await createSamlConnection(request)
  await runTestLogin(page, connectionId, usernameFor('wrong-audience'))
  await page.getByText('Decoded SAML response (XML)').click()
  const xml = page.locator('pre.xml-pretty').first()
  await expect(xml).toBeVisible()
  await expect(xml.locator('mark')).toContainText(['Audience'])
  await expectNoPageOverflow(page)
  await page.getByText('The AuthnRequest we sent (XML)').click()
  await expect(page.locator('pre.xml-pretty').nth(1)).toContainText('AuthnRequest')
  await expectNoPageOverflow(page)
})

test('every SAML report has the settings side by side, GO or not', async ({ page, request }) => {
  const connectionId = await createSamlConnection(request)
  await runTestLogin(page, connectionId, usernameFor('wrong-audience'))
  const table = page.getByRole('region', { name: 'Settings side by side' }).getByRole('table')
  const entity = table.getByRole('row', { name: /Entity ID/ })
  await expect(entity).toContainText('Differs')
  await expect(entity).toContainText('SAML_AUDIENCE_MISMATCH')
  await runTestLogin(page, connectionId, usernameFor('ok'))
  await expect(
    page.getByRole('region', { name: 'Settings side by side' }).getByRole('row', { name: /Entity ID/ }),
  ).toContainText('Matches')
})

test('the connection page fits a 390 px viewport (the runs table scrolls in its own box)', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const connectionId = await createSamlConnection(request)
  await runTestLogin(page, connectionId, usernameFor('ok'))
  await runTestLogin(page, connectionId, usernameFor('missing-email'))
  await page.goto(`/connections/${connectionId}`)
  await expectNoPageOverflow(page)
})

test('certificates: full SHA-1 thumbprint as Entra shows it, full SHA-256, and a .cer download the vendor’s form accepts', async ({
  checkPage,
  page,
}) => {
  await checkPage.provide('IdP metadata', { file: realFixture(ENTRA_METADATA) })
  await checkPage.runToReport()
  const certs = checkPage.report.getByRole('region', { name: 'Certificates' })
  const thumb = (await certs.locator('code.cert-sha1').first().innerText()).trim()
  expect(thumb).toMatch(/^[0-9A-F]{40}$/)
  await expect(certs.locator('code.cert-sha256').first()).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    certs
      .getByRole('button', { name: /Download \.cer/ })
      .first()
      .click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.cer$/)
  const pem = await readFile(await download.path(), 'utf8')
  expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64')
  expect(createHash('sha1').update(der).digest('hex').toUpperCase()).toBe(thumb)
  await expectNoPageOverflow(page)
})

test('/check shows the response’s NameID to whoever ran it; the JSON download is masked and carries the comparison', async ({
  checkPage,
}) => {
  await checkPage.chooseKind('SAML response')
  await checkPage.provide('SAML response', { file: realFixture(OKTA_RESPONSE) })
  await checkPage.provide('IdP metadata (its certificates verify the signature)', { file: realFixture(OKTA_METADATA) })
  await checkPage.selectProfile('generic')
  await checkPage.fill('Identifier (Entity ID)', 'http://localhost:8080')
  await checkPage.setNow('2024-04-25T20:31:55.494Z')
  await checkPage.runToReport()
  await expect(checkPage.report.getByRole('region', { name: 'Signed identity and attribute values' })).toContainText(
    'ulysse.carion@codomaindata.com',
  )
  const download = await checkPage.download('JSON')
  const text = await readFile(await download.path(), 'utf8')
  expect(text).not.toContain('ulysse.carion@')
  const report = ReportSchema.parse(JSON.parse(text))
  expect(report.comparison?.rows.find((r) => r.key === 'entityId')).toMatchObject({
    configured: 'http://localhost:8080',
    status: 'ok',
  })
})

test('/check: a pasted response is shown decoded and indented, and wraps inside a phone-sized page', async ({
  checkPage,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await checkPage.chooseKind('SAML response')
  await checkPage.provide('SAML response', { file: realFixture(OKTA_RESPONSE) })
  await checkPage.provide('IdP metadata (its certificates verify the signature)', { file: realFixture(OKTA_METADATA) })
  await checkPage.selectProfile('generic')
  await checkPage.fill('Identifier (Entity ID)', 'https://wrong.example.com/sp')
  await checkPage.setNow('2024-04-25T20:31:55.494Z')
  await checkPage.runToReport()
  await page.getByText('Decoded SAML response (XML)').click()
  await expect(page.locator('pre.xml-pretty mark')).toContainText(['Audience'])
  await expectNoPageOverflow(page)
})
