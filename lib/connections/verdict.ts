import type { Report } from '../findings/report'
import type { Finding, Owner } from '../findings/types'
import type { SpProfile } from '../profiles/schema'
import type { Connection, TestLoginRun } from '../store/types'

/**
 * The cap of the default vendor profile, kept for callers that predate `SpProfile.vendor.testUserCap`. The verdict reads the
 * cap from the connection's profile; a profile without one has no cap.
 */
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
  /** Distinct identified users whose open failures carry it (a run with the same code four times is one user). */
  readonly users: number
  /** Open failures of runs where the IdP answered before naming anyone, carrying it. */
  readonly unidentifiedRuns: number
}

export interface FailingUser {
  /** Masked, as stored (j…·3fa2c1@example.com: distinct per person); "(not identified)" when the IdP answered before naming anyone. */
  readonly user: string
  /** The newest open failing run of that user (or the unidentified run itself). */
  readonly runId: string
  readonly codes: readonly string[]
  /**
   * Every error is the person's own (wrong password, MFA cancelled, a stale tab): nothing to fix in the
   * configuration, so it does not block turning SSO on — that user just has to try again.
   */
  readonly endUserOnly: boolean
}

/** An error finding of an open failure, as the matrix shows it. */
export interface MatrixFinding {
  readonly code: string
  readonly owner: Owner
  readonly title: string
}

/** A failing run that no later pass of the same user has cleared. */
export interface OpenFailure {
  readonly runId: string
  readonly at: string
  readonly findings: readonly MatrixFinding[]
  readonly endUserOnly: boolean
}

/**
 * One row of the test matrix. `passed`: the user's newest finished run passed. `failed`: an open failure needs a
 * fix in the configuration. `retry`: every open failure is the person's own (they just sign in again).
 * `cleared`: an unidentified failure that a later pass counts as retried.
 */
export interface MatrixRow {
  /** The keyed hash of the user (never the user) or `unidentified:<runId>`. */
  readonly key: string
  /** Masked, as stored; "(not identified)" for a run the IdP answered before naming anyone. */
  readonly user: string
  readonly identified: boolean
  readonly outcome: 'passed' | 'failed' | 'retry' | 'cleared'
  /** When the newest finished run of this row ended. */
  readonly lastAt: string
  readonly lastRunId: string
  /** Every finished run of this row, oldest first: the page reveals the unmasked user from them to whoever ran them. */
  readonly runIds: readonly string[]
  readonly passes: number
  readonly failures: number
  /** Failures after the user's last pass, oldest first. */
  readonly openFailures: readonly OpenFailure[]
  /** For an unidentified failure: the later passing run counted as its retry (see `matchUnidentified`). */
  readonly clearedBy?: string
}

export interface TestMatrix {
  /** Identified users, failing first, then newest first. */
  readonly users: readonly MatrixRow[]
  /** Every failed run with no identified user, newest first (open or cleared). */
  readonly unidentified: readonly MatrixRow[]
  readonly unidentifiedFailures: number
  readonly unidentifiedOpen: number
  /** Runs still waiting for the IdP's answer, before their expiry. */
  readonly waitingRuns: number
  /** Runs whose expiry passed with no answer: abandoned at the IdP, counted as nothing. */
  readonly abandonedRuns: number
}

export interface ConnectionVerdict {
  readonly verdict: Verdict
  readonly distinctPassingUsers: number
  /** The profile's cap of test users (a cap, not a target); null when the profile sets none. */
  readonly target: number | null
  /** The vendor's name from the profile, for "the vendor (X) asks for up to N"; null for a generic profile. */
  readonly vendorName: string | null
  readonly failingUsers: readonly FailingUser[]
  readonly blocking: Readonly<Record<Owner, readonly BlockingItem[]>>
  readonly nextSteps: readonly string[]
  /** Finished runs considered (pending and abandoned runs are not). */
  readonly runsConsidered: number
  readonly matrix: TestMatrix
}

export interface VerdictOptions {
  /** The connection's vendor profile: the cap of test users and the vendor's name come from it. */
  readonly profile?: { readonly vendor?: Pick<NonNullable<SpProfile['vendor']>, 'name' | 'testUserCap'> | undefined }
  /** Now, for telling a run still waiting at the IdP from an abandoned one. */
  readonly now?: Date
}

export const UNIDENTIFIED = '(not identified)'
const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']

type RunLike = Pick<
  TestLoginRun,
  'id' | 'status' | 'testUser' | 'testUserKey' | 'report' | 'createdAt' | 'completedAt' | 'expiresAt'
> &
  Partial<Pick<TestLoginRun, 'pending'>>

/**
 * When a pending run stops waiting: the deadline the test login set for the IdP's answer (an answer after it is
 * refused anyway), else the row's expiry. Past it, the run was abandoned at the IdP.
 */
export function pendingDeadline(run: Pick<TestLoginRun, 'expiresAt'> & Partial<Pick<TestLoginRun, 'pending'>>): string {
  const deadline = run.pending?.deadline
  if (typeof deadline === 'string' && !Number.isNaN(Date.parse(deadline))) {
    const iso = new Date(deadline).toISOString()
    return iso < run.expiresAt ? iso : run.expiresAt
  }
  return run.expiresAt
}

/** A pending run whose deadline has passed: nobody came back from the IdP. */
export function isAbandoned(
  run: Pick<TestLoginRun, 'status' | 'expiresAt'> & Partial<Pick<TestLoginRun, 'pending'>>,
  now: Date = new Date(),
): boolean {
  return run.status === 'pending' && pendingDeadline(run) <= now.toISOString()
}

/**
 * Go / no-go for turning SSO on at the vendor, and the test matrix it rests on.
 *
 * - Every failing run of an identified user stays open — all its error findings, with their owners — until a later
 *   run BY THE SAME USER passes. A user who failed and then passed counts as passing.
 * - A failed run with no identified user (the IdP refused before naming anyone) cannot be matched to a person. It
 *   is kept and counted, and it stays open until a later pass can stand for its retry: each later passing run that
 *   is not a user's own retry of an identified failure clears at most one such run, the newest uncleared one
 *   before it. So N refusals need N later passes, and a single pass of a new user never erases several refusals.
 * - Open failures whose every error is the person's own (wrong password, MFA) do not block; the person is listed
 *   to retry. Any other open failure, or an error of the static check, blocks. GO needs at least one passing user.
 * - A pending run past its expiry was abandoned at the IdP: it counts as nothing.
 */
export function verdictFor(
  connection: Pick<Connection, 'staticReport'>,
  runs: readonly RunLike[],
  options: VerdictOptions = {},
): ConnectionVerdict {
  const now = (options.now ?? new Date()).toISOString()
  const cap = options.profile ? (options.profile.vendor?.testUserCap ?? null) : TEST_USER_TARGET
  const vendorName = options.profile ? (options.profile.vendor?.name ?? null) : null
  const pending = runs.filter((r) => r.status === 'pending')
  const abandonedRuns = pending.filter((r) => pendingDeadline(r) <= now).length
  const finished = chronological(runs.filter((r) => r.status !== 'pending'))
  const matrix = buildMatrix(finished, { waitingRuns: pending.length - abandonedRuns, abandonedRuns })

  const blockingByCode = new Map<
    string,
    { item: Omit<BlockingItem, 'users' | 'unidentifiedRuns'>; users: Set<string>; unidentifiedRuns: number }
  >()
  const add = (f: MatrixFinding & { nextStep: string }, source: BlockingItem['source']) => {
    const key = `${source}:${f.code}`
    const seen = blockingByCode.get(key)
    if (seen) return seen
    const entry = {
      item: { code: f.code, owner: f.owner, title: f.title, nextStep: f.nextStep, source },
      users: new Set<string>(),
      unidentifiedRuns: 0,
    }
    blockingByCode.set(key, entry)
    return entry
  }
  for (const f of errors(connection.staticReport)) add(f, 'static-check')
  const nextStepOf = nextStepsByCode(finished)
  for (const row of [...matrix.users, ...matrix.unidentified]) {
    for (const failure of row.openFailures) {
      for (const f of failure.findings) {
        const entry = add({ ...f, nextStep: nextStepOf.get(f.code) ?? '' }, 'test-login')
        if (row.identified) entry.users.add(row.key)
        else entry.unidentifiedRuns++
      }
    }
  }
  const blocking: Record<Owner, BlockingItem[]> = { idp: [], vendor: [], 'end-user': [] }
  for (const { item, users, unidentifiedRuns } of blockingByCode.values())
    blocking[item.owner].push({ ...item, users: users.size, unidentifiedRuns })
  for (const o of OWNERS)
    blocking[o].sort(
      (a, b) => b.users + b.unidentifiedRuns - (a.users + a.unidentifiedRuns) || a.code.localeCompare(b.code),
    )

  const failingRows = [...matrix.users, ...matrix.unidentified].filter((r) => r.openFailures.length > 0)
  const failingUsers: FailingUser[] = failingRows.map((r) => ({
    user: r.user,
    runId: r.openFailures[r.openFailures.length - 1]!.runId,
    codes: unique(r.openFailures.flatMap((f) => f.findings.map((x) => x.code))),
    endUserOnly: r.outcome === 'retry',
  }))
  const passing = matrix.users.filter((r) => r.outcome === 'passed').length

  // What the person signing in must fix is listed, but only configuration problems (IdP, vendor) block.
  const anyBlocking =
    [...blockingByCode.values()].some(({ item }) => item.owner !== 'end-user') ||
    failingRows.some((r) => r.outcome === 'failed')
  const verdict: Verdict = anyBlocking ? 'no-go' : passing > 0 ? 'go' : 'not-enough-data'
  return {
    verdict,
    distinctPassingUsers: passing,
    target: cap,
    vendorName,
    failingUsers,
    blocking,
    nextSteps: nextSteps(verdict, passing, cap, vendorName, blocking, failingUsers, matrix),
    runsConsidered: finished.length,
    matrix,
  }
}

function passed(run: RunLike): boolean {
  return run.status === 'completed' && run.report !== null && run.report.summary.errors === 0
}

function errors(report: Report | null): Finding[] {
  return report ? report.findings.filter((f) => f.severity === 'error') : []
}

function matrixFindings(run: RunLike): MatrixFinding[] {
  const seen = new Set<string>()
  const out: MatrixFinding[] = []
  for (const f of errors(run.report)) {
    if (seen.has(f.code)) continue
    seen.add(f.code)
    out.push({ code: f.code, owner: f.owner, title: f.title })
  }
  return out
}

function nextStepsByCode(runs: readonly RunLike[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const r of runs) for (const f of errors(r.report)) if (!out.has(f.code)) out.set(f.code, f.nextStep)
  return out
}

const finishedAt = (r: RunLike) => r.completedAt ?? r.createdAt

/** Oldest first; ties keep the order of creation, then the given order. */
function chronological(runs: readonly RunLike[]): RunLike[] {
  return runs
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        finishedAt(a.r).localeCompare(finishedAt(b.r)) || a.r.createdAt.localeCompare(b.r.createdAt) || a.i - b.i,
    )
    .map(({ r }) => r)
}

function openFailure(run: RunLike): OpenFailure {
  const findings = matrixFindings(run)
  return {
    runId: run.id,
    at: finishedAt(run),
    findings,
    endUserOnly: findings.length > 0 && findings.every((f) => f.owner === 'end-user'),
  }
}

interface UserState {
  key: string
  user: string
  runIds: string[]
  passes: number
  failures: number
  open: OpenFailure[]
  last: RunLike
}

/** `finished` is oldest first. */
function buildMatrix(
  finished: readonly RunLike[],
  counts: Pick<TestMatrix, 'waitingRuns' | 'abandonedRuns'>,
): TestMatrix {
  const users = new Map<string, UserState>()
  /** Unidentified failures not yet matched to a later pass, oldest first. */
  const unmatched: { run: RunLike; clearedBy?: string }[] = []
  const unidentified: { run: RunLike; clearedBy?: string }[] = []
  for (const run of finished) {
    const ok = passed(run)
    if (!run.testUserKey) {
      // A run without a user either failed before the IdP named anyone, or passed without a NameID we could read:
      // a pass says nothing about whom, so only failures are kept.
      if (!ok) {
        const entry: { run: RunLike; clearedBy?: string } = { run }
        unidentified.push(entry)
        unmatched.push(entry)
      }
      continue
    }
    let s = users.get(run.testUserKey)
    if (!s)
      users.set(
        run.testUserKey,
        (s = {
          key: run.testUserKey,
          user: run.testUser ?? UNIDENTIFIED,
          runIds: [],
          passes: 0,
          failures: 0,
          open: [],
          last: run,
        }),
      )
    s.runIds.push(run.id)
    s.last = run
    if (run.testUser) s.user = run.testUser
    if (ok) {
      s.passes++
      const ownRetry = s.open.length > 0
      s.open = []
      // A user's pass after their own failure is that failure's retry; any other pass may be a refused person's.
      if (!ownRetry) {
        const matched = unmatched.pop()
        if (matched) matched.clearedBy = run.id
      }
    } else {
      s.failures++
      s.open.push(openFailure(run))
    }
  }
  const outcome = (open: readonly OpenFailure[]): MatrixRow['outcome'] =>
    open.length === 0 ? 'passed' : open.every((f) => f.endUserOnly) ? 'retry' : 'failed'
  const userRows: MatrixRow[] = [...users.values()].map((s) => ({
    key: s.key,
    user: s.user,
    identified: true,
    outcome: outcome(s.open),
    lastAt: finishedAt(s.last),
    lastRunId: s.last.id,
    runIds: s.runIds,
    passes: s.passes,
    failures: s.failures,
    openFailures: s.open,
  }))
  const rank: Record<MatrixRow['outcome'], number> = { failed: 0, retry: 1, passed: 2, cleared: 3 }
  userRows.sort((a, b) => rank[a.outcome] - rank[b.outcome] || b.lastAt.localeCompare(a.lastAt))
  const unidentifiedRows: MatrixRow[] = unidentified.reverse().map(({ run, clearedBy }) => {
    const open = clearedBy ? [] : [openFailure(run)]
    return {
      key: `unidentified:${run.id}`,
      user: UNIDENTIFIED,
      identified: false,
      outcome: clearedBy ? 'cleared' : outcome(open),
      lastAt: finishedAt(run),
      lastRunId: run.id,
      runIds: [run.id],
      passes: 0,
      failures: 1,
      openFailures: open,
      ...(clearedBy ? { clearedBy } : {}),
    }
  })
  return {
    users: userRows,
    unidentified: unidentifiedRows,
    unidentifiedFailures: unidentifiedRows.length,
    unidentifiedOpen: unidentifiedRows.filter((r) => r.openFailures.length > 0).length,
    ...counts,
  }
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)]
}

function nextSteps(
  verdict: Verdict,
  passing: number,
  cap: number | null,
  vendorName: string | null,
  blocking: Record<Owner, BlockingItem[]>,
  failing: readonly FailingUser[],
  matrix: TestMatrix,
): string[] {
  const steps: string[] = []
  for (const o of OWNERS)
    for (const b of blocking[o]) if (b.nextStep && !steps.includes(b.nextStep)) steps.push(b.nextStep)
  const toFix = failing.filter((u) => !u.endUserOnly && u.user !== UNIDENTIFIED)
  const toRetry = failing.filter((u) => u.endUserOnly && u.user !== UNIDENTIFIED)
  if (toFix.length)
    steps.push(
      `Run the test login again for ${toFix.length === 1 ? 'the failing user' : `the ${toFix.length} failing users`} after the fix.`,
    )
  if (toRetry.length)
    steps.push(
      `Ask ${toRetry.map((u) => u.user).join(', ')} to sign in again: ${toRetry.length === 1 ? 'that failure was' : 'those failures were'} on the user's side, not in the configuration.`,
    )
  if (matrix.unidentifiedOpen) {
    steps.push(
      `${matrix.unidentifiedOpen === 1 ? '1 test login was' : `${matrix.unidentifiedOpen} test logins were`} refused before the IdP named the user: run the test login again as ${matrix.unidentifiedOpen === 1 ? 'that user' : 'those users'} after the fix (each later pass of another user counts as one retry).`,
    )
  }
  if (verdict === 'not-enough-data') steps.push('Run a test login with a test user assigned to the app in your IdP.')
  else if (cap !== null && passing > cap) {
    // A cap, not a target: one passing user can be enough; more than the cap cannot all be test users at the vendor.
    steps.push(
      `${passing} users passed, but ${vendorName ?? 'the vendor'} takes at most ${cap} test users before SSO is turned on: add no more than ${cap} of them as test users there.`,
    )
  }
  if (verdict === 'go')
    steps.push(
      'Turn SSO on at the vendor only when the users who passed cover your user population (groups, domains, MFA policies).',
    )
  return steps
}
