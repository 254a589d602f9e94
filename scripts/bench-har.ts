/**
 * Benchmark: triage of a ~20 MB HAR (target < 2 s, < 300 MB). Run: npx tsx scripts/bench-har.ts [MB]
 * The HAR is synthesised: page noise (scripts, styles, XHR with bodies) around a real SAML login and an AADSTS page.
 */
import { readFileSync } from 'node:fs'
import { BUILTIN_PROFILES } from '../lib/profiles/index'
import { analyzeHar } from '../lib/triage/har/index'
import { authnRequest, b64, deflated, entry, har } from '../lib/triage/har/testing/build-har'

const targetMb = Number(process.argv[2] ?? 20)
const F = new URL('../../shared/fixtures/real/', import.meta.url)
const response = readFileSync(new URL('saml-responses/okta/ssoready-okta-response.xml', F), 'utf8')
const metadata = readFileSync(new URL('saml-metadata/okta/ssoready-okta-app-metadata.xml', F), 'utf8')
const sso = 'https://trial-1022863.okta.com/app/x/exkdoocxa1VmjpXmX697/sso/saml'

function build(): string {
  const list: ReturnType<typeof entry>[] = []
  const noise = 'function f(){return 42};'.repeat(400) // ~10 KB per body
  let t = Date.parse('2024-04-25T20:30:00Z')
  const at = () => new Date((t += 20)).toISOString()
  let size = 0
  while (size < targetMb * 1024 * 1024) {
    for (let i = 0; i < 50; i++) {
      list.push(
        entry({
          at: at(),
          url: `https://cdn.example.com/static/chunk-${list.length}.js?v=1`,
          mimeType: 'application/javascript',
          resourceType: 'script',
          body: noise,
          requestHeaders: [
            ['Cookie', 'a=b'],
            ['User-Agent', 'Mozilla/5.0'],
          ],
        }),
      )
      size += noise.length + 600
    }
    list.push(
      entry({
        at: at(),
        url: `${sso}?SAMLRequest=${encodeURIComponent(deflated(authnRequest({ issuer: 'http://localhost:8080', acs: 'http://localhost:8080', destination: sso })))}&RelayState=r1`,
      }),
    )
    list.push(
      entry({ at: at(), url: 'http://localhost:8080/', form: { SAMLResponse: b64(response), RelayState: 'r1' } }),
    )
    size += response.length * 1.4 + 2000
  }
  list.push(
    entry({
      at: at(),
      url: 'https://login.microsoftonline.com/t/saml2',
      body: '<p>AADSTS50011: reply URL mismatch. Correlation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11</p>',
    }),
  )
  return har(list)
}

const text = build()
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const rssBefore = process.memoryUsage().rss
let peak = rssBefore
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 5)
const runs: number[] = []
let report
for (let i = 0; i < 3; i++) {
  const t0 = performance.now()
  report = analyzeHar(text, {
    profile: BUILTIN_PROFILES.autodesk,
    idpMetadataXml: metadata,
    now: new Date('2024-04-25T20:31:55Z'),
  })
  runs.push(performance.now() - t0)
  peak = Math.max(peak, process.memoryUsage().rss)
}
clearInterval(timer)
const entries = (report?.facts as { entries?: number } | undefined)?.entries
console.log(
  JSON.stringify({
    harMB: +(text.length / 1024 / 1024).toFixed(1),
    entries,
    ssoHops: (report?.facts as { ssoHops?: number })?.ssoHops,
    findings: report?.findings.length,
    msPerRun: runs.map((r) => Math.round(r)),
    bestMs: Math.round(Math.min(...runs)),
    rssBeforeMB: Math.round(rssBefore / 1048576),
    peakRssMB: Math.round(peak / 1048576),
    deltaMB: Math.round((peak - rssBefore) / 1048576),
    targets: { ms: 2000, mb: 300 },
  }),
)
