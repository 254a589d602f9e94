// `sso-preflight login` against `sso-preflight mock-idp` (issue 11 targets: a full headless SAML test login in ≤ 1 s
// wall with the HTTP driver, ≤ 3 s with Chromium). Each run is the CLI step a pipeline runs: spawn the bundled bin,
// send the AuthnRequest, sign in, capture the answer to the ACS (nothing listens there), validate, print the report,
// exit. The mock runs once for all runs, started as the shipped command with the repo's test keys.
// Usage: node --import tsx scripts/bench-login.ts [runs=8] [chromiumRuns=4]   (npm run build:cli first)
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { spawnMockIdp } from '../lib/mock-idp/client'

const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'dist/cli.mjs')
const runs = Number(process.argv[2] ?? 8)
const chromiumRuns = Number(process.argv[3] ?? 4)

const idp = await spawnMockIdp({ command: [process.execPath, CLI], keysDir: join(ROOT, 'e2e/mock-idp/test-keys') })
const env = { ...process.env, SSO_PREFLIGHT_ALLOW_LOOPBACK: '1', SSO_PREFLIGHT_USERNAME: 'ok@demo.test' }
const samlArgs = [
  'login',
  '--idp-metadata',
  idp.samlMetadataUrl,
  '--sp-entity-id',
  'https://sp.example.com/saml',
  '--acs-url',
  'https://sp.example.com/saml/acs',
  '--profile',
  'generic',
  '--json',
]

function once(driver: string, scenario?: string): number {
  const t0 = performance.now()
  const r = spawnSync(
    process.execPath,
    [CLI, ...samlArgs, '--driver', driver, ...(scenario ? ['--scenario', scenario] : [])],
    { env, encoding: 'utf8' },
  )
  const ms = performance.now() - t0
  const expectedExit = scenario ? 1 : 0
  if (r.status !== expectedExit)
    throw new Error(
      `login --driver ${driver} exited ${r.status} (expected ${expectedExit}): ${r.stderr.slice(0, 300)} ${r.stdout.slice(0, 300)}`,
    )
  return ms
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, min ${s[0]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms`
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} CPUs (wall times grow with it)`,
)
try {
  once('http') // warm the page cache
  console.log(
    `login --driver http, SAML, passing (exit 0), ${runs} runs: ${stats(Array.from({ length: runs }, () => once('http')))} (target ≤ 1 s)`,
  )
  console.log(
    `login --driver http, SAML, wrong-audience (exit 1), ${runs} runs: ${stats(Array.from({ length: runs }, () => once('http', 'wrong-audience')))}`,
  )
  const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(chromium)) {
    console.log(
      `login --driver chromium (${chromium}), SAML, passing, ${chromiumRuns} runs: ${stats(Array.from({ length: chromiumRuns }, () => once('chromium')))} (target ≤ 3 s)`,
    )
  } else console.log(`login --driver chromium: skipped (${chromium} not found; PLAYWRIGHT_CHROMIUM_PATH names another)`)
} finally {
  await idp.stop()
}
