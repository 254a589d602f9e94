// Issue 8 corrections, one test per entry: its owner, the screen it names, the pasted text that finds it, the source
// it cites. The sources are Microsoft's AADSTS reference and troubleshooting articles, Okta's error-code reference and
// support article, and the vendor's own SSO guide (its URLs live in the vendor profile, not in code).
import { describe, expect, test } from 'vitest'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { explain } from '../../triage/explain/index'
import type { CatalogEntry } from '../types'
import { finding } from '../finding'
import { catalog, type FindingCode } from './index'

const entry = (code: string) => (catalog as Record<string, CatalogEntry>)[code]!
const first = (text: string, idp?: 'entra' | 'okta') => explain(text, idp ? { idp } : {}).findings[0]!
const MS_REFERENCE = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes'
const vendor = BUILTIN_PROFILES.autodesk.vendor!

describe('vendor broker: "Unable to process the SAML assertion"', () => {
  test("found by the vendor's exact wording, owned by the company's SSO admin, with the vendor page's four causes", () => {
    const f = first('Unable to process the SAML assertion', 'entra')
    expect({ code: f.code, owner: f.owner }).toEqual({ code: 'TRIAGE_VENDOR_BROKER_ASSERTION_REJECTED', owner: 'idp' })
    expect(f.detail).toMatch(/attributes not mapped/)
    expect(f.detail).toMatch(/signing option or algorithm/)
    expect(f.detail).toMatch(/wrong IdP certificate uploaded at the vendor/)
    expect(f.detail).toMatch(/clock/)
    expect(f.fixAt).toMatch(/Attributes & Claims/)
    expect(f.fixAt).toMatch(/Signing Option \(Sign SAML assertion\) and Signing Algorithm \(SHA-256\)/)
    expect(first('Unable to process the SAML assertion', 'okta').fixAt).toMatch(/SAML Signing Certificates/)
    // The vendor's troubleshooting page is cited from the profile.
    expect(BUILTIN_PROFILES.autodesk.docs.map((d) => d.url).join(' ')).toMatch(
      /Troubleshooting_Error_Unable_to_process_the_SAML_assertion/,
    )
  })
  test('the catalog text names no vendor', () => {
    const e = entry('TRIAGE_VENDOR_BROKER_ASSERTION_REJECTED')
    expect(JSON.stringify(e)).not.toMatch(new RegExp(vendor.name))
  })
})

describe('Okta: both app variants are named (catalog / OIN app and custom SAML app)', () => {
  test.each([
    'TRIAGE_AADSTS50011',
    'TRIAGE_AADSTS700016',
    'SAML_CONFIG_IDENTIFIER_MISMATCH',
    'SAML_CONFIG_REPLY_URL_MISMATCH',
    'SAML_AUDIENCE_MISMATCH',
    'SAML_ATTRIBUTE_MISSING',
  ])('%s', (code) => {
    // The entry's own Okta text, or (for an entry naming a screen key) the Okta pack's screen for both kinds of app.
    const okta = finding(code as FindingCode, {}, { idp: 'okta' }).fixAt!
    expect(okta).toMatch(/catalog \(OIN\) app/)
    expect(okta).toMatch(/General › SAML Settings/)
  })
  test("no Okta screen names the custom app's SAML Settings without the catalog app too", () => {
    const onlyCustom = Object.entries(catalog as Record<string, CatalogEntry>)
      .filter(([, e]) => /SAML Settings/.test(e.fixAt?.okta ?? '') && !/catalog \(OIN\) app/.test(e.fixAt?.okta ?? ''))
      .map(([c]) => c)
    expect(onlyCustom).toEqual([])
  })
})

describe("Sign on URL from the vendor's own Entra guide", () => {
  test('an info that says to keep it, never to clear it', () => {
    const e = entry('SAML_CONFIG_SIGN_ON_URL_PLACEHOLDER')
    expect(e.severity).toBe('info')
    expect(e.nextStep).not.toMatch(/clear it/i)
    expect(e.detail).toMatch(/SP-initiated sign-in only/)
    expect(vendor.initiation).toBe('sp-only')
    expect(BUILTIN_PROFILES.autodesk.saml!.placeholders.find((p) => p.field === 'signOnUrl')?.value).toBe(
      'https://profile.autodesk.com',
    )
  })
})

describe('AADSTS corrections', () => {
  test("650056 (SAML): the request's Issuer must equal the Identifier", () => {
    const f = first('AADSTS650056: Misconfigured application.')
    expect({ code: f.code, owner: f.owner }).toEqual({ code: 'TRIAGE_AADSTS650056', owner: 'idp' })
    expect(f.detail).toMatch(/Issuer the SP sends in its AuthnRequest must equal the Identifier/)
    expect(f.fixAt).toMatch(/Basic SAML Configuration › Identifier \(Entity ID\)/)
    expect(f.docs).toContain(
      'https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts650056-misconfigured-app',
    )
  })
  test("75011: fixed in the SP's request (RequestedAuthnContext / ForceAuthn), not in Conditional Access", () => {
    const f = first(
      "AADSTS75011: Authentication method by which the user authenticated with the service doesn't match requested authentication method AuthnContextClassRef",
    )
    expect({ code: f.code, owner: f.owner }).toEqual({ code: 'TRIAGE_AADSTS75011', owner: 'vendor' })
    expect(f.nextStep).toMatch(/ForceAuthn="true"/)
    expect(f.fixAt ?? '').not.toMatch(/Conditional Access/)
    expect(f.docs).toContain(
      'https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts75011-auth-method-mismatch',
    )
  })
  test("501241: the Name ID claim's source attribute", () => {
    const f = first("AADSTS501241: Mandatory Input 'x' missing from transformation ID 'y'", 'entra')
    expect(f.code).toBe('TRIAGE_AADSTS501241')
    expect(f.fixAt).toMatch(/Unique User Identifier \(Name ID\) › Source attribute/)
  })
  test("90072: also a synced user's immutable ID mismatch, fixed by the IdP admin", () => {
    const f = first('AADSTS90072: PassThroughUserMfaError')
    expect({ code: f.code, owner: f.owner }).toEqual({ code: 'TRIAGE_AADSTS90072', owner: 'idp' })
    expect(f.detail).toMatch(/ImmutableID \(sourceAnchor\)/)
    expect(f.fixAt).toMatch(/On-premises immutable ID/)
  })
  test('50057: a synced user is enabled in on-premises Active Directory', () => {
    const f = first('AADSTS50057: The user account is disabled.', 'entra')
    expect(f.nextStep).toMatch(/Synced user: enable it in on-premises Active Directory/)
  })
  test('50105: group assignment needs Entra ID P1 or P2', () => {
    const f = first('AADSTS50105: The signed in user is not assigned to a role for the application')
    expect(f.important).toMatch(/Microsoft Entra ID P1 or P2/)
    expect(f.docs).toContain(
      'https://learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal',
    )
  })
  test('50012: certificate credentials live under Certificates, not client secrets', () => {
    const f = first('AADSTS50012: Client assertion contains an invalid signature', 'entra')
    expect(f.code).toBe('TRIAGE_AADSTS50012')
    expect(f.fixAt).toMatch(/Certificates & secrets › Certificates/)
    expect(f.fixAt).not.toMatch(/Client secrets/)
  })
  test("76021: Okta's label is Signed Requests", () => {
    const f = first('AADSTS76021: ApplicationRequiresSignedRequests', 'okta')
    expect(f.fixAt).toMatch(/Signed Requests/)
    expect(f.docs).toContain('https://help.okta.com/en-us/Content/Topics/Apps/aiw-saml-reference.htm')
  })
  test("NameIDPolicy is Entra's 75016, not 75005", () => {
    const f = first('AADSTS75016: Saml2AuthenticationRequestInvalidNameIDPolicy')
    expect(f.code).toBe('TRIAGE_AADSTS75016')
    expect(entry('SAML_STATUS_INVALID_NAMEID_POLICY').symptom).toMatch(/AADSTS75016/)
    expect(entry('SAML_STATUS_INVALID_NAMEID_POLICY').symptom).not.toMatch(/75005/)
    expect(entry('TRIAGE_AADSTS75005').symptom).not.toMatch(/NameID/i)
  })
})

describe('Okta error codes', () => {
  test('E0000004 is "authentication failed"; a locked account is E0000069', () => {
    const e4 = first('E0000004')
    expect(e4.code).toBe('TRIAGE_OKTA_E0000004')
    expect(`${e4.title} ${e4.detail}`).toMatch(/authentication failed/i)
    expect(entry('TRIAGE_OKTA_E0000004').symptom).not.toMatch(/locked/i)
    const e69 = first('E0000069')
    expect({ code: e69.code, owner: e69.owner }).toEqual({ code: 'TRIAGE_OKTA_E0000069', owner: 'end-user' })
    expect(e69.title).toMatch(/locked/)
    expect(e69.docs).toContain('https://support.okta.com/help/s/article/common-okta-login-failures')
  })
})

describe('Entra screen names as the admin center shows them now', () => {
  test('no screen says Protection ›, Settings › Domain names or "Enterprise applications"', () => {
    const stale = Object.entries(catalog as Record<string, CatalogEntry>).flatMap(([c, e]) =>
      [e.fixAt?.entra, e.logs?.entra, e.nextStep]
        .filter((t): t is string => !!t && /Protection ›|Settings › Domain names|Enterprise applications/.test(t))
        .map(() => c),
    )
    expect(stale).toEqual([])
    expect(entry('TRIAGE_AADSTS53003').fixAt!.entra).toMatch(/^Entra admin center › Entra ID › Conditional Access/)
    expect(entry('TRIAGE_AADSTS50008').fixAt!.entra).toMatch(/Entra ID › Domain names/)
  })
})

describe('certificate rollover with one certificate at the vendor', () => {
  test("says either order breaks sign-ins briefly, and points at the vendor's sequence", () => {
    const e = entry('CERT_EXPIRING_SOON')
    expect(`${e.nextStep} ${e.important}`).toMatch(/whichever side changes first/)
    expect(e.important).toMatch(/Neither order is outage-free/)
    expect(vendor.certificateRenewal).toMatch(/make it active and download it.*upload it/)
  })
})

const NEW_AADSTS = [
  '50056',
  '50140',
  '7000218',
  '50013',
  '9002313',
  '700082',
  '80014',
  '75016',
  '75008',
  '76026',
  '50010',
  '50146',
  '500021',
  '500022',
  '500212',
  '500213',
  '530035',
  '53001',
  '53002',
  '53004',
  '50131',
  '16000',
  '90002',
  '7000112',
  '50144',
  '50132',
  '50133',
  '50173',
  '50194',
]

describe("missing AADSTS codes, each checked against Microsoft's reference", () => {
  test.each(NEW_AADSTS)('AADSTS%s is found by its code and cites the reference', (n) => {
    const f = first(`AADSTS${n}`)
    expect(f.code).toBe(`TRIAGE_AADSTS${n}`)
    expect(f.docs).toContain(MS_REFERENCE)
    if (f.owner === 'idp') expect(f.fixAt).toBeTruthy()
  })
})
