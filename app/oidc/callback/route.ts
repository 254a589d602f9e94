import { cookies } from 'next/headers'
import { BROWSER_COOKIE, browserKeyHash, claimPath, completeOidcTestLogin } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'
import { rateLimit } from '@/app/_server/rate-limit'

/** GET /oidc/callback — the IdP's redirect (code + state, or error). A same-site GET, then the claim step. */
export async function GET(request: Request): Promise<Response> {
  const limited = await rateLimit(request, 'oidc-callback')
  if (limited) return limited
  // A top-level GET navigation carries the SameSite=Lax browser cookie: the run's secret is released to that browser only.
  const key = (await cookies()).get(BROWSER_COOKIE)?.value
  const browserHash = key && /^[A-Za-z0-9_-]{20,64}$/.test(key) ? browserKeyHash(key) : undefined
  const outcome = await completeOidcTestLogin(new URL(request.url), {
    store: await getStore(),
    browserHash: browserHash ?? 'no-browser-cookie',
  })
  const origin = originOf(request.url)
  const target =
    outcome.kind === 'run' ? claimPath(outcome.runId) : `/test-logins/${encodeURIComponent(outcome.reportId)}`
  return Response.redirect(new URL(target, origin), 303)
}
