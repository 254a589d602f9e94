import { describe, expect, test } from 'vitest'
import { catalog } from './catalog/index'
import { finding } from './finding'
import { renderMarkdown, renderText } from './render'
import { markdownText } from './sanitize'
import { buildReport, ReportSchema } from './report'

const NOW = new Date('2026-11-22T00:00:00Z')
const report = (findings: ReturnType<typeof finding>[]) => buildReport({ subject: { kind: 'saml-metadata', idp: 'entra' }, profile: 'autodesk', now: NOW, findings })

describe('finding()', () => {
  test('words, owner and severity come from the catalog; the check gives only evidence', () => {
    const f = finding('CERT_EXPIRED', { expected: 'valid at 2026-11-22', actual: 'expired 2025-09-28', where: '/EntityDescriptor' }, { idp: 'entra' })
    const entry = catalog.CERT_EXPIRED
    expect(f).toMatchObject({ code: 'CERT_EXPIRED', severity: entry.severity, owner: entry.owner, title: entry.title, nextStep: entry.nextStep })
    expect(f.evidence).toEqual({ expected: 'valid at 2026-11-22', actual: 'expired 2025-09-28', where: '/EntityDescriptor' })
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
    expect(r.summary).toEqual({ errors: 1, warnings: 1, infos: 0, byOwner: { idp: 2, vendor: 0, 'end-user': 0 }, verdict: 'no-go' })
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
