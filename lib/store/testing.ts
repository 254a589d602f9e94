import { randomBytes } from 'node:crypto'
import { createStore, type CreateStoreOptions } from './store'
import type { Store } from './types'

/**
 * Stores for tests: PGlite in memory always, and a real PostgreSQL when TEST_DATABASE_URL is set (CI starts one).
 * Each Postgres store gets its own schema, so test files running in parallel never see each other's rows.
 * @example describe.each(testStoreEngines())('%s', (_, open) => { ... await open() ... })
 */
export function testStoreEngines(): [
  name: 'pglite' | 'postgres',
  open: (o?: Omit<CreateStoreOptions, 'databaseUrl' | 'dataDir'>) => Promise<Store>,
][] {
  const url = process.env.TEST_DATABASE_URL
  const engines: ReturnType<typeof testStoreEngines> = [
    ['pglite', (o = {}) => createStore({ ...o, dataDir: 'memory://' })],
  ]
  if (url) engines.push(['postgres', (o = {}) => openIsolatedPostgres(url, o)])
  return engines
}

/**
 * A fresh schema in the test database and a URL whose connections use it (search_path), so a test file's app code
 * (getStore with DATABASE_URL) sees only its own rows.
 */
export async function isolatedDatabaseUrl(url: string): Promise<{ url: string; schema: string }> {
  const { default: pg } = await import('pg')
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const u = new URL(url)
  u.searchParams.set('options', `-c search_path=${schema}`)
  return { url: u.toString(), schema }
}

async function openIsolatedPostgres(
  url: string,
  o: Omit<CreateStoreOptions, 'databaseUrl' | 'dataDir'>,
): Promise<Store> {
  const { url: isolated, schema } = await isolatedDatabaseUrl(url)
  const store = await createStore({ ...o, databaseUrl: isolated })
  return {
    ...store,
    async close() {
      await store.close()
      await dropSchema(url, schema)
    },
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^t_[0-9a-f]+$/.test(schema)) throw new Error(`not a test schema: ${schema}`)
  const { default: pg } = await import('pg')
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(`drop schema if exists ${schema} cascade`)
  } finally {
    await c.end()
  }
}
