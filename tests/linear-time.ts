/** CPU time (ms) of this process during fn: less disturbed than wall time by other processes sharing the cores. */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage()
  fn()
  const d = process.cpuUsage(t0)
  return (d.user + d.system) / 1000
}

/** The median CPU time (ms) of `runs` calls of fn, after one warm-up call. */
export function medianMs(fn: () => unknown, runs = 3): number {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(cpuMs(fn))
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

/**
 * Time at 4n over time at n, each the median of 3 runs. Linear work gives ~4, quadratic ~16: tests assert a generous
 * bound (< 8). On a machine shared with other jobs one measurement can be disturbed (a GC or a neighbour at the wrong
 * moment), so a ratio at or above the bound is measured again, up to `attempts` times, and the lowest is returned:
 * quadratic work stays near 16 on every attempt, noise does not repeat. A floor of 2 ms on the small run keeps timer
 * granularity out.
 */
export function growthRatio(make: (n: number) => () => unknown, n: number, o: { bound?: number; attempts?: number } = {}): { small: number; large: number; ratio: number } {
  const small = make(n), large = make(4 * n)
  let best = { small: 0, large: 0, ratio: Infinity }
  for (let i = 0; i < (o.attempts ?? 3); i++) {
    const s = medianMs(small), l = medianMs(large)
    const r = { small: s, large: l, ratio: l / Math.max(s, 2) }
    if (r.ratio < best.ratio) best = r
    if (best.ratio < (o.bound ?? 8)) break
  }
  return best
}
