// npm run bench:team — two app instances (the team server, scripts/serve-team.mjs) on one PostgreSQL serving
// simulated users on loopback, for a bounded time. Each user, in a loop with a short think time: lists the
// connections, opens a test-login report, and runs a test login against the mock IdP started on one instance and
// finished on the other (as a load balancer would split it). Prints p50 / p95 / p99 page time (every request to an
// app instance, the IdP's own pages excluded) and the error count. Asserts nothing: the target (p95 ≤ 300 ms, no
// error) is read from the output.
//
// Needs a production build (NEXT_DIST_DIR, default .next-e2e, else .next) and PostgreSQL in BENCH_DATABASE_URL or
// TEST_DATABASE_URL (a schema of its own is created and dropped). BENCH_USERS (200), BENCH_SECONDS (30: measured
// after the users have arrived, spread over one think time), BENCH_THINK_MS (10000: mean pause between a user's
// steps, a person reading a page; lower it to find the knee), BENCH_CPU_PROF_DIR (below). Each step's pause is uniform in
// 0.5–1.5 × BENCH_THINK_MS; a user's cycle is 6 requests to the app and 3 pauses, so the offered load is about
// 2 × BENCH_USERS / (BENCH_THINK_MS / 1000) requests per second.
//
// Sign-in: each user gets a session of its own, created through the store's SessionRepository (what the OIDC
// sign-in ends in), and sends its cookie to every instance.
import { existsSync } from 'node:fs'
import { appDistDir } from '../e2e/hostile/app-process'
import { freePort } from '../e2e/free-port'
import { startMockIdp } from '../e2e/mock-idp/server'
import { newAppBrowser, oidcLoginAcross, samlLoginAcross } from '../e2e/multi-instance/flows'
import { signedInSession, startTeamInstance, teamEnv } from '../e2e/multi-instance/instances'
import { createStore } from '../lib/store/index'
import { dropSchema, isolatedDatabaseUrl } from '../lib/store/testing'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../lib/testlogin/demo'

// The vendor's SP values the e2e connections use (e2e/mock-idp/e2e-support.ts, which needs Playwright's env).
const E2E_SP_ENTITY_ID = 'https://www.okta.com/saml2/service-provider/spe2e0000000001'
const E2E_VENDOR_ACS = 'https://autodesk-prod.okta.com/sso/saml2/0oae2e0000000001'

const USERS = Number(process.env.BENCH_USERS ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 10_000)
const dbUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
const distDir =
  process.env.NEXT_DIST_DIR && existsSync(`${process.env.NEXT_DIST_DIR}/BUILD_ID`)
    ? process.env.NEXT_DIST_DIR
    : appDistDir()

if (!dbUrl || !distDir) {
  console.error(
    `bench-team: needs ${!dbUrl ? 'BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL both instances share)' : ''}${!dbUrl && !distDir ? ' and ' : ''}${!distDir ? 'a production build (NEXT_DIST_DIR=.next-e2e npx next build --webpack)' : ''}`,
  )
  process.exit(2)
}

const { url: databaseUrl, schema } = await isolatedDatabaseUrl(dbUrl)
const [portA, portB] = [await freePort(), await freePort()]
const publicUrl = `http://localhost:${portA}`
process.env.MOCK_IDP_REDIRECT_URIS = `${publicUrl}/oidc/callback`
const idp = await startMockIdp({ port: 0 })
const env = {
  ...teamEnv({
    databaseUrl,
    publicUrl,
    idpIssuer: idp.oidcIssuer,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
  }),
  // Every simulated user comes from 127.0.0.1: one address, so the per-address limit is lifted for the benchmark.
  SSO_PREFLIGHT_RATE_LIMIT: '0',
  SSO_PREFLIGHT_LOG_FORMAT: 'text',
}
// BENCH_CPU_PROF_DIR=dir: each instance writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
const nodeArgs = process.env.BENCH_CPU_PROF_DIR
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
  : []
const [a, b] = await Promise.all([
  startTeamInstance({ distDir, env, port: portA, nodeArgs }),
  startTeamInstance({ distDir, env, port: portB, nodeArgs }),
])
const instances = [a.url, `http://localhost:${portB}`]

// Every request to an app instance is timed; the mock IdP's are not (they are the IdP's time, not ours).
const appOrigins = new Set(
  instances.map((u) => new URL(u).host).concat(instances.map((u) => new URL(u).host.replace('localhost', '127.0.0.1'))),
)
const times: number[] = []
const byRoute = new Map<string, number[]>()
const bytesByRoute = new Map<string, number>()
const routeOf = (u: URL) => u.pathname.replace(/\/[A-Za-z0-9_-]{16,64}(?=\/|$)/g, '/:id')
const errors: string[] = []
let measuring = false
// Errors count from the end of the warm-up, the ramp included.
let afterWarmUp = false
const realFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
  if (!appOrigins.has(url.host)) return realFetch(input, init)
  const t0 = performance.now()
  try {
    const r = await realFetch(input, init)
    const body = await r.arrayBuffer() // the whole page, as a browser waits for it
    if (measuring) {
      const ms = performance.now() - t0
      times.push(ms)
      const key = `${init?.method ?? 'GET'} ${routeOf(url)}`
      const list = byRoute.get(key) ?? []
      list.push(ms)
      byRoute.set(key, list)
      bytesByRoute.set(key, (bytesByRoute.get(key) ?? 0) + body.byteLength)
    }
    if (afterWarmUp && r.status >= 500) errors.push(`${r.status} ${url.pathname.replace(/[A-Za-z0-9_-]{16,}/g, ':id')}`)
    return new Response([101, 204, 205, 304].includes(r.status) ? null : body, {
      status: r.status,
      statusText: r.statusText,
      headers: r.headers,
    })
  } catch (err) {
    if (afterWarmUp) errors.push(`${err instanceof Error ? err.message : String(err)} ${url.pathname}`)
    throw err
  }
}

const store = await createStore({ databaseUrl })
const owner = await signedInSession(store, idp.oidcIssuer, 'bench-owner')
const post = (base: string, body: unknown) =>
  fetch(`${base}/api/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, cookie: owner.cookie },
    body: JSON.stringify(body),
  })
const saml = (
  (await (
    await post(instances[0]!, {
      name: 'bench SAML',
      protocol: 'saml',
      profileId: 'autodesk',
      metadataXml: await (await realFetch(idp.samlMetadataUrl)).text(),
      spEntityId: E2E_SP_ENTITY_ID,
      acsUrl: E2E_VENDOR_ACS,
    })
  ).json()) as { id: string }
).id
const oidc = (
  (await (
    await post(instances[1]!, {
      name: 'bench OIDC',
      protocol: 'oidc',
      profileId: 'generic',
      issuer: idp.oidcIssuer,
      clientId: DEMO_CLIENT_ID,
    })
  ).json()) as { id: string }
).id

const pause = () => new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())))
let logins = 0
let stopAt = 0

async function user(k: number): Promise<void> {
  const browser = newAppBrowser()
  // Every user signs in to the owner's workspace (one session each, as 200 people would have).
  const session = await signedInSession(store, idp.oidcIssuer, 'bench-owner', owner)
  const extraCookie = session.cookie
  const cookie = `${browser.cookie}; ${extraCookie}`
  let lastRun: string | undefined
  for (let step = 0; Date.now() < stopAt; step++) {
    const here = instances[(k + step) % 2]!
    const there = instances[(k + step + 1) % 2]!
    try {
      await fetch(`${here}/connections`, { headers: { cookie } })
      await pause()
      if (lastRun) {
        await fetch(`${there}/test-logins/${lastRun}`, { headers: { cookie } })
        await pause()
      }
      if (Date.now() >= stopAt) break
      const run =
        step % 4 === 3
          ? await oidcLoginAcross({
              start: here,
              finish: there,
              connectionId: oidc,
              clientSecret: DEMO_CLIENT_SECRET,
              username: `ok+bench${k}@demo.test`,
              browser,
              extraCookie,
            })
          : await samlLoginAcross({
              start: here,
              finish: there,
              connectionId: saml,
              username: `ok+bench${k}@demo.test`,
              browser,
              extraCookie,
            })
      lastRun = run.runId
      logins++
      await pause()
    } catch (err) {
      if (afterWarmUp) errors.push(`user ${k}: ${(err instanceof Error ? err.message : String(err)).slice(0, 200)}`)
    }
  }
}

try {
  // Warm-up: a few logins per instance so the first-render costs are not in the figures.
  stopAt = Date.now() + 5000
  await Promise.all(Array.from({ length: 4 }, (_, k) => user(k)))
  // Users arrive spread over one think time (at least a second), as a load test ramps up: all of them in the same
  // second would march in step, each wave of 200 requests queueing behind the last. The figures are taken from the
  // moment the last one has arrived, for SECONDS.
  afterWarmUp = true
  const ramp = Math.max(1000, THINK_MS)
  const rampEnd = Date.now() + ramp
  stopAt = rampEnd + SECONDS * 1000
  const measured = new Promise<number>((resolve) =>
    setTimeout(() => {
      measuring = true
      logins = 0
      resolve(Date.now())
    }, ramp),
  )
  await Promise.all(
    Array.from({ length: USERS }, (_, k) => new Promise((r) => setTimeout(r, (k * ramp) / USERS)).then(() => user(k))),
  )
  measuring = false
  const wall = (Date.now() - (await measured)) / 1000
  times.sort((x, y) => x - y)
  const q = (p: number) =>
    times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1) : 'n/a'
  console.log(
    `\n## Team deployment: ${USERS} simulated users, 2 instances on one PostgreSQL, ${SECONDS} s (think time ~${THINK_MS} ms)`,
  )
  console.log('| app requests | per second | p50 ms | p95 ms | p99 ms | test logins | errors |')
  console.log('|---:|---:|---:|---:|---:|---:|---:|')
  console.log(
    `| ${times.length} | ${(times.length / wall).toFixed(1)} | ${q(0.5)} | ${q(0.95)} | ${q(0.99)} | ${logins} | ${errors.length} |`,
  )
  console.log('\n| request | count | p50 ms | p95 ms | mean KB |')
  console.log('|---|---:|---:|---:|---:|')
  for (const [route, list] of [...byRoute].sort()) {
    list.sort((x, y) => x - y)
    console.log(
      `| ${route} | ${list.length} | ${list[Math.floor(0.5 * list.length)]!.toFixed(1)} | ${list[Math.min(list.length - 1, Math.floor(0.95 * list.length))]!.toFixed(1)} | ${((bytesByRoute.get(route) ?? 0) / list.length / 1024).toFixed(1)} |`,
    )
  }
  if (errors.length) console.log(`\nfirst errors:\n${[...new Set(errors)].slice(0, 10).join('\n')}`)
} finally {
  globalThis.fetch = realFetch
  await Promise.all([a.stop(), b.stop()])
  await store.close()
  await idp.close()
  await dropSchema(dbUrl, schema).catch(() => {})
}
