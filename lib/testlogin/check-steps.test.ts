import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { filesUnder } from '../../tests/helpers'
import { headlessCatalog } from '../findings/catalog/headless'
import { idpErrorCodeCatalog } from '../findings/catalog/idp-error-codes'
import { catalogEntry, isFindingCode } from '../findings/catalog/index'
import { oidcIdTokenCatalog } from '../findings/catalog/oidc-id-token'
import { oidcTestLoginCatalog } from '../findings/catalog/oidc-test-login'
import { samlResponseCatalog } from '../findings/catalog/saml-response'
import { samlStatusCatalog } from '../findings/catalog/saml-status'
import { testLoginCatalog } from '../findings/catalog/test-login'
import { finding } from '../findings/finding'
import { CheckStepSchema } from '../findings/types'
import { checkSteps, OIDC_CHECKS, SAML_CHECKS } from './check-steps'

describe('the timeline names every check with its result', () => {
  test('a failed check lists its codes; checks before it pass; checks after the stop are not reached', () => {
    const steps = checkSteps(
      OIDC_CHECKS,
      [finding('OIDC_ID_TOKEN_AUDIENCE_MISMATCH', { expected: 'a', actual: 'b' })],
      { reachedUntil: 4 },
    )
    expect(steps.map((s) => s.summary)).toEqual([
      '✔ Authorization response (error, state)',
      '✔ Code exchange (client secret, PKCE S256)',
      '✔ ID token signature (issuer’s JWKS)',
      '✔ ID token iss',
      '✖ ID token aud / azp: OIDC_ID_TOKEN_AUDIENCE_MISMATCH',
      '· ID token exp / nbf / iat: not reached',
      '· ID token nonce: not reached',
      '· Userinfo: not reached',
      '· Claims the vendor requires: not reached',
    ])
    expect(steps[4]?.data).toEqual([{ code: 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH', owner: 'idp', severity: 'error' }])
  })

  test('a warning marks its check ▲ and a finding no check claims gets its own step', () => {
    const steps = checkSteps(
      SAML_CHECKS,
      [
        finding('SAML_SIGNATURE_SHA1', {}, {}, { severity: 'warning' }),
        finding('SAML_TEST_LOGIN_VENDOR_ACS', { expected: 'x', actual: 'y' }),
      ],
      { reachedUntil: SAML_CHECKS.length - 1 },
    )
    expect(steps.find((s) => s.summary.startsWith('▲'))?.summary).toBe(
      '▲ Signature (metadata certificate only): SAML_SIGNATURE_SHA1',
    )
    expect(steps.at(-1)?.summary).toMatch(/^ℹ SAML_TEST_LOGIN_VENDOR_ACS: /)
    expect(steps.filter((s) => s.summary.startsWith('✔'))).toHaveLength(SAML_CHECKS.length - 1)
  })
})

describe('each check declares its timeline step in the catalog', () => {
  const ROOT = join(__dirname, '..', '..')

  /** Every code a test-login path can emit: the codes its sources name, and every row of the tables it looks codes up in. */
  function testLoginCodes(): string[] {
    const sources = [join(ROOT, 'lib/testlogin'), join(ROOT, 'lib/saml/response')]
      .flatMap((d) => filesUnder(d, (n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && !n.includes('testing')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const named = [...sources.matchAll(/'((?:SAML|OIDC|CERT|INPUT|NET|TRIAGE)_[A-Z0-9_]+)'/g)]
      .map((m) => m[1]!)
      .filter(isFindingCode)
    const tables = [
      samlResponseCatalog,
      samlStatusCatalog,
      idpErrorCodeCatalog,
      oidcTestLoginCatalog,
      oidcIdTokenCatalog,
      testLoginCatalog,
      headlessCatalog,
    ].flatMap((c) => Object.keys(c))
    return [...new Set([...named, ...tables])].sort()
  }

  test('a test fails when an entry a test login can emit has no step', () => {
    const codes = testLoginCodes()
    expect(codes.length).toBeGreaterThan(200)
    const missing = codes.filter((c) => isFindingCode(c) && !catalogEntry(c).step)
    expect(missing).toEqual([])
  })

  test('every step is shown: under a check of the SAML or OIDC timeline, or on a line of its own (run, message)', () => {
    const shown = new Set([...SAML_CHECKS, ...OIDC_CHECKS].flatMap((g) => g.steps))
    expect(CheckStepSchema.options.filter((s) => !shown.has(s))).toEqual(['run', 'saml.message'])
  })

  test('the same IdP code is the Status check of a SAML login and the authorization response of an OIDC one', () => {
    const notAssigned = [finding('TRIAGE_AADSTS50105', { actual: 'AADSTS50105' }, { idp: 'entra' })]
    expect(checkSteps(SAML_CHECKS, notAssigned, { reachedUntil: 1 })[0]?.summary).toBe('✖ Status: TRIAGE_AADSTS50105')
    expect(checkSteps(OIDC_CHECKS, notAssigned, { reachedUntil: 0 })[0]?.summary).toBe(
      '✖ Authorization response (error, state): TRIAGE_AADSTS50105',
    )
  })

  test('a code lands in its check by the step its entry declares, whatever its name (a malformed ID token is the signature check)', () => {
    const steps = checkSteps(
      OIDC_CHECKS,
      [
        finding('OIDC_ID_TOKEN_MALFORMED', { actual: 'abc' }),
        finding('TRIAGE_AADSTS7000215', { actual: 'AADSTS7000215' }, { idp: 'entra' }),
      ],
      { reachedUntil: 2 },
    )
    expect(steps.map((s) => s.summary).slice(0, 3)).toEqual([
      '✔ Authorization response (error, state)',
      '✖ Code exchange (client secret, PKCE S256): TRIAGE_AADSTS7000215',
      '✖ ID token signature (issuer’s JWKS): OIDC_ID_TOKEN_MALFORMED',
    ])
    expect(steps).toHaveLength(OIDC_CHECKS.length)
  })
})
