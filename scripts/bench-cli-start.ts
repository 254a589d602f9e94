// CLI start-up cost (issue 11 target: one `metadata` check of a 50 KB file ≤ 60 ms more than a bare `node -e 0`, and
// ≤ 60 MB peak RSS). Spawns each command `runs` times, interleaved so machine load hits both alike, and reports the
// medians of wall time, CPU time (user + sys: steadier than wall on a shared machine) and peak RSS, the last two from
// GNU time (`/usr/bin/time`; the kernel's high-water mark). Usage: node --import tsx scripts/bench-cli-start.ts [runs=20]
// (npm run build:cli first; BENCH_COMPARE_CLI=<path> adds another build's metadata call, interleaved)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { largeSignedEntraMetadata } from './bench/inputs'

const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'dist/cli.mjs')
const runs = Number(process.argv[2] ?? 20)

const dir = mkdtempSync(join(tmpdir(), 'sso-cli-start-'))
const file = join(dir, 'metadata-50k.xml')
const xml = largeSignedEntraMetadata()
writeFileSync(file, xml)

const commands: [label: string, argv: string[]][] = [
  ['node -e 0', ['-e', '0']],
  [`sso-preflight metadata <${Math.round(xml.length / 1024)} KB file> --json`, [CLI, 'metadata', file, '--json']],
  ['sso-preflight --help', [CLI, '--help']],
]
// BENCH_COMPARE_CLI=<another build's dist/cli.mjs>: the same metadata call with it, interleaved (a before / after).
if (process.env.BENCH_COMPARE_CLI)
  commands.push([
    `metadata with ${process.env.BENCH_COMPARE_CLI}`,
    [process.env.BENCH_COMPARE_CLI, 'metadata', file, '--json'],
  ])

interface Sample {
  wallMs: number
  cpuMs?: number
  rssMb?: number
}
const hasGnuTime = existsSync('/usr/bin/time')

function once(argv: string[]): Sample {
  const [cmd, args] = hasGnuTime
    ? (['/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...argv]] as const)
    : ([process.execPath, argv] as const)
  const t0 = performance.now()
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  const wallMs = performance.now() - t0
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-300)}`)
  const m = /(\d+\.\d+) (\d+\.\d+) (\d+)\s*$/.exec(r.stderr)
  return m ? { wallMs, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssMb: Number(m[3]) / 1024 } : { wallMs }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

for (const [, argv] of commands) once(argv) // warm the page cache
const samples = commands.map(() => [] as Sample[])
for (let i = 0; i < runs; i++) commands.forEach(([, argv], k) => samples[k]!.push(once(argv)))
const med = (k: number, f: (s: Sample) => number | undefined) => {
  const xs = samples[k]!.map(f).filter((x): x is number => x !== undefined)
  return xs.length ? median(xs) : undefined
}
const baseWall = med(0, (s) => s.wallMs)!
const baseCpu = med(0, (s) => s.cpuMs)
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} CPUs`,
)
console.log(
  `| command (${runs} runs each, interleaved) | median wall | over node -e 0 | median CPU (user+sys) | over node -e 0 | peak RSS |`,
)
console.log('|---|---:|---:|---:|---:|---:|')
commands.forEach(([label], k) => {
  const wall = med(k, (s) => s.wallMs)!
  const cpu = med(k, (s) => s.cpuMs)
  const rss = med(k, (s) => s.rssMb)
  console.log(
    `| ${label} | ${wall.toFixed(0)} ms | ${k === 0 ? '—' : `+${(wall - baseWall).toFixed(0)} ms`} | ${cpu === undefined ? 'n/a' : `${cpu.toFixed(0)} ms`} | ${k === 0 || cpu === undefined || baseCpu === undefined ? '—' : `+${(cpu - baseCpu).toFixed(0)} ms`} | ${rss === undefined ? 'n/a' : `${rss.toFixed(1)} MB`} |`,
  )
})
console.log(
  '\nTarget (metadata): ≤ +60 ms over node -e 0, ≤ 60 MB peak RSS. (GNU time counts CPU in 10 ms steps: the median of many runs.)',
)
rmSync(dir, { recursive: true, force: true })
