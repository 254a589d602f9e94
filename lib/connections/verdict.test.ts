import { describe, expect, test } from 'vitest'
import { buildReport, finding, type Finding, type Report } from '../findings/index'
import type { TestLoginRun } from '../store/types'
import { verdictFor } from './verdict'

const report = (findings: Finding[] = []): Report =>
  buildReport({ subject: { kind: 'saml-test-login', idp: 'entra' }, profile: 'autodesk', now: new Date('2026-03-01T10:00:00Z'), findings })
const expired = () => finding('CERT_EXPIRED', { expected: 'valid', actual: '2025-01-01' }, { idp: 'entra' })
const empty = () => finding('INPUT_EMPTY', {}, {})

let n = 0
function run(o: { user?: string | null; at: string; findings?: Finding[]; status?: TestLoginRun['status'] }): TestLoginRun {
  n++
  const user = o.user === undefined ? 'a' : o.user
  return {
    id: `run${String(n).padStart(20, '0')}`, connectionId: null, protocol: 'saml', stateKey: `_k${n}`,
    status: o.status ?? 'completed', testUser: user ? `${user}***@example.com` : null, testUserKey: user ? `key-${user}` : null,
    report: o.status === 'pending' ? null : report(o.findings), timeline: [], pending: null,
    createdAt: o.at, completedAt: o.status === 'pending' ? null : o.at, consumedAt: null, expiresAt: '2030-01-01T00:00:00.000Z',
  }
}
const conn = (staticFindings: Finding[] = []) => ({ staticReport: report(staticFindings) })

describe('verdictFor', () => {
  test('no finished run: not enough data, and the next step says to run one', () => {
    const v = verdictFor(conn(), [run({ at: '2026-03-01T10:00:00Z', status: 'pending' })])
    expect(v).toMatchObject({ verdict: 'not-enough-data', distinctPassingUsers: 0, target: 30, runsConsidered: 0 })
    expect(v.nextSteps.join(' ')).toMatch(/Run a test login/)
  })

  test('passing users counted once each: go, with N/30', () => {
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z' }), run({ user: 'a', at: '2026-03-01T10:01:00Z' }), run({ user: 'b', at: '2026-03-01T10:02:00Z' }),
    ])
    expect(v).toMatchObject({ verdict: 'go', distinctPassingUsers: 2, failingUsers: [] })
    expect(v.nextSteps.join(' ')).toContain('2/30')
  })

  test('a user whose latest run fails blocks, with the codes and owner', () => {
    const failing = run({ user: 'b', at: '2026-03-01T10:05:00Z', findings: [expired()] })
    const v = verdictFor(conn(), [run({ user: 'a', at: '2026-03-01T10:00:00Z' }), run({ user: 'b', at: '2026-03-01T10:01:00Z' }), failing])
    expect(v.verdict).toBe('no-go')
    expect(v.distinctPassingUsers).toBe(1)
    expect(v.failingUsers).toEqual([{ user: 'b***@example.com', runId: failing.id, codes: ['CERT_EXPIRED'], endUserOnly: false }])
    expect(v.blocking.idp).toEqual([expect.objectContaining({ code: 'CERT_EXPIRED', owner: 'idp', source: 'test-login', users: 1 })])
    expect(v.nextSteps[0]).toBe(expired().nextStep)
  })

  test('a failure the person signing in caused (wrong password) is listed but does not block the configuration', () => {
    const authnFailed = finding('SAML_STATUS_AUTHN_FAILED', { expected: 'Success', actual: 'AuthnFailed' }, { idp: 'entra' })
    expect(authnFailed.owner).toBe('end-user')
    const failing = run({ user: 'b', at: '2026-03-01T10:05:00Z', findings: [authnFailed] })
    const v = verdictFor(conn(), [run({ user: 'a', at: '2026-03-01T10:00:00Z' }), failing])
    expect(v.verdict).toBe('go')
    expect(v.distinctPassingUsers).toBe(1)
    expect(v.failingUsers).toEqual([{ user: 'b***@example.com', runId: failing.id, codes: ['SAML_STATUS_AUTHN_FAILED'], endUserOnly: true }])
    expect(v.nextSteps.join(' ')).toContain('Ask b***@example.com to sign in again')
    // With no passing user at all, it is still not a go.
    expect(verdictFor(conn(), [failing]).verdict).toBe('not-enough-data')
  })

  test('a user who failed and then passed counts as passing', () => {
    const v = verdictFor(conn(), [run({ user: 'a', at: '2026-03-01T10:00:00Z', findings: [expired()] }), run({ user: 'a', at: '2026-03-01T10:01:00Z' })])
    expect(v).toMatchObject({ verdict: 'go', distinctPassingUsers: 1 })
  })

  test('the static check blocks too, even before any test login', () => {
    const v = verdictFor(conn([expired()]), [])
    expect(v.verdict).toBe('no-go')
    expect(v.blocking.idp).toEqual([expect.objectContaining({ code: 'CERT_EXPIRED', source: 'static-check', users: 0 })])
  })

  test('the same problem for several users is one blocking item that counts them', () => {
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z', findings: [expired()] }), run({ user: 'b', at: '2026-03-01T10:01:00Z', findings: [expired(), empty()] }),
    ])
    expect(v.blocking.idp.find((b) => b.code === 'CERT_EXPIRED')?.users).toBe(2)
    expect(v.failingUsers).toHaveLength(2)
  })

  test('an unidentified failure blocks only while it is the newest run', () => {
    const refused = run({ user: null, at: '2026-03-01T10:00:00Z', status: 'failed', findings: [empty()] })
    const later = run({ user: 'a', at: '2026-03-01T10:05:00Z' })
    expect(verdictFor(conn(), [refused, later]).verdict).toBe('go')
    const v = verdictFor(conn(), [later, { ...refused, completedAt: '2026-03-01T10:09:00Z' }])
    expect(v.verdict).toBe('no-go')
    expect(v.failingUsers[0]?.user).toBe('(not identified)')
  })

  test('warnings do not block', () => {
    const warn = finding('CERT_EXPIRED', {}, {}, { severity: 'warning' })
    expect(verdictFor(conn([warn]), [run({ user: 'a', at: '2026-03-01T10:00:00Z', findings: [warn] })]).verdict).toBe('go')
  })
})
