import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../../tests/linearity'
import { buildReport } from '../../findings/report'
import { finding } from '../../findings/finding'
import { ReportSchema } from '../../findings/report'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { dedupeFindings } from './dedupe'
import { analyzeHar, parseHar, scrubSecrets } from './index'
import { entry, har } from './testing/build-har'
import { manySamlHops, oneSamlHop } from './testing/hostile-har'

const profile = BUILTIN_PROFILES.generic
const NOW = new Date('2024-04-25T20:31:55Z')
const analyze = (text: string, o: { maxSamlHops?: number } = {}) =>
  analyzeHar(text, { profile, now: NOW, maxBytes: 64 * 1024 * 1024, ...o })

describe('issue 7 probe: a 40 MB HAR with 48,000 SAML hops', () => {
  test('analyses 200 hops, folds the rest into one finding, and reports each distinct finding once', () => {
    const r = analyze(manySamlHops(48_000))
    expect(ReportSchema.safeParse(r).success).toBe(true)
    expect(r.findings.map((f) => f.code).sort()).toEqual([
      'SAML_STATUS_AUTHN_FAILED',
      'SAML_STATUS_RESPONDER',
      'TRIAGE_HAR_HOPS_NOT_ANALYSED',
      'TRIAGE_HAR_SAML_NOT_VALIDATED',
    ])
    const folded = r.findings.find((f) => f.code === 'TRIAGE_HAR_HOPS_NOT_ANALYSED')!
    expect(folded.evidence).toMatchObject({ expected: 'at most 200 SAML messages', analysed: 200, notAnalysed: 47_800 })
    // The repeated response's status finding is one finding that says how often it was seen.
    expect(r.findings.find((f) => f.code === 'SAML_STATUS_RESPONDER')!.evidence).toMatchObject({ occurrences: 200 })
    expect(r.timeline).toHaveLength(200)
    expect(JSON.stringify(r).length).toBeLessThan(1024 * 1024)
  }, 60_000)

  test('a HAR within the cap is analysed whole, as before', () => {
    const r = analyze(manySamlHops(20))
    expect(r.findings.map((f) => f.code)).not.toContain('TRIAGE_HAR_HOPS_NOT_ANALYSED')
    expect(r.timeline).toHaveLength(20)
    expect(r.facts).toMatchObject({ ssoHops: 20 })
  })

  test('the first and the last hops are the ones analysed (the failure is usually at the end)', () => {
    const r = analyze(manySamlHops(50, { distinct: true }), { maxSamlHops: 10 })
    expect(r.timeline!.map((s) => (s.data as { entry: number }).entry)).toEqual([0, 1, 2, 3, 4, 45, 46, 47, 48, 49])
    expect(r.findings.find((f) => f.code === 'TRIAGE_HAR_HOPS_NOT_ANALYSED')!.evidence.where).toBe(
      'HAR entries #5 to #44',
    )
  })
})

describe('linear time (time at 4n / time at n)', () => {
  test('distinct SAML hops, default caps (the secret scrub was quadratic: 2,000 hops took 5 s of CPU)', () => {
    expect(
      growthRatio((n) => {
        const text = manySamlHops(n, { distinct: true })
        return () => analyze(text)
      }, 1000).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  }, 60_000)

  test('distinct SAML hops, all analysed (no cap)', () => {
    expect(
      growthRatio((n) => {
        const text = manySamlHops(n, { distinct: true })
        return () => analyze(text, { maxSamlHops: Infinity })
      }, 300).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  }, 60_000)

  test('navigations repeating pages across many hosts (redirect-loop and cookie checks)', () => {
    const make = (n: number) => {
      const list = []
      for (let i = 0; i < n; i++) {
        list.push(
          entry({
            at: '2024-04-25T20:30:00Z',
            url: `https://h${i % (n / 4)}.okta.com/app/sso/saml`,
            responseHeaders: [['Set-Cookie', `s${i}=v; Path=/`]],
          }),
        )
      }
      const text = har(list)
      return () => analyze(text)
    }
    expect(growthRatio(make, 2000).ratio).toBeLessThan(LINEAR_BOUND)
  }, 60_000)

  test('scrubbing a report of many distinct secrets', () => {
    const make = (n: number) => {
      const secrets = Array.from({ length: n }, (_, i) => `secret-value-${i}-${'x'.repeat(40)}`)
      const findings = Array.from({ length: n / 10 }, (_, i) =>
        finding('TRIAGE_HAR_HTTP_ERROR', { actual: `leak ${secrets[i * 10]}`, where: `#${i}` }),
      )
      const report = buildReport({ subject: { kind: 'har', idp: 'other' }, profile: 'generic', now: NOW, findings })
      return () => scrubSecrets(report, secrets)
    }
    expect(growthRatio(make, 2000).ratio).toBeLessThan(LINEAR_BOUND)
  }, 60_000)
})

describe('scrub and dedupe keep their promises', () => {
  test('every secret form is replaced, the longest first, and the report stays valid', () => {
    const report = buildReport({
      subject: { kind: 'har', idp: 'other' },
      profile: 'generic',
      now: NOW,
      findings: [
        finding('TRIAGE_HAR_HTTP_ERROR', {
          actual: 'a token abcdefgh and abcdefghij and a "quoted secret" and a%2Fb%2Fc%2Fd',
          where: 'x',
        }),
      ],
    })
    const out = scrubSecrets(report, ['abcdefgh', 'abcdefghij', '"quoted secret"', 'a/b/c/d', 'abc'])
    expect(out.findings[0]!.evidence.actual).toBe('a token [redacted] and [redacted] and a [redacted] and [redacted]')
    expect(scrubSecrets(report, ['not-in-it'])).toBe(report)
  })

  test('identical findings but for where are merged with a count; different evidence stays apart', () => {
    const a = (where: string, actual = 'x') => finding('TRIAGE_HAR_HTTP_ERROR', { expected: 'a 2xx', actual, where })
    const out = dedupeFindings([a('#1'), a('#2'), a('#3', 'y'), a('#4')])
    expect(out.map((f) => [f.evidence.actual, f.evidence.where, f.evidence.occurrences, f.evidence.alsoAt])).toEqual([
      ['x', '#1', 3, ['#2', '#4']],
      ['y', '#3', undefined, undefined],
    ])
  })
})

describe('property: the HAR reader and analysis never throw', () => {
  const opts = { profile, now: NOW }
  test('any JSON value gives a report (TRIAGE_HAR_INVALID when it is not a HAR)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = analyzeHar(JSON.stringify(v) ?? 'null', opts)
        expect(ReportSchema.safeParse(r).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  test('HAR-shaped objects with random members', () => {
    const nv = fc.record({ name: fc.string(), value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) })
    const e = fc.record({
      startedDateTime: fc.oneof(fc.constant('2024-04-25T20:30:00Z'), fc.string()),
      request: fc.record({
        method: fc.constantFrom('GET', 'POST', 'x'),
        url: fc.oneof(
          fc.webUrl({ withQueryParameters: true }),
          fc.string(),
          fc.constant('https://sp.example.com/acs?SAMLResponse=PHg%2B&error=access_denied'),
        ),
        headers: fc.array(nv, { maxLength: 3 }),
        queryString: fc.array(nv, { maxLength: 3 }),
        cookies: fc.array(nv, { maxLength: 2 }),
        postData: fc.option(
          fc.record({
            mimeType: fc.constantFrom('application/x-www-form-urlencoded', 'text/plain'),
            text: fc.oneof(fc.string(), fc.constant('SAMLResponse=%%%&grant_type=x')),
          }),
        ),
      }),
      response: fc.record({
        status: fc.oneof(fc.integer({ min: -1, max: 600 }), fc.string()),
        headers: fc.array(nv, { maxLength: 3 }),
        cookies: fc.array(nv, { maxLength: 2 }),
        content: fc.record({
          mimeType: fc.constantFrom('text/html', 'application/json'),
          text: fc.oneof(fc.string(), fc.constant('AADSTS50011: x'), fc.constant('{"error":"invalid_grant"}')),
        }),
      }),
    })
    fc.assert(
      fc.property(fc.array(e, { maxLength: 6 }), (entries) => {
        const text = JSON.stringify({ log: { version: '1.2', entries } })
        expect(parseHar(text).ok || true).toBe(true)
        expect(ReportSchema.safeParse(analyzeHar(text, opts)).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  test('truncated and mutated HAR text', () => {
    const base = oneSamlHop()
    fc.assert(
      fc.property(fc.nat({ max: base.length }), fc.string({ maxLength: 5 }), (cut, ins) => {
        const r = analyzeHar(base.slice(0, cut) + ins + base.slice(cut + 1), opts)
        expect(r.findings.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })
})
