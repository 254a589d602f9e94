// CLI start-up cost (issue 11 target: one `metadata` check of a 50 KB file ≤ 60 ms more than a bare `node -e 0`, and
// ≤ 60 MB peak RSS). Spawns each command `runs` times, interleaved so machine load hits both alike, and reports the
// medians; peak RSS comes from GNU time's "Maximum resident set size" (the kernel's high-water mark, children
// included). Usage: node --import tsx scripts/bench-cli-start.ts [runs=20]   (npm run build:cli first)
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

function wallMs(argv: string[]): number {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, argv, { stdio: 'ignore' })
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}`)
  return performance.now() - t0
}

const hasGnuTime = existsSync('/usr/bin/time')
function peakRssMb(argv: string[]): number | undefined {
  if (!hasGnuTime) return undefined
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...argv], { encoding: 'utf8' })
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)
  return m ? Number(m[1]) / 1024 : undefined
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]! }

for (const [, argv] of commands) wallMs(argv) // warm the page cache
const samples = commands.map(() => [] as number[])
for (let i = 0; i < runs; i++) commands.forEach(([, argv], k) => samples[k]!.push(wallMs(argv)))
const rss = commands.map(([, argv]) => median([0, 1, 2].map(() => peakRssMb(argv) ?? Number.NaN)))
const base = median(samples[0]!)
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`)
console.log(`| command (${runs} runs each, interleaved) | median wall | over node -e 0 | peak RSS |`)
console.log('|---|---:|---:|---:|')
commands.forEach(([label], k) => {
  const m = median(samples[k]!)
  console.log(`| ${label} | ${m.toFixed(0)} ms | ${k === 0 ? '—' : `+${(m - base).toFixed(0)} ms`} | ${Number.isNaN(rss[k]) ? 'n/a' : `${rss[k]!.toFixed(1)} MB`} |`)
})
console.log('\nTarget (metadata): ≤ +60 ms over node -e 0, ≤ 60 MB peak RSS.')
rmSync(dir, { recursive: true, force: true })
