import '../api/store-env'
import { describe, expect, test, vi } from 'vitest'
import { GET as list, POST as create } from '@/app/api/webhooks/route'
import { DELETE as remove } from '@/app/api/webhooks/[id]/route'
import { GET as deliveries } from '@/app/api/webhooks/[id]/deliveries/route'
import { getStore } from '@/lib/store'

const post = (body: unknown) =>
  new Request('http://localhost/api/webhooks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const ctx = (id: string) => ({ params: Promise.resolve({ id }) })

describe('webhook settings API', () => {
  test('create (secret shown once), list (no secret), deliveries, delete', async () => {
    const created = await create(post({ url: 'https://hooks.example.com/sso' }))
    expect(created.status).toBe(201)
    const body = (await created.json()) as { id: string; secret: string; signatureHeader: string }
    expect(body).toMatchObject({
      url: 'https://hooks.example.com/sso',
      connectionId: null,
      secret: expect.stringMatching(/^whsec_/),
      signatureHeader: 'x-sso-preflight-signature',
    })
    const listed = await (await list(new Request('http://localhost/api/webhooks'))).text()
    expect(listed).toContain(body.id)
    expect(listed).not.toContain(body.secret)
    expect(await (await deliveries(new Request('http://localhost/x'), ctx(body.id))).json()).toEqual({ deliveries: [] })
    expect((await remove(new Request('http://localhost/x', { method: 'DELETE' }), ctx(body.id))).status).toBe(204)
    expect((await remove(new Request('http://localhost/x', { method: 'DELETE' }), ctx(body.id))).status).toBe(404)
  })

  test('refused with a message: plain http, credentials in the URL, an unknown connection, extra keys', async () => {
    vi.stubEnv('SSO_PREFLIGHT_ALLOW_LOOPBACK', '')
    try {
      expect(await (await create(post({ url: 'http://hooks.example.com/x' }))).json()).toMatchObject({
        message: 'A webhook URL must use https.',
      })
      expect((await create(post({ url: 'https://u:p@hooks.example.com/x' }))).status).toBe(400)
      expect(
        (await create(post({ url: 'https://hooks.example.com/x', connectionId: 'AAAAAAAAAAAAAAAAAAAAAA' }))).status,
      ).toBe(404)
      expect((await create(post({ url: 'https://hooks.example.com/x', secret: 'mine' }))).status).toBe(400)
      expect((await create(post({ url: 'javascript:alert(1)' }))).status).toBe(400)
    } finally {
      vi.unstubAllEnvs()
    }
    expect((await (await getStore()).watch.listWebhooks('local')).length).toBe(0)
  })
})
