import type { Db } from './db'
import { newId } from './ids'
import { maskDeep, maskReport } from './mask'
import type { StoreClock } from './clock'
import { NewSavedReportSchema, SavedReportSchema, type SavedReport, type SavedReportRepository } from './types'

interface SavedReportRow {
  id: string
  workspace_id: string
  kind: string
  report: unknown
  context: unknown
  attachments: unknown
  raw: boolean
  created_at: Date | string
  expires_at: Date | string
}

function fromRow(r: SavedReportRow): SavedReport {
  return SavedReportSchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind,
    report: r.report,
    context: r.context ?? null,
    attachments: r.attachments ?? null,
    raw: r.raw,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  })
}

export function savedReportRepository(db: Db, clock: StoreClock): SavedReportRepository {
  return {
    async save(input) {
      const s = NewSavedReportSchema.parse(input)
      const now = clock.now()
      const report = s.raw ? s.report : maskReport(s.report)
      const context = s.context ? (s.raw ? s.context : maskDeep(s.context)) : null
      const attachments = s.attachments && Object.keys(s.attachments).length > 0 ? s.attachments : null
      const { rows } = await db.query<SavedReportRow>(
        `insert into saved_reports (id, kind, report, context, attachments, raw, created_at, expires_at, workspace_id)
         values ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8, $9) returning *`,
        [
          newId(),
          s.kind,
          JSON.stringify(report),
          context ? JSON.stringify(context) : null,
          attachments ? JSON.stringify(attachments) : null,
          s.raw,
          now,
          clock.retainUntil(now),
          s.workspaceId,
        ],
      )
      return fromRow(rows[0]!)
    },
    async get(id, workspaceId) {
      const { rows } = await db.query<SavedReportRow>(
        'select * from saved_reports where id = $1 and expires_at > $2 and ($3::text is null or workspace_id = $3)',
        [id, clock.now(), workspaceId ?? null],
      )
      return rows[0] ? fromRow(rows[0]) : null
    },
    async delete(id, workspaceId) {
      const { rows } = await db.query<{ id: string }>(
        'delete from saved_reports where id = $1 and ($2::text is null or workspace_id = $2) returning id',
        [id, workspaceId ?? null],
      )
      return rows.length > 0
    },
  }
}
