import { deploymentConfig, teamCookies } from '@/app/_server/deployment'
import { resolveAccess } from '@/app/_server/access'
import { getStore } from '@/lib/store'
import { readCookie } from '@/lib/team/cookies'

const see = (location: string) =>
  new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } })

/**
 * POST /invite/:token/accept — joins the invitation's workspace once, with the invited role, and makes it this
 * session's workspace. A plain form post answered by a redirect: the next page (header included) loads afresh.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params
  const config = deploymentConfig()
  if (config.mode === 'local') return see('/')
  const cookie = request.headers.get('cookie')
  const access = await resolveAccess({ cookie, authorization: null })
  if (access.kind === 'anonymous') return see(`/auth/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`)
  const userId =
    access.kind === 'no-workspace'
      ? access.userId
      : access.principal.kind === 'user'
        ? access.principal.userId
        : undefined
  if (!userId) return see('/')
  const store = await getStore()
  const joined = await store.team.acceptInvitation(token, userId)
  if (!joined) return see(`/invite/${encodeURIComponent(token)}?failed=1`)
  const session = readCookie(cookie, teamCookies(config).session)
  if (session) await store.sessions.switchWorkspace(session, joined.workspaceId)
  return see('/')
}
