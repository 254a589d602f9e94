import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { buildReport, finding, type Report } from '../findings/index'
import { maskDeep, maskReport, maskText, maskUser } from './mask'

/*
 * Fuzz tests over the masking (issue 7 item 8): it never throws, never lets an address through, is idempotent, and is
 * linear on the shapes that made the old regexes quadratic (37 s for 160 K characters).
 */

// A local part that looks like a person's (the generator's RFC-valid parts include quotes and slashes that no
// directory hands out, and that end an address in free text anyway).
const address = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}\.[a-z]{2,6}$/))
  .map(([l, d]) => `${l}@${d}`)
const filler = fc.string({ maxLength: 40 })
const textWithAddresses = fc
  .tuple(fc.array(fc.tuple(filler, address), { minLength: 1, maxLength: 5 }), filler)
  .map(([parts, tail]) => ({
    text: parts.map(([f, a]) => `${f} ${a} `).join('') + tail,
    addresses: parts.map(([, a]) => a),
  }))

/**
 * Time at 4n over time at n (tests/linearity). Every call masks a fresh input (its making is linear too), so the cache
 * of masked addresses flatters neither size: a cache that holds the small input but not the large one would make
 * linear masking look quadratic.
 */
function ratioAt4n<T>(make: (n: number, run: number) => T, mask: (x: T) => unknown, flatOk = false): number {
  return growthRatio(
    (k) => {
      let run = 0
      return () => mask(make(k, run++))
    },
    100_000,
    { flatOk },
  ).ratio
}

describe('masking under fuzz', () => {
  test('never throws, on any string and any JSON value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        maskText(s)
        maskUser(s)
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        maskDeep(v)
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.anything(), (v) => {
        maskDeep(v)
      }),
      { numRuns: 300 },
    )
  })

  test('never returns an address it was given, in text, XML, JSON or a report', () => {
    fc.assert(
      fc.property(textWithAddresses, ({ text, addresses }) => {
        const xml = `<saml:NameID Format="urn:x">${addresses[0]}</saml:NameID><x a="${text.replace(/[<>"&]/g, ' ')}"/>`
        const report = buildReport({
          subject: { kind: 'saml-response', idp: 'other', source: text },
          profile: 'generic',
          now: new Date(0),
          findings: [finding('SAML_AUDIENCE_MISMATCH', { expected: text, actual: addresses, where: text })],
          facts: { nameId: addresses[0], issuer: text, free: { text } },
          timeline: [{ at: '', kind: 'decoded', summary: text, data: { xml } }],
        })
        const outputs = [
          maskText(text),
          maskText(xml),
          maskText(JSON.stringify({ issuer: text, claims: addresses })),
          JSON.stringify(maskReport(report)),
        ]
        // As a whole address: a masked form's hex tail may end with the same characters as a short local part
        // (`…·20d7f0@m.rfksc` for `f0@m.rfksc`), which reveals nothing.
        for (const out of outputs)
          for (const a of addresses)
            expect(out).not.toMatch(new RegExp(`(?<![\\w.%+-])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      }),
      { numRuns: 300 },
    )
  })

  test('is idempotent: masking masked output changes nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          filler,
          textWithAddresses.map((t) => t.text),
        ),
        (s) => {
          const once = maskText(s)
          expect(maskText(once)).toBe(once)
        },
      ),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = maskDeep(v)
        expect(maskDeep(once)).toEqual(once)
      }),
      { numRuns: 300 },
    )
  })

  // The shapes that are quadratic for a backtracking scanner: long runs of address characters without an `@`, many
  // `@`, many `eyJ` starts, unterminated tags and attribute values, a long base64 run, deep JSON. `run` makes each
  // input distinct, so the cache of masked addresses does not flatter the small size.
  const shapes: [string, (n: number, run: number) => string][] = [
    ['address characters without @', (n, run) => `${run}` + 'a.'.repeat(n / 2)],
    ['@ after @', (n, run) => `${run}` + 'a@'.repeat(n / 2)],
    [
      'distinct addresses',
      (n, run) =>
        Array.from({ length: n / 32 }, (_, i) => `u${run}.${i}.name@corp${i % 7}.example `)
          .join('')
          .slice(0, n),
    ],
    ['JWT starts', (n, run) => `${run}` + 'eyJ'.repeat(n / 3)],
    ['JWT-like chains in a URL', (n, run) => `https://x/${run}#t=` + 'eyJaaaaa.'.repeat(n / 9)],
    ['bearer bearer', (n, run) => `${run} ` + 'Bearer '.repeat(n / 7)],
    ['unterminated attributes', (n, run) => `${run}` + '<a x="'.repeat(n / 6)],
    ['open tags', (n, run) => `<r${run}>` + '<a>'.repeat(n / 3)],
    ['base64', (n, run) => 'QUJD'.repeat(n / 4) + `${run}`],
    ['deep JSON', (n, run) => '['.repeat(n / 2) + `${run}` + ']'.repeat(n / 2)],
  ]
  test.each(shapes)('linear on %s: 4x the input takes well under 16x the time', (_, make) => {
    expect(ratioAt4n(make, maskText)).toBeLessThan(LINEAR_BOUND)
  })

  test('a report with 100 KB values masks as fast as one with 400 KB values (values are cut first)', () => {
    const report = (n: number): Report =>
      buildReport({
        subject: { kind: 'saml-response', idp: 'other' },
        profile: 'generic',
        now: new Date(0),
        findings: [finding('SAML_IN_RESPONSE_TO_MISMATCH', { expected: '_req', actual: 'a.'.repeat(n / 2) })],
        facts: { inResponseTo: 'a@'.repeat(n / 2), nameId: 'b.'.repeat(n / 2) },
      })
    expect(ratioAt4n((n, r) => report(n + 2 * r), maskReport, true)).toBeLessThan(LINEAR_BOUND)
  })
})
