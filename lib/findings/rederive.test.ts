import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { catalog } from './catalog/index'
import { finding } from './finding'
import { nestsDeeperThan } from './json-depth'
import { rederiveReport } from './rederive'
import { RENAMED_CODES } from './renamed-codes'
import { buildReport } from './report'

const report = buildReport({
  subject: { kind: 'explain', idp: 'other' },
  profile: 'generic',
  now: new Date('2026-03-01T10:00:00Z'),
  findings: [
    finding('TRIAGE_AADSTS50105', { actual: 'AADSTS50105' }, { idp: 'entra' }),
    finding('CERT_EXPIRED', {}, {}),
  ],
})

describe('rederiveReport', () => {
  test('a report made by SSO Preflight comes back unchanged (screens for the IdP each finding was made for)', () => {
    expect(rederiveReport(JSON.parse(JSON.stringify(report)))).toEqual({ ok: true, report })
  })

  test('words, owner and docs come from the catalog; the verdict follows the severities', () => {
    const forged = {
      ...report,
      summary: { ...report.summary, errors: 0, verdict: 'go' },
      findings: report.findings.map((f) => ({
        ...f,
        owner: 'vendor',
        title: 'x',
        detail: 'y',
        nextStep: 'z',
        docs: ['javascript:alert(1)'],
      })),
    }
    const r = rederiveReport(forged)
    if (!r.ok) throw new Error(r.message)
    expect(r.report.summary.verdict).toBe('no-go')
    for (const f of r.report.findings) {
      const entry = catalog[f.code as keyof typeof catalog]
      expect([f.owner, f.title, f.nextStep]).toEqual([entry.owner, entry.title, entry.nextStep])
      expect(f.docs ?? []).not.toContain('javascript:alert(1)')
    }
  })

  test('a report saved before one entry per fact is read with the codes that now hold each fact (and only then)', () => {
    const old = (code: string, fixAt: string | undefined, evidence: Record<string, unknown>) => ({
      code,
      severity: 'error',
      owner: 'idp',
      title: 'old words',
      detail: 'd',
      nextStep: 'n',
      ...(fixAt ? { fixAt } : {}),
      evidence,
    })
    const saved = {
      ...JSON.parse(JSON.stringify(report)),
      subject: { kind: 'oidc-test-login', idp: 'okta' },
      findings: [
        old('TRIAGE_SAML_STATUS_RESPONDER', undefined, { actual: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }),
        old('OIDC_AUTHORIZE_REDIRECT_URI_MISMATCH', 'Entra admin center › …', {
          actual: { error: 'invalid_request', error_description: 'AADSTS50011: The redirect URI …' },
        }),
        old('OIDC_AUTHORIZE_USER_NOT_ASSIGNED', 'Okta Admin Console › Applications › (app) › Assignments', {
          actual: { error: 'access_denied', error_description: 'User is not assigned to the client application.' },
        }),
        old('OIDC_AUTHORIZE_CLIENT_NOT_FOUND', undefined, { actual: 'AADSTS700016' }),
        old('TRIAGE_OKTA_INVALID_CLIENT', undefined, { actual: 'invalid_client' }),
        old('TRIAGE_OKTA_ACCESS_DENIED', undefined, { actual: 'access_denied' }),
        old('TRIAGE_OKTA_CONSENT_REQUIRED', undefined, { actual: 'consent_required' }),
      ],
    }
    const r = rederiveReport(saved)
    if (!r.ok) throw new Error(r.message)
    // The Entra row where the evidence carries the AADSTS code, the Okta row for Okta's sentence.
    expect(r.report.findings.map((f) => f.code).sort()).toEqual([
      'OIDC_AUTHORIZE_ACCESS_DENIED',
      'OIDC_AUTHORIZE_CONSENT_REQUIRED',
      'OIDC_CLIENT_SECRET_INVALID',
      'SAML_STATUS_RESPONDER',
      'TRIAGE_AADSTS50011',
      'TRIAGE_AADSTS700016',
      'TRIAGE_OKTA_USER_NOT_ASSIGNED',
    ])
    expect(r.report.findings.map((f) => f.title)).not.toContain('old words')
    expect(r.report.findings.find((f) => f.code === 'TRIAGE_AADSTS50011')!.evidence).toEqual(
      saved.findings[1]!.evidence,
    )
    // The aliases are for re-reading saved reports only: nothing can emit an old code.
    for (const c of Object.keys(RENAMED_CODES)) expect(Object.hasOwn(catalog, c), c).toBe(false)
  })

  test.each([
    [{ ...report, checkedAt: 'x' }, /ISO 8601/],
    [{ ...report, timeline: [{ at: 'soon', kind: 'check', summary: 's' }] }, /ISO 8601 .* at timeline\.0\.at/],
    [
      { ...report, findings: [{ ...report.findings[0]!, code: 'SAML_NOT_IN_CATALOG' }] },
      /Unknown finding code: SAML_NOT_IN_CATALOG/,
    ],
    [
      { ...report, facts: { deep: JSON.parse('['.repeat(1000) + ']'.repeat(1000)) as unknown } },
      /nests deeper than 32/,
    ],
    ['not a report', /not an SSO Preflight report/],
  ])('refuses with a message: %#', (input, message) => {
    const r = rederiveReport(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(message)
  })
})

describe('nestsDeeperThan', () => {
  test('measures depth without recursion: 1,000,000 levels do not overflow the stack', () => {
    const deep = JSON.parse('['.repeat(1_000_000) + ']'.repeat(1_000_000)) as unknown
    expect(nestsDeeperThan(deep, 32)).toBe(true)
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false)
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true)
  })

  test('linear in the number of nodes (time at n and 4n)', () => {
    const wide = (n: number) => Array.from({ length: n }, (_, i) => ({ k: [i, { v: 'x' }] }))
    expect(
      growthRatio((n) => {
        const v = wide(n)
        return () => nestsDeeperThan(v, 32)
      }, 25_000).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  })
})
