import { reportIdpErrorPage, runPath } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'
import { readCappedForm } from '@/app/test-logins/_ui/read-form'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { apiAccess, asPageRefusal, checkApi } from '@/app/_server/access'

/** POST /test-logins/:runId/idp-error — the admin reports the error page the IdP showed instead of answering. */
export async function POST(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params
  const access = await apiAccess(request, 'runs.start')
  if (!access.ok) return asPageRefusal(access.response, 'runs.start', '/')
  const store = await getStore()
  const run = /^[A-Za-z0-9_-]{16,64}$/.test(runId) ? await store.runs.get(runId, access.principal.workspaceId) : null
  const allowed = run
    ? checkApi(access.principal, 'runs.start', {
        workspaceId: run.workspaceId,
        ...(run.connectionId ? { connectionId: run.connectionId } : {}),
      })
    : undefined
  if (!run || !allowed?.ok)
    return asPageRefusal(
      allowed && !allowed.ok ? allowed.response : new Response(null, { status: 404 }),
      'runs.start',
      '/',
    )
  const form = await readCappedForm(request, BODY_LIMITS.smallForm).catch(() => undefined)
  const text = typeof form?.get('message') === 'string' ? String(form?.get('message')) : ''
  await reportIdpErrorPage(run.id, text, { store })
  return Response.redirect(new URL(runPath(runId), originOf(request.url)), 303)
}
