import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MockBrowser } from '../../e2e/mock-idp/driver'
import { allowLoopbackForTests } from '../net/index'
import { completeSamlTestLogin } from './saml/complete'
import { startSamlTestLogin } from './saml/start'
import { openHarness, TEST_ORIGIN, VENDOR_SP_ENTITY_ID, type Harness } from '../../e2e/mock-idp/harness'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
  )
}

describe('how the AuthnRequest reaches the IdP', () => {
  test('an IdP that offers only HTTP-POST gets a posted AuthnRequest, and the login completes', async () => {
    const md = (await (await fetch(h.idp.samlMetadataUrl)).text()).replace(
      /<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"[^>]*\/>/,
      '',
    )
    const c = await h.store.connections.create({
      name: 'post only',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { idpMetadataXml: md, spEntityId: VENDOR_SP_ENTITY_ID },
    })
    const started = await startSamlTestLogin(c, { store: h.store, origin: TEST_ORIGIN })
    if (!started.ok || started.dispatch.binding !== 'post') throw new Error('expected the POST binding')
    expect(started.dispatch.url).toBe(`${h.idp.base}/saml/sso`)
    expect(started.dispatch.fields.RelayState).toBe(started.runId)
    const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
    const login = await browser.go(started.dispatch.url, { method: 'POST', form: started.dispatch.fields })
    const answer = hiddenFields((await browser.submitForm(login, { username: 'ok+post@demo.test' })).body)
    const out = await completeSamlTestLogin(
      { samlResponse: answer.SAMLResponse!, relayState: answer.RelayState! },
      { store: h.store },
    )
    expect(out).toEqual({ kind: 'run', runId: started.runId })
    expect((await h.store.runs.get(started.runId))?.report?.summary.errors).toBe(0)
  })

  test('a connection saved with a metadata URL fetches it (through lib/net) when the test login starts', async () => {
    const c = await h.store.connections.create({
      name: 'by url',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { metadataUrl: h.idp.samlMetadataUrl, spEntityId: VENDOR_SP_ENTITY_ID },
    })
    const started = await startSamlTestLogin(c, {
      store: h.store,
      origin: TEST_ORIGIN,
      fetchOptions: { [allowLoopbackForTests]: true },
    })
    if (!started.ok || started.dispatch.binding !== 'redirect') throw new Error('expected a redirect')
    const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
    const answer = hiddenFields(
      (await browser.submitForm(await browser.go(started.dispatch.url), { username: 'ok+url@demo.test' })).body,
    )
    const out = await completeSamlTestLogin(
      { samlResponse: answer.SAMLResponse!, relayState: answer.RelayState! },
      { store: h.store },
    )
    expect(out.kind).toBe('run')
    expect((await h.store.runs.get(started.runId))?.report?.summary.errors).toBe(0)
  })

  test('without the loopback allowance a metadata URL on loopback is refused with a NET_ finding', async () => {
    const c = await h.store.connections.create({
      name: 'refused',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { metadataUrl: h.idp.samlMetadataUrl, spEntityId: VENDOR_SP_ENTITY_ID },
    })
    const prev = process.env.SSO_PREFLIGHT_ALLOW_LOOPBACK
    delete process.env.SSO_PREFLIGHT_ALLOW_LOOPBACK
    try {
      const started = await startSamlTestLogin(c, { store: h.store, origin: TEST_ORIGIN })
      expect(started.ok).toBe(false)
      const codes = (await h.store.runs.get(started.runId))?.report?.findings.map((f) => f.code) ?? []
      expect(codes.some((code) => code.startsWith('NET_'))).toBe(true)
      expect(codes).toContain('SAML_TEST_LOGIN_METADATA_UNUSABLE')
    } finally {
      if (prev !== undefined) process.env.SSO_PREFLIGHT_ALLOW_LOOPBACK = prev
    }
  })
})
