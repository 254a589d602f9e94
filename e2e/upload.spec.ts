import { readFile, writeFile } from 'node:fs/promises'
import { catalog } from '../lib/findings/catalog/index'
import { ReportSchema } from '../lib/findings/report'
import { expect, realFixture, test } from './fixtures'

const ENTRA_ROLLOVER = 'saml-metadata/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml'
const OKTA_METADATA = 'saml-metadata/okta/ssoready-okta-app-metadata.xml'
const OKTA_RESPONSE = 'saml-responses/okta/ssoready-okta-response.xml'
const SP_METADATA = 'saml-metadata/sp/pac4j-generated-sp-metadata.xml'
const OKTA_DISCOVERY = 'oidc/okta/dockyard-okta-common.okta.com-org-openid-configuration.json'
const OKTA_JWKS = 'oidc/okta/dockyard-okta-common.okta.com-org-jwks.json'
/** After the ggtristams rollover certificate expired (2025-09-28), before the other one does (2027-05-07). */
const PINNED_NOW = '2026-11-22T00:00:00Z'

// Each test walks its own flow on its own page: both workers can share this file.
test.describe.configure({ mode: 'parallel' })

const title = (code: keyof typeof catalog) => catalog[code].title

test('uploaded Entra metadata with an expired certificate: an IdP finding with expected and actual', async ({
  checkPage,
}) => {
  await checkPage.provide('IdP metadata', { file: realFixture(ENTRA_ROLLOVER) })
  await checkPage.setNow(PINNED_NOW)
  await checkPage.runToReport()

  await expect(checkPage.verdict()).toContainText('NO-GO')
  const expired = checkPage.finding(title('CERT_EXPIRED'))
  await expect(expired).toBeVisible()
  await expect(expired).toContainText('Fix in: your IdP')
  await expect(expired).toContainText('CERT_EXPIRED')
  await expect(checkPage.evidence(expired, 'Expected')).toContainText('2026-11-22')
  await expect(checkPage.evidence(expired, 'Actual')).toContainText('2025-09-28')
  await expect(expired.getByText(catalog.CERT_EXPIRED.fixAt.entra ?? 'missing fixAt', { exact: true })).toBeVisible()

  // The timeline judges validity at the pinned time, like the findings.
  const certs = checkPage.report.getByRole('region', { name: 'Certificates' })
  await expect(certs.getByRole('row').filter({ hasText: '2022-09-28 → 2025-09-28' })).toContainText('Expired')
  await expect(certs.getByRole('row').filter({ hasText: '2024-05-07 → 2027-05-07' })).toContainText('Valid for')
})

test('pasted Okta metadata gets a report naming its entity ID', async ({ checkPage }) => {
  const xml = await readFile(realFixture(OKTA_METADATA), 'utf8')
  await checkPage.provide('IdP metadata', { text: xml })
  await checkPage.fill('Identifier (Entity ID)', 'https://www.okta.com/saml2/service-provider/spabcdefghijklmnop')
  await checkPage.runToReport()
  await expect(checkPage.report).toContainText('http://www.okta.com/exkdoocxa1VmjpXmX697')
  await expect(checkPage.report).toContainText('Okta')
  // The form keeps what was typed after the report arrives.
  await expect(checkPage.page.getByLabel('Identifier (Entity ID)', { exact: true })).toHaveValue(
    'https://www.okta.com/saml2/service-provider/spabcdefghijklmnop',
  )
})

test('a file dropped on the drop zone is the one checked', async ({ checkPage, page }) => {
  await checkPage.dropFile('IdP metadata', 'dropped-metadata.xml', await readFile(realFixture(OKTA_METADATA), 'utf8'))
  await expect(page.getByRole('group', { name: 'IdP metadata' })).toContainText('Selected: dropped-metadata.xml')
  await checkPage.runToReport()
  await expect(checkPage.report).toContainText('http://www.okta.com/exkdoocxa1VmjpXmX697')
})

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('a typed Identifier with a trailing slash: the finding offers the exact expected value to copy', async ({
    checkPage,
    page,
  }) => {
    const vendorEntityId = 'https://www.okta.com/saml2/service-provider/spabcdefghijklmnop'
    await checkPage.provide('IdP metadata', { file: realFixture(OKTA_METADATA) })
    await checkPage.fill('Identifier (Entity ID)', vendorEntityId + '/')
    await checkPage.runToReport()
    const slash = checkPage.finding(title('SAML_CONFIG_TRAILING_SLASH'))
    await expect(checkPage.evidence(slash, 'Actual')).toContainText(vendorEntityId + '/')
    await slash.getByRole('button', { name: 'Copy the expected value' }).click()
    await expect(slash.getByRole('button', { name: 'Copy the expected value' })).toHaveText(/Copied/)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(vendorEntityId)
  })
})

test('metadata URL on a local server is fetched and checked; a failing URL is a finding, not an error page', async ({
  checkPage,
  fixtureServer,
}) => {
  const url = fixtureServer.url(ENTRA_ROLLOVER)
  await checkPage.provide('IdP metadata', { url })
  await checkPage.setNow(PINNED_NOW)
  await checkPage.runToReport()
  await expect(checkPage.report).toContainText(url)
  await expect(checkPage.finding(title('CERT_EXPIRED'))).toBeVisible()
  await expect(checkPage.page.getByRole('radio', { name: 'From a URL' })).toBeChecked()
  await expect(checkPage.page.getByLabel('Metadata URL')).toHaveValue(url)

  await checkPage.provide('IdP metadata', { url: fixtureServer.statusUrl(404) })
  await checkPage.runToReport()
  await expect(checkPage.verdict()).toContainText('NO-GO')
  await expect(checkPage.finding(title('NET_HTTP_ERROR'))).toContainText('404')
})

test('OIDC discovery upload with its JWKS gets a report', async ({ checkPage, page }) => {
  await checkPage.chooseKind('OIDC discovery')
  await checkPage.provide('OpenID configuration', { file: realFixture(OKTA_DISCOVERY) })
  await page.getByLabel('JWKS file').setInputFiles(realFixture(OKTA_JWKS))
  await checkPage.selectProfile('generic')
  await checkPage.runToReport()
  await expect(checkPage.report).toContainText('OIDC discovery')
  await expect(checkPage.report).toContainText('https://common.okta.com')
  // The form still shows what was chosen.
  await expect(page.getByLabel('Vendor profile')).toHaveValue('generic')
  await expect(page.getByRole('radio', { name: 'OIDC discovery' })).toBeChecked()
})

test('an OIDC issuer URL: discovery and JWKS fetched, the issuer mix-up shown with both values', async ({
  checkPage,
  fixtureServer,
}) => {
  const issuer = fixtureServer.issuer(OKTA_DISCOVERY, OKTA_JWKS)
  await checkPage.chooseKind('OIDC discovery')
  await checkPage.provide('OpenID configuration', { url: issuer })
  await checkPage.selectProfile('generic')
  await checkPage.runToReport()
  const mismatch = checkPage.finding(title('OIDC_ISSUER_MISMATCH'))
  await expect(mismatch).toContainText('Fix in: your IdP')
  await expect(checkPage.evidence(mismatch, 'Expected')).toContainText(issuer)
  await expect(checkPage.evidence(mismatch, 'Actual')).toContainText('https://common.okta.com')
  // The JWKS came from the rewritten jwks_uri on the same local server, so its keys were checked.
  await expect(checkPage.report.getByRole('region', { name: 'Facts read from the input' })).toContainText(
    'jwksKeyCount',
  )
  await expect(checkPage.report.getByRole('region', { name: 'Not checked' })).toHaveCount(0)
})

test('a captured SAML response is validated against the IdP metadata', async ({ checkPage }) => {
  await checkPage.chooseKind('SAML response')
  await checkPage.provide('SAML response', { file: realFixture(OKTA_RESPONSE) })
  await checkPage.provide('IdP metadata (its certificates verify the signature)', { file: realFixture(OKTA_METADATA) })
  await checkPage.selectProfile('generic')
  await checkPage.fill('Identifier (Entity ID)', 'http://localhost:8080')
  await checkPage.fill('Reply URL (ACS)', 'http://localhost:8080')
  await checkPage.setNow('2024-04-25T20:31:55.494Z')
  await checkPage.runToReport()
  await expect(checkPage.report).toContainText('SAML response')
  await expect(checkPage.finding(title('SAML_SIGNATURE_INVALID'))).toHaveCount(0)
  await expect(checkPage.finding(title('SAML_AUDIENCE_MISMATCH'))).toHaveCount(0)
})

test('SP metadata uploaded by mistake says so', async ({ checkPage }) => {
  await checkPage.provide('IdP metadata', { file: realFixture(SP_METADATA) })
  await checkPage.runToReport()
  await expect(checkPage.finding(title('SAML_METADATA_IS_SP_METADATA'))).toBeVisible()
})

test('garbage gives a message on the page, never a 500', async ({ checkPage, page, request }) => {
  await checkPage.provide('IdP metadata', { text: 'this is not <xml at all' })
  await checkPage.runToReport()
  await expect(checkPage.finding(title('INPUT_NOT_XML'))).toBeVisible()

  // Nothing given: a field message wired to the input group, and no report.
  await checkPage.goto()
  await checkPage.run()
  await expect(checkPage.status).toContainText('Please correct the highlighted fields')
  await expect(page.getByText('Upload, paste or link the IdP metadata')).toBeVisible()
  await expect(checkPage.report).toHaveCount(0)

  // The API answers bad bodies with 400 and zod issues.
  for (const data of ['{', '[]', JSON.stringify({ xml: 'x', profile: 'nope' })]) {
    const res = await request.post('/api/reports/metadata', { data, headers: { 'content-type': 'application/json' } })
    expect(res.status(), data).toBe(400)
    expect((await res.json()).error).toBe('ERR_USAGE')
  }
  // A URL of another scheme is well-formed input: a finding that says only http(s) is fetched (issue 7).
  const js = await request.post('/api/reports/metadata', {
    data: JSON.stringify({ url: 'javascript:alert(1)' }),
    headers: { 'content-type': 'application/json' },
  })
  expect(js.status()).toBe(200)
  expect((await js.json()).findings.map((f: { code: string }) => f.code)).toContain('NET_SCHEME_NOT_ALLOWED')
})

test('a file over 5 MB is refused with a clear message before upload', async ({ checkPage, page }, testInfo) => {
  const big = testInfo.outputPath('huge-metadata.xml')
  await writeFile(big, '<x>' + 'a'.repeat(5 * 1024 * 1024 + 10) + '</x>')
  await checkPage.provide('IdP metadata', { file: big })
  await expect(page.getByRole('group', { name: 'IdP metadata' }).getByRole('alert')).toContainText('the limit is 5 MB')
  await expect(page.getByLabel('Metadata file')).toHaveValue('')
})

test('the report downloads as JSON (valid Report) and as Markdown', async ({ checkPage }) => {
  await checkPage.provide('IdP metadata', { file: realFixture(ENTRA_ROLLOVER) })
  await checkPage.setNow(PINNED_NOW)
  await checkPage.runToReport()

  const json = await checkPage.download('JSON')
  expect(json.suggestedFilename()).toBe('sso-preflight-saml-metadata-2026-11-22.json')
  const report = ReportSchema.parse(JSON.parse(await readFile(await json.path(), 'utf8')))
  expect(report.summary.verdict).toBe('no-go')
  expect(report.findings.map((f) => f.code)).toContain('CERT_EXPIRED')

  const md = await checkPage.download('Markdown')
  expect(md.suggestedFilename()).toBe('sso-preflight-saml-metadata-2026-11-22.md')
  const text = await readFile(await md.path(), 'utf8')
  expect(text).toContain('# SSO Preflight report')
  expect(text).toContain('`CERT_EXPIRED`')
})

test('the API returns the same report as JSON and Markdown', async ({ request }) => {
  const xml = await readFile(realFixture(ENTRA_ROLLOVER), 'utf8')
  const res = await request.post('/api/reports/metadata', { data: { xml, now: PINNED_NOW } })
  expect(res.status()).toBe(200)
  const report = ReportSchema.parse(await res.json())
  expect(report.findings.find((f) => f.code === 'CERT_EXPIRED')?.owner).toBe('idp')

  const md = await request.post(`/api/reports/metadata?format=md&now=${PINNED_NOW}`, {
    data: xml,
    headers: { 'content-type': 'application/xml' },
  })
  expect(md.headers()['content-type']).toContain('text/markdown')
  expect(await md.text()).toContain('NO-GO')
})
