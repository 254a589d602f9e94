import type { MarkdownEscapes } from './markdown-sections'
import { ownerLabel, summarize, type Report, type TimelineStep } from './report'
import type { Evidence, Finding, Owner } from './types'

/*
 * What a Markdown export needs to stand alone (issue 9, item 6): the run it comes from, counts that agree with the
 * sections, evidence that reads as text rather than JSON, and the timeline. Kept apart from render.ts, which calls it.
 * Every value that came from the input goes through the escapes render.ts passes in (code spans for values).
 */

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']

export interface SeverityCounts {
  errors: number
  warnings: number
  infos: number
}

/** Errors, warnings and infos per owner, counted from the findings themselves (what the sections list). */
export function countsByOwner(findings: readonly Finding[]): Record<Owner, SeverityCounts> {
  const out: Record<Owner, SeverityCounts> = { idp: zero(), vendor: zero(), 'end-user': zero() }
  for (const f of findings) {
    const c = out[f.owner]
    if (f.severity === 'error') c.errors++
    else if (f.severity === 'warning') c.warnings++
    else c.infos++
  }
  return out
}
const zero = (): SeverityCounts => ({ errors: 0, warnings: 0, infos: 0 })

/** The header's count table: one row per owner that has findings, then the total. */
export function countLines(report: Report, vendorName: string | null | undefined, esc: MarkdownEscapes): string[] {
  if (!report.findings.length) return []
  const by = countsByOwner(report.findings)
  const total = summarize(report.findings)
  const out = ['| fix in | errors | warnings | infos |', '|---|---|---|---|']
  for (const o of OWNERS) {
    const c = by[o]
    if (c.errors + c.warnings + c.infos === 0) continue
    out.push(`| ${esc.text(ownerLabel(o, vendorName))} | ${c.errors} | ${c.warnings} | ${c.infos} |`)
  }
  out.push(`| total | ${total.errors} | ${total.warnings} | ${total.infos} |`, '')
  return out
}

/** The run a test-login report comes from, as the report itself holds it (masked in every export by default). */
export interface RunContext {
  readonly runId?: string
  readonly connectionId?: string
  readonly connectionName?: string
  readonly testUser?: string
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * Run ID, connection and test user from a report. The test user is the subject's `testUser` (set by the test login),
 * else the signed NameID, else the ID token's email / preferred_username / sub, for reports stored before.
 */
export function runContextOf(report: Report): RunContext {
  const s = report.subject as Record<string, unknown>
  const facts = report.facts ?? {}
  const claims =
    facts.idTokenClaims && typeof facts.idTokenClaims === 'object'
      ? (facts.idTokenClaims as Record<string, unknown>)
      : {}
  const runId = str(s.runId) ?? str(facts.runId)
  const connectionId = str(s.connectionId)
  const connectionName = str(s.connectionName)
  const testUser =
    str(s.testUser) ?? str(facts.nameId) ?? str(claims.email) ?? str(claims.preferred_username) ?? str(claims.sub)
  return {
    ...(runId ? { runId } : {}),
    ...(connectionId ? { connectionId } : {}),
    ...(connectionName ? { connectionName } : {}),
    ...(testUser ? { testUser } : {}),
  }
}

const isTestLogin = (r: Report) => r.subject.kind === 'saml-test-login' || r.subject.kind === 'oidc-test-login'

/** Run ID, connection and test user: always on a test-login export (saying "not identified" when missing). */
export function runContextLines(report: Report, esc: MarkdownEscapes): string[] {
  const c = runContextOf(report)
  if (!isTestLogin(report) && !c.runId && !c.connectionId) return []
  const out: string[] = []
  if (c.runId || isTestLogin(report)) out.push(`- Run ID: ${c.runId ? esc.code(c.runId) : 'not recorded'}`)
  const conn =
    c.connectionName && c.connectionId
      ? `${esc.code(c.connectionName)} (ID ${esc.code(c.connectionId)})`
      : c.connectionId
        ? `ID ${esc.code(c.connectionId)}`
        : c.connectionName
          ? esc.code(c.connectionName)
          : 'none (a one-off test login)'
  out.push(`- Connection: ${conn}`)
  if (isTestLogin(report))
    out.push(`- Test user: ${c.testUser ? esc.code(c.testUser) : 'not identified (no signed NameID or ID token)'}`)
  out.push('')
  return out
}

/** The timeline: one row per step with its time, kind and summary (the step's data stays in the JSON export). */
export function timelineLines(
  steps: readonly TimelineStep[] | undefined,
  cell: (s: string) => string,
  text: (s: string) => string,
): string[] {
  if (!steps?.length) return []
  const out = [
    `## Timeline (${steps.length} step${steps.length === 1 ? '' : 's'})`,
    '',
    '| # | time | step | summary | took |',
    '|---|---|---|---|---|',
  ]
  steps.forEach((s, i) => {
    out.push(
      `| ${i + 1} | ${cell(s.at)} | ${text(s.kind)} | ${text(s.summary)} | ${s.durationMs !== undefined ? `${s.durationMs} ms` : '—'} |`,
    )
  })
  out.push('')
  return out
}

const isStructured = (v: unknown): v is object => v !== null && typeof v === 'object'

/** Evidence values that are objects or lists are shown as nested lists, never as JSON in a table cell. */
export function evidenceIsStructured(e: Evidence): boolean {
  return isStructured(e.expected) || isStructured(e.actual)
}

const EVIDENCE_LABEL: Record<string, string> = { expected: 'Expected', actual: 'Actual' }

/**
 * Evidence as a Markdown list: `expected`, `actual`, then every other member the check supplied (`where` has its own
 * line). Scalars on the item's line in a code span; objects as `key: value` sub-items; lists as sub-items.
 */
export function evidenceLines(e: Evidence, esc: MarkdownEscapes, opts: { extrasOnly?: boolean } = {}): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(e)) {
    if (k === 'where' || v === undefined) continue
    if (opts.extrasOnly && (k === 'expected' || k === 'actual')) continue
    const label = EVIDENCE_LABEL[k] ?? k
    out.push(...valueLines(EVIDENCE_LABEL[k] ? `**${label}:**` : `${esc.code(label)}:`, v, 0, esc))
  }
  return out
}

function valueLines(label: string, v: unknown, depth: number, esc: MarkdownEscapes): string[] {
  const pad = '  '.repeat(depth)
  if (!isStructured(v)) return [`${pad}- ${label} ${scalar(v, esc)}`]
  // List items are named by position; members keep their (untrusted) names, in a code span.
  const entries: [string, unknown][] = Array.isArray(v)
    ? v.map((x, i) => [`item ${i + 1}:`, x])
    : Object.entries(v).map(([k, x]) => [`${esc.code(k)}:`, x])
  if (!entries.length) return [`${pad}- ${label} ${Array.isArray(v) ? '(none)' : '(empty)'}`]
  const out = [`${pad}- ${label}`]
  for (const [k, x] of entries) out.push(...valueLines(k, x, depth + 1, esc))
  return out
}

function scalar(v: unknown, esc: MarkdownEscapes): string {
  if (v === null) return '(none)'
  if (typeof v === 'string') return esc.code(v)
  return esc.code(String(v))
}
