import { beforeAll, describe, expect, test, vi } from 'vitest'
import { DELETE as revokeRoute } from '@/app/api/connections/[id]/setup-links/[linkId]/route'
import { GET as listRoute, POST as createRoute } from '@/app/api/connections/[id]/setup-links/route'
import { GET as redeemRoute } from '@/app/setup-link/[token]/route'
import { auditDetails, recordAudit } from '@/app/_server/audit'
import { createSetupLink, revokeSetupLink } from '@/app/_server/setup-links-api'
import { redeemSetupLink, setupLinkCookieName } from '@/app/_server/setup-link-redeem'
import { maskUser } from '@/lib/store'
import { LOCAL_PRINCIPAL } from '@/lib/team/principal'
import { CI_TOKEN as ciToken, dumpTeamTables, teamUser as user, useTeamTestStore } from './team-store'

const ORIGIN = 'http://localhost:3108'

const t = useTeamTestStore()
let connectionId: string
beforeAll(async () => {
  connectionId = (
    await t.store.connections.create({ name: 'Contoso Entra', protocol: 'saml', profileId: 'generic', config: {} })
  ).id
})

const params = (id: string) => ({ params: Promise.resolve({ id }) })
const create = async () => {
  const res = await createRoute(
    new Request(`${ORIGIN}/api/connections/${connectionId}/setup-links`, { method: 'POST' }),
    params(connectionId),
  )
  expect(res.status).toBe(201)
  const body = (await res.json()) as { url: string; warning: string; link: { id: string; expiresAt: string } }
  return { ...body, token: body.url.split('/').at(-1)! }
}
const redeem = (token: string) =>
  redeemRoute(new Request(`${ORIGIN}/setup-link/${token}`), { params: Promise.resolve({ token }) })

describe('setup links over HTTP', () => {
  test('create answers the link once (24 h by default); the list shows uses and dates but never the link', async () => {
    const { url, warning, link, token } = await create()
    expect(url).toMatch(new RegExp(`^${ORIGIN}/setup-link/[A-Za-z0-9_-]{43}$`))
    expect(warning).toMatch(/shown once/)
    expect(Date.parse(link.expiresAt) - t.clock.now.getTime()).toBe(24 * 3_600_000)
    const listed = await (
      await listRoute(new Request(`${ORIGIN}/api/connections/${connectionId}/setup-links`), params(connectionId))
    ).text()
    expect(listed).toContain(link.id)
    expect(listed).not.toContain(token)
    expect(await dumpTeamTables(t.db)).not.toContain(token)
  })

  test('a valid link sets the httpOnly SameSite=Lax cookie until expiry and opens the connection; the use is counted and audited', async () => {
    const { token, link } = await create()
    const res = await redeem(token)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${ORIGIN}/connections/${connectionId}`)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(
      new RegExp(
        `^${setupLinkCookieName('http://localhost')}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=(\\d+)$`,
      ),
    )
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(86_400 - 60) // until the link expires
    const [listed] = (await t.store.setupLinks.list('local', connectionId)).filter((l) => l.id === link.id)
    expect(listed).toMatchObject({ uses: 1, lastUsedAt: t.clock.now.toISOString() })
    const used = (await t.store.audit.list('local', { limit: 1000 })).find(
      (e) => e.action === 'setup-link.use' && e.targetId === link.id,
    )
    expect(used).toMatchObject({ actorKind: 'setup-link', actorId: link.id, details: { connectionId, uses: 1 } })
  })

  test('behind https the cookie is Secure too', async () => {
    const { token } = await create()
    const res = await redeemSetupLink(token, 'https://preflight.example.com', t.store)
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-preflight_setup_link=.*; Secure(;|$)/)
    expect(res.headers.get('location')).toBe(`https://preflight.example.com/connections/${connectionId}`)
  })

  test('expired, revoked and unknown links get the same 410 page saying to ask for a new link, and no cookie', async () => {
    const revoked = await create()
    const del = await revokeRoute(
      new Request(`${ORIGIN}/api/connections/${connectionId}/setup-links/${revoked.link.id}`, { method: 'DELETE' }),
      { params: Promise.resolve({ id: connectionId, linkId: revoked.link.id }) },
    )
    expect(del.status).toBe(204)
    const expired = await create()
    t.clock.now = new Date(t.clock.now.getTime() + 24 * 3_600_000)
    const pages = await Promise.all([
      redeem(revoked.token),
      redeem(expired.token),
      redeem('A'.repeat(43)),
      redeem('not-a-link'),
    ])
    const bodies = await Promise.all(pages.map((p) => p.text()))
    for (const p of pages) {
      expect(p.status).toBe(410)
      expect(p.headers.get('set-cookie')).toBeNull()
      expect(p.headers.get('content-type')).toMatch(/^text\/html/)
    }
    expect(new Set(bodies).size).toBe(1)
    expect(bodies[0]).toMatch(/Ask the person who sent you this link for a new one/)
    expect(bodies[0]).not.toMatch(/expired|revoked|unknown/i)
  })

  test('revoke is audited once; an unknown link id is 404', async () => {
    const { link } = await create()
    expect((await revokeSetupLink(user('admin'), connectionId, link.id, t.store)).status).toBe(204)
    expect((await revokeSetupLink(user('admin'), connectionId, link.id, t.store)).status).toBe(204)
    expect((await revokeSetupLink(user('admin'), connectionId, 'AAAAAAAAAAAAAAAAAAAAAA', t.store)).status).toBe(404)
    const entries = (await t.store.audit.list('local', { limit: 1000 })).filter((e) => e.targetId === link.id)
    expect(entries.map((e) => e.action)).toEqual(['setup-link.revoke', 'setup-link.create'])
  })

  test.each([
    ['owner', 201, user('owner')],
    ['admin', 201, user('admin')],
    ['viewer', 403, user('viewer')],
    ['an API token', 403, ciToken],
    ['a setup link (it cannot make more links)', 403, null],
    ['local mode', 201, LOCAL_PRINCIPAL],
    ["another workspace's owner (as if unknown)", 404, user('owner', 'ws-b')],
  ])('%s: create answers %i', async (_who, status, p) => {
    const principal = p ?? { kind: 'setup-link', linkId: 'l', workspaceId: 'local', connectionId }
    const res = await createSetupLink(principal, connectionId, ORIGIN, t.store, 3_600_000)
    expect(res.status).toBe(status)
    if (status !== 201) expect(await res.text()).not.toContain('/setup-link/')
  })

  test('another workspace cannot revoke our link (404) and the link keeps working', async () => {
    const { link, token } = await create()
    expect((await revokeSetupLink(user('owner', 'ws-b'), connectionId, link.id, t.store)).status).toBe(404)
    expect((await redeem(token)).status).toBe(303)
  })

  test('an unknown connection is 404', async () => {
    const res = await createRoute(
      new Request(`${ORIGIN}/api/connections/x/setup-links`, { method: 'POST' }),
      params('AAAAAAAAAAAAAAAAAAAAAA'),
    )
    expect(res.status).toBe(404)
  })
})

describe('recordAudit', () => {
  test('keeps allowed facts, leaves out unknown keys, removes tokens and masks addresses', () => {
    const details = auditDetails({
      name: 'Contoso Entra',
      count: 3,
      raw: false,
      expiresAt: '2026-03-02T10:00:00.000Z',
      clientSecret: 'cs-VeryS3cretValue',
      samlResponse: 'PHNhbWxwOlJlc3BvbnNl',
      email: 'jane.doe@contoso.example',
      reason: 'signed in as jane.doe@contoso.example',
      source: 'spf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg',
      errors: Number.NaN,
    })
    expect(details).toEqual({
      name: 'Contoso Entra',
      count: 3,
      raw: false,
      expiresAt: '2026-03-02T10:00:00.000Z',
      reason: `signed in as ${maskUser('jane.doe@contoso.example')}`,
      source: '[redacted]',
      errors: null,
      omittedDetails: 3,
    })
  })

  test('no secret reaches the audit table, whatever the caller passes', async () => {
    const token = (await t.store.apiTokens.create({ workspaceId: 'local', name: 'ci', scopes: ['run'] })).token
    const secrets = [
      token,
      'client-secret-Zx9Qw8Er7Ty6',
      'jane.doe@contoso.example',
      'PHNhbWxwOlJlc3BvbnNlIElEPSJfYWJjIj48L3NhbWxwOlJlc3BvbnNlPg==',
    ]
    await recordAudit(
      user('admin'),
      'run.start',
      { kind: 'run', id: 'r1' },
      {
        name: secrets[0]!,
        clientSecret: secrets[1]!,
        reason: `for ${secrets[2]}`,
        source: secrets[3]!,
        token: secrets[0]!,
      },
      { store: t.store },
    )
    const audit = JSON.stringify((await t.db.query('select * from audit_log')).rows)
    for (const s of secrets) expect(audit).not.toContain(s)
    expect(audit).not.toContain(token.slice(4, 20))
  })

  test('the request ID comes along when given; a failed write is logged, not thrown', async () => {
    const e = await recordAudit(
      LOCAL_PRINCIPAL,
      'report.export',
      { kind: 'report', id: 'r' },
      {},
      { store: t.store, requestId: 'req-123' },
    )
    expect(e).toMatchObject({
      requestId: 'req-123',
      actorKind: 'local',
      actorLabel: null,
      workspaceId: 'local',
      targetKind: 'report',
    })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await recordAudit(LOCAL_PRINCIPAL, 'Not A Verb', { kind: 'report' }, {}, { store: t.store })).toBeNull()
      expect(logged).toHaveBeenCalledWith('[audit] ERR_AUDIT_WRITE Not A Verb: ZodError')
    } finally {
      logged.mockRestore()
    }
  })
})
