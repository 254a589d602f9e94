import { performance } from 'node:perf_hooks'

/**
 * How much longer `run` takes on an input 4x as large: the median of `rounds` timings at 4n over the median at n.
 * Linear work gives ~4, quadratic ~16. Callers assert a generous bound (< 8) so a loaded machine cannot fail a
 * linear parser, while a quadratic one still cannot pass.
 */
export function growthAt4n<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, rounds = 5): number {
  const small = make(n)
  const large = make(4 * n)
  run(small) // warm up the JIT on the same shape
  const time = (input: T) => {
    const samples: number[] = []
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now()
      run(input)
      samples.push(performance.now() - t0)
    }
    samples.sort((a, b) => a - b)
    return samples[Math.floor(samples.length / 2)]!
  }
  return time(large) / Math.max(time(small), 0.05)
}
