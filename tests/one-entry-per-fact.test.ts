// Issue 8, "one entry per fact": the checks, the test-login error paths, HAR triage and explain answer the same IdP
// code (a SAML status URI, an AADSTS number, an Okta E-code) with the same catalog entry.
import { describe, expect, test } from 'vitest'
import { checkContext } from '../lib/context'
import { idpCodesIn, idpErrorCodeCatalog } from '../lib/findings/catalog/idp-error-codes'
import { samlStatusCatalog } from '../lib/findings/catalog/saml-status'
import type { CatalogEntry } from '../lib/findings/types'
import { BUILTIN_PROFILES } from '../lib/profiles/index'
import { checkStatus } from '../lib/saml/response/check-status'
import { idpErrorCodeFindings } from '../lib/testlogin/idp-error-codes'
import { errorRedirectFindings } from '../lib/testlogin/oidc/error-redirect'
import { explain } from '../lib/triage/explain/index'
import { statusMessageFindings } from '../lib/triage/unverified-response'
import { growthRatio, LINEAR_BOUND } from './linearity'

const ctx = checkContext({ profile: BUILTIN_PROFILES.generic, now: new Date('2026-03-01T10:00:00Z') })
const statuses = (Object.entries(samlStatusCatalog) as [string, CatalogEntry][]).filter(
  ([c]) => c !== 'SAML_STATUS_SUCCESS',
)
const idpCodes = (Object.entries(idpErrorCodeCatalog) as [string, CatalogEntry][]).filter(([, e]) => e.idpCode)

describe('a SAML status is one entry: the response check and explain agree', () => {
  test.each(statuses)('%s', (code, e) => {
    const uri = e.idpCode!
    expect(
      checkStatus({ code: 'urn:oasis:names:tc:SAML:2.0:status:Responder', subCode: uri }, ctx).map((f) => f.code),
    ).toEqual([code])
    expect(explain(uri).findings.map((f) => f.code)).toEqual([code])
  })
})

describe('an IdP error code is one entry: SAML StatusMessage, OIDC error redirect, IdP error page, triage and explain agree', () => {
  test('the table holds Entra and Okta codes', () => {
    expect(idpCodes.filter(([, e]) => e.idpCode!.startsWith('AADSTS')).length).toBeGreaterThan(70)
    expect(idpCodes.filter(([, e]) => /^E\d{7}$/.test(e.idpCode!)).length).toBeGreaterThanOrEqual(6)
  })
  test.each(idpCodes)('%s', (code, e) => {
    const message = `${e.idpCode!}: ${e.title}`
    expect(explain(e.idpCode!).findings.map((f) => f.code)).toEqual([code])
    expect(idpErrorCodeFindings(message, { idp: 'other', where: 'StatusMessage' }).map((f) => f.code)).toEqual([code])
    expect(
      errorRedirectFindings(
        { error: 'invalid_request', error_description: message },
        { idp: 'other', redirectUri: 'https://sp.example/cb' },
      ).map((f) => f.code),
    ).toEqual([code])
    expect(statusMessageFindings(message, 'other', 'HAR').map((f) => f.code)).toContain(code)
  })
  test('the code names its IdP, whatever the run guessed', () => {
    expect(idpErrorCodeFindings('AADSTS50105: not assigned', { idp: 'okta', where: 'w' })[0]?.fixAt).toMatch(
      /^Entra admin center/,
    )
    expect(idpErrorCodeFindings('E0000004: Authentication failed', { idp: 'entra', where: 'w' })[0]?.code).toBe(
      'TRIAGE_OKTA_E0000004',
    )
  })
  test('idpCodesIn is one linear scan over untrusted text (time at n and 4n)', () => {
    const text = (n: number) => 'AADSTS5001 E000000 AADSTS '.repeat(n) + 'AADSTS50011'
    expect(idpCodesIn(text(3)).map((m) => m.idpCode)).toEqual(['AADSTS50011'])
    expect(
      growthRatio((n) => {
        const t = text(n)
        return () => idpCodesIn(t)
      }, 8_000).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  })
})
