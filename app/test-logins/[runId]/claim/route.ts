import { cookies } from 'next/headers'
import { BROWSER_COOKIE, privateViewFor, runPath } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'

/**
 * GET /test-logins/:runId/claim — the same-site step after the IdP's answer. The browser cookie set when the run
 * started arrives here (it did not on the cross-site POST): if it matches, this browser sees the unmasked view.
 */
export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params
  const key = (await cookies()).get(BROWSER_COOKIE)?.value
  const target = new URL(runPath(runId), originOf(request.url))
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(runId)) return Response.redirect(target, 303)
  const { otherBrowser } = await privateViewFor(await getStore(), runId, key)
  if (otherBrowser) target.searchParams.set('other-browser', '1')
  return Response.redirect(target, 303)
}
