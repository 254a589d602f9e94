import { hkdfSync, randomBytes } from 'node:crypto'
import { apiTokenRepository } from './api-tokens'
import { auditRepository } from './audit'
import { storeClock } from './clock'
import { connectionRepository } from './connections'
import { openPglite, openPostgres, type Db } from './db'
import { loginSecretRepository } from './login-secrets'
import { migrate, MIGRATIONS } from './migrations'
import { rateLimitRepository } from './rate-limits'
import { watchRepository } from './watch'
import { runRepository } from './runs'
import { savedReportRepository } from './saved-reports'
import { setupLinkRepository } from './setup-links'
import { sessionRepository } from './sessions'
import { teamRepository } from './team'
import { useMaskKey } from './mask-scan'
import type { PurgeResult, Store } from './types'

export interface CreateStoreOptions {
  /** postgres://… : use a real PostgreSQL. Otherwise PGlite at `dataDir`. */
  databaseUrl?: string
  /** A directory, or `memory://` (tests). Default ./.data/pglite. */
  dataDir?: string
  retentionDays?: number
  /** Pins the store's clock (tests). */
  now?: () => Date
  /** AES-256 key for login secrets (readDeploymentConfig().encryptionKey); default: random, this store only. */
  encryptionKey?: Buffer
  /**
   * AES-256 key for what must outlive the process (webhook signing secrets): the deployment key in team mode.
   * Default: derived from the installation secret in the database (local mode, where the process key is random).
   */
  durableKey?: Buffer
}

/** Opens the database, applies migrations and returns the repositories. The caller owns `close()`. */
export async function createStore(o: CreateStoreOptions = {}): Promise<Store> {
  const db = o.databaseUrl ? await openPostgres(o.databaseUrl) : await openPglite(o.dataDir ?? './.data/pglite')
  let secret: string
  try {
    await migrate(db)
    secret = await loadSecret(db)
  } catch (err) {
    await db.close().catch(() => {})
    throw err
  }
  // Masked values are keyed by the installation, so every instance on this database masks a person alike. The
  // user-key secret is reused through a separate derivation (lib/store/mask-scan.ts): one secret to keep.
  useMaskKey(secret)
  return storeOver(db, o, secret)
}

/** A store over a database the caller opened, for tests that also read the raw tables; `close()` closes `db`. */
export async function createStoreOnDb(
  db: Db,
  o: Omit<CreateStoreOptions, 'databaseUrl' | 'dataDir'> = {},
): Promise<Store> {
  await migrate(db)
  const secret = await loadSecret(db)
  useMaskKey(secret)
  return storeOver(db, o, secret)
}

function storeOver(db: Db, o: CreateStoreOptions, secret: string): Store {
  const retentionDays = o.retentionDays ?? 7
  const clock = storeClock(retentionDays, o.now)
  const userKeySecret = () => Promise.resolve(secret)
  const loginSecrets = loginSecretRepository(db, clock, o.encryptionKey ?? randomBytes(32))
  const rateLimits = rateLimitRepository(db, clock)
  const watch = watchRepository(
    db,
    clock,
    o.durableKey ?? Buffer.from(hkdfSync('sha256', secret, 'sso-preflight', 'webhook-secrets/aes-256-gcm', 32)),
  )
  return {
    kind: db.kind,
    retentionDays,
    connections: connectionRepository(db, clock),
    runs: runRepository(db, clock, userKeySecret),
    savedReports: savedReportRepository(db, clock),
    apiTokens: apiTokenRepository(db, clock),
    setupLinks: setupLinkRepository(db, clock),
    audit: auditRepository(db, clock),
    loginSecrets,
    rateLimits,
    watch,
    async health() {
      const { rows } = await db.query<{ v: number | null }>('select max(version) as v from schema_migrations')
      const applied = Number(rows[0]?.v ?? 0)
      const expected = Math.max(...MIGRATIONS.map((m) => m.version))
      return {
        migrations: applied === expected ? 'current' : applied < expected ? 'behind' : 'ahead',
        applied,
        expected,
      }
    },
    sessions: sessionRepository(db, clock),
    team: teamRepository(db, clock),
    async purgeExpired(now = clock.now()): Promise<PurgeResult> {
      // Runs first, so the count does not include runs that go with their connection.
      const runs = await db.query<{ id: string }>('delete from test_login_runs where expires_at <= $1 returning id', [
        now,
      ])
      const connections = await db.query<{ id: string }>(
        'delete from connections where expires_at <= $1 returning id',
        [now],
      )
      const saved = await db.query<{ id: string }>('delete from saved_reports where expires_at <= $1 returning id', [
        now,
      ])
      // Setup links of a purged connection went with it (cascade); these are the expired ones of kept connections.
      // The audit log is not purged (lib/store/audit.ts says why).
      const setupLinks = await db.query<{ id: string }>('delete from setup_links where expires_at <= $1 returning id', [
        now,
      ])
      // Team mode: sessions past their absolute end (or revoked) and invitations that can no longer be accepted.
      await db.query('delete from sessions where absolute_expires_at <= $1 or revoked_at is not null', [now])
      await db.query('delete from invitations where expires_at <= $1 and accepted_at is null', [now])
      return {
        connections: connections.rows.length,
        runs: runs.rows.length,
        savedReports: saved.rows.length,
        setupLinks: setupLinks.rows.length,
        loginSecrets: await loginSecrets.purgeExpired(now),
        rateLimits: await rateLimits.purgeExpired(now),
        webhookDeliveries: await watch.purgeDeliveries(new Date(now.getTime() - retentionDays * 86_400_000)),
      }
    },
    close: () => db.close(),
  }
}

// The key for hashing test users lives in the database, so every app instance counts the same user once.
async function loadSecret(db: Db): Promise<string> {
  await db.query(
    `insert into store_settings (key, value) values ('user-key-secret', $1) on conflict (key) do nothing`,
    [randomBytes(32).toString('base64url')],
  )
  const { rows } = await db.query<{ value: string }>(`select value from store_settings where key = 'user-key-secret'`)
  return rows[0]!.value
}
