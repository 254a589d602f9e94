import { readFileSync } from 'node:fs'
import { expect, realFixture, test } from './fixtures'

// API tokens, setup links and the audit log as an admin uses them (local mode: the local user may do everything).

test('an API token is shown once with a warning, listed without its secret, revoked, and both changes are in the audit log', async ({
  page,
}, testInfo) => {
  const name = `CI ${testInfo.workerIndex}-${Date.now()}`
  await page.goto('/settings/tokens')
  await page.getByLabel('Name').fill(name)
  await page.getByRole('checkbox', { name: /^run:/ }).check()
  await page.getByRole('button', { name: 'Create token' }).click()

  const shown = page.getByRole('region', { name: `API token “${name}”` })
  await expect(shown).toContainText('Shown once.')
  const token = (await shown.getByTestId('secret-once-value').textContent()) ?? ''
  expect(token).toMatch(/^spf_[A-Za-z0-9_-]{43}$/)
  await expect(shown.getByRole('button', { name: `Copy API token “${name}”` })).toBeVisible()

  const row = page.getByRole('row', { name: new RegExp(name) })
  await expect(row).toContainText('read, run')
  await expect(row).toContainText('never')
  await page.reload()
  await expect(page.locator('body')).not.toContainText(token.slice(4))

  page.once('dialog', (d) => {
    void d.accept()
  })
  await row.getByRole('button', { name: `Revoke ${name}` }).click()
  await expect(row).toContainText('revoked')

  await page.goto('/audit')
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  const entries = page.getByRole('row').filter({ hasText: name })
  await expect(entries.filter({ hasText: 'token.create' })).toHaveCount(1)
  await expect(entries.filter({ hasText: 'token.revoke' })).toHaveCount(1)
  await expect(page.locator('body')).not.toContainText(token.slice(4))
  await expect(page.getByRole('link', { name: 'Download JSON' })).toHaveAttribute('href', /^\/api\/audit\?format=json/)
})

test('a setup link opens its connection with an httpOnly cookie; once revoked it gets the "ask for a new link" page', async ({
  page,
  browser,
  request,
}) => {
  const metadataXml = readFileSync(realFixture('saml-metadata/okta/ssoready-okta-app-metadata.xml'), 'utf8')
  const created = await request.post('/api/connections', {
    data: { protocol: 'saml', profileId: 'generic', metadataXml, name: `Setup link ${Date.now()}` },
  })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  await page.goto(`/connections/${id}`)
  const section = page.getByRole('region', { name: 'Setup links' })
  await section.getByRole('button', { name: 'Create setup link' }).click()
  const link = (await section.getByTestId('secret-once-value').textContent()) ?? ''
  expect(link).toMatch(/\/setup-link\/[A-Za-z0-9_-]{43}$/)
  await expect(section.getByRole('row')).toHaveCount(2) // header + the new link

  // The customer's IT admin: a browser with nothing in it.
  const customer = await browser.newContext()
  const theirs = await customer.newPage()
  await theirs.goto(link)
  await expect(theirs).toHaveURL(new RegExp(`/connections/${id}$`))
  const cookie = (await customer.cookies()).find((c) => c.name === 'preflight_setup_link')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(23 * 3600)

  await page.reload()
  await expect(section.getByRole('row').nth(1)).toContainText('1') // one use
  page.once('dialog', (d) => {
    void d.accept()
  })
  await section.getByRole('button', { name: 'Revoke' }).click()
  await expect(section.getByRole('row').nth(1)).toContainText('revoked')

  const again = await theirs.goto(link)
  expect(again?.status()).toBe(410)
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('This setup link no longer works')
  await expect(theirs.locator('body')).toContainText('Ask the person who sent you this link for a new one.')
  await customer.close()
})
