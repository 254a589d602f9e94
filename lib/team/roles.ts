import { z } from 'zod'

/** owner: members and settings; admin: connections, test logins, delete; viewer: read reports, triage (a support seat). */
export const RoleSchema = z.enum(['owner', 'admin', 'viewer'])
export type Role = z.infer<typeof RoleSchema>

/** What a request wants to do. Every route and server action names one; the table below says who may. */
export const ActionSchema = z.enum([
  'connections.read',
  'connections.write',
  'connections.delete',
  'runs.read',
  'runs.start',
  'reports.read',
  'reports.save',
  'reports.delete',
  'check.run',
  'triage.run',
  'audit.read',
  'tokens.manage',
  'setup-links.manage',
  'members.manage',
  'settings.manage',
])
export type Action = z.infer<typeof ActionSchema>

const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 }

/** The least role allowed each action. */
export const LEAST_ROLE: Record<Action, Role> = {
  'connections.read': 'viewer',
  'runs.read': 'viewer',
  'reports.read': 'viewer',
  'reports.save': 'viewer',
  'check.run': 'viewer',
  'triage.run': 'viewer',
  'connections.write': 'admin',
  'connections.delete': 'admin',
  'runs.start': 'admin',
  'reports.delete': 'admin',
  'audit.read': 'admin',
  'tokens.manage': 'admin',
  'setup-links.manage': 'admin',
  'members.manage': 'owner',
  'settings.manage': 'owner',
}

export function roleAllows(role: Role, action: Action): boolean {
  return RANK[role] >= RANK[LEAST_ROLE[action]]
}

/** API token scopes: `read` is a viewer's reading; `run` adds starting test logins and checks (a CI pipeline). */
export const TokenScopeSchema = z.enum(['read', 'run'])
export type TokenScope = z.infer<typeof TokenScopeSchema>

export const SCOPE_ACTIONS: Record<TokenScope, readonly Action[]> = {
  read: ['connections.read', 'runs.read', 'reports.read', 'triage.run', 'check.run'],
  run: ['connections.read', 'runs.read', 'runs.start', 'reports.read', 'reports.save', 'check.run', 'triage.run'],
}

/** A setup link opens one connection only: its values, its test logins and their results. */
export const SETUP_LINK_ACTIONS: readonly Action[] = [
  'connections.read',
  'connections.write',
  'runs.read',
  'runs.start',
  'check.run',
]
