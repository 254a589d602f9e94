import { jsonErrors } from '@/app/connections/_server/http'
import { principalFor } from '@/app/_server/team-access'
import { revokeToken } from '@/app/_server/tokens-api'
import { getStore } from '@/lib/store'

/** DELETE /api/tokens/:id → 204 (revoked); 404 when this workspace has no such token. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => revokeToken(await principalFor(request), (await params).id, await getStore()))
}
