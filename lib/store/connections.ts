import type { Report } from '../findings/report'
import type { Db } from './db'
import { newId } from './ids'
import { maskReport } from './mask'
import type { StoreClock } from './clock'
import {
  ConnectionSchema,
  NewConnectionSchema,
  type Connection,
  type ConnectionRepository,
  type NewConnection,
} from './types'

interface ConnectionRow {
  id: string
  workspace_id: string
  name: string
  protocol: string
  profile_id: string
  config: unknown
  static_report: unknown
  created_at: Date | string
  expires_at: Date | string
}

function fromRow(r: ConnectionRow): Connection {
  return ConnectionSchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    protocol: r.protocol,
    profileId: r.profile_id,
    config: r.config,
    staticReport: r.static_report ?? null,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  })
}

export function connectionRepository(db: Db, clock: StoreClock): ConnectionRepository {
  return {
    async create(input: NewConnection) {
      const c = NewConnectionSchema.parse(input)
      const now = clock.now()
      const { rows } = await db.query<ConnectionRow>(
        `insert into connections (id, name, protocol, profile_id, config, static_report, created_at, expires_at, workspace_id)
         values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9) returning *`,
        [
          newId(),
          c.name,
          c.protocol,
          c.profileId,
          JSON.stringify(c.config),
          c.staticReport ? JSON.stringify(maskReport(c.staticReport)) : null,
          now,
          clock.retainUntil(now),
          c.workspaceId,
        ],
      )
      return fromRow(rows[0]!)
    },
    async get(id, workspaceId) {
      const { rows } = await db.query<ConnectionRow>(
        'select * from connections where id = $1 and expires_at > $2 and ($3::text is null or workspace_id = $3)',
        [id, clock.now(), workspaceId ?? null],
      )
      return rows[0] ? fromRow(rows[0]) : null
    },
    async list(o = {}) {
      const limit = Math.min(Math.max(o.limit ?? 100, 1), 1000)
      const { rows } = await db.query<ConnectionRow>(
        // The pasted metadata (up to 1 MB each) is left out of lists: get(id) has it.
        `select id, workspace_id, name, protocol, profile_id, config - 'idpMetadataXml' as config, static_report, created_at, expires_at
         from connections where expires_at > $1 and ($3::text is null or workspace_id = $3) order by created_at desc, id limit $2`,
        [clock.now(), limit, o.workspaceId ?? null],
      )
      return rows.map(fromRow)
    },
    async setStaticReport(id: string, report: Report) {
      await db.query('update connections set static_report = $2::jsonb where id = $1', [
        id,
        JSON.stringify(maskReport(report)),
      ])
    },
    async delete(id, workspaceId) {
      // Runs go with it (on delete cascade).
      const { rows } = await db.query<{ id: string }>(
        'delete from connections where id = $1 and ($2::text is null or workspace_id = $2) returning id',
        [id, workspaceId ?? null],
      )
      return rows.length > 0
    },
  }
}
