import { buildSpMetadata, ourAcsUrl } from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'
import { apiAccess, checkApi } from '@/app/_server/access'

/** GET /saml/metadata/:id — SP metadata to import into the IdP: the vendor's entity ID, our ACS as an extra reply URL. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  const access = await apiAccess(request, 'connections.read')
  if (!access.ok) return access.response
  const connection = /^[A-Za-z0-9_-]{16,64}$/.test(id)
    ? await (await getStore()).connections.get(id, access.principal.workspaceId)
    : null
  const allowed = connection
    ? checkApi(access.principal, 'connections.read', {
        workspaceId: connection.workspaceId,
        connectionId: connection.id,
      })
    : undefined
  if (allowed && !allowed.ok) return allowed.response
  if (!connection || connection.protocol !== 'saml' || !connection.config.spEntityId) {
    return new Response('No SAML connection with a vendor SP entity ID has this id (it may have expired).', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  const xml = buildSpMetadata({
    spEntityId: connection.config.spEntityId,
    ourAcsUrl: ourAcsUrl(originOf(request.url)),
    ...(connection.config.acsUrl ? { vendorAcsUrl: connection.config.acsUrl } : {}),
  })
  return new Response(xml, {
    headers: {
      'content-type': 'application/samlmetadata+xml; charset=utf-8',
      'content-disposition': `attachment; filename="sp-metadata-${id}.xml"`,
    },
  })
}
