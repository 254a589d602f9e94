/**
 * The issue 7 probes for the XML parser and HAR triage, each in its own child process (so an out-of-memory or a
 * stall is measured, not suffered): wall time, CPU time, peak RSS and the outcome.
 * Run: npx tsx scripts/probe-hostile.ts [lib dir to measure, default ./lib] [--timeout 60]
 * (SSO_PREFLIGHT_ANALYSIS_WORKER=$PWD/dist/analysis-worker.mjs measures the built worker instead of the TS one)
 * (to compare with an older version: git archive <commit> lib | tar -x -C /tmp/before; npx tsx scripts/probe-hostile.ts /tmp/before/lib)
 * Also prints the overhead of running a small HAR analysis in the analysis worker instead of in-process.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const args = process.argv.slice(2)
const probe = process.env.PROBE_CHILD

if (probe) await child(probe, process.env.PROBE_LIB!)
else await parent()

async function parent(): Promise<void> {
  const lib = resolve(args.find((a) => !a.startsWith('--')) ?? 'lib')
  const t = args.indexOf('--timeout')
  const timeoutS = t >= 0 ? Number(args[t + 1]) : 60
  const rows: Record<string, unknown>[] = []
  for (const name of ['namespace-flood-320KB', 'attributes-100k', 'har-48000-hops', 'har-12000-distinct-hops']) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--max-old-space-size=4096', new URL(import.meta.url).pathname],
      {
        env: { ...process.env, PROBE_CHILD: name, PROBE_LIB: lib },
        timeout: timeoutS * 1000,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    )
    const line = r.stdout.trim().split('\n').at(-1) ?? ''
    rows.push(
      line.startsWith('{')
        ? JSON.parse(line)
        : {
            probe: name,
            outcome:
              r.signal === 'SIGTERM'
                ? `stopped after ${timeoutS} s`
                : `died: ${(r.stderr.match(/FATAL ERROR[^\n]*/) ?? [r.stderr.slice(-200)])[0]}`,
          },
    )
  }
  console.log(`lib: ${lib}`)
  console.table(rows)
  if (lib === resolve('lib')) await workerOverhead()
}

async function child(name: string, lib: string): Promise<void> {
  const load = (p: string) => import(pathToFileURL(resolve(lib, p)).href)
  const rss0 = process.memoryUsage().rss
  let peak = rss0
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const gen = await import(pathToFileURL(resolve('lib/xml/testing/adversarial.ts')).href)
  const har = await import(pathToFileURL(resolve('lib/triage/har/testing/hostile-har.ts')).href)
  let input: string
  let run: () => unknown
  let outcome: (r: unknown) => string
  const codes = (r: { ok?: boolean; findings?: { code: string }[] }) =>
    r.ok ? 'parsed' : [...new Set((r.findings ?? []).map((f) => f.code))].join(',')
  if (name.startsWith('namespace') || name.startsWith('attributes')) {
    const { parseSafeXml } = await load('xml/parse.ts')
    input = name.startsWith('namespace') ? gen.namespaceFlood(10_000, 10_000) : gen.attributeFlood(100_000)
    run = () => parseSafeXml(input)
    outcome = (r) => codes(r as never)
  } else {
    const { analyzeHar } = await load('triage/har/analyze.ts')
    const { BUILTIN_PROFILES } = await load('profiles/index.ts')
    input = name.includes('distinct') ? har.manySamlHops(12_000, { distinct: true }) : har.manySamlHops(48_000)
    run = () =>
      analyzeHar(input, {
        profile: BUILTIN_PROFILES.generic,
        now: new Date('2024-04-25T20:31:55Z'),
        maxBytes: 64 * 1024 * 1024,
      })
    outcome = (r) => {
      const rep = r as { findings: unknown[] }
      return `${rep.findings.length} findings, report ${(JSON.stringify(rep).length / 1048576).toFixed(1)} MB`
    }
  }
  const rssIn = process.memoryUsage().rss
  const c0 = process.cpuUsage(),
    t0 = performance.now()
  const r = run()
  const ms = performance.now() - t0,
    cpu = process.cpuUsage(c0)
  peak = Math.max(peak, process.memoryUsage().rss)
  clearInterval(timer)
  console.log(
    JSON.stringify({
      probe: name,
      inputMB: +(input.length / 1048576).toFixed(2),
      wallMs: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssAboveInputMB: Math.round((peak - rssIn) / 1048576),
      outcome: outcome(r),
    }),
  )
}

async function workerOverhead(): Promise<void> {
  const { analyzeHar } = await import('../lib/triage/har/analyze')
  const { runInWorker, workerEntry } = await import('../lib/budget/run-in-worker')
  const { BUILTIN_PROFILES } = await import('../lib/profiles/index')
  const { oneSamlHop } = await import('../lib/triage/har/testing/hostile-har')
  const options = { profile: BUILTIN_PROFILES.generic, now: new Date('2024-04-25T20:31:55Z') }
  const median = async (f: () => unknown) => {
    const ts: number[] = []
    for (let i = 0; i < 7; i++) {
      const t = performance.now()
      await f()
      ts.push(performance.now() - t)
    }
    return Math.round(ts.sort((a, b) => a - b)[3]!)
  }
  const text = oneSamlHop()
  const t0 = performance.now()
  await runInWorker('analyze-har', { text, options })
  const cold = Math.round(performance.now() - t0)
  const inProcess = await median(() => analyzeHar(text, options))
  const warm = await median(() => runInWorker('analyze-har', { text, options }))
  console.log(
    JSON.stringify({
      workerOverhead: {
        entry: workerEntry()?.file,
        smallHarInProcessMs: inProcess,
        firstJobColdMs: cold,
        warmJobMedianMs: warm,
        warmOverheadMs: warm - inProcess,
      },
    }),
  )
}
