import { reportIdpErrorPage, runPath } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'
import { readCappedForm } from '@/app/test-logins/_ui/read-form'
import { BODY_LIMITS } from '@/app/_server/body-limits'

/** POST /test-logins/:runId/idp-error — the admin reports the error page the IdP showed instead of answering. */
export async function POST(request: Request, { params }: { params: Promise<{ runId: string }> }): Promise<Response> {
  const { runId } = await params
  const form = await readCappedForm(request, BODY_LIMITS.smallForm).catch(() => undefined)
  const text = typeof form?.get('message') === 'string' ? String(form?.get('message')) : ''
  if (/^[A-Za-z0-9_-]{16,64}$/.test(runId)) await reportIdpErrorPage(runId, text, { store: await getStore() })
  return Response.redirect(new URL(runPath(runId), originOf(request.url)), 303)
}
