import { z } from 'zod'
import { roleAllows, RoleSchema, SCOPE_ACTIONS, SETUP_LINK_ACTIONS, TokenScopeSchema, type Action } from './roles'

export const LOCAL_WORKSPACE_ID = 'local'

/** Who is asking: resolved once per request (session cookie, Bearer token or setup link), then passed down. */
export const PrincipalSchema = z.discriminatedUnion('kind', [
  /** Local mode: the one person at the laptop, the 'local' workspace, every action. */
  z.object({ kind: z.literal('local'), workspaceId: z.literal(LOCAL_WORKSPACE_ID) }),
  z.object({
    kind: z.literal('user'),
    userId: z.string(),
    label: z.string(),
    workspaceId: z.string(),
    role: RoleSchema,
    sessionIdHash: z.string(),
  }),
  z.object({
    kind: z.literal('token'),
    tokenId: z.string(),
    label: z.string(),
    workspaceId: z.string(),
    scopes: z.array(TokenScopeSchema),
  }),
  z.object({ kind: z.literal('setup-link'), linkId: z.string(), workspaceId: z.string(), connectionId: z.string() }),
])
export type Principal = z.infer<typeof PrincipalSchema>

export const LOCAL_PRINCIPAL: Principal = { kind: 'local', workspaceId: LOCAL_WORKSPACE_ID }

/** What an action is about, when it is about something stored. A row of another workspace is never allowed. */
export interface AccessTarget {
  readonly workspaceId?: string
  readonly connectionId?: string
}

/**
 * The one access decision. Callers that load a row pass its workspace (and connection) so an ID guessed or copied
 * from another workspace is refused like an unknown one.
 * @example allows(principal, 'connections.delete', { workspaceId: row.workspaceId })
 */
export function allows(p: Principal, action: Action, target: AccessTarget = {}): boolean {
  if (target.workspaceId !== undefined && target.workspaceId !== p.workspaceId) return false
  switch (p.kind) {
    case 'local':
      return true
    case 'user':
      return roleAllows(p.role, action)
    case 'token':
      return p.scopes.some((s) => SCOPE_ACTIONS[s].includes(action))
    case 'setup-link':
      return (
        SETUP_LINK_ACTIONS.includes(action) &&
        (target.connectionId === undefined || target.connectionId === p.connectionId)
      )
  }
}
