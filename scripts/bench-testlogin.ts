// Server time of a whole test login against the local mock IdP (issue 3 target: < 1.5 s), measured without Next.js:
// what our server does at "Run test login" (start) plus at the IdP's answer (ACS / callback), excluding the time the
// user spends at the IdP. Usage: npx tsx scripts/bench-testlogin.ts [runs=40]
import { MockBrowser } from '../e2e/mock-idp/driver'
import { usernameFor } from '../e2e/mock-idp/scenarios'
import { allowLoopbackForTests } from '../lib/net/index'
import { completeOidcTestLogin } from '../lib/testlogin/oidc/callback'
import { startOidcTestLogin } from '../lib/testlogin/oidc/start'
import { completeSamlTestLogin } from '../lib/testlogin/saml/complete'
import { startSamlTestLogin } from '../lib/testlogin/saml/start'
import { DEMO_CLIENT_SECRET } from '../lib/testlogin/demo'
import { openHarness, TEST_ORIGIN } from '../e2e/mock-idp/harness'

const runs = Number(process.argv[2] ?? 40)
const h = await openHarness()

interface Sample { start: number; answer: number; total: number }

async function samlOnce(): Promise<Sample> {
  const t0 = performance.now()
  const started = await startSamlTestLogin(h.saml, { store: h.store, origin: TEST_ORIGIN })
  const t1 = performance.now()
  if (!started.ok || started.dispatch.binding !== 'redirect') throw new Error('SAML start failed')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  const login = await browser.go(started.dispatch.url)
  const answer = await browser.submitForm(login, { username: usernameFor('ok') })
  const form = Object.fromEntries([...answer.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]))
  const t2 = performance.now()
  const out = await completeSamlTestLogin({ samlResponse: form.SAMLResponse ?? '', relayState: form.RelayState ?? '' }, { store: h.store })
  const t3 = performance.now()
  if (out.kind !== 'run' || (await h.store.runs.get(out.runId))?.report?.summary.errors) throw new Error('SAML run did not pass')
  return { start: t1 - t0, answer: t3 - t2, total: t1 - t0 + (t3 - t2) }
}

async function oidcOnce(): Promise<Sample> {
  const t0 = performance.now()
  const started = await startOidcTestLogin(h.oidc, { store: h.store, origin: TEST_ORIGIN, clientSecret: DEMO_CLIENT_SECRET, fetchOptions: { [allowLoopbackForTests]: true } })
  const t1 = performance.now()
  if (!started.ok) throw new Error('OIDC start failed')
  const browser = new MockBrowser({ stopAt: TEST_ORIGIN })
  const back = await browser.submitForm(await browser.go(started.url), { username: usernameFor('ok') })
  const url = new URL(back.url.startsWith(TEST_ORIGIN) ? back.url : back.location!)
  const t2 = performance.now()
  const out = await completeOidcTestLogin(url, { store: h.store })
  const t3 = performance.now()
  if (out.kind !== 'run' || (await h.store.runs.get(out.runId))?.report?.summary.errors) throw new Error('OIDC run did not pass')
  return { start: t1 - t0, answer: t3 - t2, total: t1 - t0 + (t3 - t2) }
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`

async function measure(name: string, once: () => Promise<Sample>): Promise<void> {
  for (let i = 0; i < 5; i++) await once() // warm-up: JIT, PGlite, key imports
  const samples: Sample[] = []
  for (let i = 0; i < runs; i++) samples.push(await once())
  const col = (k: keyof Sample) => samples.map((s) => s[k])
  console.log(`${name.padEnd(5)} start  median ${fmt(q(col('start'), 0.5))}  p95 ${fmt(q(col('start'), 0.95))}`)
  console.log(`${''.padEnd(5)} answer median ${fmt(q(col('answer'), 0.5))}  p95 ${fmt(q(col('answer'), 0.95))}`)
  console.log(`${''.padEnd(5)} total  median ${fmt(q(col('total'), 0.5))}  p95 ${fmt(q(col('total'), 0.95))}  max ${fmt(Math.max(...col('total')))}  (target < 1500 ms)`)
}

console.log(`Test-login server time against the mock IdP, ${runs} runs each (PGlite in memory, Node ${process.version})`)
await measure('SAML', samlOnce)
await measure('OIDC', oidcOnce)
await h.close()
