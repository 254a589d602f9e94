import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startMockIdp, type MockIdp } from '../../e2e/mock-idp/server'
import { allowLoopbackForTests } from '../net/index'
import { testStoreEngines } from '../store/testing'
import type { Store } from '../store/types'
import { runWatchTick } from './scheduler'
import { attemptDelivery, DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './webhook'

const LOOPBACK = { [allowLoopbackForTests]: true } as const
const DAY = 86_400_000

interface Received {
  body: string
  headers: IncomingMessage['headers']
}

/** A webhook receiver on a free loopback port answering each POST with the next status of `statuses`. */
async function receiver(statuses: number[]): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString()
    })
    req.on('end', () => {
      got.push({ body, headers: req.headers })
      res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)]!
      res.end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    close: () => new Promise((r) => server.close(() => r())),
  }
}

/** The IdP's metadata behind a URL whose content the test changes. */
async function metadataServer(xml: string): Promise<{ url: string; set(x: string): void; close(): Promise<void> }> {
  let current = xml
  const server = createServer((_, res) => {
    res.setHeader('content-type', 'application/samlmetadata+xml')
    res.end(current)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`,
    set: (x) => {
      current = x
    },
    close: () => new Promise((r) => server.close(() => r())),
  }
}

let idp: MockIdp
let metadataXml: string
beforeAll(async () => {
  idp = await startMockIdp({ port: 0 })
  metadataXml = await (await fetch(idp.samlMetadataUrl)).text()
}, 60_000)
afterAll(async () => {
  await idp?.close()
})

describe.each(testStoreEngines())('the app’s daily re-check and its webhooks (%s)', (_, open) => {
  let store: Store
  beforeAll(async () => {
    store = await open()
  }, 60_000)
  afterAll(async () => {
    await store?.close()
  })

  test('a changed metadata document is re-checked, signed with HMAC, delivered, retried after a failure', async () => {
    const meta = await metadataServer(metadataXml)
    const hook = await receiver([500, 204])
    try {
      const c = await store.connections.create({
        name: 'watched',
        protocol: 'saml',
        profileId: 'generic',
        config: { metadataUrl: meta.url },
      })
      const { secret } = await store.watch.createWebhook({ workspaceId: 'local', url: hook.url })
      const t0 = new Date()
      // First check: the baseline snapshot; nothing changed yet, so nothing is sent.
      expect(await runWatchTick(store, { now: t0, fetchOptions: LOOPBACK })).toMatchObject({ checked: 1, queued: 0 })
      expect((await store.watch.snapshotOf(c.id))?.contentSha256).toMatch(/^[0-9a-f]{64}$/)
      // Not due again before a day has passed.
      expect(
        await runWatchTick(store, { now: new Date(t0.getTime() + DAY - 1000), fetchOptions: LOOPBACK }),
      ).toMatchObject({ checked: 0 })

      meta.set(
        metadataXml
          .replace('</md:EntityDescriptor>', '<!-- republished --></md:EntityDescriptor>')
          .replace(/(<\/[A-Za-z:]*EntityDescriptor>)$/, '$1'),
      )
      const t1 = new Date(t0.getTime() + DAY)
      const first = await runWatchTick(store, { now: t1, fetchOptions: LOOPBACK })
      expect(first).toMatchObject({ checked: 1, queued: 1, delivered: 0, failed: 1 })
      expect(hook.got).toHaveLength(1)

      // The retry comes 1 minute later, not before.
      expect(await runWatchTick(store, { now: new Date(t1.getTime() + 59_000), fetchOptions: LOOPBACK })).toMatchObject(
        { delivered: 0, failed: 0 },
      )
      expect(await runWatchTick(store, { now: new Date(t1.getTime() + 60_000), fetchOptions: LOOPBACK })).toMatchObject(
        { delivered: 1 },
      )
      expect(hook.got).toHaveLength(2)

      const [attempt1, attempt2] = hook.got
      for (const got of [attempt1!, attempt2!]) {
        expect(verifySignature(secret, got.body, String(got.headers[SIGNATURE_HEADER]))).toBe(true)
        expect(verifySignature('another-secret', got.body, String(got.headers[SIGNATURE_HEADER]))).toBe(false)
        const body = JSON.parse(got.body) as Record<string, unknown>
        expect(body.sentAt).toBe(got.headers[TIMESTAMP_HEADER])
        expect(body.deliveryId).toBe(got.headers[DELIVERY_HEADER])
        expect(body).toMatchObject({
          event: 'watch.changed',
          connection: { id: c.id, name: 'watched' },
          reasons: ['INPUT_CONFIGURATION_CHANGED'],
        })
      }
      expect(String(attempt2!.headers[SIGNATURE_HEADER])).toMatch(/^sha256=[0-9a-f]{64}$/)
      const webhooks = await store.watch.listWebhooks('local')
      const [delivery] = await store.watch.listDeliveries('local', webhooks[0]!.id)
      expect(delivery).toMatchObject({
        attempts: 2,
        lastStatus: 204,
        deliveredAt: expect.any(String),
        nextAttemptAt: null,
      })
      await store.watch.deleteWebhook('local', webhooks[0]!.id)
    } finally {
      await meta.close()
      await hook.close()
    }
  })

  test('back-off: 1 min, 5 min, 30 min, 2 h, then the delivery is given up', async () => {
    const hook = await receiver([503])
    try {
      const c = await store.connections.create({ name: 'retry', protocol: 'saml', profileId: 'generic', config: {} })
      await store.watch.createWebhook({ workspaceId: 'local', connectionId: c.id, url: hook.url })
      const t = new Date('2030-01-01T00:00:00Z')
      expect(
        await store.watch.enqueueDeliveries({
          workspaceId: 'local',
          connectionId: c.id,
          event: 'watch.changed',
          payload: { event: 'watch.changed' },
          now: t,
        }),
      ).toBe(1)
      let at = t.getTime()
      expect(await runWatchTick(store, { now: new Date(at), fetchOptions: LOOPBACK })).toMatchObject({ failed: 1 })
      for (const wait of [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000]) {
        at += wait
        expect(await runWatchTick(store, { now: new Date(at - 1), fetchOptions: LOOPBACK })).toMatchObject({
          failed: 0,
        })
        expect(await runWatchTick(store, { now: new Date(at), fetchOptions: LOOPBACK })).toMatchObject({ failed: 1 })
      }
      expect(hook.got).toHaveLength(5)
      expect(await runWatchTick(store, { now: new Date(at + 24 * 60 * 60_000), fetchOptions: LOOPBACK })).toMatchObject(
        { failed: 0, delivered: 0 },
      )
      const hooks = await store.watch.listWebhooks('local')
      const [d] = await store.watch.listDeliveries('local', hooks.find((h) => h.connectionId === c.id)!.id)
      expect(d).toMatchObject({ attempts: 5, lastStatus: 503, deliveredAt: null, nextAttemptAt: null })
      // Finished deliveries go after the retention period, with the rest of the store's old rows.
      expect(await store.watch.purgeDeliveries(new Date(at + 1))).toBeGreaterThanOrEqual(1)
      expect(await store.watch.listDeliveries('local', hooks.find((h) => h.connectionId === c.id)!.id)).toEqual([])
    } finally {
      await hook.close()
    }
  })

  test('several instances: a due check is claimed by one of them only', async () => {
    const c = await store.connections.create({
      name: 'claimed once',
      protocol: 'oidc',
      profileId: 'generic',
      config: { issuer: 'https://idp.example.com' },
    })
    const now = new Date(Date.now() + 1000)
    await store.watch.enrollNew(now)
    const [x, y] = await Promise.all([
      store.watch.claimDue({ limit: 50, leaseMs: 60_000, now }),
      store.watch.claimDue({ limit: 50, leaseMs: 60_000, now }),
    ])
    const ids = [...x, ...y].map((w) => w.connectionId)
    expect(ids.filter((id) => id === c.id)).toHaveLength(1)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('the webhook secret is stored only encrypted', async () => {
    const { secret, info } = await store.watch.createWebhook({
      workspaceId: 'local',
      url: 'https://hooks.example.com/x',
    })
    expect(secret).toMatch(/^whsec_/)
    expect(JSON.stringify(await store.watch.listWebhooks('local'))).not.toContain(secret)
    await store.watch.deleteWebhook('local', info.id)
  })
})

describe('webhook URLs go through the SSRF policy', () => {
  test('a metadata-service or private address is refused before any connection', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.7/hook', 'http://127.0.0.1:9/hook']) {
      const r = await attemptDelivery({ id: 'd1', url, secret: 's', payload: {} }, { now: new Date() })
      expect(r.delivered, url).toBe(false)
      if (!r.delivered) expect(r.error, url).toMatch(/^NET_/)
    }
  })
})
