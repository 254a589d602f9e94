import { connectionDetail } from '@/app/connections/_server/connection-detail'
import { jsonErrors, notFound, originOf } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'
import { apiAccess, checkApi } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'

type Params = { params: Promise<{ id: string }> }

/** GET /api/connections/:id → { connection (no secrets), urls, runs (summaries), goNoGo }. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'connections.read')
    if (!access.ok) return access.response
    const id = (await params).id
    const detail = await connectionDetail(
      await getStore(),
      id,
      originOf(request.url),
      new Date(),
      access.principal.workspaceId,
    )
    if (!detail) return notFound('connection')
    const allowed = checkApi(access.principal, 'connections.read', {
      workspaceId: detail.connection.workspaceId,
      connectionId: id,
    })
    return allowed.ok ? Response.json(detail) : allowed.response
  })
}

/** DELETE /api/connections/:id → 204; its runs go with it. */
export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'connections.delete')
    if (!access.ok) return access.response
    const id = (await params).id
    const store = await getStore()
    const connection = await store.connections.get(id, access.principal.workspaceId)
    if (!connection) return notFound('connection')
    const allowed = checkApi(access.principal, 'connections.delete', {
      workspaceId: connection.workspaceId,
      connectionId: id,
    })
    if (!allowed.ok) return allowed.response
    const deleted = await store.connections.delete(id, connection.workspaceId)
    if (deleted)
      await recordAudit(access.principal, 'connection.delete', { kind: 'connection', id }, { name: connection.name })
    return deleted ? new Response(null, { status: 204 }) : notFound('connection')
  })
}
