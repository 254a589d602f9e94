import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { LEAST_ROLE, type Action } from '@/lib/team/roles'
import { allows, LOCAL_PRINCIPAL, type AccessTarget, type Principal } from '@/lib/team/principal'
import { readCookie } from '@/lib/team/cookies'
import { getStore, type Store } from '@/lib/store'
import type { ApiTokenRepository, SetupLinkRepository } from '@/lib/store/team-types'
import { deploymentConfig, teamCookies } from './deployment'

/*
 * Who is asking, resolved once per request. Local mode: always LOCAL_PRINCIPAL (nothing read, nothing changes for
 * `npm start`). Team mode, in this order: `Authorization: Bearer <API token>`, the session cookie, the setup-link
 * cookie. The proxy (proxy.ts) has already turned away requests with none of these; this is where they are checked.
 */

/** The API tokens and setup links repositories land with the tokens part of issue 10; until then they may be absent. */
type TeamStore = Store & { apiTokens?: ApiTokenRepository; setupLinks?: SetupLinkRepository }

export type Access =
  | { readonly kind: 'principal'; readonly principal: Principal }
  /** Signed in, but a member of no workspace (yet): sees only the "ask for an invitation" page. */
  | { readonly kind: 'no-workspace'; readonly userId: string; readonly label: string }
  | { readonly kind: 'anonymous' }

export interface CredentialFacts {
  readonly cookie: string | null
  readonly authorization: string | null
}

export async function resolveAccess(facts: CredentialFacts): Promise<Access> {
  const config = deploymentConfig()
  if (config.mode === 'local') return { kind: 'principal', principal: LOCAL_PRINCIPAL }
  const store = (await getStore()) as TeamStore
  const names = teamCookies(config)
  const bearer = /^Bearer\s+(\S{1,512})\s*$/i.exec(facts.authorization ?? '')?.[1]
  if (bearer) {
    const token = store.apiTokens ? await store.apiTokens.verify(bearer) : null
    // A wrong token is a refusal, not a fall-through to the cookie: a CI job must learn its token is bad.
    if (!token) return { kind: 'anonymous' }
    return {
      kind: 'principal',
      principal: {
        kind: 'token',
        tokenId: token.id,
        label: token.name,
        workspaceId: token.workspaceId,
        scopes: token.scopes,
      },
    }
  }
  const session = readCookie(facts.cookie, names.session)
  if (session) {
    const s = await store.sessions.resolve(session, { idleMs: config.sessionIdleMs })
    if (s) {
      const label = s.email ?? s.displayName ?? s.userId
      if (!s.workspaceId || !s.role) {
        // Removed from the session's workspace (or never had one): move on to another membership when there is one.
        const next = (await store.team.workspacesOf(s.userId))[0]
        if (!next || !(await store.sessions.switchWorkspace(session, next.id)))
          return { kind: 'no-workspace', userId: s.userId, label }
        return {
          kind: 'principal',
          principal: {
            kind: 'user',
            userId: s.userId,
            label,
            workspaceId: next.id,
            role: next.role,
            sessionIdHash: s.idHash,
          },
        }
      }
      return {
        kind: 'principal',
        principal: {
          kind: 'user',
          userId: s.userId,
          label,
          workspaceId: s.workspaceId,
          role: s.role,
          sessionIdHash: s.idHash,
        },
      }
    }
  }
  const link = readCookie(facts.cookie, names.setupLink)
  if (link && store.setupLinks) {
    const info = await store.setupLinks.verify(link)
    if (info)
      return {
        kind: 'principal',
        principal: {
          kind: 'setup-link',
          linkId: info.id,
          workspaceId: info.workspaceId,
          connectionId: info.connectionId,
        },
      }
  }
  return { kind: 'anonymous' }
}

/** What a refusal says: the least role for the action (or that a token's scope or a setup link does not reach it). */
export function refusalMessage(principal: Principal, action: Action): string {
  switch (principal.kind) {
    case 'token':
      return `This API token's scopes (${principal.scopes.join(', ')}) do not allow ${action}.`
    case 'setup-link':
      return `A setup link opens one connection's setup only; ${action} needs a member of the workspace.`
    default:
      return `${action} needs the ${LEAST_ROLE[action]} role (or higher) in this workspace.`
  }
}

// ── Route handlers ────────────────────────────────────────────────────────────────────────────────────────────────

export type ApiAccess = { ok: true; principal: Principal } | { ok: false; response: Response }

const json = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * For route handlers: the principal when it may do `action` (on `target`, when given), else the response to send:
 * 401 without valid credentials, 403 with the role needed, 404 for a row of another workspace (as if unknown).
 * @example const a = await apiAccess(request, 'connections.read'); if (!a.ok) return a.response
 */
export async function apiAccess(request: Request, action: Action, target?: AccessTarget): Promise<ApiAccess> {
  const access = await resolveAccess({
    cookie: request.headers.get('cookie'),
    authorization: request.headers.get('authorization'),
  })
  if (access.kind === 'anonymous')
    return {
      ok: false,
      response: json(401, 'ERR_UNAUTHENTICATED', 'Sign in, or send an API token as Authorization: Bearer <token>.'),
    }
  if (access.kind === 'no-workspace')
    return {
      ok: false,
      response: json(
        403,
        'ERR_FORBIDDEN',
        'You are not a member of any workspace yet: ask an owner for an invitation.',
      ),
    }
  return checkApi(access.principal, action, target)
}

/** The second step once the row is loaded: another workspace's row (or another connection for a setup link) is a 404. */
export function checkApi(principal: Principal, action: Action, target?: AccessTarget): ApiAccess {
  if (target?.workspaceId !== undefined && target.workspaceId !== principal.workspaceId)
    return { ok: false, response: notFoundJson() }
  if (
    principal.kind === 'setup-link' &&
    target?.connectionId !== undefined &&
    target.connectionId !== principal.connectionId
  )
    return { ok: false, response: notFoundJson() }
  if (!allows(principal, action, target))
    return { ok: false, response: json(403, 'ERR_FORBIDDEN', refusalMessage(principal, action)) }
  return { ok: true, principal }
}

const notFoundJson = () => json(404, 'ERR_NOT_FOUND', 'No such item (it may have expired).')

// ── Pages and server actions ──────────────────────────────────────────────────────────────────────────────────────

/** The current request's principal for pages and server actions; sends the browser to sign in (or to the no-workspace page). */
/** One resolution per server render: the layout's account bar and the page share it (React's per-request cache). */
export const resolveRequestAccess = cache(async (): Promise<Access> => {
  const h = await headers()
  return resolveAccess({ cookie: h.get('cookie'), authorization: h.get('authorization') })
})

export async function currentPrincipal(): Promise<Principal> {
  // Local mode reads nothing from the request (so server actions also work when called outside one, as in tests).
  if (deploymentConfig().mode === 'local') return LOCAL_PRINCIPAL
  const h = await headers()
  const access = await resolveRequestAccess()
  if (access.kind === 'principal') return access.principal
  if (access.kind === 'no-workspace') redirect('/auth/no-workspace')
  const path = h.get('x-preflight-path') ?? '/'
  redirect(`/auth/sign-in?next=${encodeURIComponent(path)}`)
}

/**
 * For pages and server actions: the principal when it may do `action`, else the browser goes to a page naming the role
 * needed. A row of another workspace must be answered with notFound() by the caller (load it with the principal's
 * workspace, as every repository call here does).
 * @example const p = await requireAccess('connections.delete', { workspaceId: row.workspaceId })
 */
export async function requireAccess(action: Action, target?: AccessTarget): Promise<Principal> {
  const principal = await currentPrincipal()
  if (!allows(principal, action, target)) redirect(`/auth/refused?action=${encodeURIComponent(action)}`)
  return principal
}

/**
 * For pages that say in place why they are closed (rather than sending the browser to the refused page): the principal
 * when it may do `action` in its own workspace, else null. Without valid credentials the browser still goes to sign in.
 * @example const p = await principalAllowedOnPage('audit.read'); if (!p) return <PageRefusal …/>
 */
export async function principalAllowedOnPage(action: Action): Promise<Principal | null> {
  const principal = await currentPrincipal()
  return allows(principal, action, { workspaceId: principal.workspaceId }) ? principal : null
}

/**
 * For route handlers that a page's form posts to (a browser, not an API client): the refusal as a redirect — to sign
 * in, to the page naming the role needed, or to `notFoundPath` for a row that is not there (or not in this workspace).
 */
export function asPageRefusal(refused: Response, action: Action, notFoundPath: string): Response {
  const location =
    refused.status === 401
      ? '/auth/sign-in'
      : refused.status === 404
        ? notFoundPath
        : `/auth/refused?action=${encodeURIComponent(action)}`
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } })
}

/** Connections a principal may list: a setup link sees its one connection only. */
export function connectionListScope(principal: Principal): { workspaceId: string; onlyId?: string } {
  return principal.kind === 'setup-link'
    ? { workspaceId: principal.workspaceId, onlyId: principal.connectionId }
    : { workspaceId: principal.workspaceId }
}
