import { jsonErrors, notFound } from '@/app/connections/_server/http'
import { forbidden, principalFor, workspaceOf } from '@/app/_server/team-access'
import { getStore } from '@/lib/store'
import { allows } from '@/lib'

/**
 * GET /api/connections/:id/idp-metadata → the IdP metadata XML pasted into the connection (a public document, no
 * secret), for `sso-preflight login --connection`; 404 when the connection has a metadata URL instead.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const { id } = await params
    const principal = await principalFor(request)
    const connection = /^[A-Za-z0-9_-]{16,64}$/.test(id) ? await (await getStore()).connections.get(id) : null
    if (!connection || workspaceOf(connection) !== principal.workspaceId) return notFound('connection')
    if (!allows(principal, 'connections.read', { workspaceId: workspaceOf(connection), connectionId: id }))
      return forbidden()
    const xml = connection.config.idpMetadataXml
    if (!xml)
      return Response.json(
        { error: 'ERR_NOT_FOUND', message: 'This connection has no pasted IdP metadata (see its metadataUrl).' },
        { status: 404 },
      )
    return new Response(xml, {
      headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'no-store' },
    })
  })
}
