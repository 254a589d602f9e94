import { cookies } from 'next/headers'
import { BROWSER_COOKIE, recall, runPath, sameBrowser, type PrivateOidcView, type PrivateSamlView } from '@/lib/testlogin'
import { originOf } from '@/app/connections/_server/http'
import { apiAccess, asPageRefusal } from '@/app/_server/access'

/**
 * GET /test-logins/:runId/claim — the same-site step after the IdP's answer. The browser cookie set when the run
 * started arrives here (it did not on the cross-site POST): if it matches, this browser sees the unmasked view.
 */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params
  const access = await apiAccess(request, 'runs.read')
  if (!access.ok) return asPageRefusal(access.response, 'runs.read', '/')
  const key = (await cookies()).get(BROWSER_COOKIE)?.value
  const view = recall<PrivateSamlView>(`saml-view:${runId}`) ?? recall<PrivateOidcView>(`oidc-view:${runId}`)
  const bound = sameBrowser(key, view?.browserHash)
  const target = new URL(runPath(runId), originOf(request.url))
  if (view && !bound) target.searchParams.set('other-browser', '1')
  return Response.redirect(target, 303)
}
