import type { StoreClock } from './clock'
import type { Db } from './db'
import { openJson, sealJson } from './sealed'

/*
 * What a test login must never store in clear yet any instance must be able to finish with: the OIDC client secret
 * typed for a run (taken once, at the callback) and the unmasked "what the IdP sent" view (read by the browser that
 * ran the login). Each value is AES-256-GCM encrypted with the deployment's key (lib/team/config.ts), a fresh
 * 96-bit IV per value, and the row's key + browser binding as additional data: a row copied to another key or
 * binding does not decrypt. Rows live at most LOGIN_SECRET_TTL_MS; purgeExpired deletes what nobody used.
 */

export const LOGIN_SECRET_TTL_MS = 10 * 60_000

/** The binding of a run started with no browser (a test harness): only a read that also names no browser finds it. */
export const NO_BROWSER = 'none'

export interface LoginSecretRepository {
  /** Stores `value` (JSON) for `key`, readable only with the same `binding` (a browser key hash), replacing any old one. */
  put(key: string, binding: string, value: unknown, ttlMs?: number): Promise<void>
  /** The value while it lives, for the same binding; null otherwise. The row stays (a view is read several times). */
  get<T>(key: string, binding: string): Promise<T | null>
  /** The value, deleted in the same statement: exactly one caller gets it (a client secret is used once). */
  take<T>(key: string, binding: string): Promise<T | null>
  /** Whether a live value exists for `key` under any binding (to tell "another browser" from "nothing"). */
  has(key: string): Promise<boolean>
  delete(key: string): Promise<void>
  /** Deletes rows past their expiry; the count. */
  purgeExpired(now?: Date): Promise<number>
}

export function loginSecretRepository(db: Db, clock: StoreClock, key: Buffer): LoginSecretRepository {
  if (key.length !== 32) throw new Error('the login-secret key must be 32 bytes (AES-256)')
  const aad = (k: string, binding: string) => `sso-preflight/login-secret\n${k}\n${binding}`
  const seal = (k: string, binding: string, value: unknown) => sealJson(key, aad(k, binding), value)
  const open = <T>(k: string, binding: string, sealed: string) => openJson<T>(key, aad(k, binding), sealed)

  return {
    async put(k, binding, value, ttlMs = LOGIN_SECRET_TTL_MS) {
      const now = clock.now()
      const expires = new Date(now.getTime() + Math.min(ttlMs, LOGIN_SECRET_TTL_MS))
      await db.query(
        `insert into login_secrets (key, browser_binding, ciphertext, created_at, expires_at) values ($1, $2, $3, $4, $5)
         on conflict (key) do update set browser_binding = excluded.browser_binding, ciphertext = excluded.ciphertext,
           created_at = excluded.created_at, expires_at = excluded.expires_at`,
        [k, binding, seal(k, binding, value), now, expires],
      )
    },
    async get<T>(k: string, binding: string) {
      const { rows } = await db.query<{ ciphertext: string }>(
        'select ciphertext from login_secrets where key = $1 and browser_binding = $2 and expires_at > $3',
        [k, binding, clock.now()],
      )
      return rows[0] ? open<T>(k, binding, rows[0].ciphertext) : null
    },
    async take<T>(k: string, binding: string) {
      const { rows } = await db.query<{ ciphertext: string; live: boolean }>(
        'delete from login_secrets where key = $1 and browser_binding = $2 returning ciphertext, expires_at > $3 as live',
        [k, binding, clock.now()],
      )
      return rows[0]?.live ? open<T>(k, binding, rows[0].ciphertext) : null
    },
    async has(k) {
      const { rows } = await db.query('select 1 from login_secrets where key = $1 and expires_at > $2', [
        k,
        clock.now(),
      ])
      return rows.length > 0
    },
    async delete(k) {
      await db.query('delete from login_secrets where key = $1', [k])
    },
    async purgeExpired(now = clock.now()) {
      const { rows } = await db.query<{ key: string }>(
        'delete from login_secrets where expires_at <= $1 returning key',
        [now],
      )
      return rows.length
    },
  }
}
