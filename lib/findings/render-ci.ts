import type { Finding } from './types'
import type { Report } from './report'

/*
 * Report renderers for CI systems: JUnit XML (read by every CI's test-report view) and GitHub Actions workflow
 * commands (annotations). Both carry untrusted values (entity IDs, claim values, error descriptions): XML escaping
 * and the workflow-command escaping below are what keep a hostile value from closing an element or starting a
 * command of its own.
 */

// XML 1.0 forbids most C0 controls even as character references; they are replaced, not escaped.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

function xmlText(s: string): string {
  return s.replace(XML_FORBIDDEN, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
}

function valueText(v: unknown): string {
  if (v === undefined) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}

/** The lines a person reads to act on a finding: the same fields every other face shows. */
function findingLines(f: Finding): string[] {
  const lines = [f.detail]
  if (f.evidence.expected !== undefined) lines.push(`Expected: ${valueText(f.evidence.expected)}`)
  if (f.evidence.actual !== undefined) lines.push(`Actual: ${valueText(f.evidence.actual)}`)
  if (f.evidence.where) lines.push(`Where: ${f.evidence.where}`)
  lines.push(`Owner: ${f.owner}`, `Next step: ${f.nextStep}`)
  if (f.fixAt) lines.push(`Fix at: ${f.fixAt}`)
  return lines
}

/**
 * JUnit XML: one test suite per report, one test case per finding (an error fails, a warning or info passes with its
 * text in system-out), each skipped check a skipped case, and one case for the verdict itself so a clean report still
 * shows a passing test.
 */
export function renderJunit(report: Report): string {
  const suite = `sso-preflight ${report.subject.kind}`
  const cases: string[] = []
  for (const f of report.findings) {
    const name = `${f.code}: ${f.title}`
    const body = xmlText(findingLines(f).join('\n'))
    const open = `    <testcase classname="${xmlAttr(`${suite}.${f.owner}`)}" name="${xmlAttr(name)}">`
    cases.push(
      f.severity === 'error'
        ? `${open}\n      <failure type="${xmlAttr(f.code)}" message="${xmlAttr(f.title)}">${body}</failure>\n    </testcase>`
        : `${open}\n      <system-out>${xmlText(`${f.severity}: `)}${body}</system-out>\n    </testcase>`,
    )
  }
  for (const s of report.skipped ?? []) {
    cases.push(
      `    <testcase classname="${xmlAttr(`${suite}.skipped`)}" name="${xmlAttr(s.check)}">\n` +
        `      <skipped message="${xmlAttr(s.reason)}"/>\n    </testcase>`,
    )
  }
  const verdict = report.summary.verdict
  cases.push(
    `    <testcase classname="${xmlAttr(suite)}" name="verdict">` +
      (verdict === 'go'
        ? '</testcase>'
        : `\n      <failure type="${verdict}" message="${xmlAttr(verdict === 'none' ? 'the input was not recognised: no verdict' : `${report.summary.errors} error finding(s)`)}"/>\n    </testcase>`),
  )
  const failures = report.findings.filter((f) => f.severity === 'error').length + (verdict === 'go' ? 0 : 1)
  const skipped = report.skipped?.length ?? 0
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="sso-preflight" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n` +
    `  <testsuite name="${xmlAttr(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${xmlAttr(report.checkedAt)}">\n` +
    `${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`
  )
}

// GitHub's own escaping for workflow commands (actions/toolkit, core/src/command.ts): data escapes %, CR and LF;
// property values also escape ':' and ','. With every newline escaped, no value can start a command line.
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const VERDICT_LABEL = { go: 'GO', 'no-go': 'NO-GO', none: 'NO VERDICT' } as const

const GH_COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const

/** GitHub Actions annotations: one workflow command per finding, then a notice with the verdict. */
export function renderGithub(report: Report): string {
  const lines = report.findings.map(
    (f) =>
      `::${GH_COMMAND[f.severity]} title=${ghProperty(`${f.code} (${f.owner})`)}::${ghData(findingLines(f).join('\n'))}`,
  )
  const s = report.summary
  lines.push(
    `::notice title=${ghProperty(`sso-preflight ${report.subject.kind}`)}::${ghData(
      `${VERDICT_LABEL[s.verdict]}: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`,
    )}`,
  )
  return lines.join('\n') + '\n'
}
