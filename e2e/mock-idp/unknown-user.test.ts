import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MockBrowser } from './driver'
import { openHarness, TEST_ORIGIN, type Harness } from './harness'
import { OIDC_SCENARIOS, SAML_SCENARIOS, usernameFor } from '../../lib/mock-idp/scenarios'
import { allowLoopbackForTests } from '../../lib/net/index'
import { DEMO_CLIENT_SECRET } from '../../lib/testlogin/demo'
import { startOidcTestLogin } from '../../lib/testlogin/oidc/start'
import { startSamlTestLogin } from '../../lib/testlogin/saml/start'

// Bug 11 (issue 9): an unknown name used to sign in silently as `ok`. The login page must refuse it and list the names.
let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

async function samlLoginPage(): Promise<{ browser: MockBrowser; page: Awaited<ReturnType<MockBrowser['go']>> }> {
  const started = await startSamlTestLogin(h.saml, { store: h.store, origin: TEST_ORIGIN })
  if (!started.ok || started.dispatch.binding !== 'redirect') throw new Error('SAML start failed')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  return { browser, page: await browser.go(started.dispatch.url) }
}

async function oidcLoginPage(): Promise<{ browser: MockBrowser; page: Awaited<ReturnType<MockBrowser['go']>> }> {
  const started = await startOidcTestLogin(h.oidc, {
    store: h.store,
    origin: TEST_ORIGIN,
    clientSecret: DEMO_CLIENT_SECRET,
    fetchOptions: { [allowLoopbackForTests]: true },
  })
  if (!started.ok) throw new Error('OIDC start failed')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  return { browser, page: await browser.go(started.url) }
}

describe('the mock IdP refuses names it does not know', () => {
  test('SAML: alice@demo.test gets the form again with the SAML users, and no SAMLResponse', async () => {
    const { browser, page } = await samlLoginPage()
    const refused = await browser.submitForm(page, { username: 'alice@demo.test' })
    expect(refused.status).toBe(400)
    expect(refused.body).not.toContain('SAMLResponse')
    expect(refused.body).toMatch(/role="alert"[^>]*>“alice@demo\.test” is not a test user/)
    for (const s of SAML_SCENARIOS) expect(refused.body).toContain(usernameFor(s.id))
    // The form kept the request: a valid name now completes it.
    const answer = await browser.submitForm(refused, { username: usernameFor('ok', 'alice') })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('name="SAMLResponse"')
  })

  test('SAML: an OIDC-only fault is unknown at the SAML login page', async () => {
    const { browser, page } = await samlLoginPage()
    const refused = await browser.submitForm(page, { username: usernameFor('aadsts50011') })
    expect(refused.status).toBe(400)
    expect(refused.body).not.toContain('SAMLResponse')
  })

  test('OIDC: a SAML-only fault gets the form again with the OIDC users, and no redirect back', async () => {
    const { browser, page } = await oidcLoginPage()
    const refused = await browser.submitForm(page, { username: usernameFor('wrong-audience') })
    expect(refused.status).toBe(400)
    expect(refused.location).toBeUndefined()
    expect(refused.body).toContain('“wrong-audience@demo.test” is not a test user')
    for (const s of OIDC_SCENARIOS) expect(refused.body).toContain(usernameFor(s.id))
    const back = await browser.submitForm(refused, { username: usernameFor('ok', 'bob') })
    expect(back.location ?? back.url).toMatch(/\/oidc\/callback\?code=/)
  })
})
