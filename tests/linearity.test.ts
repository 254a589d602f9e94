import { expect, test } from 'vitest'
import { growthAt4n } from './linearity'

// The yardstick itself: it must tell a quadratic loop from a linear one, or every linearity test built on it is void.
test('growthAt4n tells quadratic work (~16x) from linear work (~4x)', () => {
  const make = (n: number) => 'ab'.repeat(n)
  const linear = (s: string) => {
    let h = 0
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0
    return h
  }
  const quadratic = (s: string) => {
    let h = 0
    for (let i = 0; i < s.length; i += 8) for (let j = i; j < s.length; j += 8) h = (h + s.charCodeAt(j)) | 0
    return h
  }
  expect(growthAt4n(make, linear, 50_000)).toBeLessThan(8)
  expect(growthAt4n(make, quadratic, 1_000)).toBeGreaterThan(10)
})
