import { PUBLIC_URL, useTeamMode } from './team-env'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { resetDeploymentConfig } from '@/app/_server/deployment'
import * as connectionsRoute from '@/app/api/connections/route'
import * as connectionRoute from '@/app/api/connections/[id]/route'
import * as runRoute from '@/app/api/runs/[id]/route'
import * as savedReportsRoute from '@/app/api/saved-reports/route'
import * as savedReportRoute from '@/app/api/saved-reports/[id]/route'
import * as metadataReportRoute from '@/app/api/reports/metadata/route'
import * as triageAnalyzeRoute from '@/app/triage/analyze/route'
import * as triageBundleRoute from '@/app/triage/bundle/route'
import * as spMetadataRoute from '@/app/saml/metadata/[id]/route'
import * as startRoute from '@/app/connections/[id]/test-login/start/route'
import * as claimRoute from '@/app/test-logins/[runId]/claim/route'
import * as idpErrorRoute from '@/app/test-logins/[runId]/idp-error/route'
import { buildReport } from '@/lib/findings'
import { getStore, type Store } from '@/lib/store'
import type { ApiTokenInfo, ApiTokenRepository, SetupLinkInfo, SetupLinkRepository } from '@/lib/store/team-types'
import type { TokenScope } from '@/lib/team/roles'

/*
 * The per-route role matrix: every route handler, called with a real Request, for each kind of caller. The expected
 * column is written out by hand from the issue (owner: members; admin: connections, test logins, delete; viewer: read
 * and triage; tokens by scope; a setup link: its one connection), not derived from the code under test.
 */

const ENTRA_METADATA = readFileSync(
  new URL(
    '../../../shared/fixtures/real/saml-metadata/entra/ssoready-entra-app-federationmetadata.xml',
    import.meta.url,
  ),
  'utf8',
)
const HOUR = 3_600_000

type Caller = 'owner' | 'admin' | 'viewer' | 'token-read' | 'token-run' | 'setup-link' | 'none' | 'other-workspace'
const CALLERS: readonly Caller[] = [
  'owner',
  'admin',
  'viewer',
  'token-read',
  'token-run',
  'setup-link',
  'none',
  'other-workspace',
]

interface Fixture {
  store: Store
  ws: string
  connectionId: string
  runId: string
  pendingRunId: string
  savedId: string
  credentials: Record<Caller, Record<string, string>>
}
let fx: Fixture

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'not-found'

interface RouteCase {
  readonly name: string
  /** Who may, in this row's workspace. Everybody else in it: 403; no credentials: 401; another workspace's member: 404 (or its own, empty view). */
  readonly allowed: readonly Caller[]
  /** Another workspace's member gets its own empty workspace here (lists, creations), not a 404. */
  readonly otherWorkspace?: 'allowed' | 'not-found'
  call(headers: Record<string, string>): Promise<Response>
}

const req = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`${PUBLIC_URL}${path}`, init)
const json = (body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
})
const params = <K extends string>(k: K, v: string) => ({ params: Promise.resolve({ [k]: v } as Record<K, string>) })
const report = () =>
  buildReport({ subject: { kind: 'saml-metadata', idp: 'entra' }, profile: 'generic', now: new Date(), findings: [] })

function withHeaders(init: RequestInit & { headers?: Record<string, string> }, headers: Record<string, string>) {
  return { ...init, headers: { ...init.headers, ...headers } }
}

/** Page-facing routes answer with redirects: to sign in, to the refusal page, or away for an unknown row. */
function outcomeOf(res: Response): Outcome {
  if (res.status === 401) return 'unauthenticated'
  if (res.status === 403) return 'forbidden'
  if (res.status === 404) return 'not-found'
  const location = res.headers.get('location') ?? ''
  if (location.startsWith('/auth/sign-in')) return 'unauthenticated'
  if (location.startsWith('/auth/refused')) return 'forbidden'
  if (res.status === 303 && (location === '/connections' || location.endsWith('/connections') || location === '/'))
    return 'not-found'
  return 'allowed'
}

const ADMINS: Caller[] = ['owner', 'admin']
const READERS: Caller[] = ['owner', 'admin', 'viewer', 'token-read', 'token-run']

const ROUTES: RouteCase[] = [
  {
    name: 'GET /api/connections',
    allowed: [...READERS, 'setup-link'],
    otherWorkspace: 'allowed',
    call: (h) => connectionsRoute.GET(req('/api/connections', { headers: h })),
  },
  {
    name: 'POST /api/connections',
    allowed: ADMINS,
    otherWorkspace: 'allowed',
    call: (h) =>
      connectionsRoute.POST(
        req(
          '/api/connections',
          withHeaders(json({ protocol: 'saml', profileId: 'generic', metadataXml: ENTRA_METADATA }), h),
        ),
      ),
  },
  {
    name: 'GET /api/connections/:id',
    allowed: [...READERS, 'setup-link'],
    call: (h) =>
      connectionRoute.GET(req(`/api/connections/${fx.connectionId}`, { headers: h }), params('id', fx.connectionId)),
  },
  {
    name: 'DELETE /api/connections/:id',
    allowed: ADMINS,
    call: async (h) => {
      const c = await fx.store.connections.create({
        name: 'doomed',
        protocol: 'saml',
        profileId: 'generic',
        config: {},
        workspaceId: fx.ws,
      })
      return connectionRoute.DELETE(
        req(`/api/connections/${c.id}`, { method: 'DELETE', headers: h }),
        params('id', c.id),
      )
    },
  },
  {
    name: 'GET /api/runs/:id',
    allowed: [...READERS, 'setup-link'],
    call: (h) => runRoute.GET(req(`/api/runs/${fx.runId}`, { headers: h }), params('id', fx.runId)),
  },
  {
    name: 'POST /api/saved-reports',
    allowed: ['owner', 'admin', 'viewer', 'token-run'],
    otherWorkspace: 'allowed',
    call: (h) => savedReportsRoute.POST(req('/api/saved-reports', withHeaders(json({ report: report() }), h))),
  },
  {
    name: 'GET /api/saved-reports/:id',
    allowed: READERS,
    call: (h) =>
      savedReportRoute.GET(req(`/api/saved-reports/${fx.savedId}`, { headers: h }), params('id', fx.savedId)),
  },
  {
    name: 'DELETE /api/saved-reports/:id',
    allowed: ADMINS,
    call: async (h) => {
      const s = await fx.store.savedReports.save({ report: report(), workspaceId: fx.ws })
      return savedReportRoute.DELETE(
        req(`/api/saved-reports/${s.id}`, { method: 'DELETE', headers: h }),
        params('id', s.id),
      )
    },
  },
  {
    name: 'POST /api/reports/metadata',
    allowed: [...READERS, 'setup-link'],
    otherWorkspace: 'allowed',
    call: (h) =>
      metadataReportRoute.POST(
        req('/api/reports/metadata', withHeaders(json({ xml: ENTRA_METADATA, profile: 'generic' }), h)),
      ),
  },
  {
    name: 'POST /triage/analyze',
    allowed: READERS,
    otherWorkspace: 'allowed',
    call: (h) => {
      const f = new FormData()
      f.set('text', 'AADSTS50011')
      return triageAnalyzeRoute.POST(req('/triage/analyze', { method: 'POST', body: f, headers: h }))
    },
  },
  {
    name: 'POST /triage/bundle',
    allowed: READERS,
    otherWorkspace: 'allowed',
    call: (h) => triageBundleRoute.POST(req('/triage/bundle', withHeaders(json({ reports: [report()] }), h))),
  },
  {
    name: 'GET /saml/metadata/:id',
    allowed: [...READERS, 'setup-link'],
    call: (h) =>
      spMetadataRoute.GET(req(`/saml/metadata/${fx.connectionId}`, { headers: h }), params('id', fx.connectionId)),
  },
  {
    name: 'POST /connections/:id/test-login/start',
    allowed: ['owner', 'admin', 'token-run', 'setup-link'],
    call: (h) =>
      startRoute.POST(
        req(`/connections/${fx.connectionId}/test-login/start`, { method: 'POST', headers: h }),
        params('id', fx.connectionId),
      ),
  },
  {
    name: 'GET /test-logins/:runId/claim',
    allowed: [...READERS, 'setup-link'],
    call: (h) => claimRoute.GET(req(`/test-logins/${fx.runId}/claim`, { headers: h }), params('runId', fx.runId)),
  },
  {
    name: 'POST /test-logins/:runId/idp-error',
    allowed: ['owner', 'admin', 'token-run', 'setup-link'],
    call: (h) => {
      const f = new URLSearchParams({ message: 'AADSTS50105' })
      return idpErrorRoute.POST(
        req(`/test-logins/${fx.pendingRunId}/idp-error`, { method: 'POST', body: f, headers: h }),
        params('runId', fx.pendingRunId),
      )
    },
  },
]

/** A finished run (its report can be read) and one still waiting for the IdP (an IdP error page can be reported). */
async function runsOf(store: Store, connectionId: string, tag: string) {
  const run = await store.runs.create({ connectionId, protocol: 'saml', stateKey: `_matrix-done-${tag}` })
  await store.runs.complete(run.id, {
    status: 'completed',
    report: buildReport({
      subject: { kind: 'saml-test-login', idp: 'entra' },
      profile: 'generic',
      now: new Date(),
      findings: [],
    }),
  })
  const pending = await store.runs.create({ connectionId, protocol: 'saml', stateKey: `_matrix-pending-${tag}` })
  return { run, pending }
}

function expected(route: RouteCase, caller: Caller): Outcome {
  if (caller === 'none') return 'unauthenticated'
  if (caller === 'other-workspace') return route.otherWorkspace ?? 'not-found'
  return route.allowed.includes(caller) ? 'allowed' : 'forbidden'
}

/** The tokens part of issue 10 owns these repositories; here, small fakes behind the same contract. */
function fakeTokens(tokens: Record<string, { ws: string; scopes: TokenScope[] }>): ApiTokenRepository {
  return {
    create: () => {
      throw new Error('not in this test')
    },
    list: async () => [],
    revoke: async () => false,
    async verify(token) {
      const t = tokens[token]
      return t
        ? ({
            id: `tok-${token}`,
            workspaceId: t.ws,
            name: token,
            scopes: t.scopes,
            createdAt: '',
            expiresAt: null,
            lastUsedAt: null,
            revokedAt: null,
          } satisfies ApiTokenInfo)
        : null
    },
  }
}
function fakeSetupLinks(links: Record<string, { ws: string; connectionId: string }>): SetupLinkRepository {
  return {
    create: () => {
      throw new Error('not in this test')
    },
    list: async () => [],
    revoke: async () => false,
    async verify(token) {
      const l = links[token]
      return l
        ? ({
            id: `link-${token}`,
            workspaceId: l.ws,
            connectionId: l.connectionId,
            createdAt: '',
            expiresAt: '',
            revokedAt: null,
            lastUsedAt: null,
            uses: 1,
          } satisfies SetupLinkInfo)
        : null
    },
  }
}

describe('team mode: the role matrix of every route', () => {
  beforeAll(async () => {
    useTeamMode(true)
    resetDeploymentConfig()
    const store = await getStore()
    const member = async (sub: string) =>
      store.team.upsertUser({ issuer: 'https://idp.test', subject: sub, email: `${sub}@corp.test`, displayName: null })
    const owner = await member('owner')
    const ws = (await store.team.createWorkspace({ name: 'Corp', ownerId: owner.id })).id
    const session = async (userId: string, workspaceId: string) => ({
      cookie: `preflight_session=${(await store.sessions.create({ userId, workspaceId, idleMs: HOUR, absoluteMs: 8 * HOUR })).token}`,
    })
    const join = async (sub: string, role: 'admin' | 'viewer') => {
      const u = await member(sub)
      const { token } = await store.team.createInvitation({ workspaceId: ws, role, createdBy: owner.id, ttlMs: HOUR })
      await store.team.acceptInvitation(token, u.id)
      return u
    }
    const admin = await join('admin', 'admin')
    const viewer = await join('viewer', 'viewer')
    const stranger = await member('stranger')
    const otherWs = (await store.team.createWorkspace({ name: 'Elsewhere', ownerId: stranger.id })).id

    const connection = await store.connections.create({
      name: 'Contoso',
      protocol: 'saml',
      profileId: 'generic',
      workspaceId: ws,
      config: {
        idpMetadataXml: ENTRA_METADATA,
        spEntityId: 'https://sp.example.test/entity',
        acsUrl: 'https://sp.example.test/acs',
      },
    })
    const { run, pending } = await runsOf(store, connection.id, 'team')
    const saved = await store.savedReports.save({ report: report(), workspaceId: ws })
    Object.assign(store, {
      apiTokens: fakeTokens({ 'read-token': { ws, scopes: ['read'] }, 'run-token': { ws, scopes: ['run'] } }),
      setupLinks: fakeSetupLinks({ 'link-token': { ws, connectionId: connection.id } }),
    })
    fx = {
      store,
      ws,
      connectionId: connection.id,
      runId: run.id,
      pendingRunId: pending.id,
      savedId: saved.id,
      credentials: {
        owner: await session(owner.id, ws),
        admin: await session(admin.id, ws),
        viewer: await session(viewer.id, ws),
        'token-read': { authorization: 'Bearer read-token' },
        'token-run': { authorization: 'Bearer run-token' },
        'setup-link': { cookie: 'preflight_setup_link=link-token' },
        none: {},
        'other-workspace': await session(stranger.id, otherWs),
      },
    }
  }, 120_000)
  afterAll(() => {
    useTeamMode(false)
    resetDeploymentConfig()
  })

  for (const route of ROUTES) {
    test(
      route.name,
      async () => {
        const got: Record<string, Outcome> = {}
        const want: Record<string, Outcome> = {}
        for (const caller of CALLERS) {
          got[caller] = outcomeOf(await route.call(fx.credentials[caller]))
          want[caller] = expected(route, caller)
        }
        expect(got).toEqual(want)
      },
      60_000,
    )
  }

  test('a wrong Bearer token is refused even with a valid session cookie next to it', async () => {
    const res = await connectionsRoute.GET(
      req('/api/connections', { headers: { ...fx.credentials.owner, authorization: 'Bearer nope' } }),
    )
    expect(res.status).toBe(401)
  })

  test("another workspace's member lists its own connections, never this one's", async () => {
    const res = await connectionsRoute.GET(req('/api/connections', { headers: fx.credentials['other-workspace'] }))
    const ids = ((await res.json()) as { connections: { id: string }[] }).connections.map((c) => c.id)
    expect(ids).not.toContain(fx.connectionId)
  })

  test('a setup link lists its one connection only', async () => {
    await fx.store.connections.create({
      name: 'Another',
      protocol: 'saml',
      profileId: 'generic',
      config: {},
      workspaceId: fx.ws,
    })
    const res = await connectionsRoute.GET(req('/api/connections', { headers: fx.credentials['setup-link'] }))
    expect(((await res.json()) as { connections: { id: string }[] }).connections.map((c) => c.id)).toEqual([
      fx.connectionId,
    ])
    const owners = await connectionsRoute.GET(req('/api/connections', { headers: fx.credentials.owner }))
    expect(((await owners.json()) as { connections: unknown[] }).connections.length).toBeGreaterThan(1)
  })

  test('a role change applies at the next request; a removed member moves on to another workspace or to none', async () => {
    const store = fx.store
    const user = await store.team.upsertUser({
      issuer: 'https://idp.test',
      subject: 'changing',
      email: 'changing@corp.test',
      displayName: null,
    })
    const owner = (await store.team.members(fx.ws)).find((m) => m.role === 'owner')!
    const { token: inv } = await store.team.createInvitation({
      workspaceId: fx.ws,
      role: 'viewer',
      createdBy: owner.userId,
      ttlMs: HOUR,
    })
    await store.team.acceptInvitation(inv, user.id)
    const { token } = await store.sessions.create({
      userId: user.id,
      workspaceId: fx.ws,
      idleMs: HOUR,
      absoluteMs: 8 * HOUR,
    })
    const headers = { cookie: `preflight_session=${token}` }
    const del = async () => {
      const c = await store.connections.create({
        name: 'x',
        protocol: 'saml',
        profileId: 'generic',
        config: {},
        workspaceId: fx.ws,
      })
      return (
        await connectionRoute.DELETE(req(`/api/connections/${c.id}`, { method: 'DELETE', headers }), params('id', c.id))
      ).status
    }
    expect(await del()).toBe(403)
    await store.team.setRole(fx.ws, user.id, 'admin')
    expect(await del()).toBe(204)
    const own = await store.team.createWorkspace({ name: 'Own', ownerId: user.id })
    await store.team.removeMember(fx.ws, user.id)
    const listed = await connectionsRoute.GET(req('/api/connections', { headers }))
    expect(listed.status).toBe(200)
    expect(((await listed.json()) as { connections: unknown[] }).connections).toEqual([])
    expect((await store.sessions.resolve(token, { idleMs: HOUR }))?.workspaceId).toBe(own.id)
    await store.team.removeMember(own.id, user.id) // the last owner stays: refused
    const lonely = await store.team.upsertUser({
      issuer: 'https://idp.test',
      subject: 'lonely',
      email: null,
      displayName: null,
    })
    const s2 = await store.sessions.create({ userId: lonely.id, workspaceId: null, idleMs: HOUR, absoluteMs: 8 * HOUR })
    const res = await connectionsRoute.GET(
      req('/api/connections', { headers: { cookie: `preflight_session=${s2.token}` } }),
    )
    expect(res.status).toBe(403)
    expect(((await res.json()) as { message: string }).message).toMatch(/ask an owner for an invitation/)
  })

  test('a connection created through the API belongs to the caller’s workspace', async () => {
    const res = await connectionsRoute.POST(
      req(
        '/api/connections',
        withHeaders(
          json({ protocol: 'saml', profileId: 'generic', metadataXml: ENTRA_METADATA }),
          fx.credentials.admin,
        ),
      ),
    )
    const { id } = (await res.json()) as { id: string }
    expect((await fx.store.connections.get(id))?.workspaceId).toBe(fx.ws)
  })
})

describe('local mode: the same routes, no credentials, everything allowed', () => {
  beforeAll(async () => {
    useTeamMode(false)
    resetDeploymentConfig()
    const store = await getStore()
    const connection = await store.connections.create({
      name: 'Local',
      protocol: 'saml',
      profileId: 'generic',
      config: {
        idpMetadataXml: ENTRA_METADATA,
        spEntityId: 'https://sp.example.test/entity',
        acsUrl: 'https://sp.example.test/acs',
      },
    })
    const { run, pending } = await runsOf(store, connection.id, 'local')
    const saved = await store.savedReports.save({ report: report() })
    fx = {
      ...fx,
      store,
      ws: 'local',
      connectionId: connection.id,
      runId: run.id,
      pendingRunId: pending.id,
      savedId: saved.id,
    }
  }, 120_000)

  for (const route of ROUTES) {
    test(
      route.name,
      async () => {
        expect(outcomeOf(await route.call({}))).toBe('allowed')
      },
      60_000,
    )
  }
})
