import { jsonErrors, originOf } from '@/app/connections/_server/http'
import { createSetupLink, listSetupLinks } from '@/app/_server/setup-links-api'
import { principalFor } from '@/app/_server/team-access'
import { getStore } from '@/lib/store'

type Params = { params: Promise<{ id: string }> }

/** GET /api/connections/:id/setup-links → { links: [{ id, createdAt, expiresAt, revokedAt, lastUsedAt, uses }] }. */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  return jsonErrors(async () => listSetupLinks(await principalFor(request), (await params).id, await getStore()))
}

/** POST /api/connections/:id/setup-links → 201 { url (shown once), warning, link }. No body needed. */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  return jsonErrors(async () =>
    createSetupLink(await principalFor(request), (await params).id, originOf(request.url), await getStore()),
  )
}
