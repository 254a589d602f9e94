import type { StoreClock } from './clock'
import type { Db } from './db'
import { newId } from './ids'
import { AuditEntrySchema, type AuditEntry, type AuditRepository } from './team-types'

/*
 * The audit log is not purged with the retention period (default 7 days) of connections and runs: it is the record
 * of what happened to them after they are gone. Entries are kept as long as their workspace (deleted with it).
 */

export const AUDIT_PAGE_DEFAULT = 100
export const AUDIT_PAGE_MAX = 1000

interface AuditRow {
  id: string
  workspace_id: string
  at: Date | string
  actor_kind: string
  actor_id: string | null
  actor_label: string | null
  action: string
  target_kind: string | null
  target_id: string | null
  details: unknown
  request_id: string | null
}

function fromRow(r: AuditRow): AuditEntry {
  return AuditEntrySchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    at: new Date(r.at).toISOString(),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    details: r.details ?? null,
    requestId: r.request_id,
  })
}

export function auditRepository(db: Db, clock: StoreClock): AuditRepository {
  return {
    async record(input) {
      const e = AuditEntrySchema.omit({ id: true, at: true }).parse({
        actorId: null,
        actorLabel: null,
        targetKind: null,
        targetId: null,
        details: null,
        requestId: null,
        ...input,
      })
      const { rows } = await db.query<AuditRow>(
        `insert into audit_log (id, workspace_id, at, actor_kind, actor_id, actor_label, action, target_kind, target_id, details, request_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) returning *`,
        [
          newId(),
          e.workspaceId,
          clock.now(),
          e.actorKind,
          e.actorId,
          e.actorLabel,
          e.action,
          e.targetKind,
          e.targetId,
          e.details ? JSON.stringify(e.details) : null,
          e.requestId,
        ],
      )
      return fromRow(rows[0]!)
    },

    async list(workspaceId, o = {}) {
      const limit = Math.min(Math.max(Math.trunc(o.limit ?? AUDIT_PAGE_DEFAULT), 1), AUDIT_PAGE_MAX)
      // `before` is the last entry of the previous page: entries strictly older by (at, seq) (migration 3). An id that is not this
      // workspace's gives an empty page, never another workspace's rows.
      const { rows } =
        o.before === undefined
          ? await db.query<AuditRow>(
              'select * from audit_log where workspace_id = $1 order by at desc, seq desc limit $2',
              [workspaceId, limit],
            )
          : await db.query<AuditRow>(
              `select a.* from audit_log a, (select at, seq from audit_log where workspace_id = $1 and id = $2) b
           where a.workspace_id = $1 and (a.at, a.seq) < (b.at, b.seq) order by a.at desc, a.seq desc limit $3`,
              [workspaceId, o.before, limit],
            )
      return rows.map(fromRow)
    },
  }
}
