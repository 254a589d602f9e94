import { vendorNameOf } from '../profiles/index'
import { groupByOwner, ownerLabel, summarize, type Report } from './report'
import { markdownCode, markdownText, neutraliseCiCommands, terminalText } from './sanitize'
import type { Finding, Owner } from './types'
import { markdownIdentityAndComparison } from './markdown-sections'
import { countLines, evidenceIsStructured, evidenceLines, runContextLines, timelineLines } from './markdown-export'

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']

/** The report as JSON; its summary counted again from the findings, so a saved or imported report's counts agree too. */
export function renderJson(report: Report): string {
  return JSON.stringify({ ...report, summary: summarize(report.findings) }, null, 2) + '\n'
}

/** A value as one line of text: strings bare, everything else as compact JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '—'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

function verdictLine(r: Report): string {
  const s = r.summary
  if (s.verdict === 'none')
    return `NO VERDICT: ${r.subject.kind === 'explain' ? 'the input was not recognised' : 'the input could not be fully checked (signature not verified)'} (${s.warnings} warning${s.warnings === 1 ? '' : 's'})`
  return s.verdict === 'go'
    ? `GO: no blocking problems (${s.warnings} warning${s.warnings === 1 ? '' : 's'})`
    : `NO-GO: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`
}

/** The subject in one line; `quote` wraps the value that came from the input (entity ID, issuer or source name). */
function subjectLine(r: Report, quote: (s: string) => string, plain: (s: string) => string): string {
  const s = r.subject
  const name = s.entityId ?? s.issuer ?? s.source ?? ''
  const detected = r.facts?.detectedInput as { description?: unknown } | undefined
  const recognised = typeof detected?.description === 'string' ? ` · recognised as: ${plain(detected.description)}` : ''
  return `${plain(s.kind)} · IdP: ${plain(s.idp)}${name ? ` · ${quote(name)}` : ''}${recognised} · profile: ${plain(r.profile)} · checked ${plain(r.checkedAt)}`
}

// Catalog words are ours, but a saved or imported report carries them too: they are escaped as prose.
// Every value that came from the input goes into a code span, where nothing is markup.
const mdEscape = markdownText
const mdCode = (s: string) => markdownCode(s)
const mdCell = (s: string) => markdownCode(s, { inTable: true })

/** Markdown for a support ticket: verdict, then findings grouped by who fixes them, both values side by side. */
export function renderMarkdown(report: Report): string {
  const out: string[] = []
  const esc = { code: mdCode, text: mdEscape }
  // Counted from the findings, not taken from the stored summary: the header then agrees with the sections below.
  const counted: Report = { ...report, summary: summarize(report.findings) }
  const vendorName = vendorNameOf(report.profile)
  out.push(`# SSO Preflight report`, '', `**${verdictLine(counted)}**`, '', subjectLine(report, mdCode, mdEscape), '')
  out.push(...runContextLines(report, esc), ...countLines(report, vendorName, esc))
  const groups = groupByOwner(report.findings)
  for (const owner of OWNERS) {
    const list = groups[owner]
    if (!list.length) continue
    out.push(`## Fix in: ${ownerLabel(owner, vendorName)} (${list.length})`, '')
    for (const f of list) out.push(...markdownFinding(f), '')
  }
  if (!report.findings.length) out.push('No findings.', '')
  if (report.skipped?.length) {
    out.push('## Not checked', '')
    for (const s of report.skipped) out.push(`- ${mdCode(s.check)}: ${mdEscape(s.reason)}`)
    out.push('')
  }
  if (report.certificates?.length) {
    // Full thumbprints: an admin compares them character by character with the IdP's certificate screen.
    out.push(
      '## Certificates',
      '',
      '| use | subject | valid from | valid to | SHA-1 thumbprint | SHA-256 |',
      '|---|---|---|---|---|---|',
    )
    for (const c of report.certificates) {
      out.push(
        `| ${mdEscape(c.use)}${c.signsNow ? ' (signs now)' : ''} | ${mdCell(c.subject)} | ${mdCell(c.notBefore)} | ${mdCell(c.notAfter)} | ${c.sha1 ? mdCell(c.sha1) : '—'} | ${mdCell(c.sha256)} |`,
      )
    }
    out.push('')
  }
  // Both sections are tables: a `|` inside a value's code span would end the cell there.
  out.push(...markdownIdentityAndComparison(report, { code: mdCell, text: mdEscape }))
  out.push(...timelineLines(report.timeline, mdCell, mdEscape))
  return out.join('\n')
}

function markdownFinding(f: Finding): string[] {
  const lines = [
    `### ${mdEscape(f.severity.toUpperCase())} ${mdCode(f.code)}: ${mdEscape(f.title)}`,
    '',
    mdEscape(f.detail),
    '',
  ]
  const e = f.evidence
  const esc = { code: mdCode, text: mdEscape }
  if (evidenceIsStructured(e)) {
    // An object or a list reads as a nested list: no JSON in a table cell.
    lines.push(...evidenceLines(e, esc), '')
  } else if (e.expected !== undefined || e.actual !== undefined) {
    lines.push('| | value |', '|---|---|')
    if (e.expected !== undefined) lines.push(`| Expected | ${mdCell(showValue(e.expected))} |`)
    if (e.actual !== undefined) lines.push(`| Actual | ${mdCell(showValue(e.actual))} |`)
    lines.push('')
  }
  if (!evidenceIsStructured(e)) {
    const extras = evidenceLines(e, esc, { extrasOnly: true })
    if (extras.length) lines.push(...extras, '')
  }
  if (e.where) lines.push(`Where: ${mdCode(e.where)}`, '')
  lines.push(`**Next step:** ${mdEscape(f.nextStep)}`)
  if (f.fixAt) lines.push('', `**Fix at:** ${mdEscape(f.fixAt)}`)
  if (f.logs) lines.push('', `**Logs:** ${mdEscape(f.logs)}`)
  if (f.important) lines.push('', `**Important:** ${mdEscape(f.important)}`)
  return lines
}

export interface TextStyle {
  color: boolean
}

/** Terminal output, read like zod's prettifyError: one block per finding, both values under it. */
export function renderText(report: Report, style: TextStyle = { color: false }): string {
  const c = (code: string, s: string) => (style.color ? `\u001b[${code}m${s}\u001b[0m` : s)
  const t = terminalText
  const out: string[] = []
  const v = verdictLine(report)
  out.push(report.summary.verdict === 'go' ? c('32;1', v) : c('31;1', v), c('2', subjectLine(report, t, t)), '')
  const groups = groupByOwner(report.findings)
  for (const owner of OWNERS) {
    const list = groups[owner]
    if (!list.length) continue
    out.push(c('1', `Fix in: ${ownerLabel(owner, vendorNameOf(report.profile))}`))
    for (const f of list) {
      const mark = f.severity === 'error' ? c('31', '✖') : f.severity === 'warning' ? c('33', '▲') : c('36', 'ℹ')
      out.push(`${mark} ${c('1', t(f.code))}  ${t(f.title)}`)
      const e = f.evidence
      if (e.expected !== undefined) out.push(`    expected  ${t(showValue(e.expected))}`)
      if (e.actual !== undefined) out.push(`    actual    ${t(showValue(e.actual))}`)
      if (e.where) out.push(c('2', `    where     ${t(e.where)}`))
      out.push(`    next      ${t(f.nextStep)}`)
      if (f.fixAt) out.push(`    fix at    ${t(f.fixAt)}`)
    }
    out.push('')
  }
  if (report.skipped?.length) {
    out.push(c('1', 'Not checked'))
    for (const s of report.skipped) out.push(`  - ${t(s.check)}: ${t(s.reason)}`)
    out.push('')
  }
  return neutraliseCiCommands(out.join('\n'))
}
