import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { OIDC_EXPECTED, SAML_EXPECTED } from '../../e2e/mock-idp/expectations'
import { OIDC_SCENARIOS, SAML_SCENARIOS, usernameFor } from '../mock-idp/scenarios'
import type { Report } from '../findings/report'
import { maskUser } from '../store/mask'
import { openHarness, oidcLogin, samlLogin, type Harness } from '../../e2e/mock-idp/harness'
import type { AcsOutcome } from './saml/complete'

let h: Harness
beforeAll(async () => {
  h = await openHarness()
}, 60_000)
afterAll(async () => {
  await h?.close()
})

async function reportOf(outcome: AcsOutcome): Promise<{ report: Report; status: string; testUser: string | null }> {
  if (outcome.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(outcome)}`)
  const run = await h.store.runs.get(outcome.runId)
  if (!run?.report) throw new Error('run has no report')
  return { report: run.report, status: run.status, testUser: run.testUser }
}

describe('SAML test login against the mock IdP: every scenario', () => {
  test.each(SAML_SCENARIOS.map((s) => [s.id, SAML_EXPECTED[s.id]] as const))('%s', async (id, expected) => {
    const { report, status } = await reportOf(await samlLogin(h, usernameFor(id)))
    if (expected === 'pass') {
      expect(report.summary.errors).toBe(0)
      expect(status).toBe('completed')
      expect(report.timeline?.map((t) => t.kind)).toEqual(
        expect.arrayContaining(['request-sent', 'response-received', 'decoded', 'check']),
      )
    } else {
      const f = report.findings.find((x) => x.code === expected.code)
      expect(f, report.findings.map((x) => x.code).join(', ')).toBeDefined()
      expect(f!.owner).toBe(expected.owner)
    }
  })
})

describe('OIDC test login against the mock IdP: every scenario', () => {
  test.each(OIDC_SCENARIOS.map((s) => [s.id, OIDC_EXPECTED[s.id]] as const))('%s', async (id, expected) => {
    const { report, status, testUser } = await reportOf(await oidcLogin(h, usernameFor(id)))
    if (expected === 'pass') {
      expect(report.findings).toEqual([])
      expect(status).toBe('completed')
      expect(testUser).toBe(maskUser(usernameFor(id)))
    } else {
      const f = report.findings.find((x) => x.code === expected.code)
      expect(f, report.findings.map((x) => x.code).join(', ')).toBeDefined()
      expect(f!.owner).toBe(expected.owner)
      expect(f!.evidence.actual).toBeDefined()
      expect(f!.evidence.expected).toBeDefined()
    }
  })
})

describe('runs stay apart', () => {
  test('20 simultaneous SAML and OIDC test logins by different users each get their own result', async () => {
    const users = Array.from({ length: 20 }, (_, i) => usernameFor('ok', `user${String(i).padStart(2, '0')}`))
    const outcomes = await Promise.all(users.map((u, i) => (i % 2 ? oidcLogin(h, u) : samlLogin(h, u))))
    const runs = await Promise.all(outcomes.map(reportOf))
    // Distinct users stay distinct once masked (issue 9: they all showed as u***@demo.test).
    expect(runs.map((r) => r.testUser)).toEqual(users.map(maskUser))
    expect(new Set(runs.map((r) => r.testUser)).size).toBe(20)
    expect(runs.every((r) => r.report.summary.errors === 0)).toBe(true)
    const ids = outcomes.map((o) => (o.kind === 'run' ? o.runId : ''))
    expect(new Set(ids).size).toBe(20)
    // Each run's stored timeline names its own request, not a neighbour's.
    const firstSteps = await Promise.all(ids.map(async (id) => (await h.store.runs.get(id))!.stateKey))
    expect(new Set(firstSteps).size).toBe(20)
  }, 60_000)
})
