import { forbidden, opsPrincipal, unauthorized } from '@/app/_server/ops-principal'
import { jsonErrors, notFound } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'
import { allows } from '@/lib'

/** DELETE /api/webhooks/:id → 204; another workspace's webhook answers 404 like an unknown one. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const p = await opsPrincipal(request)
    if (!p) return unauthorized()
    if (!allows(p, 'connections.write', { workspaceId: p.workspaceId })) return forbidden()
    const deleted = await (await getStore()).watch.deleteWebhook(p.workspaceId, (await params).id)
    return deleted ? new Response(null, { status: 204 }) : notFound('webhook')
  })
}
