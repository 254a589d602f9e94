import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { prose } from './testing/markdown-prose'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { catalog, type FindingCode } from './catalog/index'
import { finding } from './finding'
import { renderJson, renderMarkdown } from './render'
import { buildReport, type Report, type TimelineStep } from './report'
import type { Evidence, Owner } from './types'

// Issue 9, item 6: exports that stand alone. Counts that agree with the sections, no JSON in a table cell, the
// timeline and the run, and one heading structure whatever the values say.

const NOW = new Date('2026-11-22T00:00:00Z')
const CODES = Object.keys(catalog) as FindingCode[]
const LABEL: Record<Owner, string> = {
  idp: 'your IdP / IT team',
  vendor: 'the vendor',
  'end-user': 'the person signing in',
}

const reportOf = (findings: Report['findings'], extra: Partial<Report> = {}): Report => ({
  ...buildReport({ subject: { kind: 'saml-metadata', idp: 'okta' }, profile: 'generic', now: NOW, findings }),
  ...extra,
})

/** Per owner, what the section lists: its heading count and its findings by severity. */
function sectionCounts(md: string): Map<string, { heading: number; errors: number; warnings: number; infos: number }> {
  const out = new Map<string, { heading: number; errors: number; warnings: number; infos: number }>()
  let current: { heading: number; errors: number; warnings: number; infos: number } | undefined
  for (const line of md.split('\n')) {
    const h = /^## Fix in: (.+) \((\d+)\)$/.exec(line)
    if (h) {
      current = { heading: Number(h[2]), errors: 0, warnings: 0, infos: 0 }
      out.set(h[1]!, current)
      continue
    }
    if (line.startsWith('## ')) {
      current = undefined
      continue
    }
    if (!current) continue
    if (line.startsWith('### ERROR ')) current.errors++
    else if (line.startsWith('### WARNING ')) current.warnings++
    else if (line.startsWith('### INFO ')) current.infos++
  }
  return out
}

/** The header's count table, by owner label, plus its total row. */
function headerCounts(md: string): Map<string, [number, number, number]> {
  const head = md.slice(0, md.search(/^## /m) === -1 ? md.length : md.search(/^## /m))
  const out = new Map<string, [number, number, number]>()
  for (const m of head.matchAll(/^\| (.+?) \| (\d+) \| (\d+) \| (\d+) \|$/gm))
    out.set(m[1]!, [Number(m[2]), Number(m[3]), Number(m[4])])
  return out
}

/** Table cells of every table row, the code span fence taken off. */
function tableCells(md: string): string[] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .flatMap((l) =>
      l
        .replace(/\\\|/g, '\u0000')
        .split('|')
        .slice(1, -1)
        .map((c) =>
          c
            .trim()
            .replace(/^(`+) ?([\s\S]*?) ?\1$/, '$2')
            .replace(/\u0000/g, '|'),
        ),
    )
}

const looksLikeJson = (cell: string) => {
  if (!/^[[{]/.test(cell)) return false
  try {
    JSON.parse(cell)
    return true
  } catch {
    return false
  }
}

const findingArb = fc.record({
  code: fc.constantFrom(...CODES),
  severity: fc.option(fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<'error' | 'warning' | 'info'>, {
    nil: undefined,
  }),
  evidence: fc.record(
    { expected: fc.jsonValue({ maxDepth: 3 }), actual: fc.jsonValue({ maxDepth: 3 }) },
    { requiredKeys: [] },
  ),
})

describe('header counts agree with the sections', () => {
  test("property: over random finding lists, the header's errors / warnings / infos per owner equal what each section lists", () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), fc.boolean(), (list, staleSummary) => {
        const findings = list.map((f) =>
          finding(f.code, f.evidence as Evidence, { idp: 'okta' }, f.severity ? { severity: f.severity } : {}),
        )
        // A saved or imported report can carry a summary that no longer matches its findings: the export counts again.
        const report = reportOf(
          findings,
          staleSummary
            ? {
                summary: {
                  errors: 7,
                  warnings: 0,
                  infos: 0,
                  byOwner: { idp: 0, vendor: 0, 'end-user': 0 },
                  verdict: 'go',
                },
              }
            : {},
        )
        const md = renderMarkdown(report)
        const sections = sectionCounts(md)
        const header = headerCounts(md)
        let total: [number, number, number] = [0, 0, 0]
        for (const [label, s] of sections) {
          expect(header.get(label)).toEqual([s.errors, s.warnings, s.infos])
          expect(s.heading).toBe(s.errors + s.warnings + s.infos)
          total = [total[0] + s.errors, total[1] + s.warnings, total[2] + s.infos]
        }
        // Every owner row in the header has its section, and the total row and the verdict line add up.
        expect([...header.keys()].filter((k) => k !== 'total').sort()).toEqual([...sections.keys()].sort())
        if (report.findings.length) expect(header.get('total')).toEqual(total)
        expect(total[0] + total[1] + total[2]).toBe(report.findings.length)
        const verdict =
          /\*\*(NO-GO: (\d+) errors?, (\d+) warnings?|GO: no blocking problems \((\d+) warnings?\)|NO VERDICT: .*\((\d+) warnings?\))\*\*/.exec(
            md,
          )
        expect(verdict).not.toBeNull()
        if (verdict![2] !== undefined) expect([Number(verdict![2]), Number(verdict![3])]).toEqual([total[0], total[1]])
        else expect(Number(verdict![4] ?? verdict![5])).toBe(total[1])
        expect(total[0] > 0).toBe(md.includes('**NO-GO:'))
        // The JSON export's summary counts the same findings.
        const json = JSON.parse(renderJson(report)) as Report
        expect([json.summary.errors, json.summary.warnings, json.summary.infos]).toEqual(total)
      }),
      { numRuns: 200 },
    )
  })
  test('labels are the owner labels the page uses', () => {
    const md = renderMarkdown(
      reportOf([finding('CERT_EXPIRED', { actual: 'x' }), finding('SAML_STATUS_NO_AUTHN_CONTEXT', { actual: 'y' })]),
    )
    expect(headerCounts(md).get(LABEL.idp)).toEqual([1, 0, 0])
  })
})

describe('no JSON in a table cell', () => {
  test('objects and lists in evidence read as nested `key: value` lists, each value in a code span', () => {
    const md = renderMarkdown(
      reportOf([
        finding('INPUT_REPORT_TRUNCATED', {
          expected: 'at most 500 findings',
          actual: {
            findings: 612,
            byCode: { CERT_EXPIRED: 2 },
            hosts: ['idp.example.com', 'login.example.com'],
            empty: [],
          },
          foldedSteps: 0,
        }),
      ]),
    )
    expect(md).toContain(
      [
        '- **Expected:** `at most 500 findings`',
        '- **Actual:**',
        '  - `findings`: `612`',
        '  - `byCode`:',
        '    - `CERT_EXPIRED`: `2`',
        '  - `hosts`:',
        '    - item 1: `idp.example.com`',
        '    - item 2: `login.example.com`',
        '  - `empty`: (none)',
        '- `foldedSteps`: `0`',
      ].join('\n'),
    )
    for (const cell of tableCells(md)) expect(looksLikeJson(cell), cell).toBe(false)
  })
  test('property: whatever JSON the evidence holds, no table cell is JSON and every string value is shown', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), (expected, actual) => {
        const md = renderMarkdown(reportOf([finding('SAML_ATTRIBUTE_MISSING', { expected, actual })]))
        for (const cell of tableCells(md)) expect(looksLikeJson(cell), cell).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})

describe('full hashes and the timeline', () => {
  const SHA256 = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(
    ':',
  )
  const SHA1 = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678'
  const steps: TimelineStep[] = [
    { at: '2026-11-22T00:00:00.000Z', kind: 'request-sent', summary: 'AuthnRequest sent (HTTP-Redirect)' },
    {
      at: '2026-11-22T00:00:02.500Z',
      kind: 'response-received',
      summary: 'SAML answer posted | 1234 characters',
      durationMs: 12.5,
    },
    { at: '2026-11-22T00:00:02.600Z', kind: 'check', summary: '0 error(s)' },
  ]
  const report = reportOf([], {
    certificates: [
      {
        use: 'signing',
        subject: 'CN=idp',
        notBefore: '2026-01-01T00:00:00Z',
        notAfter: '2027-01-01T00:00:00Z',
        sha256: SHA256,
        sha1: SHA1,
        signsNow: true,
      },
    ],
    timeline: steps,
  })
  test('certificates show the whole SHA-256 and SHA-1 thumbprints', () => {
    const md = renderMarkdown(report)
    expect(md).toContain(`\`${SHA256}\``)
    expect(md).toContain(`\`${SHA1}\``)
    expect(md).not.toContain('…')
  })
  test('every timeline step with its time, kind and summary', () => {
    const md = renderMarkdown(report)
    expect(md).toContain('## Timeline (3 steps)')
    expect(md).toContain('| 1 | `2026-11-22T00:00:00.000Z` | request-sent | AuthnRequest sent (HTTP-Redirect) | — |')
    expect(md).toContain(
      '| 2 | `2026-11-22T00:00:02.500Z` | response-received | SAML answer posted \\| 1234 characters | 12.5 ms |',
    )
    expect(md).toContain('| 3 | `2026-11-22T00:00:02.600Z` | check | 0 error(s) | — |')
  })
})

const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom(
        '\n',
        '\r\n',
        '\u2028',
        '\u001b[2J',
        '\u202e',
        '`',
        '```',
        '# ',
        '## Fix in: the vendor (1)',
        '![x](https://evil.example/b.png)',
        '[a](javascript:alert(1))',
        '<img src=x>',
        '&#x202E;',
        '|',
        '\\',
        '- ',
        '{"a":[1]}',
      ),
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(''))

describe('hostile values keep one heading structure', () => {
  const testLogin = (v: string, key: string) => ({
    ...buildReport({
      subject: { kind: 'saml-test-login', idp: 'other', entityId: v, connectionId: v, connectionName: v, testUser: v },
      profile: 'generic',
      now: NOW,
      findings: [finding('SAML_AUDIENCE_MISMATCH', { expected: v, actual: { [key]: [v, { [v]: v }] }, where: v })],
      timeline: [
        { at: v, kind: 'check', summary: v },
        { at: NOW.toISOString(), kind: 'decoded', summary: `Issuer ${v}` },
      ],
      facts: { runId: v, nameId: v, attributes: [{ name: v, values: [v] }] },
    }),
    certificates: [{ use: 'signing' as const, subject: v, notBefore: v, notAfter: v, sha256: v }],
  })
  test('property: run ID, connection, test user, evidence keys and values, timeline: headings fixed, no link, image or HTML', () => {
    const shape = renderMarkdown(testLogin('v', 'k')).split('\n')
    const headings = shape.filter((l) => /^\s*#/.test(l))
    // Non-empty: an empty `where` or run ID is left out on purpose, which changes the shape, not the structure.
    const value = hostile.filter((s) => s.length > 0)
    fc.assert(
      fc.property(value, value, (v, key) => {
        const md = renderMarkdown(testLogin(v, key))
        const lines = md.split('\n')
        expect(lines.length).toBe(shape.length)
        expect(lines.filter((l) => /^\s*#/.test(l))).toEqual(headings)
        for (const line of lines) expect(prose(line)).not.toMatch(/(?<!\\)[[<]|(?<!\\)&#/)
        // Table rows keep their number of cells.
        for (const [i, line] of lines.entries()) {
          if (!line.startsWith('|')) continue
          expect(line.replace(/\\\|/g, '').split('|').length).toBe(shape[i]!.replace(/\\\|/g, '').split('|').length)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('linear in the report', () => {
  test('evidence lists, findings and timeline steps at n and 4n', () => {
    const make = (n: number) => {
      const report = reportOf(
        Array.from({ length: Math.min(n / 10, 400) }, (_, i) =>
          finding('SAML_ATTRIBUTE_MISSING', {
            expected: `a${i}`,
            actual: {
              names: Array.from({ length: 10 }, (_, j) => `n${j}\u0060|${i}`),
              nested: { [`k${i}`]: [i, null, { x: '``' }] },
            },
          }),
        ),
        {
          timeline: Array.from({ length: n }, (_, i) => ({
            at: NOW.toISOString(),
            kind: 'check' as const,
            summary: `step ${i} | \u0060x\u0060 [y](z)`,
          })),
        },
      )
      return () => renderMarkdown(report)
    }
    const r = growthRatio(make, 1_000)
    expect(r.ratio, JSON.stringify(r)).toBeLessThan(LINEAR_BOUND)
  })
})
