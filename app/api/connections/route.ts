import { createConnection } from '@/app/connections/_server/create-connection'
import { invalid, jsonErrors, originOf, readJsonObject } from '@/app/connections/_server/http'
import { getStore } from '@/lib/store'
import { apiAccess, connectionListScope } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'

/**
 * POST /api/connections { protocol, profileId?, metadataXml | metadataUrl | issuer, clientId?, connectionId?,
 * spEntityId?, acsUrl? | spMetadataXml? (the vendor's SP metadata; fills both), verifiedDomains?, name? } → 201 { id, testLoginUrl, acsUrl, spMetadataUrl, redirectUri, staticReport }.
 * A client secret is refused (400): it is entered for each OIDC test login and never stored.
 */
export async function POST(request: Request): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'connections.write')
    if (!access.ok) return access.response
    // A setup link edits its one connection; it never creates another.
    if (access.principal.kind === 'setup-link')
      return Response.json(
        { error: 'ERR_FORBIDDEN', message: 'A setup link cannot create connections.' },
        { status: 403 },
      )
    const read = await readJsonObject(request)
    if (!read.ok) return read.response
    const origin = originOf(request.url)
    const created = await createConnection(read.body, origin, access.principal.workspaceId)
    if (!created.ok) return invalid(created.error)
    const { connection, urls, staticCheckMessage } = created
    await recordAudit(
      access.principal,
      'connection.create',
      { kind: 'connection', id: connection.id },
      { name: connection.name, protocol: connection.protocol },
    )
    return Response.json(
      {
        id: connection.id,
        name: connection.name,
        ...urls,
        url: `${origin}/connections/${connection.id}`,
        staticReport: connection.staticReport,
        ...(staticCheckMessage ? { staticCheckMessage } : {}),
      },
      { status: 201, headers: { location: `${origin}/api/connections/${connection.id}` } },
    )
  })
}

/** GET /api/connections → { connections: [{ id, name, protocol, profileId, createdAt, expiresAt }] }, newest first. */
export async function GET(request: Request): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'connections.read')
    if (!access.ok) return access.response
    const scope = connectionListScope(access.principal)
    const list = (await (await getStore()).connections.list({ workspaceId: scope.workspaceId })).filter(
      (c) => !scope.onlyId || c.id === scope.onlyId,
    )
    return Response.json({
      connections: list.map(({ id, name, protocol, profileId, createdAt, expiresAt }) => ({
        id,
        name,
        protocol,
        profileId,
        createdAt,
        expiresAt,
      })),
    })
  })
}
