import { jsonErrors } from '@/app/connections/_server/http'
import { revokeSetupLink } from '@/app/_server/setup-links-api'
import { principalFor } from '@/app/_server/team-access'
import { getStore } from '@/lib/store'

/** DELETE /api/connections/:id/setup-links/:linkId → 204 (revoked); 404 when the connection has no such link. */
export async function DELETE(
  request: Request,
  { params }: { params: Promise<{ id: string; linkId: string }> },
): Promise<Response> {
  return jsonErrors(async () => {
    const { id, linkId } = await params
    return revokeSetupLink(await principalFor(request), id, linkId, await getStore())
  })
}
