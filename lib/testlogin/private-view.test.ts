import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openHarness, samlLogin, type Harness } from '../../e2e/mock-idp/harness'
import { usernameFor } from '../mock-idp/scenarios'
import { NO_BROWSER } from '../store/index'
import { samlViewKey, type PrivateSamlView } from './saml/complete'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

async function login(scenario: Parameters<typeof usernameFor>[0]) {
  const outcome = await samlLogin(h, usernameFor(scenario))
  if (outcome.kind !== 'run') throw new Error('expected a run')
  const run = await h.store.runs.get(outcome.runId)
  const view = await h.store.loginSecrets.get<PrivateSamlView>(samlViewKey(outcome.runId), NO_BROWSER)
  if (!run?.report || !view) throw new Error('no report or no private view')
  return { report: run.report, view }
}

describe('the test login’s private view: identity and values readable by whoever ran it', () => {
  test('the signed NameID and every attribute value, unmasked, while the stored report keeps them masked', async () => {
    const { report, view } = await login('ok')
    expect(view.nameId).toBe(usernameFor('ok'))
    expect(view.nameIdFormat).toMatch(/emailAddress$/)
    const email = view.attributes?.find((a) => a.name === 'email')
    expect(email?.values).toEqual([usernameFor('ok')])
    const stored = JSON.stringify(report)
    expect(stored).not.toContain(usernameFor('ok'))
    expect(report.facts?.nameId).toEqual(expect.any(String))
    expect(report.facts?.nameId).not.toContain(usernameFor('ok').split('@')[0])
    // The side-by-side table is stored with the run (no personal value in it).
    expect(report.comparison?.rows.find((r) => r.key === 'attribute:email')?.status).toBe('ok')
  })
  test('the Response and the AuthnRequest pretty-printed; the element a finding points at is marked', async () => {
    const { report, view } = await login('wrong-audience')
    expect(report.findings.map((f) => f.code)).toContain('SAML_AUDIENCE_MISMATCH')
    const marked = view.responsePretty?.lines.filter((l) => l.highlight).map((l) => l.path)
    expect(marked).toContain('/Response/Assertion/Conditions/AudienceRestriction/Audience')
    expect(view.authnRequestPretty?.lines[0]?.text).toMatch(/^<samlp:AuthnRequest /)
    expect(view.authnRequestPretty?.lines.some((l) => l.depth === 1 && /Issuer/.test(l.text))).toBe(true)
  })
})
