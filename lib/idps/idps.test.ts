import { readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { catalog, type FindingCode } from '../findings/catalog/index'
import { finding } from '../findings/finding'
import { IdpKindSchema } from '../findings/types'
import { detectIdp } from './detect'
import { IDP_IDS, IDP_PACKS, idpLabel, idpPack } from './registry'
import { IdpPackSchema, ScreenKeySchema } from './schema'
import { knownScreen, notKnownScreen, screenFor } from './screens'

describe('the IdP packs', () => {
  test.each(IDP_PACKS.map((p) => [p.id, p] as const))(
    '%s validates, has docs, and its screens name real keys',
    (_, pack) => {
      // definePack does not parse at load (start-up time): the schema holds here, and parsing changes nothing.
      expect(IdpPackSchema.parse(pack)).toEqual(pack)
      expect(pack.docs.length).toBeGreaterThan(0)
      for (const url of [pack.docsUrl, ...pack.docs]) expect(url).toMatch(/^https:\/\//)
      for (const screens of [pack.screens, ...pack.variants.map((v) => v.screens)]) {
        for (const key of Object.keys(screens)) expect(ScreenKeySchema.options).toContain(key)
      }
    },
  )
  test('the registry is the IdP kind list: one pack per id, every id unique, other last', () => {
    expect(IdpKindSchema.options).toEqual(IDP_IDS)
    expect(new Set(IDP_IDS).size).toBe(IDP_IDS.length)
    expect(IDP_IDS.at(-1)).toBe('other')
    for (const id of ['entra', 'okta', 'adfs', 'google', 'keycloak', 'other']) expect(IDP_IDS).toContain(id) // the ids stored reports use
    expect(idpLabel('entra')).toBe('Microsoft Entra ID')
    expect(idpPack('no-such-idp').id).toBe('other')
  })
  test('adding an IdP is its pack file plus its line in the registry: every file under packs/ is listed', () => {
    const files = readdirSync(new URL('./packs/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3))
    expect([...files].sort()).toEqual([...IDP_IDS].sort())
  })
  test('a pack that breaks the schema is refused (a screen under an unknown key, a matcher with no condition)', () => {
    const okta = idpPack('okta')
    expect(IdpPackSchema.safeParse({ ...okta, screens: { ...okta.screens, 'saml.replyURL': 'x' } }).success).toBe(false)
    expect(IdpPackSchema.safeParse({ ...okta, detect: { ...okta.detect, entityId: [{}] } }).success).toBe(false)
    expect(IdpPackSchema.safeParse({ ...okta, docs: [] }).success).toBe(false)
    expect(IdpPackSchema.safeParse({ ...okta, docsUrl: 'http://help.okta.com/' }).success).toBe(false)
  })
})

describe('screens by key', () => {
  test('Okta with the app variant unknown: both kinds of app, each labelled; known: only its own', () => {
    const both = screenFor('okta', 'saml.identifier')
    expect(both).toContain(
      'custom SAML app (App Integration Wizard): Okta Admin Console › Applications › Applications › (app) › General › SAML Settings › Edit › Configure SAML › Audience URI (SP Entity ID)',
    )
    expect(both).toContain(
      'catalog (OIN) app: Okta Admin Console › Applications › Applications › (app) › Sign On › Settings › Edit › Advanced Sign-on Settings',
    )
    expect(screenFor('okta', 'saml.identifier', 'catalog')).toBe(
      'Okta Admin Console › Applications › Applications › (app) › Sign On › Settings › Edit › Advanced Sign-on Settings',
    )
    // A screen common to both kinds is said once.
    expect(screenFor('okta', 'saml.signingCertificate')).toBe(
      'Okta Admin Console › Applications › Applications › (app) › Sign On › SAML Signing Certificates',
    )
  })
  test('a variant without the screen says so inside the list, with the docs', () => {
    expect(screenFor('okta', 'saml.signingOption')).toContain(
      `catalog (OIN) app: not known (see ${idpPack('okta').docsUrl})`,
    )
  })
  test('a screen the IdP lacks is a visible "not known" with its docs link, never nothing', () => {
    expect(knownScreen('onelogin', 'saml.replyUrl')).toBeUndefined()
    expect(screenFor('onelogin', 'saml.replyUrl')).toBe(`Not known for OneLogin: see ${idpPack('onelogin').docsUrl}`)
    expect(notKnownScreen('pingone')).toMatch(/^Not known for PingOne: see https:\/\//)
  })
  test('Entra screens say "Entra ID › Enterprise apps"', () => {
    for (const key of [
      'saml.identifier',
      'saml.replyUrl',
      'saml.claims',
      'saml.signingCertificate',
      'assignment',
    ] as const) {
      expect(screenFor('entra', key)).toMatch(/^Entra admin center › Entra ID › Enterprise apps › /)
    }
  })
})

describe('every screen key a catalog entry uses, for every IdP', () => {
  const keyed = (
    Object.entries(catalog) as Array<
      [
        FindingCode,
        { screen?: string; logsScreen?: string; fixAt?: Record<string, string>; logs?: Record<string, string> },
      ]
    >
  ).filter(([, e]) => e.screen || e.logsScreen)
  test('some entries name screens by key', () => expect(keyed.length).toBeGreaterThan(20))
  test.each(IDP_IDS.filter((id) => id !== 'other'))(
    '%s: the entry’s own text, the pack’s screen, or a visible not-known',
    (idp) => {
      const notKnown = notKnownScreen(idp)
      for (const [code, e] of keyed) {
        const f = finding(code, {}, { idp })
        if (e.screen) {
          const expected = e.fixAt?.[idp] ?? knownScreen(idp, e.screen as never) ?? notKnown
          expect(f.fixAt, code).toBe(expected)
        }
        if (e.logsScreen)
          expect(f.logs, code).toBe(e.logs?.[idp] ?? knownScreen(idp, e.logsScreen as never) ?? notKnown)
      }
    },
  )
  test('with the IdP unknown, the Entra and Okta screens are listed, each labelled', () => {
    const [code, e] = keyed.find(([, e]) => e.screen === 'saml.replyUrl')!
    const f = finding(code, {}, {})
    expect(f.fixAt).toContain(`Microsoft Entra ID: ${e.fixAt?.entra ?? screenFor('entra', 'saml.replyUrl')}`)
    expect(f.fixAt).toContain('Okta: ')
  })
})

describe('detectIdp', () => {
  test('says which signal decided', () => {
    expect(detectIdp({ entityId: 'https://sts.windows.net/0d1e2f3a-0000-4000-8000-000000000000/' })).toMatchObject({
      idp: 'entra',
      signal: 'entityId',
    })
    expect(detectIdp({ responseIssuer: 'http://www.okta.com/exk1' })).toMatchObject({
      idp: 'okta',
      signal: 'responseIssuer',
      evidence: 'http://www.okta.com/exk1',
    })
    expect(detectIdp({ oidcIssuers: [undefined, 'https://dev-1.okta.com/oauth2/default'] })).toMatchObject({
      idp: 'okta',
      signal: 'oidcIssuer',
    })
    expect(detectIdp({ entityId: 'IdP Entity ID', endpoints: ['https://sso.jumpcloud.com/saml2/app'] })).toMatchObject({
      idp: 'jumpcloud',
      signal: 'endpointHost',
    })
    expect(
      detectIdp({ errorPage: `<html>${'x'.repeat(5000)} AADSTS50105: The signed in user is not assigned` }),
    ).toMatchObject({ idp: 'entra', signal: 'errorPage', evidence: expect.stringMatching(/^AADSTS50105/) })
    expect(
      detectIdp({ errorPage: "Sorry, you can't access Vendor because you are not assigned this app in Okta." }),
    ).toMatchObject({ idp: 'okta', signal: 'errorPage' })
    expect(detectIdp({ entityId: 'urn:x', certificates: ['not a certificate'] })).toEqual({
      idp: 'other',
      signal: 'none',
      evidence: '',
    })
    expect(detectIdp({})).toEqual({ idp: 'other', signal: 'none', evidence: '' })
  })
  test('hosts match exactly or as a subdomain, never as a look-alike', () => {
    expect(detectIdp({ entityId: 'https://login.microsoftonline.com.evil.example/x' }).idp).toBe('other')
    expect(detectIdp({ endpoints: ['https://evilokta.com/app/x/sso/saml'] }).idp).toBe('other')
    expect(detectIdp({ endpoints: ['https://okta.com.evil.example/app/x/sso/saml'] }).idp).toBe('other')
    expect(detectIdp({ endpoints: ['https://Contoso.OKTA.com/app/x/sso/saml'] }).idp).toBe('okta')
  })
  test('a more specific signal wins over a weaker one', () => {
    // Entity ID says AD FS, an endpoint says Okta: the entity ID decides.
    expect(
      detectIdp({ entityId: 'http://fs.contoso.com/adfs/services/trust', endpoints: ['https://contoso.okta.com/x'] })
        .idp,
    ).toBe('adfs')
  })
  test('linear in its input (n vs 4n, every signal at once, nothing matching)', () => {
    const { ratio } = growthRatio((n) => {
      const url = `https://idp.example/${'a/'.repeat(n / 2)}`
      const page = `<p>${'realms adfs o k t a '.repeat(n)}</p>`
      // About 40 KB at 4n: beyond the CPU caches, lower-casing a page stops measuring the algorithm.
      return () =>
        detectIdp({
          entityId: url.slice(0, 4000),
          endpoints: [url.slice(0, 4000)],
          responseIssuer: url.slice(0, 4000),
          oidcIssuers: [url.slice(0, 4000)],
          errorPage: page,
        })
    }, 500)
    expect(ratio).toBeLessThan(LINEAR_BOUND)
  })
})
