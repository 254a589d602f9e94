import { readDeploymentConfig } from '@/lib'
import { LOCAL_PRINCIPAL, type Principal } from '@/lib'

/**
 * The principal for the ops routes (webhooks). Local mode: the local principal. Team mode: TODO(merge): resolve it
 * with the auth part's app/_server/access.ts (session cookie or API token); until then team mode gets null, and the
 * routes answer 401 rather than act for an unknown caller.
 */
export async function opsPrincipal(_request: Request): Promise<Principal | null> {
  return readDeploymentConfig().mode === 'local' ? LOCAL_PRINCIPAL : null
}

export const unauthorized = () => Response.json({ error: 'ERR_UNAUTHORIZED', message: 'Sign in (or use an API token) to manage webhooks.' }, { status: 401 })
export const forbidden = () => Response.json({ error: 'ERR_FORBIDDEN', message: 'Webhooks are managed by a workspace owner or admin.' }, { status: 403 })
