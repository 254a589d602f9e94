import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Db } from './db'
import { rateLimitRepository } from './rate-limits'
import { movableClock, testDbEngines } from './test-db'

const T0 = new Date('2026-03-01T10:00:00Z')

describe.each(testDbEngines())(
  'rate limits (%s): one fixed-window counter per bucket, shared through the database',
  (_, open) => {
    let db: Db
    const clock = movableClock(T0)
    beforeAll(async () => {
      db = await open()
    }, 60_000)
    afterAll(async () => {
      await db?.close()
    })

    test('hits from two repositories (two app instances) on one bucket add up; the one over the limit is refused', async () => {
      const a = rateLimitRepository(db, clock)
      const b = rateLimitRepository(db, clock)
      const o = { limit: 5, windowMs: 60_000 }
      const results = await Promise.all([a, b, a, b, a, b, a].map((r) => r.hit('acs:127.0.0.1', o)))
      expect(results.map((r) => r.hits).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7])
      expect(results.filter((r) => !r.allowed)).toHaveLength(2)
      expect(results[0]!.resetAt.toISOString()).toBe('2026-03-01T10:01:00.000Z')
      expect((await a.hit('acs:127.0.0.2', o)).hits).toBe(1) // another address, its own bucket
    })

    test('a new window starts from zero; purgeExpired drops windows over an hour old', async () => {
      const r = rateLimitRepository(db, clock)
      const o = { limit: 2, windowMs: 60_000 }
      clock.set(new Date(T0.getTime() + 5 * 60_000))
      await r.hit('cb:x', o)
      await r.hit('cb:x', o)
      expect((await r.hit('cb:x', o)).allowed).toBe(false)
      clock.advance(60_000)
      expect(await r.hit('cb:x', o)).toMatchObject({ hits: 1, allowed: true })
      clock.set(new Date(T0.getTime() + 2 * 60 * 60_000))
      expect(await r.purgeExpired()).toBeGreaterThanOrEqual(3)
      expect((await db.query('select 1 from rate_limits')).rows).toHaveLength(0)
      clock.set(T0)
    })
  },
)
