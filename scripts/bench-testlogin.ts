// Server time of a whole test login against the local mock IdP (issue 3 target: < 1.5 s), measured without Next.js:
// what our server does at "Run test login" (start) plus at the IdP's answer (ACS / callback), excluding the time the
// user spends at the IdP. Usage: npx tsx scripts/bench-testlogin.ts [runs=40] [--app http://localhost:3000]
// With --app, the same through a running app's HTTP routes (start → mock IdP → ACS / callback → claim), e.g. after
// `npm start`; the mock IdP is the one that app uses (MOCK_IDP_PORT, default 3200).
import { MockBrowser } from '../e2e/mock-idp/driver'
import { usernameFor } from '../lib/mock-idp/scenarios'
import { allowLoopbackForTests } from '../lib/net/index'
import { completeOidcTestLogin } from '../lib/testlogin/oidc/callback'
import { startOidcTestLogin } from '../lib/testlogin/oidc/start'
import { completeSamlTestLogin } from '../lib/testlogin/saml/complete'
import { startSamlTestLogin } from '../lib/testlogin/saml/start'
import { DEMO_CLIENT_SECRET } from '../lib/testlogin/demo'
import { openHarness, TEST_ORIGIN } from '../e2e/mock-idp/harness'

const args = process.argv.slice(2)
const appIndex = args.indexOf('--app')
const appUrl = appIndex >= 0 ? args[appIndex + 1] : undefined
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--app') ?? 40)
const h = appUrl ? undefined! : await openHarness()

interface Sample {
  start: number
  answer: number
  total: number
}

async function samlOnce(): Promise<Sample> {
  const t0 = performance.now()
  const started = await startSamlTestLogin(h.saml, { store: h.store, origin: TEST_ORIGIN })
  const t1 = performance.now()
  if (!started.ok || started.dispatch.binding !== 'redirect') throw new Error('SAML start failed')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  const login = await browser.go(started.dispatch.url)
  const answer = await browser.submitForm(login, { username: usernameFor('ok') })
  const form = Object.fromEntries(
    [...answer.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
  )
  const t2 = performance.now()
  const out = await completeSamlTestLogin(
    { samlResponse: form.SAMLResponse ?? '', relayState: form.RelayState ?? '' },
    { store: h.store },
  )
  const t3 = performance.now()
  if (out.kind !== 'run' || (await h.store.runs.get(out.runId))?.report?.summary.errors)
    throw new Error('SAML run did not pass')
  return { start: t1 - t0, answer: t3 - t2, total: t1 - t0 + (t3 - t2) }
}

async function oidcOnce(): Promise<Sample> {
  const t0 = performance.now()
  const started = await startOidcTestLogin(h.oidc, {
    store: h.store,
    origin: TEST_ORIGIN,
    clientSecret: DEMO_CLIENT_SECRET,
    fetchOptions: { [allowLoopbackForTests]: true },
  })
  const t1 = performance.now()
  if (!started.ok) throw new Error('OIDC start failed')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  const back = await browser.submitForm(await browser.go(started.url), { username: usernameFor('ok') })
  const url = new URL(back.url.startsWith(TEST_ORIGIN) ? back.url : back.location!)
  const t2 = performance.now()
  const out = await completeOidcTestLogin(url, { store: h.store })
  const t3 = performance.now()
  if (out.kind !== 'run' || (await h.store.runs.get(out.runId))?.report?.summary.errors)
    throw new Error('OIDC run did not pass')
  return { start: t1 - t0, answer: t3 - t2, total: t1 - t0 + (t3 - t2) }
}

const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`

async function measure(name: string, once: () => Promise<Sample>): Promise<void> {
  for (let i = 0; i < 5; i++) await once() // warm-up: JIT, PGlite, key imports
  const samples: Sample[] = []
  for (let i = 0; i < runs; i++) samples.push(await once())
  const col = (k: keyof Sample) => samples.map((s) => s[k])
  console.log(`${name.padEnd(5)} start  median ${fmt(q(col('start'), 0.5))}  p95 ${fmt(q(col('start'), 0.95))}`)
  console.log(`${''.padEnd(5)} answer median ${fmt(q(col('answer'), 0.5))}  p95 ${fmt(q(col('answer'), 0.95))}`)
  console.log(
    `${''.padEnd(5)} total  median ${fmt(q(col('total'), 0.5))}  p95 ${fmt(q(col('total'), 0.95))}  max ${fmt(Math.max(...col('total')))}  (target < 1500 ms)`,
  )
}

/** Through the app: time from our request to the app's answer, for each of the app's own steps. */
async function viaApp(app: string): Promise<void> {
  const idp = `http://127.0.0.1:${process.env.MOCK_IDP_PORT ?? 3200}`
  const create = async (body: Record<string, unknown>) => {
    const r = await fetch(`${app}/api/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (r.status !== 201) throw new Error(`creating a connection failed: ${r.status} ${await r.text()}`)
    return ((await r.json()) as { id: string }).id
  }
  const saml = await create({
    name: 'bench SAML',
    protocol: 'saml',
    profileId: 'autodesk',
    metadataXml: await (await fetch(`${idp}/saml/metadata`)).text(),
    spEntityId: 'https://www.okta.com/saml2/service-provider/spbench0000001',
    acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oabench000001',
  })
  const oidc = await create({
    name: 'bench OIDC',
    protocol: 'oidc',
    profileId: 'generic',
    issuer: `${idp}/oidc`,
    clientId: 'sso-preflight-demo',
  })
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now()
    const v = await f()
    return [v, performance.now() - t]
  }
  const samlApp = async (): Promise<Sample> => {
    const b = new MockBrowser()
    const [start, tStart] = await timed(() =>
      b.request(`${app}/connections/${saml}/test-login/start`, { method: 'POST', form: {} }),
    )
    const login = await b.go(start.location!)
    const answer = await b.submitForm(login, { username: usernameFor('ok') })
    const form = Object.fromEntries(
      [...answer.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
    )
    const [acs, tAcs] = await timed(() => b.request(`${app}/saml/acs`, { method: 'POST', form }))
    const [page, tPage] = await timed(() => b.go(acs.location!))
    if (!page.body.includes('GO: no blocking problems')) throw new Error('SAML run via the app did not pass')
    return { start: tStart, answer: tAcs + tPage, total: tStart + tAcs + tPage }
  }
  const oidcApp = async (): Promise<Sample> => {
    const b = new MockBrowser({ stopAt: app })
    const [start, tStart] = await timed(() =>
      b.request(`${app}/connections/${oidc}/test-login/start`, {
        method: 'POST',
        form: { clientSecret: DEMO_CLIENT_SECRET },
      }),
    )
    const back = await b.submitForm(await b.go(start.location!), { username: usernameFor('ok') })
    const callback = back.url.startsWith(app) ? back.url : back.location!
    const [cb, tCb] = await timed(() => b.request(callback))
    const [page, tPage] = await timed(async () => {
      let p = await b.request(cb.location!) // the claim step, then the result page (stopAt keeps go() from following)
      while (p.location) p = await b.request(p.location)
      return p
    })
    if (!page.body.includes('GO: no blocking problems')) throw new Error('OIDC run via the app did not pass')
    return { start: tStart, answer: tCb + tPage, total: tStart + tCb + tPage }
  }
  console.log(
    `Test-login server time through ${app} (HTTP, incl. the claim and result page), ${runs} runs each, Node ${process.version}`,
  )
  await measure('SAML', samlApp)
  await measure('OIDC', oidcApp)
}

if (appUrl) {
  await viaApp(appUrl.replace(/\/$/, ''))
} else {
  console.log(
    `Test-login server time against the mock IdP, ${runs} runs each (PGlite in memory, Node ${process.version})`,
  )
  await measure('SAML', samlOnce)
  await measure('OIDC', oidcOnce)
  await h.close()
}
