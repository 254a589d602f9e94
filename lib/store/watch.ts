import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { WatchSnapshotSchema, type WatchSnapshot } from '../watch/watch'
import type { StoreClock } from './clock'
import type { Db } from './db'
import { newId } from './ids'
import { openJson, sealJson } from './sealed'

/*
 * The app's certificate and metadata watch (issue 11 item 5): per connection, the last snapshot and when the next
 * check is due; webhooks (per workspace, or per connection) and their delivery attempts. Due work is claimed with a
 * lease (claimed_until) in one UPDATE … RETURNING, so with several instances each check and each delivery runs once.
 */

export interface WatchedConnection {
  readonly connectionId: string
  readonly workspaceId: string
  readonly snapshot: WatchSnapshot | null
}

export interface WebhookInfo {
  readonly id: string
  readonly workspaceId: string
  /** Null: every connection of the workspace. */
  readonly connectionId: string | null
  readonly url: string
  readonly createdAt: string
}

export interface WebhookDelivery {
  readonly id: string
  readonly webhookId: string
  readonly url: string
  /** The signing secret, decrypted for this delivery only. */
  readonly secret: string
  readonly event: string
  readonly payload: unknown
  readonly attempts: number
}

export interface DeliveryInfo {
  readonly id: string
  readonly event: string
  readonly createdAt: string
  readonly attempts: number
  readonly nextAttemptAt: string | null
  readonly lastStatus: number | null
  readonly lastError: string | null
  readonly deliveredAt: string | null
}

export interface WatchRepository {
  /** Connections with a metadata URL or an issuer get a watch row, first check due at once; the count added. */
  enrollNew(now?: Date): Promise<number>
  /** Up to `limit` due checks, each leased to the caller for `leaseMs` (nobody else gets them meanwhile). */
  claimDue(o: { limit: number; leaseMs: number; now?: Date }): Promise<WatchedConnection[]>
  /** Stores a check's snapshot and the next due time; releases the lease. */
  recordCheck(
    connectionId: string,
    o: { snapshot: WatchSnapshot | null; nextCheckAt: Date; failed?: boolean },
  ): Promise<void>
  snapshotOf(connectionId: string): Promise<WatchSnapshot | null>

  /** A new webhook; `secret` (for verifying the signature) is returned once and kept only encrypted. */
  createWebhook(input: {
    workspaceId: string
    connectionId?: string | null
    url: string
  }): Promise<{ secret: string; info: WebhookInfo }>
  listWebhooks(workspaceId: string): Promise<WebhookInfo[]>
  deleteWebhook(workspaceId: string, id: string): Promise<boolean>
  /** Queues one delivery per webhook of the workspace that covers this connection; the count queued. */
  enqueueDeliveries(o: {
    workspaceId: string
    connectionId: string
    event: string
    payload: unknown
    now?: Date
  }): Promise<number>
  claimDueDeliveries(o: { limit: number; leaseMs: number; now?: Date }): Promise<WebhookDelivery[]>
  /** One attempt's outcome: delivered, or failed with the next attempt time (null: give up). */
  recordAttempt(
    id: string,
    o: { delivered: boolean; status: number | null; error?: string; nextAttemptAt: Date | null; now?: Date },
  ): Promise<void>
  listDeliveries(workspaceId: string, webhookId: string, o?: { limit?: number }): Promise<DeliveryInfo[]>
  /** Deletes finished deliveries (delivered or given up) created before `before`; the count. */
  purgeDeliveries(before: Date): Promise<number>
}

const iso = (v: unknown) => (v instanceof Date ? v : new Date(String(v))).toISOString()
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v))

export function watchRepository(db: Db, clock: StoreClock, key: Buffer): WatchRepository {
  const aad = (id: string, workspaceId: string) => `sso-preflight/webhook-secret\n${id}\n${workspaceId}`
  const parseSnapshot = (v: unknown): WatchSnapshot | null => {
    const parsed = WatchSnapshotSchema.safeParse(typeof v === 'string' ? JSON.parse(v) : v)
    return parsed.success ? parsed.data : null
  }
  const toInfo = (r: Record<string, unknown>): WebhookInfo => ({
    id: String(r.id),
    workspaceId: String(r.workspace_id),
    connectionId: r.connection_id === null ? null : String(r.connection_id),
    url: String(r.url),
    createdAt: iso(r.created_at),
  })

  return {
    async enrollNew(now = clock.now()) {
      const { rows } = await db.query<{ connection_id: string }>(
        `insert into watch_state (connection_id, workspace_id, next_check_at)
         select id, workspace_id, $1 from connections
         where expires_at > $1 and (config ? 'metadataUrl' or config ? 'issuer')
         on conflict (connection_id) do nothing
         returning connection_id`,
        [now],
      )
      return rows.length
    },
    async claimDue({ limit, leaseMs, now = clock.now() }) {
      const { rows } = await db.query<{ connection_id: string; workspace_id: string; snapshot: unknown }>(
        `update watch_state set claimed_until = $2
         where connection_id in (
           select connection_id from watch_state
           where next_check_at <= $1 and (claimed_until is null or claimed_until <= $1)
           order by next_check_at limit $3 for update skip locked)
         returning connection_id, workspace_id, snapshot`,
        [now, new Date(now.getTime() + leaseMs), limit],
      )
      return rows.map((r) => ({
        connectionId: r.connection_id,
        workspaceId: r.workspace_id,
        snapshot: r.snapshot ? parseSnapshot(r.snapshot) : null,
      }))
    },
    async recordCheck(connectionId, o) {
      await db.query(
        `update watch_state set snapshot = coalesce($2::jsonb, snapshot), last_verdict = coalesce($3, last_verdict),
           last_checked_at = $4, next_check_at = $5, claimed_until = null,
           failures = case when $6 then failures + 1 else 0 end
         where connection_id = $1`,
        [
          connectionId,
          o.snapshot ? JSON.stringify(o.snapshot) : null,
          o.snapshot?.verdict ?? null,
          clock.now(),
          o.nextCheckAt,
          o.failed === true,
        ],
      )
    },
    async snapshotOf(connectionId) {
      const { rows } = await db.query<{ snapshot: unknown }>(
        'select snapshot from watch_state where connection_id = $1',
        [connectionId],
      )
      return rows[0]?.snapshot ? parseSnapshot(rows[0].snapshot) : null
    },

    async createWebhook({ workspaceId, connectionId = null, url }) {
      const id = newId()
      const secret = `whsec_${randomBytes(32).toString('base64url')}`
      const { rows } = await db.query<Record<string, unknown>>(
        `insert into webhooks (id, workspace_id, connection_id, url, secret_ciphertext, created_at) values ($1, $2, $3, $4, $5, $6)
         returning id, workspace_id, connection_id, url, created_at`,
        [id, workspaceId, connectionId, url, sealJson(key, aad(id, workspaceId), secret), clock.now()],
      )
      return { secret, info: toInfo(rows[0]!) }
    },
    async listWebhooks(workspaceId) {
      const { rows } = await db.query<Record<string, unknown>>(
        'select id, workspace_id, connection_id, url, created_at from webhooks where workspace_id = $1 order by created_at desc',
        [workspaceId],
      )
      return rows.map(toInfo)
    },
    async deleteWebhook(workspaceId, id) {
      const { rows } = await db.query('delete from webhooks where workspace_id = $1 and id = $2 returning id', [
        workspaceId,
        id,
      ])
      return rows.length > 0
    },
    async enqueueDeliveries({ workspaceId, connectionId, event, payload, now = clock.now() }) {
      const { rows } = await db.query<{ id: string }>(
        `insert into webhook_deliveries (id, webhook_id, event, payload, created_at, next_attempt_at)
         select $1 || '-' || w.id, w.id, $2, $3::jsonb, $4, $4 from webhooks w
         where w.workspace_id = $5 and (w.connection_id is null or w.connection_id = $6)
         returning id`,
        [newId(), event, JSON.stringify(payload), now, workspaceId, connectionId],
      )
      return rows.length
    },
    async claimDueDeliveries({ limit, leaseMs, now = clock.now() }) {
      const { rows } = await db.query<{
        id: string
        webhook_id: string
        event: string
        payload: unknown
        attempts: number
        url: string
        secret_ciphertext: string
        workspace_id: string
      }>(
        `with due as (
           select id from webhook_deliveries
           where delivered_at is null and next_attempt_at is not null and next_attempt_at <= $1 and (claimed_until is null or claimed_until <= $1)
           order by next_attempt_at limit $3 for update skip locked)
         update webhook_deliveries d set claimed_until = $2 from due, webhooks w
         where d.id = due.id and w.id = d.webhook_id
         returning d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret_ciphertext, w.workspace_id`,
        [now, new Date(now.getTime() + leaseMs), limit],
      )
      const out: WebhookDelivery[] = []
      for (const r of rows) {
        const secret = openJson<string>(key, aad(r.webhook_id, r.workspace_id), r.secret_ciphertext)
        if (typeof secret !== 'string') continue // another deployment key: cannot sign, so do not send unsigned
        out.push({
          id: r.id,
          webhookId: r.webhook_id,
          url: r.url,
          secret,
          event: r.event,
          payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
          attempts: Number(r.attempts),
        })
      }
      return out
    },
    async recordAttempt(id, o) {
      await db.query(
        `update webhook_deliveries set attempts = attempts + 1, claimed_until = null, last_status = $2, last_error = $3,
           delivered_at = case when $4 then $5::timestamptz else null end, next_attempt_at = case when $4 then null else $6::timestamptz end
         where id = $1`,
        [id, o.status, o.error?.slice(0, 500) ?? null, o.delivered, o.now ?? clock.now(), o.nextAttemptAt],
      )
    },
    async purgeDeliveries(before) {
      const { rows } = await db.query<{ id: string }>(
        'delete from webhook_deliveries where created_at < $1 and next_attempt_at is null returning id',
        [before],
      )
      return rows.length
    },
    async listDeliveries(workspaceId, webhookId, o = {}) {
      const { rows } = await db.query<Record<string, unknown>>(
        `select d.id, d.event, d.created_at, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.delivered_at
         from webhook_deliveries d join webhooks w on w.id = d.webhook_id
         where w.workspace_id = $1 and d.webhook_id = $2 order by d.created_at desc limit $3`,
        [workspaceId, webhookId, Math.min(o.limit ?? 50, 200)],
      )
      return rows.map((r) => ({
        id: String(r.id),
        event: String(r.event),
        createdAt: iso(r.created_at),
        attempts: Number(r.attempts),
        nextAttemptAt: isoOrNull(r.next_attempt_at),
        lastStatus: r.last_status === null ? null : Number(r.last_status),
        lastError: r.last_error === null ? null : String(r.last_error),
        deliveredAt: isoOrNull(r.delivered_at),
      }))
    },
  }
}

export const WebhookUrlSchema = z.url({ protocol: /^https?$/ }).max(2000)
