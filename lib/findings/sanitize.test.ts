import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { prose } from './testing/markdown-prose'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { finding } from './finding'
import { renderMarkdown, renderText } from './render'
import { buildReport } from './report'
import { markdownCode, markdownText, neutraliseCiCommands, terminalText } from './sanitize'

const NOW = new Date('2026-11-22T00:00:00Z')
const reportFor = (entityId: string, actual: unknown = entityId) =>
  buildReport({
    subject: { kind: 'saml-metadata', idp: 'other', entityId, source: entityId },
    profile: 'autodesk',
    now: NOW,
    findings: [
      finding(
        'SAML_ENTITY_ID_NOT_URI',
        { expected: 'https://sp.example.com', actual, where: '/EntityDescriptor/@entityID=' + entityId },
        { idp: 'other' },
      ),
    ],
  })

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

/** Text from a hostile document: markup, controls, bidi marks and runs of backticks, mixed. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom(
        '\n',
        '\r\n',
        '\r',
        '\u2028',
        '\u0085',
        '\u001b[2J',
        '\u009b',
        '\u202e',
        '\u2066',
        '\u200f',
        '\t',
        '\u0000',
        '`',
        '``',
        '```',
        '# ',
        '![x](https://evil.example/b.png)',
        '[a](javascript:alert(1))',
        '<img src=x>',
        '&#x202E;',
        '::error::x',
        '##[error]',
        '##vso[task.setvariable variable=x]1',
        '|',
        '\\',
        ' ',
      ),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''))

describe('terminal text', () => {
  test('an ESC sequence in a token cannot clear the screen: it is shown, not obeyed', () => {
    expect(terminalText('x\u001b[2J\u001b[32mGO')).toBe('x\\x1B[2J\\x1B[32mGO')
    expect(terminalText('a\nb\r\nc')).toBe('a⏎b⏎c')
    expect(terminalText('\u202eexe.txt')).toBe('\\u202Eexe.txt')
    expect(terminalText('\u009b2J')).toBe('\\x9B2J')
  })
  test('Azure commands anywhere in a value are broken up', () => {
    expect(terminalText('x ##vso[task.setvariable variable=a]1')).not.toContain('##vso[')
    expect(terminalText('##[error]boom')).not.toContain('##[')
  })
  test('a line a CI runner would read as a command is prefixed', () => {
    expect(neutraliseCiCommands('ok\n::error::fake\n  ::warning::x\n##[group]y')).toBe(
      'ok\n\\::error::fake\n\\  ::warning::x\n\\##[group]y',
    )
  })
  test('property: rendered text never carries ESC, C1, bidi marks, an untrusted newline or a CI command line', () => {
    fc.assert(
      fc.property(hostile, hostile, (entityId, actual) => {
        const text = renderText(reportFor(entityId, actual))
        expect(text).not.toMatch(CONTROL_BUT_NEWLINE)
        expect(text).not.toMatch(BIDI)
        expect(text).not.toContain('\u2028')
        expect(text).not.toContain('##vso[')
        for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*(::|##\[)/)
        // The report's shape is fixed: untrusted newlines add no line.
        expect(text.split('\n').length).toBe(renderText(reportFor('e', 'a')).split('\n').length)
      }),
      { numRuns: 300 },
    )
  })
  test('colour codes are ours only', () => {
    const text = renderText(reportFor('\u001b[31mred'), { color: true })
    expect(text).toContain('\\x1B[31mred')
  })
})

describe('markdown', () => {
  test('a newline in an entityID no longer injects a heading, an image beacon or a javascript: link', () => {
    const evil =
      'https://idp.example.com\n# GO: all good\n![x](https://evil.example/beacon.png)\n[click](javascript:alert(1))'
    const md = renderMarkdown(reportFor(evil))
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(
      renderMarkdown(reportFor('x'))
        .split('\n')
        .filter((l) => l.startsWith('#')),
    )
    for (const line of md.split('\n')) {
      expect(prose(line)).not.toMatch(/(?<!\\)\[|(?<!\\)</)
    }
    expect(md).toContain(
      '`https://idp.example.com # GO: all good ![x](https://evil.example/beacon.png) [click](javascript:alert(1))`',
    )
  })
  test('code spans use a fence longer than any backtick run inside, so the value stays exact', () => {
    expect(markdownCode('a``b')).toBe('```a``b```')
    expect(markdownCode('`x`')).toBe('`` `x` ``')
    expect(markdownCode('')).toBe('` `')
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`')
    expect(markdownCode('a|b')).toBe('`a|b`')
  })
  test('controls and bidi marks are stripped, newlines become spaces', () => {
    expect(markdownCode('a\u202eb\u001b[2Jc\nd')).toBe('`ab[2Jc d`')
    expect(markdownText('# x\n[y](z) &#x202E;')).toBe('\\# x \\[y\\](z) \\&\\#x202E;')
  })
  test("property: Markdown of any entityID and evidence keeps the report's headings and opens no link, image or HTML", () => {
    const shape = renderMarkdown(reportFor('e', 'a')).split('\n')
    const headings = shape.filter((l) => /^\s*#/.test(l))
    fc.assert(
      fc.property(hostile, hostile, (entityId, actual) => {
        const md = renderMarkdown(reportFor(entityId, actual))
        const lines = md.split('\n')
        expect(lines.length).toBe(shape.length)
        expect(lines.filter((l) => /^\s*#/.test(l))).toEqual(headings)
        expect(md).not.toMatch(CONTROL_BUT_NEWLINE)
        expect(md).not.toMatch(BIDI)
        for (const line of lines) expect(prose(line)).not.toMatch(/(?<!\\)[[<]|(?<!\\)&#/)
      }),
      { numRuns: 300 },
    )
  })
})

describe('linear in the input', () => {
  // Growing backtick runs, controls and CI markers: the shapes each helper does extra work on.
  const adversarial = (n: number, seed: number) =>
    `${seed}` + Array.from({ length: n }, (_, i) => '`'.repeat(i % 50) + '\u001b\n##vso[|').join('')
  test.each([
    ['markdownCode', (s: string) => markdownCode(s, { inTable: true })],
    ['markdownText', markdownText],
    ['terminalText', terminalText],
    ['neutraliseCiCommands', neutraliseCiCommands],
  ] as const)('%s at n and 4n (about 35 KB and 140 KB of hostile text)', (_, fn) => {
    // A batch of distinct inputs: V8 caches regexp results for a repeated subject.
    const batch = (n: number) => {
      const inputs = Array.from({ length: 12 }, (_, i) => adversarial(n, i))
      return () => inputs.forEach((x) => fn(x))
    }
    expect(growthRatio(batch, 1_000).ratio).toBeLessThan(LINEAR_BOUND)
  })
})
