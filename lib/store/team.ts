import { z } from 'zod'
import { RoleSchema, type Role } from '../team/roles'
import type { StoreClock } from './clock'
import type { Db } from './db'
import { newId } from './ids'
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from './secret-token'

/*
 * Users, workspaces, memberships and invitations: who may sign in to which workspace with which role. Users are
 * keyed by (issuer, subject) from the sign-in provider; the email is a label, never the identity.
 */

const IsoDate = z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v : new Date(v)).toISOString())
const NullableIsoDate = z.union([IsoDate, z.null()])

export const UserSchema = z.object({
  id: z.string(),
  issuer: z.string(),
  subject: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  createdAt: IsoDate,
  lastSeenAt: NullableIsoDate,
})
export type User = z.infer<typeof UserSchema>

export const WorkspaceSchema = z.object({ id: z.string(), name: z.string(), createdAt: IsoDate })
export type Workspace = z.infer<typeof WorkspaceSchema>

export const MemberSchema = z.object({
  userId: z.string(),
  workspaceId: z.string(),
  role: RoleSchema,
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  since: IsoDate,
})
export type Member = z.infer<typeof MemberSchema>

export const InvitationSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  role: RoleSchema,
  createdBy: z.string().nullable(),
  createdAt: IsoDate,
  expiresAt: IsoDate,
  acceptedBy: z.string().nullable(),
  acceptedAt: NullableIsoDate,
  revokedAt: NullableIsoDate,
})
export type Invitation = z.infer<typeof InvitationSchema>

export const SignedInIdentitySchema = z.object({
  issuer: z.string().min(1).max(2000),
  subject: z.string().min(1).max(500),
  email: z.string().max(320).nullable(),
  displayName: z.string().max(500).nullable(),
})
export type SignedInIdentity = z.infer<typeof SignedInIdentitySchema>

export type ChangeMemberResult = 'changed' | 'not-found' | 'last-owner'

export interface TeamRepository {
  /** On every sign-in: the user for (issuer, subject), created the first time; email and name follow the IdP. */
  upsertUser(identity: SignedInIdentity): Promise<User>
  getUser(id: string): Promise<User | null>
  /** A new workspace with `ownerId` as its owner (one statement: never a workspace without an owner). */
  createWorkspace(input: { name: string; ownerId: string }): Promise<Workspace>
  getWorkspace(id: string): Promise<Workspace | null>
  /** The workspaces a user belongs to, with their role, oldest membership first. */
  workspacesOf(userId: string): Promise<(Workspace & { role: Role })[]>
  /**
   * The first-sign-in bootstrap, atomically: true for exactly one caller, and only while no workspace but 'local'
   * has members. Two first sign-ins at the same moment get one true between them.
   */
  claimFirstOwnership(userId: string): Promise<boolean>
  roleOf(workspaceId: string, userId: string): Promise<Role | null>
  members(workspaceId: string): Promise<Member[]>
  /** Refuses to take the last owner's role away ('last-owner'). */
  setRole(workspaceId: string, userId: string, role: Role): Promise<ChangeMemberResult>
  /** Refuses to remove the last owner ('last-owner'). */
  removeMember(workspaceId: string, userId: string): Promise<ChangeMemberResult>
  /** `token` goes in the link, shown once; only its hash is kept. */
  createInvitation(input: {
    workspaceId: string
    role: Role
    createdBy: string | null
    ttlMs: number
  }): Promise<{ token: string; invitation: Invitation }>
  /** Open invitations (not accepted, not revoked, not expired), newest first. */
  listInvitations(workspaceId: string): Promise<Invitation[]>
  revokeInvitation(workspaceId: string, id: string): Promise<boolean>
  /**
   * Accepts an invitation once: the user joins with the invited role (a member keeps owner, otherwise takes the
   * invited role). Null when the token is unknown, expired, revoked or already used.
   */
  acceptInvitation(token: string, userId: string): Promise<{ workspaceId: string; role: Role } | null>
}

interface UserRow {
  id: string
  issuer: string
  subject: string
  email: string | null
  display_name: string | null
  created_at: Date | string
  last_seen_at: Date | string | null
}
const userFromRow = (r: UserRow) =>
  UserSchema.parse({
    id: r.id,
    issuer: r.issuer,
    subject: r.subject,
    email: r.email,
    displayName: r.display_name,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  })
interface InvitationRow {
  id: string
  workspace_id: string
  role: string
  created_by: string | null
  created_at: Date | string
  expires_at: Date | string
  accepted_by: string | null
  accepted_at: Date | string | null
  revoked_at: Date | string | null
}
const invitationFromRow = (r: InvitationRow) =>
  InvitationSchema.parse({
    id: r.id,
    workspaceId: r.workspace_id,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedBy: r.accepted_by,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
  })
const INVITATION_COLUMNS =
  'id, workspace_id, role, created_by, created_at, expires_at, accepted_by, accepted_at, revoked_at'

export function teamRepository(db: Db, clock: StoreClock): TeamRepository {
  return {
    async upsertUser(identity) {
      const u = SignedInIdentitySchema.parse(identity)
      const now = clock.now()
      const { rows } = await db.query<UserRow>(
        `insert into users (id, issuer, subject, email, display_name, created_at, last_seen_at) values ($1, $2, $3, $4, $5, $6, $6)
         on conflict (issuer, subject) do update set email = excluded.email, display_name = excluded.display_name, last_seen_at = excluded.last_seen_at
         returning *`,
        [newId(), u.issuer, u.subject, u.email?.toLowerCase() ?? null, u.displayName, now],
      )
      return userFromRow(rows[0]!)
    },
    async getUser(id) {
      const { rows } = await db.query<UserRow>('select * from users where id = $1', [id])
      return rows[0] ? userFromRow(rows[0]) : null
    },
    async createWorkspace({ name, ownerId }) {
      const now = clock.now()
      const { rows } = await db.query<{ id: string; name: string; created_at: Date | string }>(
        `with w as (insert into workspaces (id, name, created_at) values ($1, $2, $3) returning *),
              m as (insert into memberships (workspace_id, user_id, role, created_at) select w.id, $4, 'owner', $3 from w)
         select * from w`,
        [newId(), z.string().trim().min(1).max(200).parse(name), now, ownerId],
      )
      return WorkspaceSchema.parse({ id: rows[0]!.id, name: rows[0]!.name, createdAt: rows[0]!.created_at })
    },
    async getWorkspace(id) {
      const { rows } = await db.query<{ id: string; name: string; created_at: Date | string }>(
        'select * from workspaces where id = $1',
        [id],
      )
      return rows[0]
        ? WorkspaceSchema.parse({ id: rows[0].id, name: rows[0].name, createdAt: rows[0].created_at })
        : null
    },
    async workspacesOf(userId) {
      const { rows } = await db.query<{ id: string; name: string; created_at: Date | string; role: string }>(
        `select w.id, w.name, w.created_at, m.role from memberships m join workspaces w on w.id = m.workspace_id
         where m.user_id = $1 order by m.created_at, w.id`,
        [userId],
      )
      return rows.map((r) => ({
        ...WorkspaceSchema.parse({ id: r.id, name: r.name, createdAt: r.created_at }),
        role: RoleSchema.parse(r.role),
      }))
    },
    async claimFirstOwnership(userId) {
      // One statement: of two concurrent claims, the second waits on the first's row and then does nothing.
      const { rows } = await db.query(
        `insert into team_bootstrap (id, user_id, claimed_at)
         select 1, $1, $2 where not exists (select 1 from memberships where workspace_id <> 'local')
         on conflict (id) do nothing returning id`,
        [userId, clock.now()],
      )
      return rows.length > 0
    },
    async roleOf(workspaceId, userId) {
      const { rows } = await db.query<{ role: string }>(
        'select role from memberships where workspace_id = $1 and user_id = $2',
        [workspaceId, userId],
      )
      return rows[0] ? RoleSchema.parse(rows[0].role) : null
    },
    async members(workspaceId) {
      const { rows } = await db.query<{
        user_id: string
        role: string
        email: string | null
        display_name: string | null
        created_at: Date | string
      }>(
        `select m.user_id, m.role, u.email, u.display_name, m.created_at from memberships m join users u on u.id = m.user_id
         where m.workspace_id = $1 order by m.created_at, m.user_id`,
        [workspaceId],
      )
      return rows.map((r) =>
        MemberSchema.parse({
          userId: r.user_id,
          workspaceId,
          role: r.role,
          email: r.email,
          displayName: r.display_name,
          since: r.created_at,
        }),
      )
    },
    async setRole(workspaceId, userId, role) {
      const { rows } = await db.query<{ user_id: string }>(
        `update memberships set role = $3 where workspace_id = $1 and user_id = $2
           and ($3 = 'owner' or role <> 'owner' or (select count(*) from memberships where workspace_id = $1 and role = 'owner') > 1)
         returning user_id`,
        [workspaceId, userId, RoleSchema.parse(role)],
      )
      if (rows.length > 0) return 'changed'
      return (await this.roleOf(workspaceId, userId)) ? 'last-owner' : 'not-found'
    },
    async removeMember(workspaceId, userId) {
      const { rows } = await db.query<{ user_id: string }>(
        `delete from memberships where workspace_id = $1 and user_id = $2
           and (role <> 'owner' or (select count(*) from memberships where workspace_id = $1 and role = 'owner') > 1)
         returning user_id`,
        [workspaceId, userId],
      )
      if (rows.length > 0) return 'changed'
      return (await this.roleOf(workspaceId, userId)) ? 'last-owner' : 'not-found'
    },
    async createInvitation({ workspaceId, role, createdBy, ttlMs }) {
      const token = newSecretToken()
      const now = clock.now()
      const { rows } = await db.query<InvitationRow>(
        `insert into invitations (id, token_hash, workspace_id, role, created_by, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7)
         returning ${INVITATION_COLUMNS}`,
        [
          newId(),
          hashSecretToken(token),
          workspaceId,
          RoleSchema.parse(role),
          createdBy,
          now,
          new Date(now.getTime() + ttlMs),
        ],
      )
      return { token, invitation: invitationFromRow(rows[0]!) }
    },
    async listInvitations(workspaceId) {
      const { rows } = await db.query<InvitationRow>(
        `select ${INVITATION_COLUMNS} from invitations where workspace_id = $1 and accepted_at is null and revoked_at is null and expires_at > $2
         order by created_at desc, id`,
        [workspaceId, clock.now()],
      )
      return rows.map(invitationFromRow)
    },
    async revokeInvitation(workspaceId, id) {
      const { rows } = await db.query<{ id: string }>(
        'update invitations set revoked_at = $3 where workspace_id = $1 and id = $2 and revoked_at is null and accepted_at is null returning id',
        [workspaceId, id, clock.now()],
      )
      return rows.length > 0
    },
    async acceptInvitation(token, userId) {
      if (!looksLikeSecretToken(token)) return null
      const now = clock.now()
      // One statement marks it used: of two concurrent accepts, the second matches nothing.
      const { rows } = await db.query<{ workspace_id: string; role: string }>(
        `update invitations set accepted_by = $2, accepted_at = $3
         where token_hash = $1 and accepted_at is null and revoked_at is null and expires_at > $3 returning workspace_id, role`,
        [hashSecretToken(token), userId, now],
      )
      const hit = rows[0]
      if (!hit) return null
      const { rows: m } = await db.query<{ role: string }>(
        `insert into memberships (workspace_id, user_id, role, created_at) values ($1, $2, $3, $4)
         on conflict (workspace_id, user_id) do update set role = case when memberships.role = 'owner' then 'owner' else excluded.role end
         returning role`,
        [hit.workspace_id, userId, hit.role, now],
      )
      return { workspaceId: hit.workspace_id, role: RoleSchema.parse(m[0]!.role) }
    },
  }
}
