import { expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from './linearity'

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
  expect(growthRatio(linear, 50_000).ratio).toBeLessThan(LINEAR_BOUND)
  // Small enough to need the repetition above timer granularity, large enough that the loop, not the call's fixed
  // cost, dominates on a loaded machine (at 200 a busy CI measured 8.7x).
  expect(growthRatio(quadratic, 1_000).ratio).toBeGreaterThan(10)
})
