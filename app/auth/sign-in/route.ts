import { rateLimit } from '@/app/_server/rate-limit'
import { deploymentConfig, teamCookies } from '@/app/_server/deployment'
import { setCookie } from '@/lib/team/cookies'
import { safeReturnPath, SIGN_IN_TTL_MS, startSignIn } from '@/lib/team/sign-in'

/**
 * GET /auth/sign-in?next=/path — team mode: off to the company's IdP (code + PKCE + state + nonce), the transaction
 * sealed in a 10-minute cookie. Local mode has no sign-in: to the start page.
 */
export async function GET(request: Request): Promise<Response> {
  const limited = await rateLimit(request, 'sign-in')
  if (limited) return limited
  const config = deploymentConfig()
  // Only a navigation starts a sign-in. A script's fetch that followed the gate's redirect here (the router prefetching
  // a link) would otherwise replace this browser's sign-in cookie mid-flight, and the sign-in under way would come
  // back with a state that no longer matches (seen as a rare OAUTH_INVALID_RESPONSE in the team e2e).
  const mode = request.headers.get('sec-fetch-mode')
  if (request.headers.get('rsc') !== null || (mode !== null && mode !== 'navigate')) {
    return Response.json(
      { error: 'ERR_UNAUTHENTICATED', message: 'Sign in first: open this page in the browser.' },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    )
  }
  const next = safeReturnPath(new URL(request.url).searchParams.get('next'))
  if (config.mode === 'local') return new Response(null, { status: 303, headers: { location: next } })
  const names = teamCookies(config)
  try {
    const { url, transaction } = await startSignIn(config, next)
    return new Response(null, {
      status: 303,
      headers: {
        location: url.href,
        'cache-control': 'no-store',
        'set-cookie': setCookie(names.signIn, transaction, {
          secure: names.secure,
          maxAgeSeconds: SIGN_IN_TTL_MS / 1000,
        }),
      },
    })
  } catch (err) {
    console.error(
      `[auth] sign-in provider unavailable: ${err instanceof Error ? ('code' in err && String(err.code)) || err.name : typeof err}`,
    )
    return new Response(null, {
      status: 303,
      headers: { location: '/auth/error?reason=provider-unavailable', 'cache-control': 'no-store' },
    })
  }
}
