import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { BUILTIN_PROFILES } from '../profiles/index'
import { analyzeHar } from './har/index'
import { b64, entry, har } from './har/testing/build-har'
import { statusMessageFindings } from './unverified-response'

const F = new URL('../../../shared/fixtures/real/', import.meta.url)
const ADFS_FAILED = readFileSync(
  new URL('saml-responses/other/netsaml2-adfs-mintlab-failed-status-response.xml', F),
  'utf8',
)
const NOW = new Date('2026-03-01T00:00:00Z')

describe('statusMessageFindings (issue 9, bug 5)', () => {
  test('a phrase an Okta error shares ("Authentication Failed") is Okta advice only when the response comes from Okta', () => {
    expect(statusMessageFindings('Authentication Failed', 'adfs', 'x').map((f) => f.code)).toEqual([])
    expect(statusMessageFindings('Authentication Failed', 'okta', 'x').map((f) => f.code)).toEqual([
      'TRIAGE_OKTA_E0000004',
    ])
  })
  test('a code names its IdP whatever the issuer', () => {
    expect(statusMessageFindings('AADSTS50105: not assigned', 'other', 'x').map((f) => f.code)).toEqual([
      'TRIAGE_AADSTS50105',
    ])
  })
})

describe('a HAR with the AD FS failed-status response, without metadata', () => {
  test('the status comes from the SAML status table, no Okta advice, and the report has no GO', () => {
    const r = analyzeHar(
      har([
        entry({ at: '2026-03-01T00:00:00Z', url: 'https://sp.example/acs', form: { SAMLResponse: b64(ADFS_FAILED) } }),
      ]),
      { profile: BUILTIN_PROFILES.generic, now: NOW },
    )
    const codes = r.findings.map((f) => f.code)
    expect(codes).toContain('SAML_STATUS_NOT_URI')
    expect(codes.filter((c) => c.startsWith('TRIAGE_OKTA_'))).toEqual([])
    expect(r.summary.verdict).not.toBe('go')
  })
})
