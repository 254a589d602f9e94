import { describe, expect, test } from 'vitest'
import { catalog } from './catalog/index'
import { finding } from './finding'
import { renderMarkdown, renderText } from './render'
import {
  buildReport,
  capReport,
  MAX_EVIDENCE_CHARS,
  MAX_REPORT_FINDINGS,
  MAX_REPORT_STEPS,
  ReportSchema,
  summarize,
  type TimelineStep,
} from './report'
import { markdownText } from './sanitize'

const NOW = new Date('2026-11-22T00:00:00Z')
const report = (findings: ReturnType<typeof finding>[]) =>
  buildReport({ subject: { kind: 'saml-metadata', idp: 'entra' }, profile: 'autodesk', now: NOW, findings })

describe('finding()', () => {
  test('words, owner and severity come from the catalog; the check gives only evidence', () => {
    const f = finding(
      'CERT_EXPIRED',
      { expected: 'valid at 2026-11-22', actual: 'expired 2025-09-28', where: '/EntityDescriptor' },
      { idp: 'entra' },
    )
    const entry = catalog.CERT_EXPIRED
    expect(f).toMatchObject({
      code: 'CERT_EXPIRED',
      severity: entry.severity,
      owner: entry.owner,
      title: entry.title,
      nextStep: entry.nextStep,
    })
    expect(f.evidence).toEqual({
      expected: 'valid at 2026-11-22',
      actual: 'expired 2025-09-28',
      where: '/EntityDescriptor',
    })
  })
  test('the detected IdP picks its screen; an unknown IdP gets every screen, labelled', () => {
    expect(finding('CERT_EXPIRED', {}, { idp: 'entra' }).fixAt).toBe(catalog.CERT_EXPIRED.fixAt.entra)
    const other = finding('CERT_EXPIRED', {}, { idp: 'other' }).fixAt!
    expect(other).toContain(`Entra ID: ${catalog.CERT_EXPIRED.fixAt.entra}`)
    expect(other).toContain(`Okta: ${catalog.CERT_EXPIRED.fixAt.okta}`)
    expect(finding('CERT_EXPIRED', {}, {}).fixAt).toBe(other)
  })
  test('undefined evidence members are dropped; profile policy may change the severity', () => {
    const f = finding('CERT_EXPIRED', { expected: 'x', actual: undefined }, {}, { severity: 'warning' })
    expect(f.evidence).toEqual({ expected: 'x' })
    expect(f.severity).toBe('warning')
  })
})

describe('buildReport()', () => {
  test('errors first, then by owner; the summary is derived; duplicates collapse', () => {
    const warn = finding('CERT_EXPIRING_SOON', { actual: 'a' }, {})
    const err = finding('CERT_EXPIRED', { actual: 'b' }, {})
    const r = report([warn, err, err])
    expect(r.findings.map((f) => f.code)).toEqual(['CERT_EXPIRED', 'CERT_EXPIRING_SOON'])
    expect(r.summary).toEqual({
      errors: 1,
      warnings: 1,
      infos: 0,
      byOwner: { idp: 2, vendor: 0, 'end-user': 0 },
      verdict: 'no-go',
    })
    expect(ReportSchema.parse(r)).toEqual(r)
    expect(report([warn]).summary.verdict).toBe('go')
  })
})

describe('renderers', () => {
  const r = report([finding('CERT_EXPIRED', { expected: 'a|b', actual: '`x`' }, { idp: 'okta' })])
  test('Markdown: verdict, owner group, both values, nothing that breaks a table', () => {
    const md = renderMarkdown(r)
    expect(md).toContain('**NO-GO: 1 error, 0 warnings**')
    expect(md).toContain('## Fix in: your IdP / IT team (1)')
    expect(md).toContain('| Expected | `a\\|b` |')
    expect(md).toContain('| Actual | `` `x` `` |') // a longer fence than the backticks inside keeps the value exact
    expect(md).toContain(`**Fix at:** ${markdownText(catalog.CERT_EXPIRED.fixAt.okta!)}`)
  })
  test('text: one block per finding with expected / actual, colour only when asked', () => {
    const plain = renderText(r)
    expect(plain).toMatch(/^NO-GO/)
    expect(plain).toContain('    expected  a|b')
    expect(plain).toContain('    actual    `x`')
    expect(plain).not.toContain('\u001b[')
    expect(renderText(r, { color: true })).toContain('\u001b[31;1mNO-GO')
  })
})

describe('report caps', () => {
  const many = (n: number, code: 'CERT_EXPIRED' | 'CERT_EXPIRING_SOON' | 'SAML_SIGNATURE_SHA1') =>
    Array.from({ length: n }, (_, i) => finding(code, { actual: `entry ${i}` }))

  // issue 7: a 40 MB HAR gave a 141 MB report with 96,000 findings.
  test('a report keeps at most 500 findings; one more finding says how many of each kind were folded', () => {
    const r = report([...many(300, 'CERT_EXPIRED'), ...many(400, 'CERT_EXPIRING_SOON')])
    expect(r.findings).toHaveLength(MAX_REPORT_FINDINGS)
    const folded = r.findings.filter((f) => f.code === 'INPUT_REPORT_TRUNCATED')
    expect(folded).toHaveLength(1)
    expect(folded[0]!.evidence).toMatchObject({
      actual: '700 findings, 0 timeline steps',
      folded: { findings: 201, errors: 0, warnings: 201, infos: 0, byCode: { CERT_EXPIRING_SOON: 201 } },
    })
    // The errors are kept first; the summary counts what is shown, so the counts agree with the sections.
    expect(r.findings.filter((f) => f.code === 'CERT_EXPIRED')).toHaveLength(300)
    expect(r.summary).toEqual(summarize(r.findings))
    expect(r.summary).toMatchObject({ errors: 300, warnings: 200, verdict: 'no-go' })
    expect(ReportSchema.safeParse(r).success).toBe(true)
  })

  test('folded errors keep the verdict no-go: the folded finding is as severe as the worst it folds', () => {
    const r = report(many(600, 'CERT_EXPIRED'))
    const folded = r.findings.find((f) => f.code === 'INPUT_REPORT_TRUNCATED')!
    expect(folded.severity).toBe('error')
    expect(folded.evidence).toMatchObject({ folded: { findings: 101, errors: 101 } })
    expect(r.summary).toMatchObject({ errors: 500, verdict: 'no-go' })
  })

  test('a report keeps at most 200 timeline steps; the last says how many more there were', () => {
    const steps: TimelineStep[] = Array.from({ length: 250 }, (_, i) => ({
      at: new Date(i * 1000).toISOString(),
      kind: 'check',
      summary: `step ${i}`,
    }))
    const r = buildReport({
      subject: { kind: 'har', idp: 'other' },
      profile: 'generic',
      now: NOW,
      findings: [],
      timeline: steps,
    })
    expect(r.timeline).toHaveLength(MAX_REPORT_STEPS)
    expect(r.timeline?.at(-1)?.summary).toBe('51 more steps not kept: a report keeps at most 200')
    const folded = r.findings.find((f) => f.code === 'INPUT_REPORT_TRUNCATED')!
    expect(folded).toMatchObject({ severity: 'info', evidence: { foldedSteps: 51 } })
    expect(r.summary.verdict).toBe('go')
  })

  test('an evidence string is cut to 4 KB with a note; a report within the caps is left as it is', () => {
    const r = report([
      finding('CERT_EXPIRED', { actual: 'x'.repeat(100_000), list: Array.from({ length: 12_000 }, (_, i) => i) }),
    ])
    const actual = String(r.findings[0]!.evidence.actual)
    expect(actual.length).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS)
    expect(actual).toMatch(/… \[\d+ more characters\]$/)
    expect((r.findings[0]!.evidence.list as unknown[]).at(-1)).toBe('[2001 more items]')
    expect(capReport(r)).toEqual(r)
  })

  test('a saved report over the caps is capped the same way, its summary derived again', () => {
    const big = report(many(20, 'CERT_EXPIRED'))
    const posted = { ...big, findings: [...big.findings, ...many(600, 'SAML_SIGNATURE_SHA1')], summary: big.summary }
    const capped = capReport(posted)
    expect(capped.findings).toHaveLength(MAX_REPORT_FINDINGS)
    expect(capped.summary).toEqual(summarize(capped.findings))
    expect(capReport(capped)).toEqual(capped)
  })
})
