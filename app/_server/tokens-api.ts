import { z } from 'zod'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { invalid, readJsonObject } from '@/app/connections/_server/http'
import type { Store } from '@/lib/store'
import type { ApiTokenInfo } from '@/lib/store/team-types'
import { allows, TokenScopeSchema, type Principal } from '@/lib'
import { recordAudit } from './audit'
import { forbidden } from './team-access'

/*
 * The API-token routes (/api/tokens, /api/tokens/:id) as plain functions of the principal, so each role's allowed and
 * refused calls are tested without a gate in front.
 */

export const NewTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'give the token a name (what uses it)').max(100),
  scopes: z.array(TokenScopeSchema).min(1, 'choose at least one scope'),
  /** Optional: the token stops working after this many days. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})

export const TOKEN_SHOWN_ONCE =
  'Copy this token now: it is shown once and cannot be shown again. Store it as a secret (e.g. SSO_PREFLIGHT_API_TOKEN in your CI).'

const tokenNotFound = () =>
  Response.json({ error: 'ERR_NOT_FOUND', message: 'No API token with this id in your workspace.' }, { status: 404 })

/** What lists show of a token: everything but the secret (which is never stored) and its hash. */
const publicInfo = (t: ApiTokenInfo) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
})

export async function listTokens(p: Principal, store: Store): Promise<Response> {
  if (!allows(p, 'tokens.manage', { workspaceId: p.workspaceId })) return forbidden()
  return Response.json(
    { tokens: (await store.apiTokens.list(p.workspaceId)).map(publicInfo) },
    { headers: { 'cache-control': 'no-store' } },
  )
}

export async function createToken(p: Principal, request: Request, store: Store): Promise<Response> {
  if (!allows(p, 'tokens.manage', { workspaceId: p.workspaceId })) return forbidden()
  const read = await readJsonObject(request, BODY_LIMITS.smallForm)
  if (!read.ok) return read.response
  const body = NewTokenBodySchema.safeParse(read.body)
  if (!body.success) return invalid(body.error)
  const { name, scopes, expiresInDays } = body.data
  const { token, info } = await store.apiTokens.create({
    workspaceId: p.workspaceId,
    name,
    scopes,
    ...(p.kind === 'user' ? { createdBy: p.userId } : {}),
    ...(expiresInDays ? { expiresAt: new Date(Date.now() + expiresInDays * 86_400_000) } : {}),
  })
  await recordAudit(
    p,
    'token.create',
    { kind: 'token', id: info.id },
    { name: info.name, scopes: info.scopes.join(','), expiresAt: info.expiresAt },
    { store },
  )
  return Response.json(
    { token, warning: TOKEN_SHOWN_ONCE, info: publicInfo(info) },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  )
}

export async function revokeToken(p: Principal, id: string, store: Store): Promise<Response> {
  if (!allows(p, 'tokens.manage', { workspaceId: p.workspaceId })) return forbidden()
  // Only this workspace's tokens are looked at: another workspace's id answers like an unknown one.
  const token = (await store.apiTokens.list(p.workspaceId)).find((t) => t.id === id)
  if (!token) return tokenNotFound()
  if (await store.apiTokens.revoke(p.workspaceId, id)) {
    await recordAudit(p, 'token.revoke', { kind: 'token', id }, { name: token.name }, { store })
  }
  return new Response(null, { status: 204 }) // revoking a revoked token again changes nothing
}
