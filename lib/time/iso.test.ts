import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoTime } from './iso'

describe('isoTime', () => {
  it('writes what toISOString writes, for any valid instant, from a Date or its time value, again and again', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const expected = new Date(ms).toISOString()
        expect(isoTime(ms)).toBe(expected)
        expect(isoTime(new Date(ms))).toBe(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('throws on an invalid date, as toISOString does', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError)
  })
})
