import type { Report } from '../findings/report'
import type { Finding, Owner } from '../findings/types'
import type { Connection, TestLoginRun } from '../store/types'

/** Autodesk asks for up to 30 test users to sign in before SSO is turned on. */
export const TEST_USER_TARGET = 30

export type Verdict = 'go' | 'no-go' | 'not-enough-data'

/** One blocking problem, summarised across users: what it is, who fixes it, how many it hit. */
export interface BlockingItem {
  readonly code: string
  readonly owner: Owner
  readonly title: string
  readonly nextStep: string
  /** Where it was seen: the static check of the configuration, or test logins (with how many users). */
  readonly source: 'static-check' | 'test-login'
  readonly users: number
}

export interface FailingUser {
  /** Masked, as stored (j…·3fa2c1@example.com: distinct per person); "(not identified)" when the IdP answered before naming anyone. */
  readonly user: string
  readonly runId: string
  readonly codes: readonly string[]
  /**
   * Every error is the person's own (wrong password, MFA cancelled, a stale tab): nothing to fix in the
   * configuration, so it does not block turning SSO on — that user just has to try again.
   */
  readonly endUserOnly: boolean
}

export interface ConnectionVerdict {
  readonly verdict: Verdict
  readonly distinctPassingUsers: number
  readonly target: number
  readonly failingUsers: readonly FailingUser[]
  readonly blocking: Readonly<Record<Owner, readonly BlockingItem[]>>
  readonly nextSteps: readonly string[]
  /** Finished runs considered (pending runs are not). */
  readonly runsConsidered: number
}

const UNIDENTIFIED = '(not identified)'
const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']

type RunLike = Pick<TestLoginRun, 'id' | 'status' | 'testUser' | 'testUserKey' | 'report' | 'createdAt' | 'completedAt'>

/**
 * Go / no-go for turning SSO on at the vendor: at least one user passed, and the latest run of every user has no
 * error finding (nor has the static check of the configuration). A user who failed and then passed counts as passing.
 */
export function verdictFor(connection: Pick<Connection, 'staticReport'>, runs: readonly RunLike[]): ConnectionVerdict {
  const finished = runs.filter((r) => r.status !== 'pending')
  const latest = latestPerUser(finished)
  const blockingByCode = new Map<string, { item: Omit<BlockingItem, 'users'>; users: number }>()
  const add = (f: Finding, source: BlockingItem['source']) => {
    const key = `${source}:${f.code}`
    const seen = blockingByCode.get(key)
    if (seen) seen.users++
    else blockingByCode.set(key, { item: { code: f.code, owner: f.owner, title: f.title, nextStep: f.nextStep, source }, users: source === 'test-login' ? 1 : 0 })
  }

  for (const f of errors(connection.staticReport)) add(f, 'static-check')

  let passing = 0
  const failingUsers: FailingUser[] = []
  for (const run of latest) {
    if (passed(run)) { if (run.testUserKey) passing++; continue }
    const errs = errors(run.report)
    for (const f of errs) add(f, 'test-login')
    const endUserOnly = errs.length > 0 && errs.every((f) => f.owner === 'end-user')
    failingUsers.push({ user: run.testUser ?? UNIDENTIFIED, runId: run.id, codes: errs.map((f) => f.code), endUserOnly })
  }

  const blocking: Record<Owner, BlockingItem[]> = { idp: [], vendor: [], 'end-user': [] }
  for (const { item, users } of blockingByCode.values()) blocking[item.owner].push({ ...item, users })
  for (const o of OWNERS) blocking[o].sort((a, b) => b.users - a.users || a.code.localeCompare(b.code))

  // What the person signing in must fix is listed, but only configuration problems (IdP, vendor) block.
  const anyBlocking = [...blockingByCode.values()].some(({ item }) => item.owner !== 'end-user') || failingUsers.some((u) => !u.endUserOnly)
  const verdict: Verdict = anyBlocking ? 'no-go' : passing > 0 ? 'go' : 'not-enough-data'
  return {
    verdict, distinctPassingUsers: passing, target: TEST_USER_TARGET, failingUsers, blocking,
    nextSteps: nextSteps(verdict, passing, blocking, failingUsers), runsConsidered: finished.length,
  }
}

function passed(run: RunLike): boolean {
  return run.status === 'completed' && run.report !== null && run.report.summary.errors === 0
}

function errors(report: Report | null): Finding[] {
  return report ? report.findings.filter((f) => f.severity === 'error') : []
}

const finishedAt = (r: RunLike) => r.completedAt ?? r.createdAt

/**
 * The latest finished run per user. Runs with no identified user (the IdP refused before naming anyone) form one
 * group that counts only while it is newer than every identified run: a later successful login supersedes it.
 */
function latestPerUser(runs: readonly RunLike[]): RunLike[] {
  const byUser = new Map<string, RunLike>()
  let unidentified: RunLike | undefined
  for (const r of runs) {
    if (!r.testUserKey) {
      if (!unidentified || finishedAt(r) > finishedAt(unidentified)) unidentified = r
      continue
    }
    const prev = byUser.get(r.testUserKey)
    if (!prev || finishedAt(r) > finishedAt(prev)) byUser.set(r.testUserKey, r)
  }
  const latest = [...byUser.values()].sort((a, b) => finishedAt(b).localeCompare(finishedAt(a)))
  if (unidentified && (latest.length === 0 || finishedAt(unidentified) > finishedAt(latest[0]!))) latest.unshift(unidentified)
  return latest
}

function nextSteps(verdict: Verdict, passing: number, blocking: Record<Owner, BlockingItem[]>, failing: readonly FailingUser[]): string[] {
  const steps: string[] = []
  for (const o of OWNERS) for (const b of blocking[o]) if (!steps.includes(b.nextStep)) steps.push(b.nextStep)
  const toFix = failing.filter((u) => !u.endUserOnly)
  const toRetry = failing.filter((u) => u.endUserOnly)
  if (toFix.length) steps.push(`Run the test login again for ${toFix.length === 1 ? 'the failing user' : `the ${toFix.length} failing users`} after the fix.`)
  if (toRetry.length) steps.push(`Ask ${toRetry.map((u) => u.user).join(', ')} to sign in again: ${toRetry.length === 1 ? 'that failure was' : 'those failures were'} on the user's side, not in the configuration.`)
  if (verdict === 'not-enough-data') steps.push('Run a test login with a test user assigned to the app in your IdP.')
  else if (passing < TEST_USER_TARGET) steps.push(`Test more users before turning SSO on: ${passing}/${TEST_USER_TARGET} have passed (Autodesk asks for up to ${TEST_USER_TARGET}).`)
  if (verdict === 'go') steps.push('Turn SSO on at the vendor only when the users who passed cover your user population (groups, domains, MFA policies).')
  return steps
}
