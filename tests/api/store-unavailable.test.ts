// The database is down: the API answers 503 with a code the client can act on, never a 500 or a hang.
process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2'

import { describe, expect, test } from 'vitest'
import { GET as getRun } from '@/app/api/runs/[id]/route'
import { POST as saveReport } from '@/app/api/saved-reports/route'
import { buildReport } from '@/lib/findings'
import { getStore } from '@/lib/store'

describe('store unavailable', () => {
  test('getStore rejects with ERR_STORE_UNAVAILABLE and does not leak the URL', async () => {
    await expect(getStore()).rejects.toMatchObject({
      code: 'ERR_STORE_UNAVAILABLE',
      message: expect.not.stringContaining('nobody'),
    })
  })

  test('the API answers 503 ERR_STORE_UNAVAILABLE', async () => {
    const run = await getRun(new Request('http://localhost/api/runs/abc'), { params: Promise.resolve({ id: 'abc' }) })
    expect(run.status).toBe(503)
    expect(await run.json()).toMatchObject({ error: 'ERR_STORE_UNAVAILABLE' })
    const report = buildReport({
      subject: { kind: 'explain', idp: 'other' },
      profile: 'autodesk',
      now: new Date(),
      findings: [],
    })
    const saved = await saveReport(
      new Request('http://localhost/api/saved-reports', { method: 'POST', body: JSON.stringify({ report }) }),
    )
    expect(saved.status).toBe(503)
  })
})
