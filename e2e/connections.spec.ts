import { catalog } from '../lib/findings/catalog/index'
import { expect, realFixture, test } from './fixtures'
import { ConnectionsPage } from './pages/connections-page'

// Real Entra metadata whose rollover certificate expired on 2025-09-28: the static check must say so.
const ENTRA_ROLLOVER = 'saml-metadata/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml'
const OKTA_METADATA = 'saml-metadata/okta/ssoready-okta-app-metadata.xml'

test('create a SAML connection from real metadata, see the setup values and static findings, delete it', async ({
  page,
}, testInfo) => {
  const connections = new ConnectionsPage(page)
  const name = `Contoso Entra ${testInfo.workerIndex}-${Date.now()}`
  await connections.goto()
  await connections.createSaml({
    name,
    metadataFile: realFixture(ENTRA_ROLLOVER),
    spEntityId: 'https://www.okta.com/saml2/service-provider/spabc123XYZ',
    acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oaDEF456',
  })

  await expect(page).toHaveURL(/\/connections\/[A-Za-z0-9_-]{22}$/)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // The values to copy into the IdP: the vendor's two SP values (different IDs) and this app's own ACS.
  await expect(connections.setupValue('Identifier (SP entity ID)')).toContainText(
    'https://www.okta.com/saml2/service-provider/spabc123XYZ',
  )
  await expect(connections.setupValue('Reply URL (the vendor’s ACS, default)')).toContainText(
    'https://autodesk-prod.okta.com/sso/saml2/0oaDEF456',
  )
  await expect(connections.setupValueText('Extra Reply URL for test logins (this validator’s ACS)')).toHaveText(
    /^http:\/\/[^/]+\/saml\/acs$/,
  )
  await expect(connections.setupValue('Extra Reply URL for test logins (this validator’s ACS)')).toContainText(
    'Other Requestable SSO URLs',
  )
  await expect(connections.setupValue('SP metadata (for IdPs that import it)').getByRole('link')).toHaveAttribute(
    'href',
    /\/saml\/metadata\/[A-Za-z0-9_-]{22}$/,
  )
  await expect(page.getByRole('link', { name: 'Run test login' })).toHaveAttribute(
    'href',
    /\/connections\/[A-Za-z0-9_-]{22}\/test-login$/,
  )

  // The go / no-go: no test user yet, and the expired certificate from the static check blocks.
  const banner = connections.goNoGo()
  await expect(banner).toContainText('allows at most 30 test users before SSO is turned on')
  await expect(banner).toContainText('NO-GO')
  await expect(banner).toContainText('CERT_EXPIRED')

  // The static report itself, through the shared ReportView.
  const staticCheck = page.getByRole('region', { name: 'Configuration check' })
  await expect(staticCheck.getByRole('article', { name: catalog.CERT_EXPIRED.title }).first()).toContainText(
    'Fix in: your IdP',
  )

  // Listed, then deleted.
  await connections.goto()
  await expect(page.getByRole('link', { name })).toBeVisible()
  await page.getByRole('link', { name }).click()
  await connections.delete()
  await expect(page).toHaveURL(/\/connections(\?deleted=[^/]*)?$/)
  await expect(page.getByRole('link', { name })).toHaveCount(0)
})

test('a metadata URL works too, and a form error points at its field', async ({ page, fixtureServer }, testInfo) => {
  const connections = new ConnectionsPage(page)
  await connections.goto()
  const form = page.getByRole('form', { name: 'New connection' })
  await form.getByRole('button', { name: 'Save and check' }).click()
  const xml = form.getByLabel('…or paste the metadata XML')
  await expect(xml).toHaveAttribute('aria-invalid', 'true')
  await expect(
    page.locator(`#${await xml.getAttribute('aria-describedby').then((ids) => ids?.split(' ').pop())}`),
  ).toContainText('Paste the IdP metadata XML or give its URL')

  const name = `Okta ${testInfo.workerIndex}-${Date.now()}`
  await connections.createSaml({
    name,
    metadataUrl: fixtureServer.url(OKTA_METADATA),
    spEntityId: 'https://www.okta.com/saml2/service-provider/spokta42',
    acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oaokta42',
  })
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Configuration', exact: true })).toContainText(
    fixtureServer.url(OKTA_METADATA),
  )
  await connections.delete()
})

test('a saved report opens by its link, masked, with JSON and Markdown downloads', async ({ page, request }) => {
  const report = {
    schema: 'sso-preflight/report@1',
    subject: { kind: 'saml-response', idp: 'okta' },
    profile: 'autodesk',
    checkedAt: '2026-11-22T10:00:00.000Z',
    summary: { errors: 1, warnings: 0, infos: 0, byOwner: { idp: 1, vendor: 0, 'end-user': 0 }, verdict: 'no-go' },
    findings: [
      {
        code: 'CERT_EXPIRED',
        severity: 'error',
        owner: 'idp',
        title: catalog.CERT_EXPIRED.title,
        detail: catalog.CERT_EXPIRED.detail,
        nextStep: catalog.CERT_EXPIRED.nextStep,
        evidence: { expected: 'valid on 2026-11-22', actual: 'expired 2025-09-28 for dana.scully@fbi.example' },
      },
    ],
  }
  const res = await request.post('/api/saved-reports', { data: { report } })
  expect(res.status()).toBe(201)
  const { id, url } = await res.json()
  expect(url).toMatch(new RegExp(`/reports/${id}$`))

  await page.goto(`/reports/${id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Saved report')
  const f = page.getByRole('article', { name: catalog.CERT_EXPIRED.title })
  await expect(f).toContainText(/d…·[0-9a-f]{6}@fbi\.example/)
  await expect(page.getByText('dana.scully')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Download Markdown' })).toHaveAttribute(
    'href',
    `/api/saved-reports/${id}?format=md&download=1`,
  )
  await expect(page.getByRole('link', { name: 'Download JSON' })).toHaveAttribute(
    'href',
    `/api/saved-reports/${id}?format=json&download=1`,
  )
  const md = await request.get(`/api/saved-reports/${id}?format=md&download=1`)
  expect(md.headers()['content-disposition']).toMatch(/^attachment; filename=".*\.md"$/)
  const text = await md.text()
  expect(text).toContain('CERT_EXPIRED')
  expect(text).not.toContain('dana.scully')
})
