// `sso-preflight mock-idp --port 0` start-up (issue 11 target: ready, metadata answering, in ≤ 500 ms), measured from
// spawning the bundled bin to the first 200 from its metadata URL, with the repo's test keys (--keys) and with keys
// generated at start (three RSA-2048 key pairs; their generation time varies with the prime search and the machine).
// Also: `sso-preflight metadata` wall time, to show the mock's dependencies cost the other commands nothing.
// Usage: node --import tsx scripts/bench-mock-idp.ts [runs=8]   (npm run build:cli first)
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { spawnMockIdp } from '../lib/mock-idp/client'

const ROOT = join(import.meta.dirname, '..')
const CLI = [process.execPath, join(ROOT, 'dist/cli.mjs')]
const runs = Number(process.argv[2] ?? 8)

async function startOnce(keysDir?: string, personality?: 'entra'): Promise<{ wallMs: number; readyMs: number }> {
  const t0 = performance.now()
  const idp = await spawnMockIdp({
    command: CLI,
    ...(keysDir ? { keysDir } : {}),
    ...(personality ? { personality } : {}),
  })
  const r = await fetch(idp.samlMetadataUrl)
  if (r.status !== 200) throw new Error(`metadata answered ${r.status}`)
  await r.text()
  const wallMs = performance.now() - t0
  await idp.stop()
  return { wallMs, readyMs: idp.readyMs }
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, min ${s[0]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms`
}

function wall(args: string[]): number {
  const t0 = performance.now()
  try {
    execFileSync(args[0]!, args.slice(1), { stdio: 'ignore' })
  } catch {
    /* exit 1 = findings */
  }
  return performance.now() - t0
}

const node0 = Array.from({ length: runs }, () => wall([process.execPath, '-e', '0']))
// generic publishes two generated certificates (signing and the expired leftover), entra one.
for (const [label, keysDir, personality] of [
  ['--keys e2e/mock-idp/test-keys', join(ROOT, 'e2e/mock-idp/test-keys'), undefined],
  ['generated keys (generic: 2 published)', undefined, undefined],
  ['generated keys (--personality entra: 1 published)', undefined, 'entra'],
] as const) {
  const samples: { wallMs: number; readyMs: number }[] = []
  for (let i = 0; i < runs; i++) samples.push(await startOnce(keysDir, personality))
  console.log(
    `mock-idp --port 0, ${label}, ${runs} runs: spawn → metadata 200 ${stats(samples.map((s) => s.wallMs))}; in-process ready ${stats(samples.map((s) => s.readyMs))} (target ≤ 500 ms)`,
  )
}
console.log(`node -e 0: ${stats(node0)}`)
