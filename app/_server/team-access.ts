import { LOCAL_PRINCIPAL, LOCAL_WORKSPACE_ID, type Principal } from '@/lib'
import type { Connection } from '@/lib/store'

/*
 * Who is asking, for the token, setup-link and audit routes and pages. The gate that resolves a session, a Bearer
 * token or a setup-link cookie is app/_server/access.ts (another part of issue 10); until it is merged these answer
 * the local principal, and the routes still make their own `allows(principal, action, target)` decision.
 */

// TODO(merge): requireAccess — resolve the principal from the request (session cookie, Bearer token, setup link).
export async function principalFor(_request: Request): Promise<Principal> {
  return LOCAL_PRINCIPAL
}

// TODO(merge): requireAccess — the same for pages (server components), from next/headers.
export async function principalForPage(): Promise<Principal> {
  return LOCAL_PRINCIPAL
}

/** The workspace a connection belongs to. TODO(merge): read `connection.workspaceId` once the rows carry it. */
export function workspaceOf(connection: Connection): string {
  const ws = (connection as Connection & { workspaceId?: unknown }).workspaceId
  return typeof ws === 'string' ? ws : LOCAL_WORKSPACE_ID
}

export const forbidden = () =>
  Response.json({ error: 'ERR_FORBIDDEN', message: 'Your role or token does not allow this.' }, { status: 403 })
