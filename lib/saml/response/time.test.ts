import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../../tests/linearity'
import { parseSamlTime } from './time'

/** What parseSamlTime computed before it read the fields itself: Date.parse on a normalised ISO string. */
function byDateParse(value: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value.trim())
  if (!m) return NaN
  const frac = m[2] ? m[2].slice(0, 4).padEnd(4, '0') : ''
  return Date.parse(`${m[1]}${frac}${m[3] ?? 'Z'}`)
}

const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'))
const dateTime = fc
  .tuple(
    digits(4, 9999),
    digits(2, 14),
    digits(2, 33),
    digits(2, 25),
    digits(2, 61),
    digits(2, 61),
    fc.option(fc.stringMatching(/^\.[0-9]{1,9}$/), { nil: undefined }),
    fc.oneof(
      fc.constant(''),
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), digits(2, 25), digits(2, 61)).map(([s, h, m]) => `${s}${h}:${m}`),
    ),
    fc.constantFrom('', ' ', '\n'),
  )
  .map(([y, mo, d, h, mi, s, f, z, pad]) => `${pad}${y}-${mo}-${d}T${h}:${mi}:${s}${f ?? ''}${z}${pad}`)

describe('parseSamlTime', () => {
  it('gives what Date.parse gives for every xs:dateTime shape, in range or not', () => {
    fc.assert(
      fc.property(dateTime, (v) => {
        expect(parseSamlTime(v)).toBe(byDateParse(v))
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees with Date.parse on near misses: one character changed, added or dropped', () => {
    const edit = fc.tuple(
      dateTime,
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom(...'0 9aZTt+-:.,\u0663\uFF11'.split('')),
    )
    fc.assert(
      fc.property(edit, ([v, at, how, c]) => {
        const i = at % (v.length + 1)
        const w =
          how === 'delete' ? v.slice(0, i) + v.slice(i + 1) : v.slice(0, i) + c + v.slice(how === 'insert' ? i : i + 1)
        expect(parseSamlTime(w), JSON.stringify(w)).toBe(byDateParse(w))
      }),
      { numRuns: 20_000 },
    )
  })

  it.each([
    ['2026-12-05T11:55:38Z', Date.UTC(2026, 11, 5, 11, 55, 38)],
    ['2026-12-05T11:55:38.1234567Z', Date.UTC(2026, 11, 5, 11, 55, 38, 123)],
    ['2026-12-05T11:55:38', Date.UTC(2026, 11, 5, 11, 55, 38)],
    ['2026-12-05T11:55:38+01:30', Date.UTC(2026, 11, 5, 10, 25, 38)],
    ['2026-12-31T24:00:00Z', Date.UTC(2027, 0, 1)],
    ['0050-06-01T00:00:00Z', Date.parse('0050-06-01T00:00:00Z')],
    ['0000-01-01T24:00:00+00:00', Date.parse('0000-01-02T00:00:00Z')],
  ])('reads %s', (v, expected) => {
    expect(parseSamlTime(v)).toBe(expected)
  })

  it.each([
    '2026-13-01T00:00:00Z',
    '2026-12-31T24:00:01Z',
    '2026-12-31T23:60:00Z',
    '2026-12-31T00:00:00+24:00',
    'soon',
  ])('refuses %s', (v) => {
    expect(parseSamlTime(v)).toBeNaN()
  })

  // Attribute values reach it unbounded (the body cap aside): the fraction and the padding are read once.
  it.each([
    ['a long fraction', (n: number) => `2026-12-05T11:55:38.${'1'.repeat(n)}Z`, false],
    ['long padding', (n: number) => `${' '.repeat(n)}2026-12-05T11:55:38Z${' '.repeat(n)}`, false],
    // refused at its first character, so it costs the same at every length
    ['a long tail that is not a zone', (n: number) => `2026-12-05T11:55:38${'x'.repeat(n)}`, true],
  ])('stays linear on %s (time at n and 4n)', (_name, gen, flatOk) => {
    const { ratio } = growthRatio(
      (n) => {
        const v = gen(n)
        return () => parseSamlTime(v)
      },
      50_000,
      { flatOk },
    )
    expect(ratio).toBeLessThan(LINEAR_BOUND)
  })
})
