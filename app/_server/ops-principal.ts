import type { Principal } from '@/lib'
import { resolveAccess } from './access'

/** The principal for the ops routes (webhooks): local mode's, or the gate's for a session or an API token; null otherwise. */
export async function opsPrincipal(request: Request): Promise<Principal | null> {
  const access = await resolveAccess({
    cookie: request.headers.get('cookie'),
    authorization: request.headers.get('authorization'),
  })
  return access.kind === 'principal' ? access.principal : null
}

export const unauthorized = () =>
  Response.json(
    { error: 'ERR_UNAUTHORIZED', message: 'Sign in (or use an API token) to manage webhooks.' },
    { status: 401 },
  )
export const forbidden = () =>
  Response.json(
    { error: 'ERR_FORBIDDEN', message: 'Webhooks are managed by a workspace owner or admin.' },
    { status: 403 },
  )
