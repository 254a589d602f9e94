import { describe, expect, test } from 'vitest'
import { BUILTIN_PROFILES } from '../profiles/index'
import { analyzeHar } from '../triage/har/analyze'
import { manySamlHops, oneSamlHop } from '../triage/har/testing/hostile-har'
import { analyzeHarBounded, triageInputBounded } from './bounded'
import { runInWorker } from './run-in-worker'

const profile = BUILTIN_PROFILES.generic
const now = new Date('2024-04-25T20:31:55Z')

describe('runInWorker: analysis under a time and memory budget', () => {
  test('a job returns the same report as in-process', async () => {
    const r = await runInWorker('analyze-har', { text: oneSamlHop(), options: { profile, now } })
    expect(r.ok && r.value).toEqual(analyzeHar(oneSamlHop(), { profile, now }))
  }, 30_000)

  test('past the deadline the worker is terminated and the failure is typed', async () => {
    const r = await runInWorker(
      'analyze-har',
      { text: manySamlHops(20_000), options: { profile, now, maxBytes: 64 * 1024 * 1024 } },
      { timeoutMs: 100 },
    )
    expect(r).toMatchObject({ ok: false, reason: 'timeout', detail: '100 ms' })
  }, 30_000)

  test('over the heap limit only the worker dies; the caller gets reason memory', async () => {
    // 48,000 hops (45 MB) need more than 128 MB of heap once parsed.
    const r = await runInWorker(
      'analyze-har',
      { text: manySamlHops(48_000), options: { profile, now, maxBytes: 64 * 1024 * 1024 } },
      { maxHeapMb: 128, timeoutMs: 60_000 },
    )
    expect(r).toMatchObject({ ok: false, reason: 'memory', detail: '128 MB' })
    // ...and this process is still here to run the next job.
    const again = await runInWorker('analyze-har', { text: oneSamlHop(), options: { profile, now } })
    expect(again.ok).toBe(true)
  }, 60_000)
})

describe('bounded jobs turn a budget failure into a finding', () => {
  test('analyzeHarBounded: INPUT_TOO_COMPLEX with the limit and what happened', async () => {
    const r = await analyzeHarBounded(
      manySamlHops(20_000),
      { profile, now, maxBytes: 64 * 1024 * 1024, source: 'big.har' },
      { timeoutMs: 100 },
    )
    expect(r.subject).toMatchObject({ kind: 'har', source: 'big.har' })
    expect(r.findings.map((f) => [f.code, f.evidence.expected])).toEqual([
      ['INPUT_TOO_COMPLEX', 'at most 100 ms and 256 MB per analysis'],
    ])
    expect(r.findings[0]!.evidence.actual).toMatch(/^stopped after \d+ ms \(limit 100 ms\)$/)
    expect(r.summary.verdict).toBe('no-go')
  }, 30_000)

  test('triageInputBounded: a normal input gives the normal result', async () => {
    const r = await triageInputBounded(oneSamlHop(), { profile, now })
    expect(r.kind).toBe('har')
    expect(r.reports[0]!.findings.map((f) => f.code)).toContain('SAML_STATUS_RESPONDER')
  }, 30_000)
})

test('an input too large for the heap limit is refused before a worker starts (Node 20 would abort the process)', async () => {
  const r = await runInWorker(
    'analyze-har',
    { text: 'x'.repeat(5 * 1024 * 1024), options: { profile, now } },
    { maxHeapMb: 16 },
  )
  expect(r).toEqual({ ok: false, reason: 'memory', detail: '16 MB', elapsedMs: 0 })
})
