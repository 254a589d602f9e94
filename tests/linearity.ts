/*
 * The one yardstick for "linear in its input" (DESIGN.md: every parser and regex over untrusted text is tested at n
 * and 4n). Linear work gives a ratio near 4, quadratic near 16; tests assert a generous bound (< 8) that linear code
 * meets on a loaded machine and quadratic code cannot.
 */

/** CPU time (ms) of this process during fn: less disturbed than wall time by other processes sharing the cores. */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage()
  fn()
  const d = process.cpuUsage(t0)
  return (d.user + d.system) / 1000
}

function median(fn: () => unknown): number {
  const times = [cpuMs(fn), cpuMs(fn), cpuMs(fn)].sort((a, b) => a - b)
  return times[1]!
}

/**
 * Time at 4n over time at n. `make(n)` prepares an input of size n and returns the call to time (prepare distinct
 * inputs inside it if the code caches per input). Each call is repeated until the small size takes at least 4 ms,
 * so timer granularity never decides the ratio; each size is the median of 3. A measurement at or above the bound
 * is taken again, up to `attempts` times, and the lowest kept: a GC or a busy neighbour only ever adds time, while
 * quadratic work stays near 16 on every attempt. Keep the 4n input under about 1 MB: beyond the CPU caches time
 * stops measuring the algorithm (a plain indexOf then grows 12x for 4x).
 */
export function growthRatio(make: (n: number) => () => unknown, n: number, o: { bound?: number; attempts?: number } = {}): { small: number; large: number; ratio: number } {
  const small = make(n)
  const large = make(4 * n)
  small()
  large() // warm up the JIT on both sizes
  let reps = 1
  while (reps < 1024 && cpuMs(() => repeat(small, reps)) < 4) reps *= 2
  let best = { small: 0, large: 0, ratio: Infinity }
  for (let i = 0; i < (o.attempts ?? 3); i++) {
    const s = median(() => repeat(small, reps))
    const l = median(() => repeat(large, reps))
    const r = { small: s, large: l, ratio: l / Math.max(s, 0.001) }
    if (r.ratio < best.ratio) best = r
    if (best.ratio < (o.bound ?? 8)) break
  }
  return best
}

function repeat(fn: () => unknown, times: number): void {
  for (let i = 0; i < times; i++) fn()
}
