import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { PreflightError } from '../errors'
import { prepareDataDir, restrictDataDir } from './data-dir'

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
  const inMemory = dataDir.startsWith('memory://')
  if (!inMemory) prepareDataDir(dataDir)
  const unlock = inMemory ? () => {} : lockDataDir(dataDir)
  let pg: InstanceType<typeof PGlite>
  try {
    pg = await PGlite.create(dataDir)
    if (!inMemory) restrictDataDir(dataDir)
  } catch (cause) {
    unlock()
    throw new PreflightError(`cannot open the PGlite database at ${dataDir}`, { code: 'ERR_STORE_UNAVAILABLE', cause })
  }
  const q: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await pg.query<T>(sql, [...params])
      return { rows: r.rows }
    },
    async exec(sql: string) {
      await pg.exec(sql)
    },
  }
  return {
    kind: 'pglite',
    ...q,
    // PGlite is a single connection already; its queries are serialised.
    session: (fn) => fn(q),
    async close() {
      await pg.close()
      if (!inMemory) restrictDataDir(dataDir) // files PGlite rewrote on the way (pg_internal.init) come back 0644
      unlock()
    },
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory corrupts it. A lock file with the
 * owner's pid refuses that (a stale lock from a dead process is taken over). Point each instance at its own
 * SSO_PREFLIGHT_DATA_DIR, or use Postgres (DATABASE_URL) to share.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = `${resolve(dataDir)}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 })
      const release = () => {
        try {
          if (readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock)
        } catch {
          /* already gone */
        }
      }
      process.once('exit', release)
      return () => {
        process.off('exit', release)
        release()
      }
    } catch {
      const owner = Number(readFileSyncSafe(lock))
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new PreflightError(
          `the PGlite database at ${dataDir} is in use by process ${owner}; set SSO_PREFLIGHT_DATA_DIR to another directory or use DATABASE_URL`,
          { code: 'ERR_STORE_UNAVAILABLE' },
        )
      }
      rmSync(lock, { force: true }) // stale (dead owner) or our own from an earlier open in this process
    }
  }
  throw new PreflightError(`cannot lock the PGlite database at ${dataDir}`, { code: 'ERR_STORE_UNAVAILABLE' })
}

function readFileSyncSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
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
    throw new PreflightError('cannot reach the PostgreSQL database (DATABASE_URL)', {
      code: 'ERR_STORE_UNAVAILABLE',
      cause,
    })
  }
  const q: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await pool.query(sql, [...params])
      return { rows: r.rows as T[] }
    },
    async exec(sql: string) {
      await pool.query(sql)
    },
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
          async exec(sql: string) {
            await client.query(sql)
          },
        })
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
