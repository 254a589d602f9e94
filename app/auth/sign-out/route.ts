import { deploymentConfig, teamCookies } from '@/app/_server/deployment'
import { readCappedForm } from '@/app/test-logins/_ui/read-form'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { getStore } from '@/lib/store'
import { readCookie, setCookie } from '@/lib/team/cookies'

/**
 * POST /auth/sign-out — ends this browser's session; with `everywhere=1`, every session of the user (all devices).
 * A POST (the proxy refuses cross-site ones), so no other site can sign anybody out.
 */
export async function POST(request: Request): Promise<Response> {
  const config = deploymentConfig()
  if (config.mode === 'local') return new Response(null, { status: 303, headers: { location: '/' } })
  const names = teamCookies(config)
  const token = readCookie(request.headers.get('cookie'), names.session)
  const form = await readCappedForm(request, BODY_LIMITS.smallForm).catch(() => undefined)
  const store = await getStore()
  if (token) {
    const everywhere = form?.get('everywhere') === '1'
    const session = everywhere ? await store.sessions.resolve(token, { idleMs: config.sessionIdleMs }) : null
    if (session) await store.sessions.revokeAllForUser(session.userId)
    else await store.sessions.revoke(token)
  }
  return new Response(null, {
    status: 303,
    headers: {
      location: '/auth/signed-out',
      'cache-control': 'no-store',
      'set-cookie': setCookie(names.session, '', { secure: names.secure, maxAgeSeconds: 0 }),
    },
  })
}
