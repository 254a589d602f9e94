import { describe, expect, test } from 'vitest'
import { buildReport, finding } from '../findings/index'
import { BUILTIN_PROFILES } from '../profiles/index'
import { storedRun } from './testing'
import { resolveIdpChoice, setupIdpChoices } from './idp-choices'
import { setupScreenFor } from './screens'
import { GENERIC_SETUP_STEPS, setupWalk, type SetupWalkInput } from './walk'

const vendor = BUILTIN_PROFILES.autodesk
const generic = BUILTIN_PROFILES.generic
const NOW = new Date('2026-03-01T12:00:00Z')
const staticReport = buildReport({
  subject: { kind: 'saml-metadata', idp: 'entra' },
  profile: 'autodesk',
  now: NOW,
  findings: [],
})
const SP = {
  spEntityId: 'https://www.okta.com/saml2/service-provider/spabc123',
  acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oaxyz789',
}

function input(
  o: Partial<Omit<SetupWalkInput, 'idp' | 'variant'>> & { idp?: string; variant?: string } = {},
): SetupWalkInput {
  const { idp, variant, ...rest } = o
  const profile = o.profile ?? vendor
  const choice = resolveIdpChoice(setupIdpChoices(profile), idp ?? 'entra', variant)!
  const sp = profile.vendor ? SP : { spEntityId: 'https://sp.example/saml', acsUrl: 'https://sp.example/saml/acs' }
  return {
    profile,
    idp: choice.idp,
    variant: choice.variant,
    origin: 'https://preflight.example',
    now: NOW,
    runs: [],
    connection: {
      id: 'conn0000000000000001',
      protocol: 'saml',
      config: { ...sp, verifiedDomains: ['corp.example'] },
      staticReport,
    },
    ...rest,
  }
}

describe('IdP choices and screens', () => {
  test('the vendor profile lists its supported IdPs in its order, Entra and Okta each with the catalog and the custom app', () => {
    const choices = setupIdpChoices(vendor)
    expect(choices.map((c) => c.id)).toEqual(vendor.vendor!.supportedIdps.map((i) => i.id))
    const okta = choices.find((c) => c.id === 'okta')!
    expect(okta.variants.map((v) => v.id)).toEqual(['catalog', 'custom'])
    expect(okta.variants[0]!.label).toBe(
      vendor.vendor!.idpAppVariants.find((v) => v.idp === 'okta' && v.attributesPreconfigured)!.label,
    )
    expect(choices.find((c) => c.id === 'entra')!.variants.map((v) => v.id)).toEqual(['catalog', 'custom'])
    expect(choices.find((c) => c.id === 'onelogin')!.variants.map((v) => v.id)).toEqual(['custom'])
  })

  test('the generic profile offers no vendor catalog app', () => {
    const choices = setupIdpChoices(generic)
    expect(choices.every((c) => c.variants.every((v) => v.id === 'custom'))).toBe(true)
    expect(JSON.stringify(choices)).not.toMatch(/autodesk/i)
  })

  test('Okta catalog app values live under Sign On › Advanced Sign-on Settings, the custom app under General › SAML Settings', () => {
    expect(setupScreenFor('okta', 'catalog', 'saml.replyUrl').path).toMatch(
      /Sign On › Settings › Edit › Advanced Sign-on Settings/,
    )
    expect(setupScreenFor('okta', 'custom', 'saml.replyUrl').path).toMatch(
      /General › SAML Settings .*Single sign-on URL/,
    )
    expect(setupScreenFor('entra', 'catalog', 'saml.identifier').path).toMatch(
      /^Entra admin center › Entra ID › Enterprise apps/,
    )
  })

  test("an IdP without known screens says so (null), it is not given another IdP's screen", () => {
    expect(setupScreenFor('onelogin', 'custom', 'saml.replyUrl')).toEqual({ key: 'saml.replyUrl', path: null })
  })
})

describe('setupWalk', () => {
  test("walks the vendor's steps in the vendor's order, both SP values as separate fields with the chosen variant's screens", () => {
    const w = setupWalk(input({ idp: 'okta', variant: 'catalog' }))
    expect(w.steps.map((s) => s.id)).toEqual(vendor.vendor!.setupSteps.map((s) => s.id))
    const spStep = w.steps.find((s) => s.id === 'add-vendor-metadata')!
    expect(spStep.values.slice(0, 2).map((v) => v.value)).toEqual([SP.spEntityId, SP.acsUrl])
    expect(spStep.values[1]!.screen.path).toMatch(/Advanced Sign-on Settings/)
    expect(spStep.attributes.map((a) => a.name)).toEqual(['firstName', 'lastName', 'email', 'objectGUID'])
    expect(spStep.attributes.find((a) => a.name === 'email')!.source).toBe('user.email')
    expect(w.steps.find((s) => s.id === 'turn-on')!.consolePath).toMatch(/Turn on SSO$/)
    expect(w.steps.find((s) => s.id === 'verify-domains')!.consolePath).toBe(
      [...vendor.vendor!.console.turnOn.slice(0, -1), 'Add and verify domains'].join(' › '),
    )
    // The IdP-side step names no vendor console path.
    expect(spStep.consolePath).toBeNull()
  })

  test('no test login yet: not GO, and it says a passing user is missing', () => {
    const w = setupWalk(input())
    expect(w.go).toBe(false)
    expect(w.missing).toEqual(['No test user has passed a test login yet.'])
    expect(w.steps.find((s) => s.id === 'test-connection')!.status).toBe('todo')
  })

  test('a passing test user of a verified domain: GO, every checked step done', () => {
    const w = setupWalk(input({ runs: [storedRun({ user: 'a@corp.example', email: 'a@corp.example', guid: 'g1' })] }))
    expect(w).toMatchObject({ go: true, blockers: [], missing: [] })
    for (const id of ['verify-domains', 'add-idp-metadata', 'add-vendor-metadata', 'test-connection', 'link-domain']) {
      expect(w.steps.find((s) => s.id === id)!.status, id).toBe('done')
    }
  })

  test('a test user outside the verified domains, or a wrong certificate at the vendor, is NO-GO naming the step', () => {
    const runs = [storedRun({ user: 'a@other.example', email: 'a@other.example', guid: 'g1' })]
    const w = setupWalk(input({ runs }))
    expect(w.go).toBe(false)
    expect(w.blockers).toEqual([
      expect.objectContaining({ code: 'SAML_SETUP_DOMAIN_NOT_VERIFIED', step: 'Add and verify domains' }),
    ])
    expect(w.steps.find((s) => s.id === 'link-domain')!.status).toBe('blocked')
    const cert = setupWalk(
      input({ runs: [storedRun({ user: 'a@corp.example', guid: 'g1' })], vendorCertificate: 'AB'.repeat(20) }),
    )
    expect(cert.blockers.map((b) => b.code)).toEqual(['CERT_SETUP_VENDOR_CERT_NOT_IN_METADATA'])
    expect(cert.steps.find((s) => s.id === 'add-idp-metadata')!.status).toBe('blocked')
  })

  test('errors of the static check and of test logins block, with their owners', () => {
    const broken = buildReport({
      subject: { kind: 'saml-metadata', idp: 'entra' },
      profile: 'autodesk',
      now: NOW,
      findings: [finding('CERT_EXPIRED', { actual: 'x' }, { idp: 'entra' })],
    })
    const w = setupWalk(
      input({
        connection: { ...input().connection, staticReport: broken },
        runs: [storedRun({ user: 'a@corp.example', guid: 'g1' })],
      }),
    )
    expect(w.blockers).toEqual([
      expect.objectContaining({ code: 'CERT_EXPIRED', owner: 'idp', step: 'Add identity provider and metadata' }),
    ])
    expect(w.go).toBe(false)
    expect(w.steps.find((s) => s.id === 'add-idp-metadata')!.status).toBe('blocked')
    // The test login itself passed: its step is not blamed for the metadata's error.
    expect(w.steps.find((s) => s.id === 'test-connection')!.status).toBe('done')
  })

  test('an objectGUID that changed between runs is listed to confirm, not silently passed', () => {
    const runs = [storedRun({ user: 'a@corp.example', guid: 'g1' }), storedRun({ user: 'a@corp.example', guid: 'g2' })]
    const w = setupWalk(input({ runs }))
    expect(w.toConfirm.map((b) => b.code)).toEqual(['SAML_SETUP_IMMUTABLE_ID_CHANGED'])
    const stable = w.steps
      .find((s) => s.id === 'test-connection')!
      .checks.find((c) => c.label === 'The immutable user ID is stable')!
    expect(stable).toMatchObject({
      state: 'warn',
      findings: [expect.objectContaining({ code: 'SAML_SETUP_IMMUTABLE_ID_CHANGED' })],
    })
    // A warning to confirm, not a blocker.
    expect(w.go).toBe(true)
  })

  test('the generic profile walks the generic steps and no part of the walk names a vendor', () => {
    const w = setupWalk(input({ profile: generic, idp: 'okta', runs: [storedRun({ user: 'a@corp.example' })] }))
    expect(w.steps.map((s) => s.id)).toEqual(GENERIC_SETUP_STEPS.map((s) => s.id))
    expect(w.go).toBe(true)
    expect(JSON.stringify(w)).not.toMatch(/autodesk|30 test users/i)
  })
})
