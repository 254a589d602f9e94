import { z } from 'zod'
import type { StoreClock } from './clock'
import type { Db } from './db'
import { IsoDate } from './types'
import { newId } from './ids'
import { revokeOnce } from './revoke'
import { hashBearerSecret, isBearerSecretShape, newBearerSecret } from './secrets'
import type { SetupLinkInfo, SetupLinkRepository } from './team-types'

/** Setup links last 24 hours unless the deployment says otherwise (SSO_PREFLIGHT_SETUP_LINK_MINUTES). */
export const DEFAULT_SETUP_LINK_MS = 24 * 60 * 60 * 1000
/** The longest a link may live, whatever the caller asks: a forgotten link must not stay a way in. */
export const MAX_SETUP_LINK_MS = 30 * 24 * 60 * 60 * 1000

const SetupLinkRowSchema = z.object({
  id: z.string(),
  workspace_id: z.string(),
  connection_id: z.string(),
  created_at: IsoDate,
  expires_at: IsoDate,
  revoked_at: IsoDate.nullable(),
  last_used_at: IsoDate.nullable(),
  uses: z.coerce.number().int(),
})

export const NewSetupLinkSchema = z.object({
  workspaceId: z.string().min(1),
  connectionId: z.string().min(1),
  createdBy: z.string().min(1).optional(),
  ttlMs: z.number().int().min(60_000).max(MAX_SETUP_LINK_MS),
})

// Never token_hash.
/** A request made with a link's cookie notes its last use at most this often (as API tokens do). */
const LAST_USED_EVERY_MS = 60_000

const COLUMNS = 'id, workspace_id, connection_id, created_at, expires_at, revoked_at, last_used_at, uses'

function fromRow(row: unknown): SetupLinkInfo {
  const r = SetupLinkRowSchema.parse(row)
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    connectionId: r.connection_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    uses: r.uses,
  }
}

export function setupLinkRepository(db: Db, clock: StoreClock): SetupLinkRepository {
  return {
    async create(input) {
      const l = NewSetupLinkSchema.parse(input)
      const now = clock.now()
      const token = newBearerSecret()
      // The connection must be this workspace's: a link to another workspace's connection is never made.
      const { rows } = await db.query(
        `insert into setup_links (id, token_hash, workspace_id, connection_id, created_by, created_at, expires_at)
         select $1, $2, $3, c.id, $5, $6, $7 from connections c where c.id = $4 and c.workspace_id = $3
         returning ${COLUMNS}`,
        [
          newId(),
          hashBearerSecret(token),
          l.workspaceId,
          l.connectionId,
          l.createdBy ?? null,
          now,
          new Date(now.getTime() + l.ttlMs),
        ],
      )
      if (!rows[0]) throw new RangeError('no such connection in this workspace')
      return { token, info: fromRow(rows[0]) }
    },

    async list(workspaceId, connectionId) {
      const { rows } = await db.query(
        `select ${COLUMNS} from setup_links where workspace_id = $1 and ($2::text is null or connection_id = $2)
         order by created_at desc, id`,
        [workspaceId, connectionId ?? null],
      )
      return rows.map(fromRow)
    },

    revoke: (workspaceId, id) => revokeOnce(db, 'setup_links', workspaceId, id, clock.now()),

    async verify(token, o = {}) {
      if (!isBearerSecretShape(token)) return null
      const now = clock.now()
      const live = `l.token_hash = $1 and l.revoked_at is null and l.expires_at > $2
           and exists (select 1 from connections c where c.id = l.connection_id and c.expires_at > $2)`
      const columns = COLUMNS.split(', ')
        .map((c) => `l.${c}`)
        .join(', ')
      if (o.redeem) {
        // One statement: the use is counted only for a live link whose connection is still kept.
        const { rows } = await db.query(
          `update setup_links l set uses = l.uses + 1, last_used_at = $2 where ${live} returning ${columns}`,
          [hashBearerSecret(token), now],
        )
        return rows[0] ? fromRow(rows[0]) : null
      }
      const { rows } = await db.query(`select ${columns} from setup_links l where ${live}`, [
        hashBearerSecret(token),
        now,
      ])
      const link = rows[0] ? fromRow(rows[0]) : null
      if (link && (!link.lastUsedAt || now.getTime() - Date.parse(link.lastUsedAt) >= LAST_USED_EVERY_MS)) {
        await db.query('update setup_links set last_used_at = $2 where id = $1', [link.id, now])
        return { ...link, lastUsedAt: now.toISOString() }
      }
      return link
    },
  }
}
