import { describe, expect, test } from 'vitest'
import { GET as listRoute, POST as createRoute } from '@/app/api/tokens/route'
import { DELETE as revokeRoute } from '@/app/api/tokens/[id]/route'
import { GET as auditRoute } from '@/app/api/audit/route'
import { auditPage } from '@/app/_server/audit-api'
import { createToken, listTokens, revokeToken } from '@/app/_server/tokens-api'
import { LOCAL_PRINCIPAL, type Principal } from '@/lib/team/principal'
import { CI_TOKEN as ciToken, dumpTeamTables, teamUser as user, useTeamTestStore } from './team-store'

const ORIGIN = 'http://localhost:3107'
const setupLink: Principal = { kind: 'setup-link', linkId: 'l1', workspaceId: 'local', connectionId: 'c1' }

const post = (body: unknown) =>
  new Request(`${ORIGIN}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const t = useTeamTestStore()

describe('API tokens over HTTP', () => {
  test('create shows the token once; the list never shows it; the database holds only its hash', async () => {
    const res = await createRoute(post({ name: 'GitHub Actions', scopes: ['run'] }))
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as {
      token: string
      warning: string
      info: { id: string; scopes: string[]; lastUsedAt: null }
    }
    expect(body.token).toMatch(/^spf_[A-Za-z0-9_-]{43}$/)
    expect(body.warning).toMatch(/shown once/)
    expect(body.info).toMatchObject({ name: 'GitHub Actions', scopes: ['run'], lastUsedAt: null, revokedAt: null })

    const list = await listRoute(new Request(`${ORIGIN}/api/tokens`))
    const listed = await list.text()
    expect(listed).toContain(body.info.id)
    expect(listed).not.toContain(body.token.slice(4))
    expect(listed).not.toMatch(/hash/i)
    expect(await dumpTeamTables(t.db)).not.toContain(body.token.slice(4))
  })

  test('last used shows once the token was used', async () => {
    const { token, info } = (await (await createRoute(post({ name: 'used', scopes: ['read'] }))).json()) as {
      token: string
      info: { id: string }
    }
    await t.store.apiTokens.verify(token)
    const { tokens } = (await (await listRoute(new Request(`${ORIGIN}/api/tokens`))).json()) as {
      tokens: { id: string; lastUsedAt: string | null }[]
    }
    expect(tokens.find((x) => x.id === info.id)?.lastUsedAt).toBe(t.clock.now.toISOString())
  })

  test('revoke works: 204, the token is refused from then on, listed as revoked; again is 204 and changes nothing', async () => {
    const { token, info } = (await (await createRoute(post({ name: 'to revoke', scopes: ['read'] }))).json()) as {
      token: string
      info: { id: string }
    }
    const del = () =>
      revokeRoute(new Request(`${ORIGIN}/api/tokens/${info.id}`, { method: 'DELETE' }), {
        params: Promise.resolve({ id: info.id }),
      })
    expect((await del()).status).toBe(204)
    expect(await t.store.apiTokens.verify(token)).toBeNull()
    const { tokens } = (await (await listRoute(new Request(`${ORIGIN}/api/tokens`))).json()) as {
      tokens: { id: string; revokedAt: string | null }[]
    }
    expect(tokens.find((x) => x.id === info.id)?.revokedAt).not.toBeNull()
    expect((await del()).status).toBe(204)
    const revokes = (await t.store.audit.list('local', { limit: 1000 })).filter(
      (e) => e.action === 'token.revoke' && e.targetId === info.id,
    )
    expect(revokes).toHaveLength(1)
  })

  test("an unknown id, or another workspace's token id, answers 404 and revokes nothing", async () => {
    const { token, info } = (await (
      await createToken(user('admin'), post({ name: 'ours', scopes: ['read'] }), t.store)
    ).json()) as { token: string; info: { id: string } }
    expect((await revokeToken(user('owner', 'ws-b'), info.id, t.store)).status).toBe(404)
    expect(await t.store.apiTokens.verify(token)).not.toBeNull()
    expect((await revokeToken(user('admin'), 'AAAAAAAAAAAAAAAAAAAAAA', t.store)).status).toBe(404)
    // Nor does another workspace's list show it.
    expect(await (await listTokens(user('owner', 'ws-b'), t.store)).text()).not.toContain(info.id)
  })

  test.each([
    ['owner', 201, user('owner')],
    ['admin', 201, user('admin')],
    ['viewer', 403, user('viewer')],
    ['an API token (tokens cannot mint tokens)', 403, ciToken],
    ['a setup link', 403, setupLink],
    ['local mode', 201, LOCAL_PRINCIPAL],
  ])('%s: create answers %i', async (_who, status, p) => {
    const res = await createToken(p, post({ name: 'role test', scopes: ['read'] }), t.store)
    expect(res.status).toBe(status)
    expect((await listTokens(p, t.store)).status).toBe(status === 201 ? 200 : 403)
    if (status === 403) expect(await res.text()).not.toMatch(/spf_/)
  })

  test.each([
    ['no name', { scopes: ['read'] }],
    ['no scope', { name: 'x', scopes: [] }],
    ['an unknown scope', { name: 'x', scopes: ['admin'] }],
    ['an unknown field', { name: 'x', scopes: ['read'], workspaceId: 'ws-b' }],
    ['expiry of 0 days', { name: 'x', scopes: ['read'], expiresInDays: 0 }],
  ])('400 for %s, never a 500', async (_name, body) => {
    const res = await createRoute(post(body))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'ERR_USAGE' })
  })

  test('a token with an expiry shows it', async () => {
    const res = await createRoute(post({ name: 'a week', scopes: ['read'], expiresInDays: 7 }))
    const { info } = (await res.json()) as { info: { expiresAt: string } }
    expect(Date.parse(info.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000)
  })
})

describe('audit of token changes', () => {
  test('create and revoke are audited with who, what and the token name; never the token or its hash', async () => {
    const { token, info } = (await (
      await createToken(user('admin'), post({ name: 'audited', scopes: ['run', 'read'] }), t.store)
    ).json()) as { token: string; info: { id: string } }
    await revokeToken(user('owner'), info.id, t.store)
    const entries = (await t.store.audit.list('local', { limit: 1000 })).filter((e) => e.targetId === info.id)
    expect(entries.map((e) => [e.action, e.actorKind, e.actorLabel])).toEqual([
      ['token.revoke', 'user', 'owner@team.example'],
      ['token.create', 'user', 'admin@team.example'],
    ])
    expect(entries[1]?.details).toMatchObject({ name: 'audited', scopes: 'read,run' })
    const dump = await dumpTeamTables(t.db)
    const row = (await t.db.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [info.id]))
      .rows[0]!
    const audit = JSON.stringify((await t.db.query('select * from audit_log')).rows)
    expect(dump).not.toContain(token.slice(4))
    expect(audit).not.toContain(row.token_hash)
  })
})

describe('GET /api/audit', () => {
  test('newest first, paged with next; the JSON download is an attachment and is itself audited', async () => {
    for (let i = 0; i < 3; i++) await createToken(user('admin'), post({ name: `page ${i}`, scopes: ['read'] }), t.store)
    const first = (await (await auditRoute(new Request(`${ORIGIN}/api/audit?limit=2`))).json()) as {
      entries: { id: string; at: string }[]
      next: string
    }
    expect(first.entries).toHaveLength(2)
    expect(first.next).toBe(`/api/audit?limit=2&before=${first.entries[1]!.id}`)
    const second = (await (await auditRoute(new Request(`${ORIGIN}${first.next}`))).json()) as {
      entries: { id: string; at: string }[]
    }
    expect(second.entries[0]!.at <= first.entries[1]!.at).toBe(true)
    expect(second.entries.map((e) => e.id)).not.toContain(first.entries[0]!.id)

    const download = await auditRoute(new Request(`${ORIGIN}/api/audit?format=json&limit=5`))
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sso-preflight-audit-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    const doc = (await download.json()) as { schema: string; entries: unknown[] }
    expect(doc.schema).toBe('sso-preflight/audit@1')
    expect(doc.entries.length).toBeLessThanOrEqual(5)
    expect((await t.store.audit.list('local', { limit: 1 }))[0]?.action).toBe('audit.export')
  })

  test('capped: more than 1000 a page is a 400; a viewer or a token cannot read it; another workspace sees none of ours', async () => {
    expect((await auditRoute(new Request(`${ORIGIN}/api/audit?limit=5000`))).status).toBe(400)
    expect((await auditRoute(new Request(`${ORIGIN}/api/audit?before=..%2F`))).status).toBe(400)
    expect((await auditPage(user('viewer'), `${ORIGIN}/api/audit`, t.store)).status).toBe(403)
    expect((await auditPage(ciToken, `${ORIGIN}/api/audit`, t.store)).status).toBe(403)
    expect((await auditPage(user('admin'), `${ORIGIN}/api/audit`, t.store)).status).toBe(200)
    const theirs = (await (await auditPage(user('owner', 'ws-b'), `${ORIGIN}/api/audit`, t.store)).json()) as {
      entries: { workspaceId: string }[]
    }
    expect(theirs.entries.every((e) => e.workspaceId === 'ws-b')).toBe(true)
  })
})
