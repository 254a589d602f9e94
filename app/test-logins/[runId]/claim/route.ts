import { BROWSER_COOKIE, recall, runPath, sameBrowser, type PrivateOidcView, type PrivateSamlView } from '@/lib/testlogin'
import { originOf } from '@/app/connections/_server/http'
import { apiAccess, asPageRefusal, checkApi } from '@/app/_server/access'
import { readCookie } from '@/lib/team/cookies'
import { getStore } from '@/lib/store'

/**
 * GET /test-logins/:runId/claim — the same-site step after the IdP's answer. The browser cookie set when the run
 * started arrives here (it did not on the cross-site POST): if it matches, this browser sees the unmasked view.
 */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params
  const access = await apiAccess(request, 'runs.read')
  if (!access.ok) return asPageRefusal(access.response, 'runs.read', '/')
  const run = /^[A-Za-z0-9_-]{16,64}$/.test(runId) ? await (await getStore()).runs.get(runId, access.principal.workspaceId) : null
  const allowed = run ? checkApi(access.principal, 'runs.read', { workspaceId: run.workspaceId, ...(run.connectionId ? { connectionId: run.connectionId } : {}) }) : undefined
  if (!allowed?.ok) return asPageRefusal(allowed && !allowed.ok ? allowed.response : new Response(null, { status: 404 }), 'runs.read', '/')
  const key = readCookie(request.headers.get('cookie'), BROWSER_COOKIE)
  const view = recall<PrivateSamlView>(`saml-view:${runId}`) ?? recall<PrivateOidcView>(`oidc-view:${runId}`)
  const bound = sameBrowser(key, view?.browserHash)
  const target = new URL(runPath(runId), originOf(request.url))
  if (view && !bound) target.searchParams.set('other-browser', '1')
  return Response.redirect(target, 303)
}
