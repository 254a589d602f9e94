import { claimPath, completeOidcTestLogin } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'

/** GET /oidc/callback — the IdP's redirect (code + state, or error). A same-site GET, then the claim step. */
export async function GET(request: Request): Promise<Response> {
  const outcome = await completeOidcTestLogin(new URL(request.url), { store: await getStore() })
  const origin = originOf(request.url)
  const target = outcome.kind === 'run' ? claimPath(outcome.runId) : `/test-logins/${encodeURIComponent(outcome.reportId)}`
  return Response.redirect(new URL(target, origin), 303)
}
