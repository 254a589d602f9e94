/*
 * The one yardstick for "linear in its input" (DESIGN.md: every parser and regex over untrusted text is tested at n
 * and 4n). Linear work gives a ratio near 4, quadratic near 16. Measured on this 2-core machine over every linearity
 * test, linear code ranged from 4 to about 10 on a single measurement: a 4n input that leaves the CPU caches, or a GC
 * that lands in one size and not the other, adds time to one side only. Tests therefore assert LINEAR_BOUND (10, an
 * exponent of 1.66) after up to five measurements, which linear code meets on a loaded CI and quadratic code cannot.
 */
export const LINEAR_BOUND = 10

/** CPU time (ms) of this process during fn: less disturbed than wall time by other processes sharing the cores. */
function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage()
  fn()
  const d = process.cpuUsage(t0)
  return (d.user + d.system) / 1000
}

/**
 * Time at 4n over time at n. `make(n)` prepares an input of size n and returns the call to time (prepare distinct
 * inputs inside it if the code caches per input). Each call is repeated until the small size takes at least 8 ms,
 * so timer granularity never decides the ratio. Each measurement interleaves the two sizes five times and keeps each
 * size's fastest run (noise only ever adds time). A ratio at or above the bound is measured again, up to `attempts`
 * (8) times, each size keeping its fastest run over all of them: quadratic work stays near 16 however often it is
 * measured, while a lowest-ratio pick would favour a run whose small size happened to be slowed. Keep the 4n input
 * small, well under 1 MB and under 1,000 elements for tree-shaped inputs: once it outgrows the CPU caches (sooner on
 * a loaded machine), time stops measuring the algorithm (a plain indexOf then grows 12x for 4x).
 *
 * A ratio under 2 means the 4n input cost about what the n input did: it was refused by a cap or served from a
 * cache, and the test would measure nothing. That is thrown as an error in the test, unless `flatOk` says the cost
 * is meant to stop growing (a value cut to a cap before the work).
 */
export function growthRatio(
  make: (n: number) => () => unknown,
  n: number,
  o: { bound?: number; attempts?: number; flatOk?: boolean } = {},
): { small: number; large: number; ratio: number } {
  const small = make(n)
  const large = make(4 * n)
  small()
  large() // warm up the JIT on both sizes
  let reps = 1
  while (
    reps < 1024 &&
    Math.min(
      cpuMs(() => repeat(small, reps)),
      cpuMs(() => repeat(small, reps)),
    ) < 8
  )
    reps *= 2
  const bound = o.bound ?? LINEAR_BOUND
  // Each size keeps its fastest run over every attempt, so one disturbed run on either side never decides the ratio.
  let s = Infinity
  let l = Infinity
  for (let i = 0; i < (o.attempts ?? 8); i++) {
    for (let k = 0; k < 5; k++) {
      s = Math.min(
        s,
        cpuMs(() => repeat(small, reps)),
      )
      l = Math.min(
        l,
        cpuMs(() => repeat(large, reps)),
      )
    }
    const ratio = l / Math.max(s, 0.001)
    if (process.env.LINEARITY_LOG)
      console.log(`[lin] ${ratio.toFixed(2)} n=${n} ${new Error().stack?.split('\n')[2]?.trim()}`)
    if (ratio < bound && (ratio >= 2 || o.flatOk)) break
  }
  const best = { small: s, large: l, ratio: l / Math.max(s, 0.001) }
  if (best.ratio < 2 && !o.flatOk) {
    throw new Error(
      `growthRatio: the 4n input took ${best.large.toFixed(2)} ms against ${best.small.toFixed(2)} ms for n: it is refused early or cached, so nothing is measured`,
    )
  }
  return best
}

function repeat(fn: () => unknown, times: number): void {
  for (let i = 0; i < times; i++) fn()
}
