import { describe, expect, test } from 'vitest'
import { POST } from '@/app/triage/analyze/route'
import { manySamlHops, oneSamlHop } from '@/lib/triage/har/testing/hostile-har'

const post = (text: string) => {
  const form = new FormData()
  form.set('text', text)
  form.set('profile', 'generic')
  return POST(new Request('http://127.0.0.1/triage/analyze', { method: 'POST', body: form }))
}

describe('POST /triage/analyze runs the analysis under the budget', () => {
  test('a HAR gives its report', async () => {
    const res = await post(oneSamlHop())
    expect(res.status).toBe(200)
    const body = (await res.json()) as { kind: string; reports: { findings: { code: string }[] }[] }
    expect(body.kind).toBe('har')
    expect(body.reports[0]!.findings.map((f) => f.code)).toContain('SAML_STATUS_RESPONDER')
  })

  test('the issue 7 HAR (thousands of SAML hops) answers with a bounded report, not a stall', async () => {
    const res = await post(manySamlHops(30_000))
    expect(res.status).toBe(200)
    const body = (await res.json()) as { reports: { findings: { code: string }[] }[] }
    const codes = body.reports[0]!.findings.map((f) => f.code)
    // Either analysed within the budget (the hop cap folds the rest) or stopped by it: never 96,000 findings.
    expect(codes.includes('TRIAGE_HAR_HOPS_NOT_ANALYSED') || codes.includes('INPUT_TOO_COMPLEX')).toBe(true)
    expect(codes.length).toBeLessThan(10)
  }, 60_000)
})
