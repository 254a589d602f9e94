import { vendorNameOf } from '../profiles/index'
import { groupByOwner, ownerLabel, type Report } from './report'
import type { Finding, Owner } from './types'

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n'
}

/** A value as one line of text: strings bare, everything else as compact JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '—'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

function verdictLine(r: Report): string {
  const s = r.summary
  if (s.verdict === 'none') return `NO VERDICT: ${r.subject.kind === 'explain' ? 'the input was not recognised' : 'the input could not be fully checked (signature not verified)'} (${s.warnings} warning${s.warnings === 1 ? '' : 's'})`
  return s.verdict === 'go'
    ? `GO: no blocking problems (${s.warnings} warning${s.warnings === 1 ? '' : 's'})`
    : `NO-GO: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`
}

function subjectLine(r: Report): string {
  const s = r.subject
  const name = s.entityId ?? s.issuer ?? s.source ?? ''
  return `${s.kind} · IdP: ${s.idp}${name ? ` · ${name}` : ''} · profile: ${r.profile} · checked ${r.checkedAt}`
}

const mdEscape = (s: string) => s.replace(/[|\\`*_<>]/g, (c) => '\\' + c)
// GFM ends a table cell at any unescaped '|', even inside a code span; a backtick would end the span.
const mdCode = (s: string) => '`' + s.replace(/`/g, 'ˋ').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') + '`'

/** Markdown for a support ticket: verdict, then findings grouped by who fixes them, both values side by side. */
export function renderMarkdown(report: Report): string {
  const out: string[] = []
  out.push(`# SSO Preflight report`, '', `**${verdictLine(report)}**`, '', mdEscape(subjectLine(report)), '')
  const groups = groupByOwner(report.findings)
  for (const owner of OWNERS) {
    const list = groups[owner]
    if (!list.length) continue
    out.push(`## Fix in: ${ownerLabel(owner, vendorNameOf(report.profile))} (${list.length})`, '')
    for (const f of list) out.push(...markdownFinding(f), '')
  }
  if (!report.findings.length) out.push('No findings.', '')
  if (report.skipped?.length) {
    out.push('## Not checked', '')
    for (const s of report.skipped) out.push(`- ${mdEscape(s.check)}: ${mdEscape(s.reason)}`)
    out.push('')
  }
  if (report.certificates?.length) {
    out.push('## Certificates', '', '| use | subject | valid from | valid to | SHA-256 |', '|---|---|---|---|---|')
    for (const c of report.certificates) {
      out.push(`| ${c.use}${c.signsNow ? ' (signs now)' : ''} | ${mdEscape(c.subject)} | ${c.notBefore} | ${c.notAfter} | ${mdCode(c.sha256.slice(0, 23) + '…')} |`)
    }
    out.push('')
  }
  return out.join('\n')
}

function markdownFinding(f: Finding): string[] {
  const lines = [`### ${f.severity.toUpperCase()} ${mdCode(f.code)}: ${mdEscape(f.title)}`, '', mdEscape(f.detail), '']
  const e = f.evidence
  if (e.expected !== undefined || e.actual !== undefined) {
    lines.push('| | value |', '|---|---|')
    if (e.expected !== undefined) lines.push(`| Expected | ${mdCode(showValue(e.expected))} |`)
    if (e.actual !== undefined) lines.push(`| Actual | ${mdCode(showValue(e.actual))} |`)
    lines.push('')
  }
  if (e.where) lines.push(`Where: ${mdCode(e.where)}`, '')
  lines.push(`**Next step:** ${mdEscape(f.nextStep)}`)
  if (f.fixAt) lines.push('', `**Fix at:** ${mdEscape(f.fixAt)}`)
  if (f.logs) lines.push('', `**Logs:** ${mdEscape(f.logs)}`)
  if (f.important) lines.push('', `**Important:** ${mdEscape(f.important)}`)
  return lines
}

export interface TextStyle { color: boolean }

/** Terminal output, read like zod's prettifyError: one block per finding, both values under it. */
export function renderText(report: Report, style: TextStyle = { color: false }): string {
  const c = (code: string, s: string) => (style.color ? `\u001b[${code}m${s}\u001b[0m` : s)
  const out: string[] = []
  const v = verdictLine(report)
  out.push(report.summary.verdict === 'go' ? c('32;1', v) : c('31;1', v), c('2', subjectLine(report)), '')
  const groups = groupByOwner(report.findings)
  for (const owner of OWNERS) {
    const list = groups[owner]
    if (!list.length) continue
    out.push(c('1', `Fix in: ${ownerLabel(owner, vendorNameOf(report.profile))}`))
    for (const f of list) {
      const mark = f.severity === 'error' ? c('31', '✖') : f.severity === 'warning' ? c('33', '▲') : c('36', 'ℹ')
      out.push(`${mark} ${c('1', f.code)}  ${f.title}`)
      const e = f.evidence
      if (e.expected !== undefined) out.push(`    expected  ${showValue(e.expected)}`)
      if (e.actual !== undefined) out.push(`    actual    ${showValue(e.actual)}`)
      if (e.where) out.push(c('2', `    where     ${e.where}`))
      out.push(`    next      ${f.nextStep}`)
      if (f.fixAt) out.push(`    fix at    ${f.fixAt}`)
    }
    out.push('')
  }
  if (report.skipped?.length) {
    out.push(c('1', 'Not checked'))
    for (const s of report.skipped) out.push(`  - ${s.check}: ${s.reason}`)
    out.push('')
  }
  return out.join('\n')
}
