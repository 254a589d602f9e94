/**
 * Benchmark: masking (issue 7 target: linear; 1 MB of text masked in ≤ 50 ms). Run: npx tsx scripts/bench-mask.ts
 * Prints the median of 7 runs per input, the ratio at 400 KB vs 100 KB, and the two probes of issue 7 (a 100 KB
 * evidence.actual and a 100 KB InResponseTo in a saved report: 10–15 s each before).
 */
import { buildReport, finding, type Report } from '../lib/findings/index'
import { maskReport, maskText } from '../lib/store/mask'

const MB = 1024 * 1024

function decodedAssertion(i: number): string {
  return (
    `<saml:Assertion ID="_a${i}" IssueInstant="2026-03-01T10:00:00Z" Version="2.0"><saml:Issuer>https://sts.windows.net/11111111-2222-3333-4444-555555555555/</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">user${i % 50}.name@contoso.example</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="_r${i}" NotOnOrAfter="2026-03-01T10:05:00Z" Recipient="https://autodesk-prod.okta.com/sso/saml2/0oa1"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:AttributeStatement><saml:Attribute Name="firstName"><saml:AttributeValue>Given${i}</saml:AttributeValue></saml:Attribute>` +
    `<saml:Attribute Name="mobile"><saml:AttributeValue>+1 555 01${i % 100}</saml:AttributeValue></saml:Attribute>` +
    `<saml:Attribute Name="objectGUID"><saml:AttributeValue>7f3a9c2e-41b5-4d2a-9c1e-0b6d5e4f${String(i).padStart(4, '0')}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>\n`
  )
}

function fill(size: number, part: (i: number) => string): string {
  const parts: string[] = []
  let n = 0
  for (let i = 0; n < size; i++) {
    const p = part(i)
    parts.push(p)
    n += p.length
  }
  return parts.join('').slice(0, size)
}

const inputs: [string, (size: number, run: number) => string][] = [
  ['decoded SAML assertions (NameID, attributes)', (size, run) => `<r${run}>` + fill(size, decodedAssertion)],
  [
    'log text, an address every ~120 bytes',
    (size, run) =>
      fill(
        size,
        (i) =>
          `2026-03-01T10:00:${String(i % 60).padStart(2, '0')}Z sign-in for user${(i + run) % 300}@contoso.example failed: AADSTS50011 reply URL mismatch\n`,
      ),
  ],
  [
    'adversarial: distinct addresses back to back',
    (size, run) => fill(size, (i) => `u${run}.${i}@corp${i % 7}.example `),
  ],
  ['adversarial: address characters, no @', (size, run) => `${run}` + 'a.'.repeat(size / 2)],
  ['adversarial: unterminated attribute values', (size, run) => `${run}` + '<a x="'.repeat(size / 6)],
]

function median(fn: (run: number) => void, runs = 7): number {
  const times: number[] = []
  for (let r = 0; r < runs; r++) {
    const t = performance.now()
    fn(r)
    times.push(performance.now() - t)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

console.log('| input | 1 MB | 100 KB | 400 KB | 400 KB / 100 KB |')
console.log('|---|---:|---:|---:|---:|')
for (const [name, make] of inputs) {
  const build = (size: number) => Array.from({ length: 7 }, (_, r) => make(size, r))
  const big = build(MB),
    small = build(100 * 1024),
    large = build(400 * 1024)
  maskText(big[0]!) // warm up
  const tBig = median((r) => maskText(big[r]!))
  const tSmall = median((r) => maskText(small[r]!))
  const tLarge = median((r) => maskText(large[r]!))
  console.log(
    `| ${name} | ${tBig.toFixed(1)} ms | ${tSmall.toFixed(1)} ms | ${tLarge.toFixed(1)} ms | ${(tLarge / tSmall).toFixed(1)}× |`,
  )
}

// The probes of issue 7: a report posted with a 100 KB evidence.actual, and one carrying a 100 KB InResponseTo.
const probe = (o: { actual?: string; inResponseTo?: string }): Report => {
  const r = buildReport({
    subject: { kind: 'saml-response', idp: 'other' },
    profile: 'generic',
    now: new Date(0),
    findings: [finding('SAML_IN_RESPONSE_TO_MISMATCH', { expected: '_req', actual: '_short' })],
    facts: { inResponseTo: o.inResponseTo ?? '_r1' },
  })
  // As posted to /api/saved-reports: not built here, so not capped before masking.
  if (o.actual) r.findings[0]!.evidence = { ...r.findings[0]!.evidence, actual: o.actual }
  return r
}
const k100 = 100 * 1024
for (const [name, report] of [
  ['saved report, 100 KB evidence.actual of address characters', probe({ actual: 'a.'.repeat(k100 / 2) + '@x' })],
  ['saved report, 100 KB InResponseTo', probe({ inResponseTo: '_' + 'a@'.repeat(k100 / 2) })],
] as const) {
  maskReport(report)
  console.log(`\n${name}: ${median(() => maskReport(report)).toFixed(2)} ms (was 10–15 s)`)
}
