/*
 * Speed and memory of analyzeSamlMetadata (the metadata helper's own figures; `npm run bench` has the combined view).
 * Run: npx tsx --expose-gc scripts/bench-metadata.ts
 * Targets: 50 KB signed Entra-style document fully analysed (signature, every certificate) ≤ 2 ms p50; small Okta
 * document ≤ 0.2 ms p50; heap flat over 100,000 calls.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { BUILTIN_PROFILES } from '../lib/profiles/index'
import { analyzeSamlMetadata } from '../lib/saml/metadata/index'
import { largeSignedEntraMetadata, NOW, SMALL_OKTA_METADATA_PATH } from './bench/inputs'

const REAL_ENTRA = new URL(
  '../../shared/fixtures/real/saml-metadata/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml',
  import.meta.url,
)

function measure(name: string, fn: () => unknown, o: { warmup?: number; runs?: number } = {}): void {
  for (let i = 0; i < (o.warmup ?? 300); i++) fn()
  const runs = o.runs ?? 3000
  const t = new Float64Array(runs)
  for (let i = 0; i < runs; i++) {
    const s = performance.now()
    fn()
    t[i] = performance.now() - s
  }
  t.sort()
  const pct = (p: number) => t[Math.min(runs - 1, Math.floor(runs * p))]!
  console.log(
    `${name.padEnd(62)} p50 ${pct(0.5).toFixed(3)} ms  p90 ${pct(0.9).toFixed(3)} ms  p99 ${pct(0.99).toFixed(3)} ms  (${(1000 / pct(0.5)).toFixed(0)}/s)`,
  )
}

const opts = { profile: BUILTIN_PROFILES.autodesk, now: NOW }
const large = largeSignedEntraMetadata()
const small = readFileSync(SMALL_OKTA_METADATA_PATH, 'utf8')
const entra = readFileSync(REAL_ENTRA, 'utf8')
const l = analyzeSamlMetadata({ xml: large }, opts)
console.log(
  `large: ${large.length} chars, ${l.certificates?.length ?? 0} certificate rows, findings: ${l.findings.map((f) => f.code).join(', ')}`,
)
console.log(`small: ${small.length} chars; real Entra (ggtristams): ${entra.length} chars\n`)

measure('analyzeSamlMetadata 50 KB signed Entra-like (target ≤ 2 ms)', () => analyzeSamlMetadata({ xml: large }, opts))
measure('analyzeSamlMetadata small Okta (target ≤ 0.2 ms)', () => analyzeSamlMetadata({ xml: small }, opts), {
  runs: 20_000,
  warmup: 2000,
})
measure('analyzeSamlMetadata real signed Entra, 2 certs, rollover', () => analyzeSamlMetadata({ xml: entra }, opts))

const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const before = process.memoryUsage().heapUsed
const listeners = process.listenerCount('uncaughtException')
for (let i = 0; i < 100_000; i++) analyzeSamlMetadata({ xml: small }, opts)
for (let i = 0; i < 10_000; i++) analyzeSamlMetadata({ xml: large }, opts)
gc?.()
const after = process.memoryUsage().heapUsed
console.log(
  `\nheap over 100,000 small + 10,000 large analyses: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (${gc ? 'after GC' : 'no --expose-gc: indicative only'}); uncaughtException listeners ${listeners} → ${process.listenerCount('uncaughtException')}`,
)
