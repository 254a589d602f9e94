// The mock IdP's personalities against the project's own checks: every scenario of the table (lib/mock-idp/scenarios.ts,
// expectations in e2e/mock-idp/expectations.ts) run through a headless test login, asserting exactly its finding, and
// the Entra / Okta endpoint paths and error pages in their IdPs' shapes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { OIDC_EXPECTED, SAML_EXPECTED } from '../../e2e/mock-idp/expectations'
import { VENDOR_ACS_URL, VENDOR_SP_ENTITY_ID } from '../../e2e/mock-idp/harness'
import { startMockIdp, type MockIdp } from '../../e2e/mock-idp/server'
import type { Report } from '../findings/report'
import { allowLoopbackForTests } from '../net/index'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../profiles/index'
import { analyzeSamlMetadata } from '../saml/metadata/index'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../testlogin/demo'
import { headlessOidcLogin, headlessSamlLogin } from '../testlogin/headless/index'
import { idpErrorCodeFindings } from '../testlogin/idp-error-codes'
import { idpErrorPageText } from '../testlogin/headless/page-driver'
import type { Personality } from './personality'
import { OIDC_SCENARIOS, SAML_SCENARIOS, type SamlScenarioId } from './scenarios'

const fetchOptions = { [allowLoopbackForTests]: true } as const
const errorCodes = (r: Report) =>
  [...new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort()
/** Every finding's code, whatever its severity: a scenario's finding may be a warning under the profile. */
const allCodes = (r: Report) => [...new Set(r.findings.map((f) => f.code))].sort()

/**
 * What the same fault necessarily brings with it besides the table's finding: a wrong reply URL moves Destination and
 * Recipient alike (as Entra does), a skewed IdP clock dates the Response too, an assertion already expired carries an
 * expired subject confirmation, and a Status with an AADSTS code gets both the status finding and the code's.
 */
const SAML_ALSO: Partial<Record<SamlScenarioId, readonly string[]>> = {
  'wrong-recipient': ['SAML_DESTINATION_MISMATCH'],
  'clock-ahead': ['SAML_ISSUE_INSTANT_IN_FUTURE'],
  'clock-behind': ['SAML_SUBJECT_CONFIRMATION_EXPIRED'],
  'authncontext-mismatch': ['SAML_STATUS_NO_AUTHN_CONTEXT'],
}

/**
 * Where a personality's answer differs from the table on purpose: entra and okta publish only the current certificate
 * (as a correctly configured app of theirs does), so the expired certificate `expired-cert` signs with is not in their
 * metadata at all (lib/mock-idp/saml/metadata.ts).
 */
const PERSONALITY_EXPECTED: Partial<Record<Personality, Partial<Record<SamlScenarioId, string>>>> = {
  entra: { 'expired-cert': 'SAML_SIGNATURE_CERT_NOT_TRUSTED' },
  okta: { 'expired-cert': 'SAML_SIGNATURE_CERT_NOT_TRUSTED' },
}

const personalities: readonly Personality[] = ['entra', 'okta', 'generic']
const idps = new Map<Personality, { idp: MockIdp; metadata: string }>()
beforeAll(async () => {
  for (const p of personalities) {
    const idp = await startMockIdp({ port: 0, personality: p, acceptAnyRedirectUri: true })
    idps.set(p, { idp, metadata: await (await fetch(idp.samlMetadataUrl)).text() })
  }
}, 30_000)
afterAll(async () => {
  await Promise.all([...idps.values()].map(({ idp }) => idp.close()))
})

describe.each(personalities)('%s personality: every SAML scenario gives exactly its finding', (personality) => {
  test.each(SAML_SCENARIOS.map((s) => s.id))('%s', async (id) => {
    const { metadata } = idps.get(personality)!
    const report = await headlessSamlLogin({
      idpMetadataXml: metadata,
      spEntityId: VENDOR_SP_ENTITY_ID,
      acsUrl: VENDOR_ACS_URL,
      profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID],
      username: 'ok@demo.test',
      ssoQuery: { scenario: id },
      fetch: fetchOptions,
    })
    const expected = SAML_EXPECTED[id]
    const code = PERSONALITY_EXPECTED[personality]?.[id] ?? (expected === 'pass' ? undefined : expected.code)
    expect(allCodes(report)).toEqual(code ? [code, ...(SAML_ALSO[id] ?? [])].sort() : [])
    if (expected !== 'pass' && code === expected.code)
      expect(report.findings.find((f) => f.code === code)?.owner).toBe(expected.owner)
    if (personality !== 'generic') expect(report.subject.idp).toBe(personality)
  })
})

describe.each(['entra', 'okta', 'generic'] as const)(
  '%s personality: every OIDC scenario gives exactly its finding',
  (personality) => {
    test.each(OIDC_SCENARIOS.map((s) => s.id))('%s', async (id) => {
      const { idp } = idps.get(personality)!
      await idp.waitForOidc()
      const report = await headlessOidcLogin({
        issuer: idp.oidcIssuer,
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
        redirectUri: 'https://app.example.com/callback',
        profile: BUILTIN_PROFILES.generic,
        username: 'ok@demo.test',
        authorizeQuery: { scenario: id },
        fetch: fetchOptions,
      })
      const expected = OIDC_EXPECTED[id]
      expect(allCodes(report)).toEqual(expected === 'pass' ? [] : [expected.code])
      if (expected !== 'pass') expect(report.findings.find((f) => f.code === expected.code)?.owner).toBe(expected.owner)
    })
  },
)

describe("endpoint paths and metadata in the IdPs' own forms", () => {
  test('entra: entity ID https://sts.windows.net/<tenant>/, SSO at /<tenant>/saml2; the metadata passes the checks as Entra with no error', () => {
    const { idp, metadata } = idps.get('entra')!
    const tenant = /^https:\/\/sts\.windows\.net\/([0-9a-f-]{36})\/$/.exec(idp.samlEntityId)?.[1]
    expect(tenant).toBeDefined()
    expect(idp.samlSsoUrl).toBe(`${idp.base}/${tenant}/saml2`)
    expect(metadata).toContain(`Location="${idp.samlSsoUrl}"`)
    const report = analyzeSamlMetadata(
      { xml: metadata },
      {
        profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID],
        now: new Date(),
        spEntityId: VENDOR_SP_ENTITY_ID,
        acsUrl: VENDOR_ACS_URL,
      },
    )
    expect(report.subject.idp).toBe('entra')
    expect(errorCodes(report)).toEqual([])
  })

  test('okta: entity ID http://www.okta.com/<app id>, SSO at /app/<org>_<app>_1/<app id>/sso/saml', () => {
    const { idp, metadata } = idps.get('okta')!
    const appId = /^http:\/\/www\.okta\.com\/(exk[0-9A-Za-z]{17})$/.exec(idp.samlEntityId)?.[1]
    expect(appId).toBeDefined()
    expect(idp.samlSsoUrl).toMatch(new RegExp(`^${idp.base}/app/[a-z0-9]+_[a-z0-9]+_1/${appId}/sso/saml$`))
    expect(metadata).toContain(`Location="${idp.samlSsoUrl}"`)
    const report = analyzeSamlMetadata(
      { xml: metadata },
      { profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID], now: new Date() },
    )
    expect(report.subject.idp).toBe('okta')
    expect(errorCodes(report)).toEqual([])
  })
})

describe("error pages in the IdPs' shapes, read by the project's error-page reader", () => {
  test('entra: a request without SAMLRequest gets "AADSTS750054: …" with Request Id, Correlation Id and Timestamp lines', async () => {
    const { idp } = idps.get('entra')!
    const res = await fetch(idp.samlSsoUrl)
    const html = await res.text()
    expect(res.status).toBe(400)
    expect(html).toMatch(
      /Request Id: [0-9a-f-]{36}\nCorrelation Id: [0-9a-f-]{36}\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/,
    )
    const line = idpErrorPageText(html)!
    expect(line).toMatch(/^AADSTS750054: SAMLRequest or SAMLResponse must be present/)
    expect(idpErrorCodeFindings(line, { idp: 'entra', where: 'IdP error page' }).map((f) => f.code)).toEqual([
      'TRIAGE_AADSTS750054',
    ])
  })

  test("okta: a PUT to the SSO URL gets Okta's E0000022 error object", async () => {
    const { idp } = idps.get('okta')!
    const res = await fetch(idp.samlSsoUrl, { method: 'PUT' })
    const html = await res.text()
    expect(res.status).toBe(405)
    expect(html).toMatch(
      /"errorCode":"E0000022","errorSummary":"The endpoint does not support the provided HTTP method","errorLink":"E0000022","errorId":"oae[0-9a-f]{19}"/,
    )
    expect(
      idpErrorCodeFindings(idpErrorPageText(html)!, { idp: 'okta', where: 'IdP error page' }).map((f) => f.code),
    ).toEqual(['TRIAGE_OKTA_E0000022'])
  })

  test('a headless login that meets the Entra error page reports the page and the code, not a hang or "no answer"', async () => {
    const { idp, metadata } = idps.get('entra')!
    // An SP whose AuthnRequest names no http(s) ACS URL: Entra answers AADSTS50011 on its page.
    const report = await headlessSamlLogin({
      idpMetadataXml: metadata,
      spEntityId: VENDOR_SP_ENTITY_ID,
      acsUrl: 'urn:not-a-url',
      profile: BUILTIN_PROFILES[DEFAULT_PROFILE_ID],
      username: 'ok@demo.test',
      fetch: fetchOptions,
    })
    expect(errorCodes(report)).toEqual(['SAML_TEST_LOGIN_IDP_ERROR_PAGE', 'TRIAGE_AADSTS50011'])
    expect(report.findings.find((f) => f.code === 'SAML_TEST_LOGIN_IDP_ERROR_PAGE')?.evidence.where).toContain(
      `${idp.base}/`,
    )
  })
})
