import { connectionDetail } from '@/app/connections/_server/connection-detail'
import { jsonErrors, notFound, originOf } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'

type Params = { params: Promise<{ id: string }> }

/** GET /api/connections/:id → { connection (no secrets), urls, runs (summaries), goNoGo }. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return jsonErrors(async () => {
    const detail = await connectionDetail(await getStore(), (await params).id, originOf(request.url))
    return detail ? Response.json(detail) : notFound('connection')
  })
}

/** DELETE /api/connections/:id → 204; its runs go with it. */
export async function DELETE(_request: Request, { params }: Params): Promise<Response> {
  return jsonErrors(async () => {
    const deleted = await (await getStore()).connections.delete((await params).id)
    return deleted ? new Response(null, { status: 204 }) : notFound('connection')
  })
}
