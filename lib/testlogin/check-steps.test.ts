import { describe, expect, test } from 'vitest'
import { finding } from '../findings/finding'
import { checkSteps, OIDC_CHECKS, SAML_CHECKS } from './check-steps'

describe('the timeline names every check with its result', () => {
  test('a failed check lists its codes; checks before it pass; checks after the stop are not reached', () => {
    const steps = checkSteps(OIDC_CHECKS, [finding('OIDC_ID_TOKEN_AUDIENCE_MISMATCH', { expected: 'a', actual: 'b' })], { reachedUntil: 4 })
    expect(steps.map((s) => s.summary)).toEqual([
      '✔ Authorization response (error, state)', '✔ Code exchange (client secret, PKCE S256)', '✔ ID token signature (issuer’s JWKS)', '✔ ID token iss',
      '✖ ID token aud / azp: OIDC_ID_TOKEN_AUDIENCE_MISMATCH',
      '· ID token exp / nbf / iat: not reached', '· ID token nonce: not reached', '· Userinfo: not reached', '· Claims the vendor requires: not reached',
    ])
    expect(steps[4]?.data).toEqual([{ code: 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH', owner: 'idp', severity: 'error' }])
  })

  test('a warning marks its check ▲ and a finding no check claims gets its own step', () => {
    const steps = checkSteps(SAML_CHECKS, [finding('SAML_SIGNATURE_SHA1', {}, {}, { severity: 'warning' }), finding('SAML_TEST_LOGIN_VENDOR_ACS', { expected: 'x', actual: 'y' })], { reachedUntil: SAML_CHECKS.length - 1 })
    expect(steps.find((s) => s.summary.startsWith('▲'))?.summary).toBe('▲ Signature (metadata certificate only): SAML_SIGNATURE_SHA1')
    expect(steps.at(-1)?.summary).toMatch(/^ℹ SAML_TEST_LOGIN_VENDOR_ACS: /)
    expect(steps.filter((s) => s.summary.startsWith('✔'))).toHaveLength(SAML_CHECKS.length - 1)
  })
})
