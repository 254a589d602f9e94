import type { Comparison } from './comparison'
import type { Report } from './report'

/** The Markdown renderer's own escaping, passed in so these sections escape exactly as the rest of the export. */
export interface MarkdownEscapes {
  /** Inline code (a value). */
  readonly code: (s: string) => string
  /** Plain text. */
  readonly text: (s: string) => string
}

const STATUS_WORD = {
  ok: 'matches',
  differs: 'DIFFERS',
  missing: 'MISSING',
  'not-checked': 'not in this input',
} as const

/**
 * The sections issue 9 adds to the Markdown export: the signed identity (as the report holds it: masked in every
 * export by default) and the settings side by side. Kept apart from render.ts, which calls it once.
 */
export function markdownIdentityAndComparison(report: Report, esc: MarkdownEscapes): string[] {
  return [...identityLines(report.facts, esc), ...(report.comparison ? comparisonLines(report.comparison, esc) : [])]
}

function identityLines(facts: Record<string, unknown> | undefined, esc: MarkdownEscapes): string[] {
  if (!facts) return []
  const nameId = typeof facts.nameId === 'string' ? facts.nameId : undefined
  const attributes = Array.isArray(facts.attributes)
    ? facts.attributes.flatMap((a) =>
        a &&
        typeof a === 'object' &&
        typeof (a as { name?: unknown }).name === 'string' &&
        Array.isArray((a as { values?: unknown }).values)
          ? [{ name: (a as { name: string }).name, values: (a as { values: unknown[] }).values.map(String) }]
          : [],
      )
    : []
  if (nameId === undefined && !attributes.length) return []
  const out = ['## Signed identity and attribute values', '', '| name | value(s) |', '|---|---|']
  if (nameId !== undefined)
    out.push(
      `| NameID${typeof facts.nameIdFormat === 'string' ? ` (${esc.text(facts.nameIdFormat)})` : ''} | ${esc.code(nameId)} |`,
    )
  for (const a of attributes)
    out.push(`| ${esc.code(a.name)} | ${a.values.length ? a.values.map(esc.code).join(', ') : '(no value)'} |`)
  out.push('')
  return out
}

function comparisonLines(c: Comparison, esc: MarkdownEscapes): string[] {
  const sent = c.source === 'metadata' ? 'the IdP publishes' : 'the IdP sent'
  const cell = (v: string | undefined) => (v === undefined ? '—' : esc.code(v))
  const out = [
    '## Settings side by side',
    '',
    `| setting | the vendor expects | you configured | ${sent} | result |`,
    '|---|---|---|---|---|',
  ]
  for (const r of c.rows) {
    const codes = r.codes?.length ? ` (${r.codes.map(esc.code).join(', ')})` : ''
    out.push(
      `| ${esc.text(r.label)} | ${cell(r.expected)} | ${cell(r.configured)} | ${cell(r.sent)} | ${STATUS_WORD[r.status]}${codes} |`,
    )
  }
  out.push('')
  return out
}
