import { randomBytes } from 'node:crypto'
import { createStore, type CreateStoreOptions } from './store'
import type { Store } from './types'

/**
 * Stores for tests: PGlite in memory always, and a real PostgreSQL when TEST_DATABASE_URL is set (CI starts one).
 * Each Postgres store gets its own schema, so test files running in parallel never see each other's rows.
 * @example describe.each(testStoreEngines())('%s', (_, open) => { ... await open() ... })
 */
export function testStoreEngines(): [name: 'pglite' | 'postgres', open: (o?: Omit<CreateStoreOptions, 'databaseUrl' | 'dataDir'>) => Promise<Store>][] {
  const url = process.env.TEST_DATABASE_URL
  const engines: ReturnType<typeof testStoreEngines> = [['pglite', (o = {}) => createStore({ ...o, dataDir: 'memory://' })]]
  if (url) engines.push(['postgres', (o = {}) => openIsolatedPostgres(url, o)])
  return engines
}

async function openIsolatedPostgres(url: string, o: Omit<CreateStoreOptions, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  const { default: pg } = await import('pg')
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  const store = await createStore({ ...o, databaseUrl: u.toString() })
  return {
    ...store,
    async close() {
      await store.close()
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`drop schema ${schema} cascade`)
      await c.end()
    },
  }
}
