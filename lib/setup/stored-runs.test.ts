import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openHarness, samlLogin, type Harness } from '../../e2e/mock-idp/harness'
import { usernameFor } from '../mock-idp/scenarios'
import { BUILTIN_PROFILES } from '../profiles/index'
import { maskValue } from '../store/mask'
import { resolveIdpChoice, setupIdpChoices } from './idp-choices'
import { setupWalk } from './walk'

// The setup checks read what the store really keeps of a test login (masked NameID and attribute values): they must
// still tell users, domains and immutable IDs apart, and the admin's input masked the same way must still compare.
let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

const profile = BUILTIN_PROFILES.autodesk
const choice = resolveIdpChoice(setupIdpChoices(profile), 'okta', 'catalog')!

describe('setup walk over stored test logins', () => {
  test('two runs of one user and one of another: stable objectGUID, verified domain, account email matched; GO', async () => {
    const alice = usernameFor('ok', 'alice')
    for (const u of [alice, alice, usernameFor('ok', 'bob')]) await samlLogin(h, u)
    const runs = await h.store.runs.listByConnection(h.saml.id)
    const connection = { ...h.saml, config: { ...h.saml.config, verifiedDomains: ['demo.test'] } }
    const w = setupWalk({
      profile,
      idp: choice.idp,
      variant: choice.variant,
      connection,
      runs,
      origin: 'http://localhost:3199',
      now: new Date(),
      accountEmails: [[maskValue(alice)]],
    })
    expect(w).toMatchObject({ go: true, blockers: [], toConfirm: [] })
    const test = w.steps.find((s) => s.id === 'test-connection')!
    expect(test.checks.map((c) => [c.label, c.state])).toEqual([
      ['A test user signs in and the login is accepted', 'pass'],
      ['The email claim is the user’s existing account email', 'pass'],
      ['The immutable user ID is stable', 'pass'],
    ])

    const elsewhere = setupWalk({
      profile,
      idp: choice.idp,
      variant: choice.variant,
      connection: { ...connection, config: { ...connection.config, verifiedDomains: ['corp.example'] } },
      runs,
      origin: 'http://localhost:3199',
      now: new Date(),
      accountEmails: [[maskValue('alice.smith@demo.test')]],
    })
    expect(elsewhere.go).toBe(false)
    expect(elsewhere.blockers.map((b) => b.code)).toEqual(['SAML_SETUP_DOMAIN_NOT_VERIFIED'])
    // Nobody signed in as that address yet: untested, not a mismatch.
    expect(elsewhere.steps.find((s) => s.id === 'test-connection')!.checks[1]!.state).toBe('todo')
  }, 60_000)
})
