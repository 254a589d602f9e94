import { LOCAL_WORKSPACE_ID, type Principal } from '@/lib'
import type { Connection } from '@/lib/store'
import { RequestRefused } from '@/app/connections/_server/http'
import { currentPrincipal, resolveAccess } from './access'

/*
 * Who is asking, for the token, setup-link and audit routes and pages, which then make their own
 * `allows(principal, action, target)` decision on the row they load. The resolution is the gate's (access.ts).
 */

/** The caller of a route handler; without valid credentials (or a workspace) the handler answers 401 / 403. */
export async function principalFor(request: Request): Promise<Principal> {
  const access = await resolveAccess({
    cookie: request.headers.get('cookie'),
    authorization: request.headers.get('authorization'),
  })
  if (access.kind === 'principal') return access.principal
  if (access.kind === 'no-workspace')
    throw new RequestRefused(
      Response.json(
        {
          error: 'ERR_FORBIDDEN',
          message: 'You are not a member of any workspace yet: ask an owner for an invitation.',
        },
        { status: 403 },
      ),
    )
  throw new RequestRefused(
    Response.json(
      { error: 'ERR_UNAUTHENTICATED', message: 'Sign in, or send an API token as Authorization: Bearer <token>.' },
      { status: 401 },
    ),
  )
}

/** The same for pages (server components): an anonymous visitor is sent to sign in. */
export async function principalForPage(): Promise<Principal> {
  return currentPrincipal()
}

/** The workspace a connection belongs to. */
export function workspaceOf(connection: Connection): string {
  return connection.workspaceId ?? LOCAL_WORKSPACE_ID
}

export const forbidden = () =>
  Response.json({ error: 'ERR_FORBIDDEN', message: 'Your role or token does not allow this.' }, { status: 403 })
