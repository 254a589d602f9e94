import { connect } from 'node:net'
import { expect, test } from '@playwright/test'
import { createStore, type Store } from '../lib/store/index'
import { dropSchema, isolatedDatabaseUrl } from '../lib/store/testing'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../lib/testlogin/demo'
import { appDistDir } from './hostile/app-process'
import { startMockIdp, type MockIdp } from './mock-idp/server'
import { E2E_SP_ENTITY_ID, E2E_VENDOR_ACS } from './mock-idp/e2e-support'
import { freePort } from './free-port'
import { newAppBrowser, oidcLoginAcross, samlLoginAcross } from './multi-instance/flows'
import { signedInSession, startTeamInstance, teamEnv, type TeamInstance } from './multi-instance/instances'

/*
 * Issue 10 item 7: any number of instances. Two team servers on one PostgreSQL (TEST_DATABASE_URL, a schema of its
 * own), nothing shared but the database and the deployment's secrets. A test login started on A completes on B
 * (OIDC with a client secret, SAML with the ACS posted to B), the unmasked view follows the browser to B, and the
 * rate-limit counters of A and B add up. Required in CI (.ci/run starts PostgreSQL); skipped with a reason elsewhere.
 */

const RATE_LIMIT = 30
const testDb = process.env.TEST_DATABASE_URL

test.describe.configure({ mode: 'serial' })

test('two app instances on one PostgreSQL: test logins, sessions and rate limits cross instances', async () => {
  test.setTimeout(300_000)
  if (process.env.CI && !testDb)
    throw new Error('TEST_DATABASE_URL is required in CI for the two-instance test (.ci/run starts PostgreSQL)')
  test.skip(
    !testDb,
    'TEST_DATABASE_URL is not set: the two-instance test needs a PostgreSQL both instances share (.ci/run starts one)',
  )
  const distDir = appDistDir()
  test.skip(!distDir, 'no production build of the app (the Playwright config builds .next-e2e)')

  const { url: databaseUrl, schema } = await isolatedDatabaseUrl(testDb!)
  let idp: MockIdp | undefined
  let a: TeamInstance | undefined
  let b: TeamInstance | undefined
  let store: Store | undefined
  try {
    const [portA, portB] = [await freePort(), await freePort()]
    const publicUrl = `http://localhost:${portA}`
    // Behind a load balancer every instance names the one public URL: the IdP sends the browser back there, and the
    // balancer picks an instance. Here the test is the balancer, and it picks the other instance on purpose.
    process.env.MOCK_IDP_REDIRECT_URIS = [process.env.MOCK_IDP_REDIRECT_URIS, `${publicUrl}/oidc/callback`]
      .filter(Boolean)
      .join(',')
    idp = await startMockIdp({ port: 0 })
    const env = {
      ...teamEnv({
        databaseUrl,
        publicUrl,
        idpIssuer: idp.oidcIssuer,
        clientId: DEMO_CLIENT_ID,
        clientSecret: DEMO_CLIENT_SECRET,
      }),
      SSO_PREFLIGHT_RATE_LIMIT: String(RATE_LIMIT),
      SSO_PREFLIGHT_RATE_LIMIT_WINDOW_SECONDS: '3600',
    }
    ;[a, b] = await Promise.all([
      startTeamInstance({ distDir: distDir!, env, port: portA }),
      startTeamInstance({ distDir: distDir!, env, port: portB }),
    ])
    const A = a.url
    const B = `http://localhost:${portB}`
    store = await createStore({ databaseUrl })
    // In team mode every request but the open endpoints needs a session. It is created here, in the test process,
    // through the store the instances share: whichever instance gets the cookie finds the session.
    const session = await signedInSession(store, idp.oidcIssuer)
    const extraCookie = session.cookie
    const withSession = (base: string) => ({ cookie: extraCookie, origin: base })

    const post = (base: string, body: unknown) =>
      fetch(`${base}/api/connections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...withSession(base) },
        body: JSON.stringify(body),
      })
    const oidcCreated = await post(A, {
      name: 'two-instance OIDC',
      protocol: 'oidc',
      profileId: 'generic',
      issuer: idp.oidcIssuer,
      clientId: DEMO_CLIENT_ID,
    })
    expect(oidcCreated.status, await oidcCreated.clone().text()).toBe(201)
    const oidcId = ((await oidcCreated.json()) as { id: string }).id
    const samlCreated = await post(B, {
      name: 'two-instance SAML',
      protocol: 'saml',
      profileId: 'autodesk',
      metadataXml: await (await fetch(idp.samlMetadataUrl)).text(),
      spEntityId: E2E_SP_ENTITY_ID,
      acsUrl: E2E_VENDOR_ACS,
    })
    expect(samlCreated.status, await samlCreated.clone().text()).toBe(201)
    const samlId = ((await samlCreated.json()) as { id: string }).id

    await test.step('OIDC: started on A with a client secret, the callback lands on B and completes', async () => {
      const browser = newAppBrowser()
      const run = await oidcLoginAcross({
        start: A,
        finish: B,
        connectionId: oidcId,
        clientSecret: DEMO_CLIENT_SECRET,
        username: 'ok+oidc-across@demo.test',
        browser,
        extraCookie,
      })
      const stored = await store!.runs.get(run.runId)
      expect(stored?.status, JSON.stringify(stored?.report?.findings.map((f) => f.code))).toBe('completed')
      expect(stored?.report?.summary.verdict).toBe('go')
      // The unmasked view was written by B and is readable by this browser on A as well.
      expect(run.resultPage).toContain('ok+oidc-across@demo.test')
      const onA = await fetch(`${A}/test-logins/${run.runId}`, {
        headers: { cookie: `${browser.cookie}; ${extraCookie}` },
      })
      expect(await onA.text()).toContain('ok+oidc-across@demo.test')
      // Another browser sees the masked result only.
      const other = await fetch(`${B}/test-logins/${run.runId}`, {
        headers: { cookie: `${newAppBrowser().cookie}; ${extraCookie}` },
      })
      expect(await other.text()).not.toContain('ok+oidc-across@demo.test')
      // The secret was taken once and the database holds no trace of it in clear.
      const { rows } = await rawQuery(databaseUrl, 'select key, ciphertext from login_secrets')
      expect(rows.map((r) => String(r.ciphertext)).join('\n')).not.toContain(DEMO_CLIENT_SECRET)
      expect(rows.some((r) => String(r.key ?? '').startsWith('oidc-run:'))).toBe(false)
    })

    await test.step('SAML: started on A, the IdP’s answer posted to B’s ACS, completes', async () => {
      const run = await samlLoginAcross({
        start: A,
        finish: B,
        connectionId: samlId,
        username: 'ok+saml-across@demo.test',
        extraCookie,
      })
      const stored = await store!.runs.get(run.runId)
      expect(stored?.status, JSON.stringify(stored?.report?.findings.map((f) => f.code))).toBe('completed')
      expect(run.resultPage).toContain('ok+saml-across@demo.test')
    })

    await test.step('a session created on one instance is used on the other', async () => {
      for (const base of [A, B]) {
        const withCookie = await fetch(`${base}/api/connections`, { headers: { cookie: session.cookie } })
        expect(withCookie.status, base).toBe(200)
        expect(
          ((await withCookie.json()) as { connections: { id: string }[] }).connections.map((c) => c.id).sort(),
        ).toEqual([oidcId, samlId].sort())
        expect((await fetch(`${base}/api/connections`)).status, base).toBe(401)
      }
    })

    await test.step('rate limits: hits on A and B add up to one budget, whatever X-Forwarded-For a client sends', async () => {
      // One OIDC callback is already counted. Alternate A and B: a per-instance counter would let 2 × the limit through.
      const statuses: { on: 'A' | 'B'; status: number; retryAfter: string | null }[] = []
      for (let i = 0; i < 2 * RATE_LIMIT; i++) {
        const on = i % 2 === 0 ? 'A' : 'B'
        // A different X-Forwarded-For on every request: the team server believes none (no trusted proxy), so all
        // of them count against the one socket address.
        const r = await fetch(`${on === 'A' ? A : B}/oidc/callback?state=rate-limit-probe-${i}`, {
          redirect: 'manual',
          headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        })
        statuses.push({ on, status: r.status, retryAfter: r.headers.get('retry-after') })
        await r.arrayBuffer()
      }
      const allowed = statuses.filter((s) => s.status !== 429).length
      expect(allowed).toBeGreaterThanOrEqual(RATE_LIMIT - 1)
      expect(allowed).toBeLessThanOrEqual(RATE_LIMIT)
      expect(statuses.filter((s) => s.status === 429 && s.on === 'A').length).toBeGreaterThan(0)
      expect(statuses.filter((s) => s.status === 429 && s.on === 'B').length).toBeGreaterThan(0)
      expect(statuses.find((s) => s.status === 429)?.retryAfter).toMatch(/^\d+$/)
    })

    await test.step('a body over the ACS cap is refused before a byte of it is sent (the request policy at the socket)', async () => {
      // Headers only, announcing 50 MB: without the early refusal the server would wait for the body.
      const { port } = new URL(A)
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1')
        let got = ''
        const timer = setTimeout(() => {
          socket.destroy()
          reject(new Error(`no answer in 5 s (got ${JSON.stringify(got.slice(0, 200))})`))
        }, 5_000)
        socket.on('data', (d) => (got += d.toString('latin1')))
        socket.on('close', () => {
          clearTimeout(timer)
          resolve(got)
        })
        socket.on('error', reject)
        socket.write(
          `POST /saml/acs HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\n`,
        )
      })
      expect(answer).toMatch(/^HTTP\/1\.1 413 /)
      expect(answer).toContain('the limit for this address is 2 MB')
    })

    await test.step('each instance logs JSON lines with route patterns and serves its metrics', async () => {
      const lines = [...a!.logLines(), ...b!.logLines()]
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request')
      expect(lines.some((l) => l.route === '/test-logins/[runId]/claim' && l.status === 303)).toBe(true)
      expect(
        lines.every(
          (l) =>
            typeof l.route === 'string' && !/[A-Za-z0-9_-]{16,}/.test(String(l.route).replace(/\[[a-zA-Z]+\]/g, '')),
        ),
      ).toBe(true)
      const metrics = await (await fetch(`${B}/api/metrics`, { headers: withSession(B) })).text()
      expect(metrics).toMatch(/^sso_preflight_test_logins_total\{outcome="passed",protocol="(oidc|saml)"\} [1-9]/m)
      expect(metrics).toMatch(/^sso_preflight_rate_limited_total\{group="oidc-callback"\} [1-9]/m)
    })

    await test.step('SIGTERM: each instance drains and exits 0', async () => {
      expect(await a!.stop(), a!.stderr()).toBe(0)
      expect(await b!.stop(), b!.stderr()).toBe(0)
    })
  } finally {
    await a?.stop()
    await b?.stop()
    await store?.close()
    await idp?.close()
    await dropSchema(testDb!, schema).catch(() => {})
  }
})

async function rawQuery(url: string, sql: string): Promise<{ rows: Record<string, unknown>[] }> {
  const { default: pg } = await import('pg')
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await c.query(sql)
  } finally {
    await c.end()
  }
}
