import './store-env'
import { afterAll, describe, expect, test } from 'vitest'
import { DELETE, GET } from '@/app/api/saved-reports/[id]/route'
import { POST } from '@/app/api/saved-reports/route'
import { buildReport, finding } from '@/lib/findings'
import { closeStore, getStore } from '@/lib/store'

const ORIGIN = 'http://localhost:3106'
const report = buildReport({
  subject: { kind: 'saml-response', idp: 'okta' },
  profile: 'autodesk',
  now: new Date('2026-03-01T10:00:00Z'),
  findings: [finding('CERT_EXPIRED', { expected: 'valid', actual: 'expired' }, { idp: 'okta' })],
  facts: { nameId: 'lee.chen@fabrikam.example' },
})
const save = (body: unknown) =>
  POST(
    new Request(`${ORIGIN}/api/saved-reports`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  )
const read = (id: string, q = '') =>
  GET(new Request(`${ORIGIN}/api/saved-reports/${id}${q}`), { params: Promise.resolve({ id }) })

afterAll(async () => {
  await closeStore()
})

describe('saved reports API', () => {
  test('save → 201 { id, url }; read back as masked Report JSON and as Markdown', async () => {
    const res = await save({ report })
    expect(res.status).toBe(201)
    const { id, url } = await res.json()
    expect(url).toBe(`${ORIGIN}/reports/${id}`)
    const back = await (await read(id)).json()
    expect(back.findings.map((f: { code: string }) => f.code)).toEqual(['CERT_EXPIRED'])
    expect(back.facts).toEqual({ nameId: expect.stringMatching(/^l…·[0-9a-f]{6}@fabrikam\.example$/) })
    const md = await read(id, '?format=md')
    expect(md.headers.get('content-type')).toContain('text/markdown')
    const text = await md.text()
    expect(text).toContain('CERT_EXPIRED')
    expect(text).not.toContain('lee.chen')
  })

  test('the page’s download links get a named attachment, masked, and each download is audited; a plain read is not', async () => {
    const { id } = await (await save({ report })).json()
    const exports = async () =>
      (await (await getStore()).audit.list('local', { limit: 500 })).filter(
        (e) => e.action === 'report.export' && e.targetId === id,
      )
    await read(id)
    expect(await exports()).toHaveLength(0)
    const json = await read(id, '?format=json&download=1')
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sso-preflight-saml-response-.*\.json"$/,
    )
    expect(JSON.stringify(await json.json())).not.toContain('lee.chen')
    const md = await read(id, '?format=md&download=1')
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.md"$/)
    expect((await exports()).map((e) => e.details)).toEqual(
      expect.arrayContaining([{ format: 'json' }, { format: 'md' }]),
    )
  })

  test('raw values and attachments only with attachRaw: true', async () => {
    expect((await save({ report, attachments: { rawSamlResponse: 'PHgvPg==' } })).status).toBe(400)
    const { id } = await (
      await save({ report, attachRaw: true, kind: 'support-bundle', attachments: { rawSamlResponse: 'PHgvPg==' } })
    ).json()
    const bundle = await (await read(id, '?format=bundle')).json()
    expect(bundle).toMatchObject({ kind: 'support-bundle', raw: true, attachments: { rawSamlResponse: 'PHgvPg==' } })
    expect(bundle.report.facts).toEqual({ nameId: 'lee.chen@fabrikam.example' })
  })

  test('a body that is not a Report is 400 with issues; an unknown id is 404', async () => {
    const res = await save({ report: { schema: 'sso-preflight/report@1' } })
    expect(res.status).toBe(400)
    expect((await res.json()).issues).toBeDefined()
    expect((await read('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)
  })

  test('DELETE withdraws a saved report', async () => {
    const { id } = await (await save({ report })).json()
    const del = () =>
      DELETE(new Request(`${ORIGIN}/api/saved-reports/${id}`, { method: 'DELETE' }), {
        params: Promise.resolve({ id }),
      })
    expect((await del()).status).toBe(204)
    expect((await read(id)).status).toBe(404)
    expect((await del()).status).toBe(404)
  })
})
