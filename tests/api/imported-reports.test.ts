import './store-env'
import { describe, expect, test } from 'vitest'
import { GET as getSaved } from '@/app/api/saved-reports/[id]/route'
import { POST as postSavedReport } from '@/app/api/saved-reports/route'
import { POST as postAnalyze } from '@/app/triage/analyze/route'
import { POST as postBundle } from '@/app/triage/bundle/route'
import { buildReport, catalog, finding, type Report } from '@/lib/findings'
import { buildSupportBundle } from '@/lib/triage'

const ORIGIN = 'http://localhost:3106'
const report = buildReport({
  subject: { kind: 'saml-metadata', idp: 'okta' },
  profile: 'autodesk',
  now: new Date('2026-03-01T10:00:00Z'),
  findings: [finding('CERT_EXPIRED', { expected: 'valid', actual: 'expired' }, { idp: 'okta' })],
})
const json = (path: string, body: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const save = (r: unknown) => postSavedReport(json('/api/saved-reports', { report: r }))

/** A JSON value nested `depth` arrays deep, as text (JSON.stringify itself would recurse). */
const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

async function expect400(res: Response, message: RegExp) {
  expect(res.status).toBe(400)
  expect((await res.json()).message).toMatch(message)
}

describe('saved and imported reports are re-derived from the catalog', () => {
  test('a forged title, next step, docs link and "GO" verdict are replaced by the catalog and the recomputed verdict', async () => {
    const forged: Report = {
      ...report,
      summary: { ...report.summary, errors: 0, verdict: 'go' },
      findings: report.findings.map((f) => ({
        ...f,
        owner: 'end-user',
        title: 'All good, turn SSO on',
        nextStep: 'Click here',
        docs: ['https://evil.example/phish'],
      })),
    }
    const res = await save(forged)
    expect(res.status).toBe(201)
    const { id } = await res.json()
    const back = (await (
      await getSaved(new Request(`${ORIGIN}/api/saved-reports/${id}`), { params: Promise.resolve({ id }) })
    ).json()) as Report
    expect(back.summary).toMatchObject({ errors: 1, verdict: 'no-go' })
    const f = back.findings[0]!
    expect(f).toMatchObject({
      code: 'CERT_EXPIRED',
      owner: catalog.CERT_EXPIRED.owner,
      title: catalog.CERT_EXPIRED.title,
      nextStep: catalog.CERT_EXPIRED.nextStep,
    })
    expect(JSON.stringify(back)).not.toContain('evil.example')
    expect(f.evidence).toEqual({ expected: 'valid', actual: 'expired' })
  })

  test('an unknown code is refused with 400 and names the code', async () => {
    const res = await save({ ...report, findings: [{ ...report.findings[0]!, code: 'SAML_TOTALLY_FINE' }] })
    await expect400(res, /Unknown finding code: SAML_TOTALLY_FINE/)
  })

  test('checkedAt "x" is refused with 400 (it used to make /reports/:id answer 500)', async () => {
    await expect400(await save({ ...report, checkedAt: 'x' }), /ISO 8601 .* at checkedAt/)
  })

  test('a report nested 100,000 deep is refused with 400 and a message', async () => {
    const body = `{"report":${JSON.stringify(report).replace('"expected":"valid"', `"expected":${deepJson(100_000)}`)}}`
    const res = await postSavedReport(
      new Request(`${ORIGIN}/api/saved-reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    )
    await expect400(res, /nests deeper than/)
  })
})

describe('support bundles are validated by schema: depth, dates, codes', () => {
  const bundle = buildSupportBundle(report, { attachRaw: false, now: new Date('2026-03-01T10:05:00Z') })
  const analyze = (text: string) => {
    const form = new FormData()
    form.set('text', text)
    return postAnalyze(new Request(`${ORIGIN}/triage/analyze`, { method: 'POST', body: form }))
  }

  test('POST /triage/bundle: a report nested 100,000 deep is 400 with a message, not a 500', async () => {
    const body = `{"reports":[${JSON.stringify(report).replace('"actual":"expired"', `"actual":${deepJson(100_000)}`)}]}`
    const res = await postBundle(
      new Request(`${ORIGIN}/triage/bundle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    )
    await expect400(res, /nests deeper than/)
  })

  test('POST /triage/bundle: an invalid date or an unknown code is 400 with a message', async () => {
    await expect400(
      await postBundle(json('/triage/bundle', { reports: [{ ...report, checkedAt: 'yesterday' }] })),
      /ISO 8601/,
    )
    await expect400(
      await postBundle(
        json('/triage/bundle', {
          reports: [{ ...report, findings: [{ ...report.findings[0]!, code: 'TRIAGE_MADE_UP' }] }],
        }),
      ),
      /Unknown finding code/,
    )
    expect((await postBundle(json('/triage/bundle', { reports: [report] }))).status).toBe(200)
  })

  test('importing a bundle nested 100,000 deep or with an invalid date into triage is a finding, not a 500', async () => {
    const deep = JSON.stringify(bundle).replace('"actual":"expired"', `"actual":${deepJson(100_000)}`)
    const badDate = JSON.stringify({ ...bundle, createdAt: 'not a date' })
    for (const text of [deep, badDate]) {
      const res = await analyze(text)
      expect(res.status).toBe(200)
      const out = (await res.json()) as { reports: Report[] }
      expect(out.reports[0]!.findings.map((f) => f.code)).toEqual(['TRIAGE_BUNDLE_INVALID'])
    }
  })

  test('an imported bundle shows the catalog words and recomputed verdicts, not its own', async () => {
    const forged = {
      ...bundle,
      reports: bundle.reports.map((r) => ({
        ...r,
        summary: { ...r.summary, verdict: 'go', errors: 0 },
        findings: r.findings.map((f) => ({ ...f, title: 'Fine' })),
      })),
      configuration: bundle.configuration.map((c) => ({ ...c, verdict: 'go' as const, errors: 0 })),
    }
    const out = (await (await analyze(JSON.stringify(forged))).json()) as {
      reports: Report[]
      bundle: { configuration: { verdict: string }[] }
    }
    expect(out.reports[0]!.summary.verdict).toBe('no-go')
    expect(out.reports[0]!.findings[0]!.title).toBe(catalog.CERT_EXPIRED.title)
    expect(out.bundle.configuration[0]!.verdict).toBe('no-go')
  })
})
