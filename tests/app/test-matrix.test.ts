import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { TestMatrix } from '@/app/connections/test-matrix'
import { buildReport, finding, verdictFor, type Finding } from '@/lib'
import { BUILTIN_PROFILES } from '@/lib/profiles'
import type { TestLoginRun } from '@/lib/store'

// Issue 9, "a test matrix, not a log": one row per user, unmasked only for the runs this browser ran.
let n = 0
function run(user: string | null, at: string, findings: Finding[] = []): TestLoginRun {
  n++
  return {
    id: `run${String(n).padStart(20, '0')}`,
    workspaceId: 'local',
    connectionId: null,
    protocol: 'saml',
    stateKey: `_k${n}`,
    status: findings.length ? 'failed' : 'completed',
    testUser: user ? `${user[0]}***@demo.test` : null,
    testUserKey: user ? `key-${user}` : null,
    report: buildReport({
      subject: { kind: 'saml-test-login', idp: 'entra' },
      profile: 'autodesk',
      now: new Date(at),
      findings,
    }),
    timeline: [],
    pending: null,
    createdAt: at,
    completedAt: at,
    consumedAt: null,
    expiresAt: '2030-01-01T00:00:00.000Z',
  }
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('TestMatrix', () => {
  test('a row per user with outcome and owned findings; refused runs counted; unmasked only where revealed', () => {
    const entra = run('entra-claims', '2026-03-01T10:00:00Z', [
      finding('SAML_ATTRIBUTE_NAMESPACED', { actual: 'x' }, { idp: 'entra' }),
    ])
    const expired = run('expired-cert', '2026-03-01T10:01:00Z')
    const refused = run(null, '2026-03-01T10:02:00Z', [
      finding('SAML_STATUS_NO_AUTHN_CONTEXT', { actual: 'NoAuthnContext' }, { idp: 'entra' }),
    ])
    const v = verdictFor({ staticReport: null }, [entra, expired, refused], { profile: BUILTIN_PROFILES.autodesk })
    const html = text(
      renderToStaticMarkup(
        createElement(TestMatrix, { verdict: v, revealed: { [entra.id]: 'entra-claims@demo.test' } }),
      ),
    )
    expect(html).toContain('1 distinct users passed (at most 30 before turn-on)')
    expect(html).toContain('1 refused before the IdP named the user (1 still open)')
    expect(html).toMatch(/entra-claims@demo\.test .*failed: blocks SAML_ATTRIBUTE_NAMESPACED \(your IdP \/ IT team\)/)
    expect(html).toContain('e***@demo.test passed')
    expect(html).toMatch(/not identified failed: blocks SAML_STATUS_NO_AUTHN_CONTEXT \(the vendor \(Autodesk\)\)/)
  })
})
