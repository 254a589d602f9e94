import type { StoreClock } from './clock'
import type { Db } from './db'

/*
 * Fixed-window counters shared by every app instance on the database: one row per (bucket, window start), bumped
 * by a single insert … on conflict do update … returning, so concurrent hits on any instance add up exactly.
 */

export interface RateLimitHit {
  /** Hits in this window, this one included. */
  readonly hits: number
  readonly limit: number
  readonly allowed: boolean
  /** When the window ends: the Retry-After for a refused hit. */
  readonly resetAt: Date
}

export interface RateLimitRepository {
  /** Counts one hit on `bucket` in the current window of `windowMs`. */
  hit(bucket: string, o: { limit: number; windowMs: number }): Promise<RateLimitHit>
  /** Deletes windows that ended before `now`; the count. */
  purgeExpired(now?: Date): Promise<number>
}

/** Windows older than this are deleted by purgeExpired (longer than any window in use). */
const KEEP_WINDOWS_MS = 60 * 60_000

export function rateLimitRepository(db: Db, clock: StoreClock): RateLimitRepository {
  return {
    async hit(bucket, { limit, windowMs }) {
      const now = clock.now().getTime()
      const start = new Date(now - (now % windowMs))
      const { rows } = await db.query<{ hits: number }>(
        `insert into rate_limits (bucket, window_start, hits) values ($1, $2, 1)
         on conflict (bucket, window_start) do update set hits = rate_limits.hits + 1
         returning hits`,
        [bucket.slice(0, 200), start],
      )
      const hits = Number(rows[0]?.hits ?? 1)
      return { hits, limit, allowed: hits <= limit, resetAt: new Date(start.getTime() + windowMs) }
    },
    async purgeExpired(now = clock.now()) {
      const { rows } = await db.query<{ bucket: string }>(
        'delete from rate_limits where window_start < $1 returning bucket',
        [new Date(now.getTime() - KEEP_WINDOWS_MS)],
      )
      return rows.length
    },
  }
}
