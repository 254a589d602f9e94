import { z } from 'zod'
import { RoleSchema, TokenScopeSchema, type Role, type TokenScope } from '../team/roles'

/*
 * The team-mode repositories that more than one part of the app uses, as contracts. Random secrets (session,
 * invitation, API token, setup link) are returned once, at creation, and stored only as SHA-256 hashes.
 */

export const AuditActorKindSchema = z.enum(['local', 'user', 'token', 'setup-link', 'system'])

export const AuditEntrySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  at: z.string(),
  actorKind: AuditActorKindSchema,
  actorId: z.string().nullable(),
  /** Who, as the workspace knows them (a member's email, a token's name). Never a secret. */
  actorLabel: z.string().nullable(),
  /** Dotted verb: connection.create, connection.update, connection.delete, run.start, report.save, report.export,
   *  setup-link.create, setup-link.use, setup-link.revoke, token.create, token.revoke, member.invite, member.role, … */
  action: z.string().regex(/^[a-z-]+\.[a-z-]+$/),
  targetKind: z.string().nullable(),
  targetId: z.string().nullable(),
  /** Non-secret, non-personal facts only (names, counts, outcomes); never a raw assertion or token. */
  details: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
export type NewAuditEntry = Omit<
  AuditEntry,
  'id' | 'at' | 'actorId' | 'actorLabel' | 'targetKind' | 'targetId' | 'details' | 'requestId'
> &
  Partial<Pick<AuditEntry, 'actorId' | 'actorLabel' | 'targetKind' | 'targetId' | 'details' | 'requestId'>>

export interface AuditRepository {
  record(entry: NewAuditEntry): Promise<AuditEntry>
  /** Newest first, `before` an entry id's time for paging. */
  list(workspaceId: string, o?: { limit?: number; before?: string }): Promise<AuditEntry[]>
}

export interface ApiTokenInfo {
  id: string
  workspaceId: string
  name: string
  scopes: TokenScope[]
  createdAt: string
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}
export interface ApiTokenRepository {
  /** `token` is shown once and never stored. */
  create(input: {
    workspaceId: string
    name: string
    scopes: TokenScope[]
    createdBy?: string
    expiresAt?: Date
  }): Promise<{ token: string; info: ApiTokenInfo }>
  list(workspaceId: string): Promise<ApiTokenInfo[]>
  revoke(workspaceId: string, id: string): Promise<boolean>
  /** The live token for a presented secret (and last-used noted), or null: unknown, revoked or expired alike. */
  verify(token: string): Promise<ApiTokenInfo | null>
}

export interface SetupLinkInfo {
  id: string
  workspaceId: string
  connectionId: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  lastUsedAt: string | null
  uses: number
}
export interface SetupLinkRepository {
  create(input: {
    workspaceId: string
    connectionId: string
    createdBy?: string
    ttlMs: number
  }): Promise<{ token: string; info: SetupLinkInfo }>
  list(workspaceId: string, connectionId?: string): Promise<SetupLinkInfo[]>
  revoke(workspaceId: string, id: string): Promise<boolean>
  /**
   * The live link for a presented secret; null when unknown, revoked or expired (or its connection is gone).
   * `redeem: true` is an opening of the link (GET /setup-link/:token): it counts a use. Every request the customer
   * then makes with the link's cookie only notes the last-used time, at most once a minute.
   */
  verify(token: string, o?: { redeem?: boolean }): Promise<SetupLinkInfo | null>
}

export const SessionUserSchema = z.object({
  userId: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  workspaceId: z.string().nullable(),
  role: RoleSchema.nullable(),
})
export type SessionUser = z.infer<typeof SessionUserSchema>

export interface SessionRepository {
  /** A new session; `token` goes in the cookie and is never stored. */
  create(input: {
    userId: string
    workspaceId: string | null
    idleMs: number
    absoluteMs: number
  }): Promise<{ token: string; idHash: string }>
  /** The session's user and current role (read from memberships, so a role change applies at once), sliding the
   *  idle expiry; null when unknown, revoked, idle too long or past its absolute end. */
  resolve(token: string, o: { idleMs: number }): Promise<(SessionUser & { idHash: string }) | null>
  revoke(token: string): Promise<void>
  /** Sign out everywhere. */
  revokeAllForUser(userId: string): Promise<number>
}

export type { Role, TokenScope }
