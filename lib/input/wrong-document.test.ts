import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { analyzeOidcConfiguration } from '../oidc/index'
import { BUILTIN_PROFILES } from '../profiles/index'
import { analyzeSamlMetadata, parseIdpMetadata, toIdpTrust } from '../saml/metadata/index'
import { validateSamlResponse } from '../saml/response/index'
import { checkContext } from '../context'
import { b64 } from '../triage/har/testing/build-har'

const F = new URL('../../../shared/fixtures/real/', import.meta.url)
const read = (p: string) => readFileSync(new URL(p, F), 'utf8')
const profile = BUILTIN_PROFILES.generic
const now = new Date('2024-04-25T20:31:55Z')
const errors = (r: { findings: readonly { code: string; severity: string }[] }) =>
  r.findings.filter((f) => f.severity === 'error').map((f) => f.code)

describe('the wrong document gets one finding that names it', () => {
  test.each([
    'oidc/google/wellknown-google-jwks.json',
    'oidc/entra/wellknown-entra-common-v2-jwks.json',
    'oidc/okta/dockyard-okta-common.okta.com-org-jwks.json',
  ])('a JWKS given as the discovery document: %s', (p) => {
    const r = analyzeOidcConfiguration({ discovery: read(p), source: 'keys.json' }, { profile, now })
    expect(r.findings.map((f) => f.code)).toEqual(['INPUT_JWKS_NOT_DISCOVERY'])
    expect(r.findings[0]!.evidence.actual).toBe('JWKS (a key set, not a discovery document)')
    expect(r.findings[0]!.nextStep).toMatch(/issuer URL.*--jwks/)
    expect(r.facts?.detectedInput).toMatchObject({ kind: 'jwks' })
    expect(r.summary.verdict).not.toBe('pass')
  })

  test('the real discovery document still gets every check and says what it is', () => {
    const r = analyzeOidcConfiguration(
      { discovery: read('oidc/google/wellknown-google-openid-configuration.json') },
      { profile, now },
    )
    expect(r.findings.map((f) => f.code)).not.toContain('INPUT_JWKS_NOT_DISCOVERY')
    expect(r.facts?.detectedInput).toMatchObject({ kind: 'oidc-discovery' })
  })

  test('a SAML response given as metadata: one error, raw XML or base64', () => {
    const response = read('saml-responses/okta/ssoready-okta-response.xml')
    for (const xml of [response, b64(response)]) {
      const r = analyzeSamlMetadata({ xml }, { profile, now })
      expect(errors(r)).toEqual(['SAML_METADATA_NOT_METADATA'])
      expect(r.facts?.detectedInput).toMatchObject({ kind: 'saml-response' })
    }
    expect(analyzeSamlMetadata({ xml: b64(response) }, { profile, now }).findings[0]!.evidence.actual).toMatch(
      /SAML response \(base64/,
    )
  })

  test('metadata given as the SAML response: one error', () => {
    const md = parseIdpMetadata(read('saml-metadata/okta/ssoready-okta-app-metadata.xml'))
    if (!md.ok) throw new Error('fixture unreadable')
    const r = validateSamlResponse(
      { response: read('saml-metadata/okta/ssoready-okta-app-metadata.xml') },
      toIdpTrust(md.value),
      { ctx: checkContext({ profile, now }) },
    )
    expect(errors(r)).toEqual(['SAML_RESPONSE_WRONG_MESSAGE'])
    expect(r.facts?.detectedInput).toMatchObject({ kind: 'saml-metadata' })
  })
})

describe('what was recognised survives masking', () => {
  test('a saved or exported report still says what it was given', async () => {
    const { maskReport } = await import('../store/mask')
    const r = analyzeOidcConfiguration({ discovery: read('oidc/google/wellknown-google-jwks.json') }, { profile, now })
    expect(maskReport(r).facts?.detectedInput).toEqual({
      kind: 'jwks',
      description: 'JWKS (a key set, not a discovery document)',
    })
  })
})
