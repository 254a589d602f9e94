import { rateLimit } from '@/app/_server/rate-limit'
import { deploymentConfig, teamCookies } from '@/app/_server/deployment'
import { getStore } from '@/lib/store'
import { readCookie, setCookie } from '@/lib/team/cookies'
import { finishSignIn } from '@/lib/team/sign-in'
import { openSession } from '@/lib/team/sign-in-session'

/**
 * GET /auth/callback — the IdP's redirect back. openid-client checks state, PKCE, nonce and the ID token; then the user
 * row, the first-sign-in bootstrap and a new session in the database (any instance can serve the next request).
 */
export async function GET(request: Request): Promise<Response> {
  const limited = await rateLimit(request, 'sign-in')
  if (limited) return limited
  const config = deploymentConfig()
  if (config.mode === 'local') return new Response(null, { status: 303, headers: { location: '/' } })
  const names = teamCookies(config)
  const headers = new Headers({ 'cache-control': 'no-store' })
  // The transaction is single-use: cleared whatever the outcome.
  headers.append('set-cookie', setCookie(names.signIn, '', { secure: names.secure, maxAgeSeconds: 0 }))
  const result = await finishSignIn(
    config,
    new URL(request.url),
    readCookie(request.headers.get('cookie'), names.signIn),
  )
  if (!result.ok) {
    console.error(`[auth] sign-in refused: ${result.reason}${result.code ? ` (${result.code})` : ''}`)
    headers.set('location', `/auth/error?reason=${result.reason}`)
    return new Response(null, { status: 303, headers })
  }
  const session = await openSession(await getStore(), config, result.identity)
  headers.append(
    'set-cookie',
    setCookie(names.session, session.token, {
      secure: names.secure,
      maxAgeSeconds: Math.floor(config.sessionAbsoluteMs / 1000),
    }),
  )
  const goesToInvitation = result.returnTo.startsWith('/invite/')
  headers.set('location', session.workspaceId || goesToInvitation ? result.returnTo : '/auth/no-workspace')
  return new Response(null, { status: 303, headers })
}
