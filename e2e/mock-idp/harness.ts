import { MockBrowser } from './driver'
import { startMockIdp, type MockIdp } from './server'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../lib/testlogin/demo'
import { allowLoopbackForTests } from '../../lib/net/index'
import { createStore } from '../../lib/store/index'
import type { Connection, Store } from '../../lib/store/index'
import { completeOidcTestLogin } from '../../lib/testlogin/oidc/callback'
import { startOidcTestLogin } from '../../lib/testlogin/oidc/start'
import { completeSamlTestLogin, type AcsOutcome } from '../../lib/testlogin/saml/complete'
import { startSamlTestLogin } from '../../lib/testlogin/saml/start'

/*
 * A test harness for whole test logins without Next.js: the mock IdP on a free loopback port, PGlite in memory,
 * and a MockBrowser that signs in. Used by the flow tests and scripts/bench-testlogin.ts.
 */

export const TEST_ORIGIN = 'http://localhost:3199'
export const VENDOR_SP_ENTITY_ID = 'https://www.okta.com/saml2/service-provider/spdemo0000000001'
export const VENDOR_ACS_URL = 'https://autodesk-prod.okta.com/sso/saml2/0oademo0000000001'

export interface Harness {
  readonly idp: MockIdp
  readonly store: Store
  readonly saml: Connection
  readonly oidc: Connection
  close(): Promise<void>
}

export async function openHarness(): Promise<Harness> {
  const idp = await startMockIdp({ port: 0 })
  const store = await createStore({ dataDir: 'memory://' })
  const metadata = await (await fetch(idp.samlMetadataUrl)).text()
  const saml = await store.connections.create({
    name: 'mock SAML',
    protocol: 'saml',
    profileId: 'autodesk',
    config: { idpMetadataXml: metadata, spEntityId: VENDOR_SP_ENTITY_ID, acsUrl: VENDOR_ACS_URL },
  })
  const oidc = await store.connections.create({
    name: 'mock OIDC',
    protocol: 'oidc',
    profileId: 'generic',
    config: { issuer: idp.oidcIssuer, clientId: DEMO_CLIENT_ID },
  })
  return {
    idp,
    store,
    saml,
    oidc,
    close: async () => {
      await idp.close()
      await store.close()
    },
  }
}

/** The SAML answer the mock IdP posts for `username` (SAMLResponse, RelayState), without posting it. */
export async function samlAnswer(
  h: Harness,
  username: string,
  connection: Connection = h.saml,
): Promise<{ runId: string; form: Record<string, string> }> {
  const started = await startSamlTestLogin(connection, { store: h.store, origin: TEST_ORIGIN })
  if (!started.ok) throw new Error(`start failed: ${started.findings.map((f) => f.code).join(', ')}`)
  if (started.dispatch.binding !== 'redirect') throw new Error('the mock IdP offers the Redirect binding')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  const login = await browser.go(started.dispatch.url)
  const answer = await browser.submitForm(login, { username })
  const form = Object.fromEntries(
    [...answer.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
  )
  return { runId: started.runId, form }
}

export async function samlLogin(h: Harness, username: string): Promise<AcsOutcome> {
  const { form } = await samlAnswer(h, username)
  return completeSamlTestLogin(
    { samlResponse: form.SAMLResponse ?? '', relayState: form.RelayState ?? '' },
    { store: h.store },
  )
}

/** The callback URL the mock IdP redirects to for `username`, without calling it. */
export async function oidcCallbackUrl(
  h: Harness,
  username: string,
  clientSecret = DEMO_CLIENT_SECRET,
): Promise<{ runId: string; url: URL }> {
  const started = await startOidcTestLogin(h.oidc, {
    store: h.store,
    origin: TEST_ORIGIN,
    clientSecret,
    fetchOptions: { [allowLoopbackForTests]: true },
  })
  if (!started.ok) throw new Error(`start failed: ${started.findings.map((f) => f.code).join(', ')}`)
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  const login = await browser.go(started.url)
  const back = await browser.submitForm(login, { username })
  const url = back.url.startsWith(TEST_ORIGIN) ? back.url : back.location
  if (!url) throw new Error(`no redirect back: ${back.status} ${back.body.slice(0, 200)}`)
  return { runId: started.runId, url: new URL(url) }
}

export async function oidcLogin(h: Harness, username: string): Promise<AcsOutcome> {
  const { url } = await oidcCallbackUrl(h, username)
  return completeOidcTestLogin(url, { store: h.store })
}
