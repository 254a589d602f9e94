import { mkdirSync } from 'node:fs'
import { PreflightError } from '../errors'

/** The little SQL surface both engines share. Parameters are $1..$n; JSON goes in as text cast to jsonb. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `fn` on one connection (migrations hold an advisory lock on it). */
  session<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** PGlite (Postgres in WASM): `memory://` or a directory. One process owns a directory at a time. */
export async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite')
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  let pg: InstanceType<typeof PGlite>
  try {
    pg = await PGlite.create(dataDir)
  } catch (cause) {
    throw new PreflightError(`cannot open the PGlite database at ${dataDir}`, { code: 'ERR_STORE_UNAVAILABLE', cause })
  }
  const q: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await pg.query<T>(sql, [...params])
      return { rows: r.rows }
    },
    async exec(sql: string) { await pg.exec(sql) },
  }
  return {
    kind: 'pglite',
    ...q,
    // PGlite is a single connection already; its queries are serialised.
    session: (fn) => fn(q),
    close: () => pg.close(),
  }
}

/** Real PostgreSQL through a `pg` pool, for several app instances sharing one database. */
export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  try {
    await pool.query('select 1')
  } catch (cause) {
    await pool.end().catch(() => {})
    throw new PreflightError('cannot reach the PostgreSQL database (DATABASE_URL)', { code: 'ERR_STORE_UNAVAILABLE', cause })
  }
  const q: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await pool.query(sql, [...params])
      return { rows: r.rows as T[] }
    },
    async exec(sql: string) { await pool.query(sql) },
  }
  return {
    kind: 'postgres',
    ...q,
    async session(fn) {
      const client = await pool.connect()
      try {
        return await fn({
          async query<T>(sql: string, params: readonly unknown[] = []) {
            const r = await client.query(sql, [...params])
            return { rows: r.rows as T[] }
          },
          async exec(sql: string) { await client.query(sql) },
        })
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
