import { prepareDataDir } from './data-dir'
import { readDeploymentConfig } from '../team/config'
import { readStoreEnv } from './env'
import { createStore } from './store'
import type { Store } from './types'

export { createStore } from './store'
export { prepareDataDir, restrictDataDir } from './data-dir'
export type { CreateStoreOptions } from './store'
export { readStoreEnv, StoreEnvSchema } from './env'
export type { StoreEnv } from './env'
export {
  maskDeep,
  maskEmails,
  maskReport,
  maskSteps,
  maskText,
  maskUser,
  maskValue,
  REDACTED,
  useMaskKey,
} from './mask'
export { MIGRATIONS } from './migrations'
export { newId } from './ids'
export { LOGIN_SECRET_TTL_MS, NO_BROWSER } from './login-secrets'
export type { LoginSecretRepository } from './login-secrets'
export type { RateLimitHit, RateLimitRepository } from './rate-limits'
export { WebhookUrlSchema } from './watch'
export type { DeliveryInfo, WatchedConnection, WatchRepository, WebhookDelivery, WebhookInfo } from './watch'
export {
  AttachmentsSchema,
  ConnectionConfigSchema,
  ConnectionSchema,
  NewConnectionSchema,
  NewRunSchema,
  NewSavedReportSchema,
  PendingStateSchema,
  ProtocolSchema,
  RunResultSchema,
  RunStatusSchema,
  SavedReportKindSchema,
  SavedReportSchema,
  StoreIdSchema,
  TestLoginRunSchema,
} from './types'
export type {
  Attachments,
  Connection,
  ConnectionConfig,
  ConnectionRepository,
  NewConnection,
  NewRun,
  NewSavedReport,
  PendingState,
  Protocol,
  PurgeResult,
  RunRepository,
  StoreHealth,
  RunResult,
  RunStatus,
  SavedReport,
  SavedReportKind,
  SavedReportRepository,
  Store,
  TestLoginRun,
} from './types'

const PURGE_EVERY_MS = 60 * 60 * 1000

// On globalThis so Next.js dev reloads and several route bundles share one database handle (PGlite owns its directory).
const slot = globalThis as typeof globalThis & {
  __ssoPreflightStore?: Promise<Store>
  __ssoPreflightPurge?: ReturnType<typeof setInterval>
}

/**
 * The app's store: PostgreSQL when DATABASE_URL is set, else PGlite under SSO_PREFLIGHT_DATA_DIR (./.data/pglite).
 * Migrations and a purge of expired rows run on first use; the purge repeats hourly.
 * @example const run = await (await getStore()).runs.consume(inResponseTo)
 */
export function getStore(): Promise<Store> {
  slot.__ssoPreflightStore ??= openFromEnv().catch((err: unknown) => {
    slot.__ssoPreflightStore = undefined // let the next request retry (e.g. the database came back)
    throw err
  })
  return slot.__ssoPreflightStore
}

async function openFromEnv(): Promise<Store> {
  const env = readStoreEnv()
  const deployment = readDeploymentConfig()
  const store = await createStore({
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.SSO_PREFLIGHT_DATA_DIR }),
    retentionDays: env.SSO_PREFLIGHT_RETENTION_DAYS,
    // Every instance of a team deployment shares this key, so any of them can finish a test login.
    encryptionKey: deployment.encryptionKey,
    ...(deployment.mode === 'team' ? { durableKey: deployment.encryptionKey } : {}),
  })
  await store.purgeExpired()
  clearInterval(slot.__ssoPreflightPurge)
  slot.__ssoPreflightPurge = setInterval(() => {
    store.purgeExpired().catch(() => {})
  }, PURGE_EVERY_MS)
  slot.__ssoPreflightPurge.unref()
  return store
}

/** Closes the app's store (tests, shutdown). The next getStore() opens a new one. */
export async function closeStore(): Promise<void> {
  const pending = slot.__ssoPreflightStore
  slot.__ssoPreflightStore = undefined
  clearInterval(slot.__ssoPreflightPurge)
  if (pending) await (await pending).close()
}

/**
 * At server start: the PGlite data directory (when no DATABASE_URL) is created 0700, or refused with ERR_STORE_UNAVAILABLE
 * and the `chmod 700` that fixes it when group or others may write to it.
 */
export function checkDataDirAtStartup(env: Record<string, string | undefined> = process.env): void {
  const e = readStoreEnv(env)
  // PostgreSQL, or PGlite in memory (the e2e runs): no directory to check.
  if (!e.DATABASE_URL && !e.SSO_PREFLIGHT_DATA_DIR.startsWith('memory://')) prepareDataDir(e.SSO_PREFLIGHT_DATA_DIR)
}
