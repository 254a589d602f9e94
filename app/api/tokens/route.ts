import { jsonErrors } from '@/app/connections/_server/http'
import { principalFor } from '@/app/_server/team-access'
import { createToken, listTokens } from '@/app/_server/tokens-api'
import { getStore } from '@/lib/store'

/** GET /api/tokens → { tokens: [{ id, name, scopes, createdAt, expiresAt, lastUsedAt, revokedAt }] } (never a secret). */
export async function GET(request: Request): Promise<Response> {
  return jsonErrors(async () => listTokens(await principalFor(request), await getStore()))
}

/** POST /api/tokens { name, scopes: ['read'|'run'], expiresInDays? } → 201 { token (shown once), warning, info }. */
export async function POST(request: Request): Promise<Response> {
  return jsonErrors(async () => createToken(await principalFor(request), request, await getStore()))
}
