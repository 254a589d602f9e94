import { performance } from 'node:perf_hooks'

/**
 * How much longer `run` takes on an input 4x as large: the fastest of `rounds` timings at 4n over the fastest at n,
 * best of three attempts. A loaded machine, a garbage collection or a JIT tier change can only make one attempt look
 * worse, never better, so the best attempt is the honest one. Linear work gives ~4, quadratic ~16: callers assert a
 * generous bound (< 8) that a linear parser meets and a quadratic one cannot. Pick n so the 4n input stays under
 * about 1 MB: beyond the CPU caches, time stops measuring the algorithm (a plain indexOf then grows 12x for 4x).
 */
export function growthAt4n<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, rounds = 5): number {
  const fastest = (input: T) => {
    run(input) // warm up the JIT on this shape and size
    let best = Infinity
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now()
      run(input)
      best = Math.min(best, performance.now() - t0)
    }
    return best
  }
  const small = make(n)
  const large = make(4 * n)
  let ratio = Infinity
  for (let attempt = 0; attempt < 3 && ratio >= 6; attempt++) {
    ratio = Math.min(ratio, fastest(large) / Math.max(fastest(small), 0.02))
  }
  return ratio
}
