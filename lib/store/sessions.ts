import { RoleSchema } from '../team/roles'
import type { StoreClock } from './clock'
import type { Db } from './db'
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secret-token'
import type { SessionRepository, SessionUser } from './team-types'

/** Sliding the idle expiry is a write; once a minute per session is plenty (the idle timeout is minutes to hours). */
const TOUCH_EVERY_MS = 60_000

interface ResolvedRow {
  id_hash: string
  user_id: string
  email: string | null
  display_name: string | null
  workspace_id: string | null
  role: string | null
  last_used_at: Date | string
  absolute_expires_at: Date | string
}

/** Sessions of signed-in people: the cookie holds a random 256-bit token, the table its SHA-256. */
export interface SessionRepositoryWithSwitch extends SessionRepository {
  /** The workspace switcher: the session's current workspace, only one the user is a member of. */
  switchWorkspace(token: string, workspaceId: string): Promise<boolean>
}

export function sessionRepository(db: Db, clock: StoreClock): SessionRepositoryWithSwitch {
  return {
    async create({ userId, workspaceId, idleMs, absoluteMs }) {
      const token = newSecretToken()
      const idHash = hashSecretToken(token)
      const now = clock.now()
      const absolute = new Date(now.getTime() + absoluteMs)
      const idle = new Date(Math.min(now.getTime() + idleMs, absolute.getTime()))
      await db.query(
        `insert into sessions (id_hash, user_id, workspace_id, created_at, last_used_at, idle_expires_at, absolute_expires_at)
         values ($1, $2, $3, $4, $4, $5, $6)`,
        [idHash, userId, workspaceId, now, idle, absolute],
      )
      return { token, idHash }
    },
    async resolve(token, { idleMs }) {
      if (!looksLikeSecretToken(token)) return null
      const now = clock.now()
      const idHash = hashSecretToken(token)
      // The role comes from memberships on every call, so a role change or a removal applies at the next request.
      const { rows } = await db.query<ResolvedRow>(
        `select s.id_hash, s.user_id, u.email, u.display_name, m.workspace_id, m.role, s.last_used_at, s.absolute_expires_at
         from sessions s join users u on u.id = s.user_id
         left join memberships m on m.workspace_id = s.workspace_id and m.user_id = s.user_id
         where s.id_hash = $1 and s.revoked_at is null and s.idle_expires_at > $2 and s.absolute_expires_at > $2`,
        [idHash, now],
      )
      const r = rows[0]
      if (!r) return null
      if (now.getTime() - new Date(r.last_used_at).getTime() >= TOUCH_EVERY_MS) {
        await db.query(
          'update sessions set last_used_at = $2, idle_expires_at = least($3::timestamptz, absolute_expires_at) where id_hash = $1',
          [idHash, now, new Date(now.getTime() + idleMs)],
        )
      }
      const user: SessionUser = {
        userId: r.user_id,
        email: r.email,
        displayName: r.display_name,
        workspaceId: r.role ? r.workspace_id : null,
        role: r.role ? RoleSchema.parse(r.role) : null,
      }
      return { ...user, idHash }
    },
    async revoke(token) {
      if (!looksLikeSecretToken(token)) return
      await db.query('update sessions set revoked_at = $2 where id_hash = $1 and revoked_at is null', [
        hashSecretToken(token),
        clock.now(),
      ])
    },
    async revokeAllForUser(userId) {
      const { rows } = await db.query<{ id_hash: string }>(
        'update sessions set revoked_at = $2 where user_id = $1 and revoked_at is null returning id_hash',
        [userId, clock.now()],
      )
      return rows.length
    },
    async switchWorkspace(token, workspaceId) {
      if (!looksLikeSecretToken(token)) return false
      const { rows } = await db.query<{ id_hash: string }>(
        `update sessions s set workspace_id = $2 where s.id_hash = $1 and s.revoked_at is null
           and exists (select 1 from memberships m where m.workspace_id = $2 and m.user_id = s.user_id) returning id_hash`,
        [hashSecretToken(token), workspaceId],
      )
      return rows.length > 0
    },
  }
}
