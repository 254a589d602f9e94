import { deploymentConfig, teamCookies } from '@/app/_server/deployment'
import { apiAccess } from '@/app/_server/access'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { readCappedForm } from '@/app/test-logins/_ui/read-form'
import { getStore } from '@/lib/store'
import { readCookie } from '@/lib/team/cookies'

/** POST /auth/workspace (workspaceId) — the workspace switcher: only to a workspace the user is a member of. */
export async function POST(request: Request): Promise<Response> {
  const config = deploymentConfig()
  const access = await apiAccess(request, 'reports.read')
  const form = await readCappedForm(request, BODY_LIMITS.smallForm).catch(() => undefined)
  const workspaceId = form?.get('workspaceId')
  const session =
    config.mode === 'team' ? readCookie(request.headers.get('cookie'), teamCookies(config).session) : undefined
  if (access.ok && access.principal.kind === 'user' && session && typeof workspaceId === 'string') {
    await (await getStore()).sessions.switchWorkspace(session, workspaceId.slice(0, 64))
  }
  return new Response(null, { status: 303, headers: { location: '/', 'cache-control': 'no-store' } })
}
