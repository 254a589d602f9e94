import { PUBLIC_URL, useTeamMode } from './team-env'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { resetDeploymentConfig } from '@/app/_server/deployment'
import { GET as callback } from '@/app/auth/callback/route'
import { POST as signOut } from '@/app/auth/sign-out/route'
import { POST as switchWorkspace } from '@/app/auth/workspace/route'
import { POST as accept } from '@/app/invite/[token]/accept/route'
import { getStore, type Store } from '@/lib/store'

const HOUR = 3_600_000
let store: Store

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { ...(cookie ? { cookie } : {}) },
})
const location = (r: Response) => r.headers.get('location')

describe('team mode: sign-in, sign-out, invitations and the switcher', () => {
  beforeAll(async () => {
    useTeamMode(true)
    resetDeploymentConfig()
    store = await getStore()
  }, 120_000)
  afterAll(() => {
    useTeamMode(false)
    resetDeploymentConfig()
  })

  const user = (sub: string) =>
    store.team.upsertUser({ issuer: 'https://idp.test', subject: sub, email: `${sub}@corp.test`, displayName: null })
  const session = async (userId: string, workspaceId: string | null) =>
    (await store.sessions.create({ userId, workspaceId, idleMs: HOUR, absoluteMs: 8 * HOUR })).token

  test('a callback without this browser’s sign-in transaction is refused before any provider is asked', async () => {
    const res = await callback(new Request(`${PUBLIC_URL}/auth/callback?code=abc&state=xyz`))
    expect(res.status).toBe(303)
    expect(location(res)).toBe('/auth/error?reason=no-transaction')
    expect(res.headers.get('set-cookie')).toMatch(/^preflight_sign_in=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/)
  })

  test('sign-out ends this session; sign-out everywhere ends all of the user’s sessions', async () => {
    const u = await user('leaving')
    const [a, b, c] = [await session(u.id, null), await session(u.id, null), await session(u.id, null)]
    const res = await signOut(new Request(`${PUBLIC_URL}/auth/sign-out`, form({}, `preflight_session=${a}`)))
    expect(location(res)).toBe('/auth/signed-out')
    expect(res.headers.get('set-cookie')).toMatch(/^preflight_session=; .*Max-Age=0/)
    expect(await store.sessions.resolve(a, { idleMs: HOUR })).toBeNull()
    expect(await store.sessions.resolve(b, { idleMs: HOUR })).not.toBeNull()
    await signOut(new Request(`${PUBLIC_URL}/auth/sign-out`, form({ everywhere: '1' }, `preflight_session=${b}`)))
    expect(await store.sessions.resolve(b, { idleMs: HOUR })).toBeNull()
    expect(await store.sessions.resolve(c, { idleMs: HOUR })).toBeNull()
  })

  test('an invitation link joins once, after sign-in, and switches the session to that workspace', async () => {
    const owner = await user('inviting')
    const ws = await store.team.createWorkspace({ name: 'Invites', ownerId: owner.id })
    const { token } = await store.team.createInvitation({
      workspaceId: ws.id,
      role: 'admin',
      createdBy: owner.id,
      ttlMs: HOUR,
    })
    const post = (cookie?: string) =>
      accept(new Request(`${PUBLIC_URL}/invite/${token}/accept`, form({}, cookie)), {
        params: Promise.resolve({ token }),
      })

    expect(location(await post())).toBe(`/auth/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`)
    const newcomer = await user('newcomer')
    const s = await session(newcomer.id, null)
    expect(location(await post(`preflight_session=${s}`))).toBe('/')
    expect(await store.sessions.resolve(s, { idleMs: HOUR })).toMatchObject({ workspaceId: ws.id, role: 'admin' })
    const late = await session((await user('late')).id, null)
    expect(location(await post(`preflight_session=${late}`))).toBe(`/invite/${token}?failed=1`)
  })

  test('the switcher moves a session to another of the user’s workspaces, never to a stranger’s', async () => {
    const u = await user('switching')
    const one = await store.team.createWorkspace({ name: 'One', ownerId: u.id })
    const two = await store.team.createWorkspace({ name: 'Two', ownerId: u.id })
    const theirs = await store.team.createWorkspace({ name: 'Theirs', ownerId: (await user('stranger')).id })
    const s = await session(u.id, one.id)
    const to = (workspaceId: string) =>
      switchWorkspace(new Request(`${PUBLIC_URL}/auth/workspace`, form({ workspaceId }, `preflight_session=${s}`)))
    await to(two.id)
    expect((await store.sessions.resolve(s, { idleMs: HOUR }))?.workspaceId).toBe(two.id)
    await to(theirs.id)
    expect((await store.sessions.resolve(s, { idleMs: HOUR }))?.workspaceId).toBe(two.id)
  })
})
