// The vendor pack as data: every vendor fact the code needs is in the profile, checked by the schema, and the
// generic profile carries none of it. Facts checked against the vendor's SSO guide (help.autodesk.com, SSOGUIDE).
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { BUILTIN_PROFILES, parseProfile, SpProfileSchema } from './index'

const autodesk = BUILTIN_PROFILES.autodesk
const vendor = autodesk.vendor!

describe('vendor profile: the SP values', () => {
  test('entity ID and ACS URL are two templates with two different identifiers', () => {
    expect(autodesk.saml!.entityIdTemplate).toBe('https://www.okta.com/saml2/service-provider/<sp-id>')
    expect(autodesk.saml!.acsUrlTemplate).toBe('https://autodesk-prod.okta.com/sso/saml2/<idp-id>')
    expect(vendor.spValues.entityId.example).toBe(autodesk.saml!.entityIdTemplate)
    expect(vendor.spValues.acsUrl.example).toBe(autodesk.saml!.acsUrlTemplate)
    expect(vendor.spValues.acsUrl.hint).toMatch(/do not build one from the other/)
  })
  test('the patterns accept real-looking values with different IDs', () => {
    expect(
      new RegExp(autodesk.saml!.entityIdPattern!).test('https://www.okta.com/saml2/service-provider/spabc123'),
    ).toBe(true)
    expect(new RegExp(autodesk.saml!.acsUrlPattern!).test('https://autodesk-prod.okta.com/sso/saml2/0oaxyz789')).toBe(
      true,
    )
  })
})

describe("vendor profile: the console and the setup flow, in the vendor's words and order", () => {
  test('the connection is reached through Team settings › Single sign-on (SSO) › Manage SSO', () => {
    expect(vendor.console.connection).toEqual([
      'Autodesk Account',
      '(team) Team settings',
      'Single sign-on (SSO)',
      'Manage SSO',
      '(the connection)',
    ])
    expect(vendor.console.connection.join(' ')).not.toMatch(/Admin › Security/)
  })
  test("the connection page's four steps, then Turn on SSO", () => {
    expect(vendor.console.connectionSteps).toEqual([
      'Add identity provider and metadata',
      'Add Autodesk metadata and attributes',
      'Test your connection',
      'Link verified domain',
    ])
    expect(vendor.console.turnOn.at(-1)).toBe('Turn on SSO')
    expect(vendor.setupSteps.map((s) => s.id)).toEqual([
      'verify-domains',
      'add-idp-metadata',
      'add-vendor-metadata',
      'test-connection',
      'link-domain',
      'turn-on',
    ])
    // The console's step names appear in the setup flow in the same order.
    const titles = vendor.setupSteps.map((s) => s.title)
    const at = vendor.console.connectionSteps.map((name) => titles.indexOf(name))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })
  test('the certificate is replaced under step 1 (Identity provider certificate)', () => {
    expect(vendor.console.certificate.slice(-2)).toEqual([
      'Add identity provider and metadata',
      'Identity provider certificate',
    ])
  })
  test("turning SSO on is immediate and only the vendor's Support turns it off", () => {
    expect(vendor.turnOnMeans).toMatch(/immediately/)
    expect(vendor.turnOnMeans).toContain(vendor.support)
  })
})

describe('vendor profile: attribute rules', () => {
  test('exact, case-sensitive names; all non-empty; objectGUID immutable', () => {
    const attrs = autodesk.saml!.requiredAttributes
    expect(attrs.map((a) => a.name)).toEqual(['firstName', 'lastName', 'email', 'objectGUID'])
    expect(attrs.every((a) => a.level === 'required' && a.nonEmpty)).toBe(true)
    expect(attrs.filter((a) => a.immutable).map((a) => a.name)).toEqual(['objectGUID'])
    expect(autodesk.saml!.rejectNamespacedAttributeNames).toBe(true)
  })
})

describe('vendor profile: supported IdPs, test users, docs', () => {
  test('the eight IdPs the vendor documents, plus "none of the above"', () => {
    expect(vendor.supportedIdps.map((i) => i.id)).toEqual([
      'entra',
      'okta',
      'adfs',
      'onelogin',
      'pingfederate',
      'pingone',
      'google',
      'shibboleth',
      'other',
    ])
  })
  test('Okta: the catalog (OIN) app and a custom SAML app are both known, each with its screen', () => {
    const okta = vendor.idpAppVariants.filter((v) => v.idp === 'okta')
    expect(okta.map((v) => v.spValuesAt)).toEqual([
      expect.stringContaining('Sign On › Settings › Edit › Advanced Sign-on Settings'),
      expect.stringContaining('General › SAML Settings'),
    ])
    expect(okta[0]!.attributesPreconfigured).toBe(true)
  })
  test("Entra gallery app: the vendor's guide enters https://profile.autodesk.com as Sign on URL; SP-initiated only", () => {
    expect(vendor.idpAppVariants.find((v) => v.idp === 'entra')!.spValuesAt).toContain(
      'Sign on URL: https://profile.autodesk.com',
    )
    expect(vendor.initiation).toBe('sp-only')
  })
  test('30 test users is a cap', () => {
    expect(vendor.testUserCap).toBe(30)
    expect(vendor.setupSteps.find((s) => s.id === 'test-connection')!.detail).toMatch(/at most 30/)
  })
  test("every doc link is https and the vendor's guide pages are cited", () => {
    const urls = [...autodesk.docs, ...vendor.docs].map((d) => d.url)
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true)
    expect(urls.filter((u) => u.includes('help.autodesk.com')).length).toBeGreaterThanOrEqual(5)
  })
})

describe('the generic profile has no vendor words', () => {
  test("no vendor section and none of the vendor's names or hosts", () => {
    expect(BUILTIN_PROFILES.generic.vendor).toBeUndefined()
    const raw = readFileSync(new URL('./generic.json', import.meta.url), 'utf8')
    for (const word of [vendor.name, 'autodesk-prod', 'service-provider/']) expect(raw).not.toContain(word)
  })
  test('a custom profile with a broken vendor section is refused by the schema', () => {
    const broken = { ...JSON.parse(JSON.stringify(autodesk)), vendor: { ...vendor, testUserCap: 0 } }
    expect(parseProfile(broken).success).toBe(false)
    expect(SpProfileSchema.safeParse(autodesk).success).toBe(true)
  })
})
