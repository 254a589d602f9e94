import { forbidden, opsPrincipal, unauthorized } from '@/app/_server/ops-principal'
import { jsonErrors } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'
import { allows } from '@/lib'

/** GET /api/webhooks/:id/deliveries → { deliveries: [{ event, attempts, lastStatus, lastError, nextAttemptAt, deliveredAt, … }] }, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const p = await opsPrincipal(request)
    if (!p) return unauthorized()
    if (!allows(p, 'connections.read', { workspaceId: p.workspaceId })) return forbidden()
    return Response.json({
      deliveries: await (await getStore()).watch.listDeliveries(p.workspaceId, (await params).id),
    })
  })
}
