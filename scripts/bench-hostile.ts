// Issue 7's targets, measured against the real app (`next start` on a free loopback port, the e2e or demo build) and
// its own mock IdP: for each hostile probe, the server's CPU time and RSS growth (target ≤ 2 s CPU, ≤ 256 MB above
// idle), then the median server time of a normal SAML test login idle and under 20 hostile requests per second
// (target within 2× of idle). Prints figures; asserts nothing. Linux only (/proc).
// Usage: node --import tsx scripts/bench-hostile.ts [--seconds 15] [--rate 20] [--logins 15] [--scale 1]
import { appDistDir, startApp, type AppProcess } from '../e2e/hostile/app-process'
import { fireHostile, runProbe } from '../e2e/hostile/load'
import { hostileProbes } from '../e2e/hostile/payloads'
import { MockBrowser } from '../e2e/mock-idp/driver'
import { usernameFor } from '../lib/mock-idp/scenarios'
import { startMockIdp } from '../e2e/mock-idp/server'

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : dflt
}
const SECONDS = arg('seconds', 15)
const RATE = arg('rate', 20)
const LOGINS = arg('logins', 15)
const SCALE = arg('scale', 1)
const MB = 1024 * 1024

const distDir = appDistDir()
if (!distDir) {
  console.log('No production build (.next-e2e or .next): run `npx next build` or the e2e suite first. Skipped.')
  process.exit(0)
}

const idp = await startMockIdp({ port: 0 })
const metadataXml = await (await fetch(idp.samlMetadataUrl)).text()

interface Target {
  app: AppProcess
  origin: string
  connectionId: string
}

async function boot(): Promise<Target> {
  const app = await startApp({ distDir: distDir! })
  // localhost: the app names its own origin so for loopback requests, and the result page's cookie is bound to it.
  const origin = `http://localhost:${app.port}`
  const r = await fetch(`${origin}/api/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'bench hostile',
      protocol: 'saml',
      profileId: 'autodesk',
      metadataXml,
      spEntityId: 'https://www.okta.com/saml2/service-provider/spbench0000001',
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oabench000001',
    }),
  })
  if (r.status !== 201) throw new Error(`creating the connection failed: ${r.status} ${await r.text()}`)
  return { app, origin, connectionId: ((await r.json()) as { id: string }).id }
}

/** One SAML test login through the app's routes; the server time is our three requests to the app, not the IdP's. */
async function loginServerMs(t: Target, tag: string): Promise<number> {
  const b = new MockBrowser()
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const s = performance.now()
    const v = await f()
    return [v, performance.now() - s]
  }
  const [start, tStart] = await timed(() =>
    b.request(`${t.origin}/connections/${t.connectionId}/test-login/start`, { method: 'POST', form: {} }),
  )
  if (!start.location) throw new Error(`start answered ${start.status}`)
  const answer = await b.submitForm(await b.go(start.location), { username: usernameFor('ok', tag) })
  const form = Object.fromEntries(
    [...answer.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
  )
  const [acs, tAcs] = await timed(() => b.request(`${t.origin}/saml/acs`, { method: 'POST', form }))
  if (!acs.location) throw new Error(`ACS answered ${acs.status}`)
  const [page, tPage] = await timed(() => b.go(acs.location!))
  if (!page.body.includes('GO: no blocking problems')) throw new Error(`the login did not pass (HTTP ${page.status})`)
  return tStart + tAcs + tPage
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)]! : NaN
}
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—')

let t = await boot()
console.log(`Hostile-input benchmark: next start (${distDir}) on ${t.origin}, Node ${process.version}, scale ${SCALE}`)
for (let i = 0; i < 3; i++) await loginServerMs(t, `warm${i}`)
const idle: number[] = []
for (let i = 0; i < LOGINS; i++) idle.push(await loginServerMs(t, `idle${i}`))
const idleMedian = median(idle)
console.log(`\nNormal SAML test login, server time, idle: median ${ms(idleMedian)} over ${idle.length} logins`)

console.log(
  '\n| probe | answer | wall | server CPU | RSS growth (peak above idle) | CPU and RSS within target (≤ 2 s, ≤ 256 MB) |',
)
console.log('|---|---|---:|---:|---:|---|')
for (const probe of hostileProbes({ port: t.app.port, scale: SCALE })) {
  if (t.app.exit()) t = await boot()
  // Probes name the port (the foreign-Host one): rebuild them for a restarted app.
  const p = hostileProbes({ port: t.app.port, scale: SCALE }).find((x) => x.name === probe.name)!
  const cpu0 = t.app.cpuMs()
  const rss0 = t.app.rssBytes()
  t.app.resetPeak()
  const r = await runProbe(t.app.port, p, 60_000)
  await new Promise((res) => setTimeout(res, 200))
  const died = t.app.exit()
  const cpu = t.app.cpuMs() - cpu0
  const growth = Math.max(0, t.app.peakRssBytes() - rss0)
  // A stalled server is measured as it stands, then replaced, so the next probe starts from idle.
  if (!died && r.error) await t.app.stop()
  const answer = died
    ? `server died (${died})`
    : r.error
      ? r.error
      : `${r.status}${r.ok ? '' : ` (${r.why.slice(0, 60)})`}`
  const within = !died && !r.error && cpu <= 2000 && growth <= 256 * MB
  console.log(
    `| ${p.name} | ${answer} | ${ms(r.ms)} | ${died ? '—' : ms(cpu)} | ${died ? '—' : `${(growth / MB).toFixed(0)} MB`} | ${within ? 'yes' : 'NO'} |`,
  )
}

if (t.app.exit()) t = await boot()
let over = false
const underLoad: number[] = []
let failed = 0
const attack = fireHostile({
  port: t.app.port,
  probes: hostileProbes({ port: t.app.port, scale: SCALE }),
  ratePerSecond: RATE,
  durationMs: SECONDS * 1000,
  timeoutMs: 20_000,
}).finally(() => {
  over = true
})
for (let i = 0; !over; i++) {
  try {
    underLoad.push(await loginServerMs(t, `load${i}`))
  } catch {
    failed++
    if (t.app.exit()) break
  }
}
const results = await attack
const loadMedian = median(underLoad)
const bad = results.filter((r) => !r.ok).length
console.log(
  `\nUnder ${RATE} hostile req/s for ${SECONDS} s (${results.length} sent, ${bad} answered badly: 5xx, reset, stall or accepted):`,
)
console.log(
  underLoad.length
    ? `Normal SAML test login, server time: median ${ms(loadMedian)} over ${underLoad.length} logins, ${failed} failed; ${(loadMedian / idleMedian).toFixed(1)}× idle (target ≤ 2×)`
    : `Normal SAML test login: none completed under attack (${failed} failed; target: within 2× of idle)`,
)
if (t.app.exit()) console.log(`The server died under attack (${t.app.exit()}).`)

await t.app.stop()
await idp.close()
