import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { API_TOKEN_PREFIX, LAST_USED_EVERY_MS } from './api-tokens'
import { hashBearerSecret } from './secrets'
import { DEFAULT_SETUP_LINK_MS } from './setup-links'
import { openPglite, openPostgres, type Db } from './db'
import { createStoreOnDb } from './store'
import { dropSchema, isolatedDatabaseUrl } from './testing'
import type { Store } from './types'

const T0 = new Date('2026-03-01T10:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)

/** Like testStoreEngines, but the test keeps the raw database too, to read what the rows really hold. */
function engines(): [name: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>][] {
  const url = process.env.TEST_DATABASE_URL
  const list: ReturnType<typeof engines> = [
    ['pglite', async () => ({ db: await openPglite('memory://'), cleanup: async () => {} })],
  ]
  if (url) {
    list.push([
      'postgres',
      async () => {
        const { url: isolated, schema } = await isolatedDatabaseUrl(url)
        return { db: await openPostgres(isolated), cleanup: () => dropSchema(url, schema) }
      },
    ])
  }
  return list
}

describe.each(engines())('API tokens, setup links and audit on %s', (_engine, open) => {
  let now = T0
  let store: Store
  let db: Db
  let cleanup: () => Promise<void>
  const dump = async () =>
    JSON.stringify([
      ...(await db.query('select * from api_tokens')).rows,
      ...(await db.query('select * from setup_links')).rows,
      ...(await db.query('select * from audit_log')).rows,
    ])
  const addWorkspace = (id: string) =>
    db.query('insert into workspaces (id, name, created_at) values ($1, $1, now())', [id])
  beforeAll(async () => {
    ;({ db, cleanup } = await open())
    store = await createStoreOnDb(db, { now: () => now, retentionDays: 7 })
    await addWorkspace('ws-b') // a second workspace (the auth helper's repository makes them), to prove nothing crosses over
  }, 120_000)
  afterAll(async () => {
    await store.close()
    await cleanup()
  })

  describe('API tokens', () => {
    test('the token is spf_ + 256 bits, returned once; the row holds only its SHA-256', async () => {
      const { token, info } = await store.apiTokens.create({
        workspaceId: 'local',
        name: 'CI pipeline',
        scopes: ['run', 'read', 'run'],
      })
      expect(token).toMatch(/^spf_[A-Za-z0-9_-]{43}$/)
      expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true)
      expect(info).toMatchObject({
        workspaceId: 'local',
        name: 'CI pipeline',
        scopes: ['read', 'run'],
        lastUsedAt: null,
        revokedAt: null,
        expiresAt: null,
        createdAt: T0.toISOString(),
      })
      expect(JSON.stringify(info)).not.toContain(token.slice(4))
      const rows = await dump()
      expect(rows).not.toContain(token.slice(4))
      expect(rows).toContain(hashBearerSecret(token))
      expect(JSON.stringify(await store.apiTokens.list('local'))).not.toContain(hashBearerSecret(token))
    })

    test('verify finds the live token; a wrong, malformed or look-alike secret is refused', async () => {
      const { token, info } = await store.apiTokens.create({ workspaceId: 'local', name: 'verify', scopes: ['read'] })
      expect((await store.apiTokens.verify(token))?.id).toBe(info.id)
      expect(await store.apiTokens.verify(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
      expect(await store.apiTokens.verify(token.slice(4))).toBeNull()
      expect(await store.apiTokens.verify(`${token} `)).toBeNull()
      expect(await store.apiTokens.verify('')).toBeNull()
    })

    test('a revoked token is refused; revoking twice or from another workspace answers false', async () => {
      const { token, info } = await store.apiTokens.create({
        workspaceId: 'local',
        name: 'to revoke',
        scopes: ['read'],
      })
      expect(await store.apiTokens.revoke('ws-b', info.id)).toBe(false)
      expect(await store.apiTokens.verify(token)).not.toBeNull()
      expect(await store.apiTokens.revoke('local', info.id)).toBe(true)
      expect(await store.apiTokens.revoke('local', info.id)).toBe(false)
      expect(await store.apiTokens.verify(token)).toBeNull()
      const listed = (await store.apiTokens.list('local')).find((t) => t.id === info.id)
      expect(listed?.revokedAt).toBe(T0.toISOString())
    })

    test('a token with an expiry is refused from that instant on; an expiry in the past is refused at creation', async () => {
      const { token } = await store.apiTokens.create({
        workspaceId: 'local',
        name: 'short',
        scopes: ['read'],
        expiresAt: at(3_600_000),
      })
      try {
        now = at(3_599_999)
        expect(await store.apiTokens.verify(token)).not.toBeNull()
        now = at(3_600_000)
        expect(await store.apiTokens.verify(token)).toBeNull()
      } finally {
        now = T0
      }
      await expect(
        store.apiTokens.create({ workspaceId: 'local', name: 'past', scopes: ['read'], expiresAt: at(-1) }),
      ).rejects.toThrow(/future/)
    })

    test('last used is noted at first use, then at most once a minute', async () => {
      const { token, info } = await store.apiTokens.create({ workspaceId: 'local', name: 'busy CI', scopes: ['run'] })
      const lastUsed = async () => (await store.apiTokens.list('local')).find((t) => t.id === info.id)?.lastUsedAt
      try {
        now = at(1000)
        expect((await store.apiTokens.verify(token))?.lastUsedAt).toBe(at(1000).toISOString())
        now = at(1000 + LAST_USED_EVERY_MS - 1)
        await store.apiTokens.verify(token)
        expect(await lastUsed()).toBe(at(1000).toISOString())
        now = at(1000 + LAST_USED_EVERY_MS)
        await store.apiTokens.verify(token)
        expect(await lastUsed()).toBe(at(1000 + LAST_USED_EVERY_MS).toISOString())
      } finally {
        now = T0
      }
    })

    test('lists are per workspace, newest first', async () => {
      const { info: b } = await store.apiTokens.create({ workspaceId: 'ws-b', name: 'other team', scopes: ['read'] })
      expect((await store.apiTokens.list('local')).map((t) => t.id)).not.toContain(b.id)
      expect((await store.apiTokens.list('ws-b')).map((t) => t.id)).toEqual([b.id])
    })

    test('bad input is refused: no scope, unknown scope, empty name', async () => {
      await expect(store.apiTokens.create({ workspaceId: 'local', name: 'x', scopes: [] })).rejects.toThrow()
      await expect(
        store.apiTokens.create({ workspaceId: 'local', name: 'x', scopes: ['admin' as never] }),
      ).rejects.toThrow()
      await expect(store.apiTokens.create({ workspaceId: 'local', name: '  ', scopes: ['read'] })).rejects.toThrow()
    })
  })

  describe('setup links', () => {
    const connection = (workspaceId = 'local') =>
      store.connections
        .create({ name: `for a link ${workspaceId}`, protocol: 'saml', profileId: 'generic', config: {} })
        .then(async (c) => {
          if (workspaceId !== 'local')
            await db.query('update connections set workspace_id = $2 where id = $1', [c.id, workspaceId])
          return c
        })

    test('a link opens its one connection, counts each opening and notes the last use; the row holds only a hash', async () => {
      const c = await connection()
      const { token, info } = await store.setupLinks.create({
        workspaceId: 'local',
        connectionId: c.id,
        ttlMs: DEFAULT_SETUP_LINK_MS,
      })
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(info).toMatchObject({
        connectionId: c.id,
        uses: 0,
        lastUsedAt: null,
        expiresAt: at(DEFAULT_SETUP_LINK_MS).toISOString(),
      })
      expect(await dump()).not.toContain(token)
      try {
        now = at(5000)
        expect(await store.setupLinks.verify(token, { redeem: true })).toMatchObject({
          id: info.id,
          connectionId: c.id,
          uses: 1,
          lastUsedAt: at(5000).toISOString(),
        })
        now = at(6000)
        expect(await store.setupLinks.verify(token, { redeem: true })).toMatchObject({
          uses: 2,
          lastUsedAt: at(6000).toISOString(),
        })
        // The requests made with the link's cookie afterwards are no openings: the count stays, and the last use
        // is noted at most once a minute.
        now = at(7000)
        expect(await store.setupLinks.verify(token)).toMatchObject({ uses: 2, lastUsedAt: at(6000).toISOString() })
        now = at(70_000)
        expect(await store.setupLinks.verify(token)).toMatchObject({ uses: 2, lastUsedAt: at(70_000).toISOString() })
        expect((await store.setupLinks.list('local', c.id))[0]).toMatchObject({
          uses: 2,
          lastUsedAt: at(70_000).toISOString(),
        })
      } finally {
        now = T0
      }
      expect((await store.setupLinks.list('local', c.id)).map((l) => l.id)).toEqual([info.id])
    })

    test('expired, revoked and unknown links are refused alike (null), and not counted', async () => {
      const c = await connection()
      const expiring = await store.setupLinks.create({ workspaceId: 'local', connectionId: c.id, ttlMs: 3_600_000 })
      const revoked = await store.setupLinks.create({ workspaceId: 'local', connectionId: c.id, ttlMs: 3_600_000 })
      expect(await store.setupLinks.revoke('ws-b', revoked.info.id)).toBe(false)
      expect(await store.setupLinks.revoke('local', revoked.info.id)).toBe(true)
      expect(await store.setupLinks.verify(revoked.token)).toBeNull()
      expect(await store.setupLinks.verify('A'.repeat(43))).toBeNull()
      expect(await store.setupLinks.verify('../etc')).toBeNull()
      try {
        now = at(3_600_000)
        expect(await store.setupLinks.verify(expiring.token)).toBeNull()
      } finally {
        now = T0
      }
      const listed = await store.setupLinks.list('local', c.id)
      expect(listed.map((l) => l.uses)).toEqual([0, 0])
    })

    test('a link dies with its connection (deleted or past retention)', async () => {
      const c = await connection()
      const link = await store.setupLinks.create({ workspaceId: 'local', connectionId: c.id, ttlMs: 30 * 86_400_000 })
      try {
        now = at(7 * 86_400_000)
        expect(await store.setupLinks.verify(link.token)).toBeNull()
      } finally {
        now = T0
      }
      await store.connections.delete(c.id)
      expect(await store.setupLinks.list('local', c.id)).toEqual([])
    })

    test("a link to another workspace's connection is never made", async () => {
      const theirs = await connection('ws-b')
      await expect(
        store.setupLinks.create({ workspaceId: 'local', connectionId: theirs.id, ttlMs: 3_600_000 }),
      ).rejects.toThrow(/no such connection/)
    })

    test('purgeExpired deletes expired links and keeps live ones', async () => {
      const c = await connection()
      const short = await store.setupLinks.create({ workspaceId: 'local', connectionId: c.id, ttlMs: 60_000 })
      const long = await store.setupLinks.create({ workspaceId: 'local', connectionId: c.id, ttlMs: 3 * 86_400_000 })
      const purged = await store.purgeExpired(at(120_000))
      expect(purged.setupLinks).toBeGreaterThanOrEqual(1)
      const ids = (await store.setupLinks.list('local', c.id)).map((l) => l.id)
      expect(ids).toContain(long.info.id)
      expect(ids).not.toContain(short.info.id)
    })
  })

  describe('audit', () => {
    test('entries list newest first, per workspace, in pages', async () => {
      const made = []
      for (let i = 0; i < 5; i++) {
        now = at(i * 1000)
        made.push(
          await store.audit.record({
            workspaceId: 'ws-b',
            actorKind: 'token',
            actorId: 't1',
            actorLabel: 'CI',
            action: 'run.start',
            targetKind: 'connection',
            targetId: `c${i}`,
            details: { n: i },
          }),
        )
      }
      now = T0
      await store.audit.record({ workspaceId: 'local', actorKind: 'local', action: 'token.create' })
      const first = await store.audit.list('ws-b', { limit: 2 })
      expect(first.map((e) => e.targetId)).toEqual(['c4', 'c3'])
      const second = await store.audit.list('ws-b', { limit: 2, before: first[1]!.id })
      expect(second.map((e) => e.targetId)).toEqual(['c2', 'c1'])
      const rest = await store.audit.list('ws-b', { before: second[1]!.id })
      expect(rest.map((e) => e.targetId)).toEqual(['c0'])
      expect(rest[0]).toMatchObject({
        actorKind: 'token',
        actorLabel: 'CI',
        action: 'run.start',
        details: { n: 0 },
        requestId: null,
        at: T0.toISOString(),
      })
      // A cursor from another workspace reveals nothing.
      const local = await store.audit.list('local')
      expect(await store.audit.list('local', { before: first[0]!.id })).toEqual([])
      expect(local.every((e) => e.workspaceId === 'local')).toBe(true)
    })

    test('entries made in the same millisecond list newest first and page without a gap or a repeat', async () => {
      await addWorkspace('ws-same-ms')
      const made = []
      for (let i = 0; i < 6; i++)
        made.push(
          await store.audit.record({
            workspaceId: 'ws-same-ms',
            actorKind: 'system',
            action: 'run.start',
            targetId: `r${i}`,
          }),
        )
      const seen: string[] = []
      let page = await store.audit.list('ws-same-ms', { limit: 4 })
      seen.push(...page.map((e) => e.targetId!))
      page = await store.audit.list('ws-same-ms', { limit: 4, before: page.at(-1)!.id })
      seen.push(...page.map((e) => e.targetId!))
      expect(seen).toEqual(['r5', 'r4', 'r3', 'r2', 'r1', 'r0'])
    })

    test('an action that is not a dotted verb is refused', async () => {
      await expect(
        store.audit.record({ workspaceId: 'local', actorKind: 'local', action: 'DROP TABLE' }),
      ).rejects.toThrow()
    })

    test('the audit log outlives the retention purge', async () => {
      const e = await store.audit.record({ workspaceId: 'local', actorKind: 'system', action: 'connection.delete' })
      await store.purgeExpired(at(365 * 86_400_000))
      expect((await store.audit.list('local', { limit: 1000 })).map((x) => x.id)).toContain(e.id)
    })
  })
})
