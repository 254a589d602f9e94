// The database is down: health says so with 503 and names what failed, without the URL or the error text.
process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2'

import { expect, test } from 'vitest'
import { GET as health } from '@/app/api/health/route'

test('/api/health answers 503 naming the database when it is unreachable', async () => {
  const r = await health()
  expect(r.status).toBe(503)
  const body = (await r.json()) as Record<string, unknown>
  expect(body).toMatchObject({ status: 'unavailable', database: expect.stringMatching(/^(unreachable|timeout)$/) })
  expect(JSON.stringify(body)).not.toContain('nobody')
})
