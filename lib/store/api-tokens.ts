import { z } from 'zod'
import { TokenScopeSchema } from '../team/roles'
import type { StoreClock } from './clock'
import type { Db } from './db'
import { IsoDate } from './types'
import { newId } from './ids'
import { revokeOnce } from './revoke'
import { hashBearerSecret, isBearerSecretShape, newBearerSecret } from './secrets'
import type { ApiTokenInfo, ApiTokenRepository } from './team-types'

/** What a token looks like: `spf_` and 256 random bits (base64url), so secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = 'spf_'

/** Last-used time is noted at most this often per token: a CI job calling the API in a loop is not a write per call. */
export const LAST_USED_EVERY_MS = 60_000

const ApiTokenRowSchema = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  scopes: z.array(TokenScopeSchema),
  created_at: IsoDate,
  expires_at: IsoDate.nullable(),
  last_used_at: IsoDate.nullable(),
  revoked_at: IsoDate.nullable(),
})

export const NewApiTokenSchema = z.object({
  workspaceId: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(TokenScopeSchema)
    .min(1)
    .max(10)
    .transform((s) => [...new Set(s)].sort()),
  createdBy: z.string().min(1).optional(),
  expiresAt: z.date().optional(),
})

// The columns a token is read with: never token_hash, so no caller can leak it by accident.
const COLUMNS = 'id, workspace_id, name, scopes, created_at, expires_at, last_used_at, revoked_at'

function fromRow(row: unknown): ApiTokenInfo {
  const r = ApiTokenRowSchema.parse(row)
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }
}

export function apiTokenRepository(db: Db, clock: StoreClock): ApiTokenRepository {
  return {
    async create(input) {
      const t = NewApiTokenSchema.parse(input)
      const now = clock.now()
      if (t.expiresAt && t.expiresAt.getTime() <= now.getTime())
        throw new RangeError('an API token must expire in the future')
      const token = newBearerSecret(API_TOKEN_PREFIX)
      const { rows } = await db.query(
        `insert into api_tokens (id, token_hash, workspace_id, name, scopes, created_by, created_at, expires_at)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) returning ${COLUMNS}`,
        [
          newId(),
          hashBearerSecret(token),
          t.workspaceId,
          t.name,
          JSON.stringify(t.scopes),
          t.createdBy ?? null,
          now,
          t.expiresAt ?? null,
        ],
      )
      return { token, info: fromRow(rows[0]) }
    },

    async list(workspaceId) {
      // Revoked and expired tokens stay listed (with their dates): the page shows what was cut off and when.
      const { rows } = await db.query(
        `select ${COLUMNS} from api_tokens where workspace_id = $1 order by created_at desc, id`,
        [workspaceId],
      )
      return rows.map(fromRow)
    },

    revoke: (workspaceId, id) => revokeOnce(db, 'api_tokens', workspaceId, id, clock.now()),

    async verify(token) {
      if (!isBearerSecretShape(token, API_TOKEN_PREFIX)) return null
      const now = clock.now()
      const { rows } = await db.query(
        `select ${COLUMNS} from api_tokens where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > $2)`,
        [hashBearerSecret(token), now],
      )
      if (!rows[0]) return null
      const info = fromRow(rows[0])
      if (info.lastUsedAt && now.getTime() - Date.parse(info.lastUsedAt) < LAST_USED_EVERY_MS) return info
      // Conditional, so concurrent requests on several instances write it once a minute between them.
      const noted = await db.query<{ id: string }>(
        'update api_tokens set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at <= $3) returning id',
        [info.id, now, new Date(now.getTime() - LAST_USED_EVERY_MS)],
      )
      return noted.rows.length > 0 ? { ...info, lastUsedAt: now.toISOString() } : info
    },
  }
}
