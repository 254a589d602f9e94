import { expect, test } from 'vitest'
import { growthRatio } from './linearity'

// The yardstick itself: it must tell a quadratic loop from a linear one, or every linearity test built on it is void.
test('growthRatio tells quadratic work (~16x) from linear work (~4x)', () => {
  const linear = (n: number) => {
    const s = 'ab'.repeat(n)
    return () => {
      let h = 0
      for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0
      return h
    }
  }
  const quadratic = (n: number) => {
    const s = 'ab'.repeat(n)
    return () => {
      let h = 0
      for (let i = 0; i < s.length; i += 8) for (let j = i; j < s.length; j += 8) h = (h + s.charCodeAt(j)) | 0
      return h
    }
  }
  expect(growthRatio(linear, 50_000).ratio).toBeLessThan(8)
  // Small sizes on purpose: the repetition must lift them above timer granularity rather than flatter them.
  expect(growthRatio(quadratic, 200).ratio).toBeGreaterThan(10)
})
