import { storeClock, type StoreClock } from './clock'
import { openPglite, openPostgres, type Db } from './db'
import { migrate } from './migrations'
import { dropSchema, isolatedDatabaseUrl } from './testing'

/**
 * Migrated raw databases for repository tests that must look at the rows themselves (ciphertext, counters):
 * PGlite in memory always, a fresh schema of TEST_DATABASE_URL when set.
 */
export function testDbEngines(): [name: 'pglite' | 'postgres', open: () => Promise<Db>][] {
  const url = process.env.TEST_DATABASE_URL
  const engines: ReturnType<typeof testDbEngines> = [
    [
      'pglite',
      async () => {
        const db = await openPglite('memory://')
        await migrate(db)
        return db
      },
    ],
  ]
  if (url) {
    engines.push([
      'postgres',
      async () => {
        const { url: isolated, schema } = await isolatedDatabaseUrl(url)
        const db = await openPostgres(isolated)
        await migrate(db)
        return {
          ...db,
          async close() {
            await db.close()
            await dropSchema(url, schema)
          },
        }
      },
    ])
  }
  return engines
}

/** A clock whose time the test moves. */
export function movableClock(start: Date): StoreClock & { set(d: Date): void; advance(ms: number): void } {
  let now = start
  const base = storeClock(7, () => now)
  return {
    ...base,
    set(d) {
      now = d
    },
    advance(ms) {
      now = new Date(now.getTime() + ms)
    },
  }
}
