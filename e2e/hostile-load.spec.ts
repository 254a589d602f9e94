import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { appDistDir, startApp, type AppProcess } from './hostile/app-process'
import { fireHostile, type ProbeResult } from './hostile/load'
import { hostileProbes } from './hostile/payloads'
import { E2E_SP_ENTITY_ID, E2E_VENDOR_ACS, runTestLogin } from './mock-idp/e2e-support'
import { startMockIdp, type MockIdp } from './mock-idp/server'

/*
 * Issue 7 item 8: the bounded load test. Its own `next start` (the e2e build, a free loopback port) and its own mock
 * IdP, so a crash here takes down nothing else. For 15 s, hostile bodies go to the open endpoints at 20 per second
 * while normal SAML test logins run in a browser; then every login must have passed, every hostile request must have
 * got a 4xx or an answer with findings (no 5xx, no reset, no stall), and the server must be the same process,
 * still answering.
 */
const HOSTILE_SECONDS = 15
const RATE = 20

test('hostile bodies at 20 req/s for 15 s: normal test logins complete, no 5xx or reset, the server never restarts', async ({
  browser,
}) => {
  test.setTimeout(300_000)
  const distDir = appDistDir()
  test.skip(
    !distDir,
    'no production build of the app (the Playwright config builds .next-e2e unless E2E_BASE_URL is set)',
  )
  let idp: MockIdp | undefined
  let app: AppProcess | undefined
  let context: BrowserContext | undefined
  try {
    idp = await startMockIdp({ port: 0 })
    app = await startApp({ distDir: distDir! })
    const pid = app.pid
    const created = await fetch(`${app.url}/api/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'load test SAML',
        protocol: 'saml',
        profileId: 'autodesk',
        metadataXml: await (await fetch(idp.samlMetadataUrl)).text(),
        spEntityId: E2E_SP_ENTITY_ID,
        acsUrl: E2E_VENDOR_ACS,
      }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const connectionId = ((await created.json()) as { id: string }).id
    const probes = hostileProbes({ port: app.port })

    // localhost, as the app names its own origin (its ACS and result links) for requests to 127.0.0.1.
    context = await browser.newContext({ baseURL: `http://localhost:${app.port}` })
    const page = await context.newPage()
    // Bounded waits: a stalled server fails a login in 30 s instead of holding the test (navigation has no default).
    page.setDefaultTimeout(30_000)
    page.setDefaultNavigationTimeout(30_000)
    // Warm-up login (first render compiles nothing in production, but fills caches): must pass before the attack.
    await runTestLoginAt(page, connectionId, 'ok+load-warmup@demo.test')

    const logins: { user: string; error?: string }[] = []
    let attackOver = false
    const attack = fireHostile({
      port: app.port,
      probes,
      ratePerSecond: RATE,
      durationMs: HOSTILE_SECONDS * 1000,
    }).finally(() => {
      attackOver = true
    })
    const normal = (async () => {
      for (let k = 0; !attackOver; k++) {
        const user = `ok+load${String(k).padStart(3, '0')}@demo.test`
        try {
          await runTestLoginAt(page, connectionId, user)
          logins.push({ user })
        } catch (err) {
          logins.push({ user, error: (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300) })
          if (app!.exit()) break
        }
      }
    })()
    const [results] = await Promise.all([attack, normal])

    const bad = results.filter((r) => !r.ok)
    test.info().annotations.push({ type: 'hostile', description: summary(results) })
    expect.soft(results.length, 'hostile requests answered').toBeGreaterThanOrEqual(RATE * HOSTILE_SECONDS * 0.5)
    expect.soft(new Set(results.map((r) => r.probe)).size, 'every probe was sent').toBe(probes.length)
    expect
      .soft(
        bad.map((r) => `${r.probe}: ${r.why}`),
        'hostile requests answered with a 5xx, a reset, a stall or an acceptance',
      )
      .toEqual([])
    expect.soft(logins.length, 'normal test logins during the attack').toBeGreaterThan(0)
    expect
      .soft(
        logins.filter((l) => l.error),
        'normal test logins that did not complete',
      )
      .toEqual([])
    // Never restarted: the process we started is still alive (signal 0 probes it) and still answers on its port.
    expect(app.exit(), `the server process exited: ${app.stderr().slice(-1500)}`).toBeUndefined()
    expect(() => process.kill(pid, 0)).not.toThrow()
    // Still answering, and a normal login still passes after the attack.
    expect((await fetch(`${app.url}/`, { signal: AbortSignal.timeout(30_000) })).status).toBe(200)
    await runTestLoginAt(page, connectionId, 'ok+load-after@demo.test')
  } finally {
    await context?.close()
    await app?.stop()
    await idp?.close()
  }
})

/** A whole SAML test login in the browser, as the other specs run it; the page's context has this app as its baseURL. */
async function runTestLoginAt(page: Page, connectionId: string, user: string): Promise<void> {
  await runTestLogin(page, connectionId, user)
  await expect(page.getByRole('heading', { name: /^GO/ })).toBeVisible()
}

function summary(results: readonly ProbeResult[]): string {
  const by = new Map<string, { n: number; bad: number; statuses: Set<string>; maxMs: number }>()
  for (const r of results) {
    const s = by.get(r.probe) ?? { n: 0, bad: 0, statuses: new Set<string>(), maxMs: 0 }
    s.n++
    if (!r.ok) s.bad++
    s.statuses.add(r.error ?? String(r.status))
    s.maxMs = Math.max(s.maxMs, r.ms)
    by.set(r.probe, s)
  }
  return [...by]
    .map(
      ([k, s]) =>
        `${k}: ${s.n} sent, ${s.bad} bad, answers ${[...s.statuses].join('/')}, max ${Math.round(s.maxMs)} ms`,
    )
    .join('; ')
}
