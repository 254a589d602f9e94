import { readFile } from 'node:fs/promises'
import { catalog } from '../lib/findings/catalog/index'
import { entry, har } from '../lib/triage/har/testing/build-har'
import { expect, realFixture, test } from './fixtures'

test.describe.configure({ mode: 'parallel' })

const title = (code: keyof typeof catalog) => catalog[code].title
const rowName = (code: keyof typeof catalog) => new RegExp(title(code).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))

test('paste an AADSTS code: the seed-shaped answer with owner and next step', async ({ page }) => {
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill('AADSTS50105 Correlation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11')
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('status').first()).toHaveText(
    'Recognised as: Microsoft Entra ID error code: AADSTS50105.',
  )
  const table = page.getByRole('table', { name: /who fixes it/ })
  const row = table.getByRole('row', { name: rowName('TRIAGE_AADSTS50105') })
  await expect(row).toContainText('Assign the user')
  await expect(row).toContainText('your IdP / IT team')
  await expect(page.getByRole('article', { name: title('TRIAGE_AADSTS50105') })).toContainText('Fix in: your IdP')
})

test('paste a sentence: the matching Okta entry', async ({ page }) => {
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill('User is not assigned to the client application')
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(
    page
      .getByRole('table', { name: /who fixes it/ })
      .getByRole('row', { name: rowName('TRIAGE_OKTA_USER_NOT_ASSIGNED') }),
  ).toBeVisible()
})

test('export a support bundle, then import it: support sees the same findings', async ({ page }, testInfo) => {
  await page.goto('/triage')
  await page
    .getByLabel('Paste what you have')
    .fill(
      'AADSTS50011: The reply URL specified in the request does not match. Request Id: 5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100',
    )
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(
    page.getByRole('table', { name: /who fixes it/ }).getByRole('row', { name: rowName('TRIAGE_AADSTS50011') }),
  ).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export support bundle' }).click()
  const file = testInfo.outputPath('bundle.json')
  await (await download).saveAs(file)
  const bundle = JSON.parse(await readFile(file, 'utf8')) as {
    schema: string
    masked: boolean
    identifiers: { requestIds: string[] }
  }
  expect(bundle).toMatchObject({
    schema: 'sso-preflight/support-bundle@1',
    masked: true,
    identifiers: { requestIds: ['5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100'] },
  })

  await page.goto('/triage')
  await page.getByLabel('Or drop a file').setInputFiles(file)
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('status').first()).toHaveText('Recognised as: An SSO Preflight support bundle.')
  await expect(page.getByRole('region', { name: 'Imported support bundle' })).toContainText(
    '5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100',
  )
  await expect(
    page.getByRole('table', { name: /who fixes it/ }).getByRole('row', { name: rowName('TRIAGE_AADSTS50011') }),
  ).toBeVisible()
})

test('drop a HAR with an Entra error page: the code, and no secret from the HAR on the page', async ({ page }) => {
  const secret = 'COOKIESECRET123456'
  const text = har([
    entry({
      at: '2026-11-22T13:45:00Z',
      url: 'https://login.microsoftonline.com/t/saml2?SAMLRequest=abc',
      requestHeaders: [['Cookie', `esctx=${secret}`]],
      body: '<p>AADSTS50011: The redirect URI specified in the request does not match.</p>',
    }),
  ])
  await page.goto('/triage')
  await page
    .getByLabel('Or drop a file')
    .setInputFiles({ name: 'signin.har', mimeType: 'application/json', buffer: Buffer.from(text) })
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('status').first()).toHaveText('Recognised as: A HAR file (browser network capture).')
  await expect(
    page.getByRole('table', { name: /who fixes it/ }).getByRole('row', { name: rowName('TRIAGE_AADSTS50011') }),
  ).toBeVisible()
  await expect(page.getByRole('table', { name: 'Sign-in steps' })).toContainText('login.microsoftonline.com')
  await expect(page.locator('body')).not.toContainText(secret)
})

test('paste a real SAMLResponse (base64): decoded without reading XML, personal values not shown', async ({ page }) => {
  const xml = await readFile(realFixture('saml-responses/okta/ssoready-okta-response.xml'), 'utf8')
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill(Buffer.from(xml).toString('base64'))
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(page.getByRole('status').first()).toHaveText(
    'Recognised as: A SAML response (base64, as in the HTTP-POST SAMLResponse value).',
  )
  await expect(
    page
      .getByRole('table', { name: /who fixes it/ })
      .getByRole('row', { name: rowName('TRIAGE_SAML_SIGNATURE_NOT_VERIFIED') }),
  ).toBeVisible()
  await expect(page.getByRole('table', { name: 'Sign-in steps' })).toContainText(
    'http://www.okta.com/exkdoocxa1VmjpXmX697',
  )
  await expect(page.locator('body')).not.toContainText('ulysse.carion@codomaindata.com')
})

test("the guide: authenticator problems explain backup codes as the vendor's tutorial does; company SSO hands over to triage", async ({
  page,
}) => {
  await page.goto('/guide')
  await page.getByRole('link', { name: 'No, I sign in with my Autodesk email and password' }).click()
  await page.getByRole('link', { name: /authenticator app, security code or backup code/ }).click()
  const card = page.getByRole('article', { name: 'My authenticator app or security code is not working' })
  // The seed says nothing about "not an SSO problem" here, so neither does the guide (issue 8).
  await expect(card.getByRole('note')).toHaveCount(0)
  await expect(card).toContainText('Since backup codes can only be used once, a new one is generated.')
  await page.goto('/guide')
  await page.getByRole('link', { name: 'Yes, my company signs me in (SSO)' }).click()
  const sso = page.getByRole('article', { name: 'My company uses single sign-on (SSO)' })
  await expect(sso.getByRole('note')).toHaveCount(0)
  await sso.getByRole('link', { name: /triage page/ }).click()
  await expect(page).toHaveURL(/\/triage$/)
})

test('save and share: the triage report opens from its link', async ({ page }) => {
  await page.goto('/triage')
  await page.getByLabel('Paste what you have').fill('urn:oasis:names:tc:SAML:2.0:status:Requester')
  await page.getByRole('button', { name: 'Triage' }).click()
  await expect(
    page.getByRole('table', { name: /who fixes it/ }).getByRole('row', { name: rowName('SAML_STATUS_REQUESTER') }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Save and share' }).click()
  const link = page.getByRole('link', { name: /\/reports\// })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByRole('article', { name: title('SAML_STATUS_REQUESTER') })).toContainText('Fix in: the vendor')
})
