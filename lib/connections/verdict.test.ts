import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { buildReport, finding, type Finding, type Report } from '../findings/index'
import type { TestLoginRun } from '../store/types'
import { isAbandoned, pendingDeadline, verdictFor } from './verdict'

const report = (findings: Finding[] = []): Report =>
  buildReport({
    subject: { kind: 'saml-test-login', idp: 'entra' },
    profile: 'autodesk',
    now: new Date('2026-03-01T10:00:00Z'),
    findings,
  })
const expired = () => finding('CERT_EXPIRED', { expected: 'valid', actual: '2025-01-01' }, { idp: 'entra' })
const empty = () => finding('INPUT_EMPTY', {}, {})

let n = 0
function run(o: {
  user?: string | null
  at: string
  findings?: Finding[]
  status?: TestLoginRun['status']
}): TestLoginRun {
  n++
  const user = o.user === undefined ? 'a' : o.user
  return {
    id: `run${String(n).padStart(20, '0')}`,
    workspaceId: 'local',
    connectionId: null,
    protocol: 'saml',
    stateKey: `_k${n}`,
    status: o.status ?? 'completed',
    testUser: user ? `${user}***@example.com` : null,
    testUserKey: user ? `key-${user}` : null,
    report: o.status === 'pending' ? null : report(o.findings),
    timeline: [],
    pending: null,
    createdAt: o.at,
    completedAt: o.status === 'pending' ? null : o.at,
    consumedAt: null,
    expiresAt: '2030-01-01T00:00:00.000Z',
  }
}
const conn = (staticFindings: Finding[] = []) => ({ staticReport: report(staticFindings) })

describe('verdictFor', () => {
  test('no finished run: not enough data, and the next step says to run one', () => {
    const v = verdictFor(conn(), [run({ at: '2026-03-01T10:00:00Z', status: 'pending' })])
    expect(v).toMatchObject({ verdict: 'not-enough-data', distinctPassingUsers: 0, target: 30, runsConsidered: 0 })
    expect(v.nextSteps.join(' ')).toMatch(/Run a test login/)
  })

  test('passing users counted once each: go, and the cap is not asked to be reached', () => {
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z' }),
      run({ user: 'a', at: '2026-03-01T10:01:00Z' }),
      run({ user: 'b', at: '2026-03-01T10:02:00Z' }),
    ])
    expect(v).toMatchObject({ verdict: 'go', distinctPassingUsers: 2, failingUsers: [] })
    expect(v.nextSteps.join(' ')).not.toMatch(/2\/30|Test more users/)
  })

  test('a user whose latest run fails blocks, with the codes and owner', () => {
    const failing = run({ user: 'b', at: '2026-03-01T10:05:00Z', findings: [expired()] })
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z' }),
      run({ user: 'b', at: '2026-03-01T10:01:00Z' }),
      failing,
    ])
    expect(v.verdict).toBe('no-go')
    expect(v.distinctPassingUsers).toBe(1)
    expect(v.failingUsers).toEqual([
      { user: 'b***@example.com', runId: failing.id, codes: ['CERT_EXPIRED'], endUserOnly: false },
    ])
    expect(v.blocking.idp).toEqual([
      expect.objectContaining({ code: 'CERT_EXPIRED', owner: 'idp', source: 'test-login', users: 1 }),
    ])
    expect(v.nextSteps[0]).toBe(expired().nextStep)
  })

  test('a failure the person signing in caused (wrong password) is listed but does not block the configuration', () => {
    const authnFailed = finding(
      'SAML_STATUS_AUTHN_FAILED',
      { expected: 'Success', actual: 'AuthnFailed' },
      { idp: 'entra' },
    )
    expect(authnFailed.owner).toBe('end-user')
    const failing = run({ user: 'b', at: '2026-03-01T10:05:00Z', findings: [authnFailed] })
    const v = verdictFor(conn(), [run({ user: 'a', at: '2026-03-01T10:00:00Z' }), failing])
    expect(v.verdict).toBe('go')
    expect(v.distinctPassingUsers).toBe(1)
    expect(v.failingUsers).toEqual([
      { user: 'b***@example.com', runId: failing.id, codes: ['SAML_STATUS_AUTHN_FAILED'], endUserOnly: true },
    ])
    expect(v.nextSteps.join(' ')).toContain('Ask b***@example.com to sign in again')
    // With no passing user at all, it is still not a go.
    expect(verdictFor(conn(), [failing]).verdict).toBe('not-enough-data')
  })

  test('a user who failed and then passed counts as passing', () => {
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z', findings: [expired()] }),
      run({ user: 'a', at: '2026-03-01T10:01:00Z' }),
    ])
    expect(v).toMatchObject({ verdict: 'go', distinctPassingUsers: 1 })
  })

  test('the static check blocks too, even before any test login', () => {
    const v = verdictFor(conn([expired()]), [])
    expect(v.verdict).toBe('no-go')
    expect(v.blocking.idp).toEqual([
      expect.objectContaining({ code: 'CERT_EXPIRED', source: 'static-check', users: 0 }),
    ])
  })

  test('the same problem for several users is one blocking item that counts them', () => {
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z', findings: [expired()] }),
      run({ user: 'b', at: '2026-03-01T10:01:00Z', findings: [expired(), empty()] }),
    ])
    expect(v.blocking.idp.find((b) => b.code === 'CERT_EXPIRED')?.users).toBe(2)
    expect(v.failingUsers).toHaveLength(2)
  })

  test('an unidentified failure is cleared by a later pass (its retry), never by being older than one', () => {
    const refused = run({ user: null, at: '2026-03-01T10:00:00Z', status: 'failed', findings: [empty()] })
    const later = run({ user: 'a', at: '2026-03-01T10:05:00Z' })
    expect(verdictFor(conn(), [refused, later]).verdict).toBe('go')
    const v = verdictFor(conn(), [later, { ...refused, completedAt: '2026-03-01T10:09:00Z' }])
    expect(v.verdict).toBe('no-go')
    expect(v.failingUsers[0]?.user).toBe('(not identified)')
  })

  test('warnings do not block', () => {
    const warn = finding('CERT_EXPIRED', {}, {}, { severity: 'warning' })
    expect(verdictFor(conn([warn]), [run({ user: 'a', at: '2026-03-01T10:00:00Z', findings: [warn] })]).verdict).toBe(
      'go',
    )
  })
})

describe('verdictFor: issue 9 (failures are never dropped)', () => {
  const noAuthnContext = () =>
    finding('SAML_STATUS_NO_AUTHN_CONTEXT', { expected: 'Success', actual: 'NoAuthnContext' }, { idp: 'entra' })
  const aadsts75011 = () => finding('TRIAGE_AADSTS75011', { actual: 'AADSTS75011' }, { idp: 'entra' })
  const authnFailed = () =>
    finding('SAML_STATUS_AUTHN_FAILED', { expected: 'Success', actual: 'AuthnFailed' }, { idp: 'entra' })
  const notAssigned = () => finding('TRIAGE_AADSTS50105', { actual: 'AADSTS50105' }, { idp: 'entra' })
  const wrongAud = () =>
    finding('OIDC_ID_TOKEN_AUDIENCE_MISMATCH', { expected: 'client', actual: 'another-client-id' }, { idp: 'entra' })
  const namespaced = (n: string) =>
    finding(
      'SAML_ATTRIBUTE_NAMESPACED',
      { expected: n, actual: `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/${n}` },
      { idp: 'entra' },
    )

  test('the demo SAML repro: authncontext-mismatch, status-authnfailed (both refused before a NameID), then ok: the vendor blocker stays', () => {
    const refused1 = run({
      user: null,
      at: '2026-03-01T10:00:00Z',
      status: 'failed',
      findings: [noAuthnContext(), aadsts75011()],
    })
    const refused2 = run({ user: null, at: '2026-03-01T10:01:00Z', status: 'failed', findings: [authnFailed()] })
    const ok = run({ user: 'ok', at: '2026-03-01T10:02:00Z' })
    const v = verdictFor(conn(), [ok, refused2, refused1]) // the store lists newest first
    expect(v.verdict).toBe('no-go')
    expect(v.blocking.vendor.map((b) => b.code).sort()).toEqual(['SAML_STATUS_NO_AUTHN_CONTEXT', 'TRIAGE_AADSTS75011'])
    expect(v.blocking.vendor[0]).toMatchObject({ users: 0, unidentifiedRuns: 1, source: 'test-login' })
    expect(v.failingUsers).toEqual([
      expect.objectContaining({ user: '(not identified)', runId: refused1.id, endUserOnly: false }),
    ])
    // Both refusals are kept and counted; the pass counts as the retry of the newest one only.
    expect(v.matrix).toMatchObject({ unidentifiedFailures: 2, unidentifiedOpen: 1 })
    expect(v.matrix.unidentified.map((r) => [r.lastRunId, r.outcome, r.clearedBy])).toEqual([
      [refused2.id, 'cleared', ok.id],
      [refused1.id, 'failed', undefined],
    ])
    expect(v.distinctPassingUsers).toBe(1)
  })

  test('the demo OIDC repro: three users fail in turn, every failure is listed with its owner', () => {
    const a = run({ user: 'aadsts50011', at: '2026-03-01T10:00:00Z', status: 'failed', findings: [notAssigned()] })
    const b = run({ user: 'wrong-aud', at: '2026-03-01T10:01:00Z', status: 'failed', findings: [wrongAud()] })
    const c = run({ user: null, at: '2026-03-01T10:02:00Z', status: 'failed', findings: [notAssigned()] })
    const v = verdictFor(conn(), [c, b, a])
    expect(v.verdict).toBe('no-go')
    expect(v.failingUsers.map((u) => u.runId).sort()).toEqual([a.id, b.id, c.id].sort())
    expect(v.blocking.idp).toEqual([
      expect.objectContaining({ code: 'TRIAGE_AADSTS50105', users: 1, unidentifiedRuns: 1 }),
      expect.objectContaining({ code: 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH', users: 1, unidentifiedRuns: 0 }),
    ])
  })

  test('a user who passed and then failed is failing again; earlier failures of the same user stay listed until their pass', () => {
    const v = verdictFor(conn(), [
      run({ user: 'a', at: '2026-03-01T10:00:00Z' }),
      run({ user: 'a', at: '2026-03-01T10:01:00Z', status: 'failed', findings: [expired()] }),
      run({ user: 'a', at: '2026-03-01T10:02:00Z', status: 'failed', findings: [wrongAud()] }),
    ])
    expect(v.verdict).toBe('no-go')
    expect(v.distinctPassingUsers).toBe(0)
    expect(v.matrix.users).toEqual([expect.objectContaining({ outcome: 'failed', passes: 1, failures: 2 })])
    expect(v.failingUsers[0]?.codes).toEqual(['CERT_EXPIRED', 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH'])
  })

  test('bug 2: one run with four namespaced attributes is one user, not four', () => {
    const v = verdictFor(conn(), [
      run({
        user: 'entra-claims',
        at: '2026-03-01T10:00:00Z',
        status: 'failed',
        findings: ['givenname', 'surname', 'emailaddress', 'name'].map(namespaced),
      }),
    ])
    expect(v.blocking.idp).toEqual([expect.objectContaining({ code: 'SAML_ATTRIBUTE_NAMESPACED', users: 1 })])
    expect(v.matrix.users[0]?.openFailures[0]?.findings).toHaveLength(1)
  })

  test('a run abandoned at the IdP (pending past its expiry) counts as nothing', () => {
    const abandoned = {
      ...run({ at: '2026-03-01T10:00:00Z', status: 'pending' }),
      expiresAt: '2026-03-01T10:15:00.000Z',
    }
    const waiting = { ...run({ at: '2026-03-01T10:20:00Z', status: 'pending' }), expiresAt: '2026-03-01T10:35:00.000Z' }
    const v = verdictFor(conn(), [abandoned, waiting, run({ user: 'a', at: '2026-03-01T10:01:00Z' })], {
      now: new Date('2026-03-01T10:30:00Z'),
    })
    expect(v).toMatchObject({
      verdict: 'go',
      runsConsidered: 1,
      failingUsers: [],
      matrix: { abandonedRuns: 1, waitingRuns: 1 },
    })
  })

  test('a pending run is abandoned after the deadline its test login set for the IdP, before the row expires', () => {
    const r = {
      ...run({ at: '2026-03-01T10:00:00Z', status: 'pending' }),
      expiresAt: '2026-03-01T10:15:00.000Z',
      pending: { deadline: '2026-03-01T10:10:00.000Z' },
    }
    expect(pendingDeadline(r)).toBe('2026-03-01T10:10:00.000Z')
    expect(isAbandoned(r, new Date('2026-03-01T10:09:59Z'))).toBe(false)
    expect(isAbandoned(r, new Date('2026-03-01T10:10:01Z'))).toBe(true)
    expect(pendingDeadline({ ...r, pending: { deadline: 'not a date' } })).toBe('2026-03-01T10:15:00.000Z')
    expect(isAbandoned({ ...r, status: 'failed' }, new Date('2026-03-02T00:00:00Z'))).toBe(false)
  })

  test('the cap and the vendor name come from the profile; a generic profile has neither', () => {
    const runs = [run({ user: 'a', at: '2026-03-01T10:00:00Z' })]
    const vendor = verdictFor(conn(), runs, { profile: { vendor: { testUserCap: 30, name: 'Acme' } } })
    expect(vendor).toMatchObject({ target: 30, vendorName: 'Acme' })
    // One passing user is enough: the cap is not a target to reach.
    expect(vendor.nextSteps.join(' ')).not.toMatch(/Test more users|1\/30/)
    const generic = verdictFor(conn(), runs, { profile: {} })
    expect(generic).toMatchObject({ verdict: 'go', target: null, vendorName: null })
    expect(generic.nextSteps.join(' ')).not.toMatch(/asks for up to|\/30/)
  })

  test('passing more users than the cap is fine: a cap, not a target', () => {
    const runs = ['a', 'b', 'c'].map((u, i) => run({ user: u, at: `2026-03-01T10:0${i}:00Z` }))
    const v = verdictFor(conn(), runs, { profile: { vendor: { testUserCap: 2, name: 'Acme' } } })
    expect(v).toMatchObject({ verdict: 'go', distinctPassingUsers: 3, target: 2 })
    expect(v.nextSteps.join(' ')).not.toMatch(/Test more users/)
    expect(v.nextSteps.join(' ')).toContain('Acme takes at most 2 test users before SSO is turned on')
  })
})

describe('verdictFor: property over random sequences of scenario outcomes', () => {
  type Outcome = 'pass' | 'idp' | 'vendor' | 'end-user' | 'idp+dup'
  const SCENARIOS: Record<Exclude<Outcome, 'pass'>, () => Finding[]> = {
    idp: () => [expired()],
    vendor: () => [finding('SAML_STATUS_NO_AUTHN_CONTEXT', { actual: 'NoAuthnContext' }, { idp: 'entra' })],
    'end-user': () => [finding('SAML_STATUS_AUTHN_FAILED', { actual: 'AuthnFailed' }, { idp: 'entra' })],
    'idp+dup': () => [
      finding('SAML_ATTRIBUTE_NAMESPACED', { actual: 'x1' }, { idp: 'entra' }),
      finding('SAML_ATTRIBUTE_NAMESPACED', { actual: 'x2' }, { idp: 'entra' }),
    ],
  }
  const step = fc.record({
    user: fc.constantFrom<string | null>('a', 'b', 'c', null),
    outcome: fc.constantFrom<Outcome>('pass', 'idp', 'vendor', 'end-user', 'idp+dup'),
    sameSecond: fc.boolean(),
  })

  test('every failure is listed with its owner until a later pass by the same user; unidentified failures are kept and counted', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.boolean(), (steps, shuffle) => {
        let t = Date.parse('2026-03-01T10:00:00Z')
        const runs = steps.map((s) => {
          if (!s.sameSecond) t += 1000
          const at = new Date(t).toISOString()
          return s.outcome === 'pass'
            ? run({ user: s.user, at })
            : run({ user: s.user, at, status: 'failed', findings: SCENARIOS[s.outcome]() })
        })
        // The store's order (newest first, or anything else) must not matter when times differ.
        const given = shuffle ? [...runs].reverse() : runs
        const v = verdictFor(conn(), steps.some((s) => s.sameSecond) ? runs : given)
        const listed = (owner: string, code: string) =>
          v.blocking[owner as 'idp']?.some((b) => b.code === code && b.owner === owner && b.source === 'test-login')

        let expectBlocking = false
        for (let i = 0; i < runs.length; i++) {
          const s = steps[i]!
          if (s.outcome === 'pass' || s.user === null) continue
          const laterPass = steps.slice(i + 1).some((x) => x.user === s.user && x.outcome === 'pass')
          const row = v.matrix.users.find((r) => r.key === `key-${s.user}`)
          const open = row?.openFailures.some((f) => f.runId === runs[i]!.id) ?? false
          expect(open).toBe(!laterPass)
          if (!laterPass) {
            for (const f of runs[i]!.report!.findings) {
              expect(listed(f.owner, f.code)).toBe(true)
              if (f.owner !== 'end-user') expectBlocking = true
            }
            expect(
              v.failingUsers.some(
                (u) => u.user === `${s.user}***@example.com` && u.codes.includes(runs[i]!.report!.findings[0]!.code),
              ),
            ).toBe(true)
          }
        }
        // Unidentified failures: all kept and counted; a pass clears at most one of them.
        const refused = steps.filter((s) => s.user === null && s.outcome !== 'pass').length
        expect(v.matrix.unidentifiedFailures).toBe(refused)
        const passesAfterFirstRefusal = (() => {
          const first = steps.findIndex((s) => s.user === null && s.outcome !== 'pass')
          return first < 0 ? 0 : steps.slice(first + 1).filter((s) => s.user !== null && s.outcome === 'pass').length
        })()
        expect(v.matrix.unidentifiedOpen).toBeGreaterThanOrEqual(refused - passesAfterFirstRefusal)
        const last = steps[steps.length - 1]
        if (last && last.user === null && last.outcome !== 'pass') expect(v.matrix.unidentifiedOpen).toBeGreaterThan(0)
        if (v.matrix.unidentified.some((r) => r.outcome === 'failed')) expectBlocking = true
        // A bug-2 run (the same code twice) counts one user.
        for (const b of v.blocking.idp) expect(b.users).toBeLessThanOrEqual(3)
        if (expectBlocking) expect(v.verdict).toBe('no-go')
        const passing = v.matrix.users.filter((r) => r.outcome === 'passed').length
        expect(v.distinctPassingUsers).toBe(passing)
        if (!expectBlocking && v.verdict === 'no-go') expect(v.failingUsers.some((u) => !u.endUserOnly)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
