// npm run bench — throughput and latency of the hot paths, with the established libraries side by side on the
// same input in the same process. Prints medians and ratios; asserts nothing (speed goals live here, not in tests).
import { createHash, createPublicKey, createSign, createVerify } from 'node:crypto'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import samlify from 'samlify'
import { SAML } from '@node-saml/node-saml'
import { SignedXml } from 'xml-crypto'
import { DOMParser } from '@xmldom/xmldom'
import { BUILTIN_PROFILES } from '../lib/index'
import { analyzeSamlMetadata } from '../lib/saml/metadata/index'
import { validateSamlResponse } from '../lib/saml/response/index'
import { firstSeenMetadata, signedResponseCase } from './bench/cases'
import {
  ACS_URL,
  CERT_PEM,
  IDP_ENTITY_ID,
  KEY_PEM,
  largeSignedEntraMetadata,
  NOW,
  REQUEST_ID,
  SMALL_OKTA_METADATA_PATH,
  SP_ENTITY_ID,
} from './bench/inputs'

interface Result {
  name: string
  n: number
  medianUs: number
  p95Us: number
  perSecond: number
}

async function measure(
  name: string,
  fn: () => unknown,
  o: { seconds?: number; async?: boolean } = {},
): Promise<Result> {
  const budgetMs = (o.seconds ?? 1.5) * 1000
  // Warm up (JIT tiers, key caches) for 20 calls and at least 3 s, the same for every implementation. On this 2-core
  // machine the optimising compiler works beside the loop, and a large code base takes seconds to settle: medians of
  // successive 250 ms windows of a cold validateSamlResponse were 304, 172, 150, 147, 132, 132, 124, 122, 133, 138,
  // 123, 132, then 107-112 µs from 3 s on (host noise aside). With 0.5 s, then 1 s, ours was measured still settling.
  const warmStart = performance.now()
  for (let i = 0; i < 20 || performance.now() - warmStart < 3000; i++) await fn()
  const times: number[] = []
  const start = performance.now()
  while (performance.now() - start < budgetMs) {
    const t0 = performance.now()
    const r = fn()
    if (o.async) await r
    times.push(performance.now() - t0)
  }
  const total = performance.now() - start
  times.sort((a, b) => a - b)
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 1000
  return { name, n: times.length, medianUs: q(0.5), p95Us: q(0.95), perSecond: (times.length / total) * 1000 }
}

function print(title: string, results: Result[], baseline: string) {
  const base = results.find((r) => r.name === baseline)!
  console.log(`\n## ${title}`)
  console.log('| implementation | calls | median | p95 | per second | vs ' + baseline + ' |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const r of results) {
    const ratio = r.name === baseline ? '1×' : `${(r.medianUs / base.medianUs).toFixed(1)}× slower`
    console.log(
      `| ${r.name} | ${r.n} | ${fmt(r.medianUs)} | ${fmt(r.p95Us)} | ${Math.round(r.perSecond).toLocaleString('en')} | ${r.medianUs < base.medianUs ? `${(base.medianUs / r.medianUs).toFixed(1)}× faster` : ratio} |`,
    )
  }
}
const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} µs`)

async function benchResponse() {
  const { xml, b64, trust, ctx } = signedResponseCase()
  const ours = validateSamlResponse({ response: b64 }, trust, { ctx, requestId: REQUEST_ID })
  console.log(
    `\nInput: ${xml.length} bytes, assertion signed (RSA-SHA256, exc-c14n). Our verdict: ${ours.summary.verdict}, findings: ${ours.findings.map((f) => f.code).join(', ') || 'none'}`,
  )

  samlify.setSchemaValidator({ validate: async () => 'skipped' }) // no XSD: samlify's fastest configuration
  const idp = samlify.IdentityProvider({
    entityID: IDP_ENTITY_ID,
    signingCert: CERT_PEM,
    singleSignOnService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: 'https://idp.example/sso' },
    ],
  })
  const sp = samlify.ServiceProvider({
    entityID: SP_ENTITY_ID,
    wantAssertionsSigned: true,
    assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: ACS_URL }],
  })
  await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: b64 } })

  const nodeSaml = new SAML({
    idpCert: CERT_PEM,
    issuer: SP_ENTITY_ID,
    callbackUrl: ACS_URL,
    audience: SP_ENTITY_ID,
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: true,
    validateInResponseTo: 'never' as never,
    acceptedClockSkewMs: 180_000,
  })
  await nodeSaml.validatePostResponseAsync({ SAMLResponse: b64 })

  const xmlCryptoCheck = () => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml')
    const sigNode = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0]!
    const sig = new SignedXml({ publicCert: CERT_PEM })
    sig.loadSignature(sigNode as never)
    if (!sig.checkSignature(xml)) throw new Error('xml-crypto: signature did not verify')
  }
  xmlCryptoCheck()

  // The crypto floor: SHA-256 of the signed bytes + one RSA-2048 verify. Nothing can validate faster than this.
  const signedInfo = xml.slice(xml.indexOf('<SignedInfo'), xml.indexOf('</SignedInfo>') + 13)
  const assertion = xml.slice(xml.indexOf('<Assertion'), xml.indexOf('</Assertion>') + 12)
  const sigValue = createSign('RSA-SHA256').update(signedInfo).sign(KEY_PEM)
  const publicKey = createPublicKey(CERT_PEM) // parsed once, as a key cache would
  const floor = () => {
    createHash('sha256').update(assertion).digest()
    if (!createVerify('RSA-SHA256').update(signedInfo).verify(publicKey, sigValue))
      throw new Error('floor verify failed')
  }

  const results = [
    await measure('sso-preflight validateSamlResponse (every check)', () =>
      validateSamlResponse({ response: b64 }, trust, { ctx, requestId: REQUEST_ID }),
    ),
    await measure(
      'samlify 2.13 parseLoginResponse (no XSD)',
      () => sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: b64 } }),
      { async: true },
    ),
    await measure(
      '@node-saml/node-saml 5.1 validatePostResponseAsync',
      () => nodeSaml.validatePostResponseAsync({ SAMLResponse: b64 }),
      { async: true },
    ),
    await measure('xml-crypto 6.3 checkSignature alone', xmlCryptoCheck),
    await measure('crypto floor (SHA-256 + RSA-2048 verify)', floor),
  ]
  print('Signed SAML response validation', results, 'sso-preflight validateSamlResponse (every check)')
  return {
    results,
    interleaved: interleavedRatio(
      () => validateSamlResponse({ response: b64 }, trust, { ctx, requestId: REQUEST_ID }),
      floor,
    ),
  }
}

/**
 * Ours against the floor under the same conditions: 8 rounds of 200 ms of each, alternating, the ratio of the pooled
 * medians. The table measures each implementation in its own 1.5 s, seconds apart; on a shared 2-core host the
 * medians of successive windows of the same code drift by ±15%, and that drift landed in the ratio of the table
 * (three runs of the same tree: 4.6, 4.8 and 5.0 there).
 */
function interleavedRatio(ours: () => unknown, floor: () => unknown): { oursUs: number; floorUs: number } {
  const a: number[] = [],
    b: number[] = []
  const block = (fn: () => unknown, into: number[]) => {
    const start = performance.now()
    while (performance.now() - start < 200) {
      const t0 = performance.now()
      fn()
      into.push(performance.now() - t0)
    }
  }
  for (let round = 0; round < 8; round++) {
    block(ours, a)
    block(floor, b)
  }
  const median = (t: number[]) => t.sort((x, y) => x - y)[t.length >> 1]! * 1000
  return { oursUs: median(a), floorUs: median(b) }
}

async function benchMetadata() {
  const large = largeSignedEntraMetadata()
  const small = readFileSync(SMALL_OKTA_METADATA_PATH, 'utf8')
  const opts = { profile: BUILTIN_PROFILES.autodesk, now: NOW }
  const l = analyzeSamlMetadata({ xml: large }, opts)
  console.log(
    `\nMetadata inputs: large ${large.length} bytes (signed, ${l.certificates?.length ?? 0} certificate entries; signature findings: ${
      l.findings
        .filter((f) => /SIGNATURE/.test(f.code))
        .map((f) => f.code)
        .join(', ') || 'none'
    }), small ${small.length} bytes`,
  )
  const results = [
    await measure('analyzeSamlMetadata, 50 KB signed Entra-like (target p50 ≤ 2 ms)', () =>
      analyzeSamlMetadata({ xml: large }, opts),
    ),
    await measure('analyzeSamlMetadata, 2 KB Okta (target p50 ≤ 0.2 ms)', () =>
      analyzeSamlMetadata({ xml: small }, opts),
    ),
  ]
  print('SAML metadata analysis', results, results[0]!.name)

  // First seen: each document signed by, and listing, a certificate this process has not read before, so every
  // certificate is parsed (once, by lib/certs' one reader) inside the timed call. Keys are made before timing.
  // Method: each document is given as a file or HTTP body gives it (a flat string; the signer builds it by
  // concatenation, which the first call would otherwise pay to flatten), and the garbage of the sections and key
  // generation before is collected first: with 15 single calls, one collection landing among them moved the median
  // from 0.97 to 1.99 ms between two runs of the same code. 25 documents give a steadier median.
  const fresh = firstSeenMetadata(25, 'bench-first-seen').map((xml) => Buffer.from(xml, 'utf8').toString('utf8'))
  const firstSeen = fresh
    .map((xml) => {
      const t0 = performance.now()
      analyzeSamlMetadata({ xml }, opts)
      return (performance.now() - t0) * 1000
    })
    .sort((a, b) => a - b)
  console.log(
    `\nFirst-seen 50 KB signed metadata (a new certificate each, ${fresh.length} documents): median ${fmt(firstSeen[firstSeen.length >> 1]!)}, max ${fmt(firstSeen[firstSeen.length - 1]!)} (target ≤ 1 ms)`,
  )

  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage().heapUsed
  const listenersBefore = process.listenerCount('uncaughtException')
  for (let i = 0; i < 100_000; i++) analyzeSamlMetadata({ xml: small }, opts)
  gc?.()
  const after = process.memoryUsage().heapUsed
  console.log(
    `\nMemory over 100,000 small-metadata analyses: heap ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (${gc ? 'after GC' : 'no --expose-gc: indicative only'}); uncaughtException listeners ${listenersBefore} → ${process.listenerCount('uncaughtException')}`,
  )
}

function benchCliWall() {
  const dir = mkdtempSync(join(tmpdir(), 'sso-bench-'))
  const md = join(dir, 'md.xml')
  writeFileSync(md, readFileSync(SMALL_OKTA_METADATA_PATH))
  const times: number[] = []
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now()
    try {
      execFileSync(process.execPath, ['dist/cli.mjs', 'metadata', md, '--json'], { stdio: 'ignore' })
    } catch {
      /* exit 1 = findings */
    }
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  console.log(
    `\nCLI wall time (node dist/cli.mjs metadata <2 KB file> --json, incl. Node start), 10 runs: median ${times[5]!.toFixed(0)} ms, max ${times[9]!.toFixed(0)} ms (target ≤ 300 ms)`,
  )
}

// `npm run bench -- --core` (or BENCH_CORE=1): only the response and metadata sections, for before/after
// comparisons of the validation hot path; the default is the full run.
const coreOnly = process.argv.includes('--core') || process.env.BENCH_CORE === '1'
console.log(`# sso-preflight bench — Node ${process.version}, ${new Date().toISOString()}`)
const { results: r, interleaved } = await benchResponse()
await benchMetadata()
if (!coreOnly) benchCliWall()
const ours = r[0]!,
  floor = r[4]!
console.log(
  `\nSummary: ${Math.round(ours.perSecond)} validations/s (target ≥ 1,000); ${(interleaved.oursUs / interleaved.floorUs).toFixed(1)}× the crypto floor measured interleaved (${interleaved.oursUs.toFixed(0)} µs / ${interleaved.floorUs.toFixed(1)} µs, 8 alternating rounds; target ≤ 5×), ${(ours.medianUs / floor.medianUs).toFixed(1)}× from the table above.`,
)

// The other hot paths have their own scripts; run them here so one command gives every figure.
for (const [title, script, args] of coreOnly
  ? []
  : ([
      ['HAR triage, 20 MB (target < 2 s, < 300 MB)', 'scripts/bench-har.ts', ['20']],
      ['Test login server time against the mock IdP (target < 1.5 s)', 'scripts/bench-testlogin.ts', ['20']],
      ['Masking (target: linear; 1 MB in ≤ 50 ms)', 'scripts/bench-mask.ts', []],
      [
        'CLI start-up: metadata check of a 50 KB file vs node -e 0, wall and peak RSS (issue 11 target ≤ +60 ms, ≤ 60 MB)',
        'scripts/bench-cli-start.ts',
        ['20'],
      ],
      [
        'sso-preflight mock-idp start-up, spawn to metadata answering (issue 11 target ≤ 500 ms)',
        'scripts/bench-mock-idp.ts',
        ['8'],
      ],
      [
        'sso-preflight login against sso-preflight mock-idp, SAML, wall per CLI call (issue 11 targets: ≤ 1 s HTTP driver, ≤ 3 s Chromium)',
        'scripts/bench-login.ts',
        ['8', '4'],
      ],
      [
        'Hostile input against next start: CPU and RSS per probe, test login idle vs under 20 hostile req/s (issue 7 targets)',
        'scripts/bench-hostile.ts',
        [],
      ],
    ] as const)) {
  console.log(`\n## ${title}\n`)
  const out = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  })
  console.log((out.stdout || '').trim() || `(no output; exit ${out.status}) ${(out.stderr || '').slice(0, 500)}`)
}
