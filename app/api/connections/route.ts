import { createConnection } from '@/app/connections/_server/create-connection'
import { invalid, jsonErrors, originOf, readJsonObject } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'

/**
 * POST /api/connections { protocol, profileId?, metadataXml | metadataUrl | issuer, clientId?, connectionId?,
 * spEntityId?, acsUrl? | spMetadataXml? (the vendor's SP metadata; fills both), verifiedDomains?, name? } → 201 { id, testLoginUrl, acsUrl, spMetadataUrl, redirectUri, staticReport }.
 * A client secret is refused (400): it is entered for each OIDC test login and never stored.
 */
export async function POST(request: Request): Promise<Response> {
  return jsonErrors(async () => {
    const read = await readJsonObject(request)
    if (!read.ok) return read.response
    const origin = originOf(request.url)
    const created = await createConnection(read.body, origin)
    if (!created.ok) return invalid(created.error)
    const { connection, urls, staticCheckMessage } = created
    return Response.json({
      id: connection.id, name: connection.name, ...urls, url: `${origin}/connections/${connection.id}`,
      staticReport: connection.staticReport, ...(staticCheckMessage ? { staticCheckMessage } : {}),
    }, { status: 201, headers: { location: `${origin}/api/connections/${connection.id}` } })
  })
}

/** GET /api/connections → { connections: [{ id, name, protocol, profileId, createdAt, expiresAt }] }, newest first. */
export async function GET(): Promise<Response> {
  return jsonErrors(async () => {
    const list = await (await getStore()).connections.list()
    return Response.json({ connections: list.map(({ id, name, protocol, profileId, createdAt, expiresAt }) => ({ id, name, protocol, profileId, createdAt, expiresAt })) })
  })
}
