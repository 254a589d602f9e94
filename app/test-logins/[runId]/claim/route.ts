import { BROWSER_COOKIE, privateViewFor, runPath } from '@/lib/testlogin'
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
  const store = await getStore()
  const run = /^[A-Za-z0-9_-]{16,64}$/.test(runId) ? await store.runs.get(runId, access.principal.workspaceId) : null
  const allowed = run
    ? checkApi(access.principal, 'runs.read', {
        workspaceId: run.workspaceId,
        ...(run.connectionId ? { connectionId: run.connectionId } : {}),
      })
    : undefined
  if (!allowed?.ok)
    return asPageRefusal(
      allowed && !allowed.ok ? allowed.response : new Response(null, { status: 404 }),
      'runs.read',
      '/',
    )
  const key = readCookie(request.headers.get('cookie'), BROWSER_COOKIE)
  const { otherBrowser } = await privateViewFor(store, runId, key)
  const target = new URL(runPath(runId), originOf(request.url))
  if (otherBrowser) target.searchParams.set('other-browser', '1')
  return Response.redirect(target, 303)
}
