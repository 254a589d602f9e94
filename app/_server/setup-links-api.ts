import type { Store } from '@/lib/store'
import { DEFAULT_SETUP_LINK_MS } from '@/lib/store/setup-links'
import type { SetupLinkInfo } from '@/lib/store/team-types'
import { readDeploymentConfig } from '@/lib'
import { allows, type Principal } from '@/lib'
import { notFound } from '@/app/connections/_server/http'
import { recordAudit } from './audit'
import { forbidden, workspaceOf } from './team-access'

/*
 * Setup links (/api/connections/:id/setup-links[/:linkId]): an admin makes a link that opens one connection's setup
 * for someone without an account (a customer's IT admin), for a limited time. Plain functions of the principal.
 */

export const SETUP_LINK_SHOWN_ONCE =
  'Send this link to the person who sets up the IdP. It is shown once, opens this connection only, and stops working when it expires or is revoked.'

/** How long a new link lives: SSO_PREFLIGHT_SETUP_LINK_MINUTES in team mode, 24 hours locally. */
export function setupLinkTtlMs(env: Record<string, string | undefined> = process.env): number {
  const config = readDeploymentConfig(env)
  return config.mode === 'team' ? config.setupLinkMs : DEFAULT_SETUP_LINK_MS
}

export const setupLinkPath = (token: string) => `/setup-link/${token}`

const publicInfo = (l: SetupLinkInfo) => ({
  id: l.id,
  connectionId: l.connectionId,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
  lastUsedAt: l.lastUsedAt,
  uses: l.uses,
})

/** The connection, when the principal's workspace has it and may manage its links; otherwise the response to send. */
async function manageable(p: Principal, connectionId: string, store: Store) {
  const connection = /^[A-Za-z0-9_-]{16,64}$/.test(connectionId) ? await store.connections.get(connectionId) : null
  // Another workspace's connection answers like an unknown one.
  if (!connection || workspaceOf(connection) !== p.workspaceId)
    return { ok: false as const, response: notFound('connection') }
  if (!allows(p, 'setup-links.manage', { workspaceId: workspaceOf(connection), connectionId }))
    return { ok: false as const, response: forbidden() }
  return { ok: true as const, connection }
}

export async function listSetupLinks(p: Principal, connectionId: string, store: Store): Promise<Response> {
  const m = await manageable(p, connectionId, store)
  if (!m.ok) return m.response
  return Response.json(
    { links: (await store.setupLinks.list(p.workspaceId, connectionId)).map(publicInfo) },
    { headers: { 'cache-control': 'no-store' } },
  )
}

export async function createSetupLink(
  p: Principal,
  connectionId: string,
  origin: string,
  store: Store,
  ttlMs = setupLinkTtlMs(),
): Promise<Response> {
  const m = await manageable(p, connectionId, store)
  if (!m.ok) return m.response
  const { token, info } = await store.setupLinks.create({
    workspaceId: p.workspaceId,
    connectionId,
    ttlMs,
    ...(p.kind === 'user' ? { createdBy: p.userId } : {}),
  })
  await recordAudit(
    p,
    'setup-link.create',
    { kind: 'setup-link', id: info.id },
    { connectionId, connectionName: m.connection.name, expiresAt: info.expiresAt },
    { store },
  )
  return Response.json(
    { url: `${origin}${setupLinkPath(token)}`, warning: SETUP_LINK_SHOWN_ONCE, link: publicInfo(info) },
    {
      status: 201,
      headers: { 'cache-control': 'no-store' },
    },
  )
}

export async function revokeSetupLink(
  p: Principal,
  connectionId: string,
  linkId: string,
  store: Store,
): Promise<Response> {
  const m = await manageable(p, connectionId, store)
  if (!m.ok) return m.response
  const link = (await store.setupLinks.list(p.workspaceId, connectionId)).find((l) => l.id === linkId)
  if (!link)
    return Response.json(
      { error: 'ERR_NOT_FOUND', message: 'No setup link with this id for this connection.' },
      { status: 404 },
    )
  if (await store.setupLinks.revoke(p.workspaceId, linkId)) {
    await recordAudit(p, 'setup-link.revoke', { kind: 'setup-link', id: linkId }, { connectionId }, { store })
  }
  return new Response(null, { status: 204 })
}
