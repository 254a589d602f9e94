import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildReport } from '../findings/index'
import { hashSecretToken } from './secret-token'
import { testStoreEngines } from './testing'
import type { Store } from './types'

const T0 = new Date('2026-03-01T10:00:00Z')
const MIN = 60_000
const ISSUER = 'https://idp.example.net'

describe.each(testStoreEngines())('team store on %s', (_engine, open) => {
  let now = T0
  let store: Store
  beforeAll(async () => {
    store = await open({ now: () => now })
  }, 120_000)
  afterAll(async () => {
    await store.close()
  })

  const user = (sub: string, email: string | null = `${sub}@example.net`) =>
    store.team.upsertUser({ issuer: ISSUER, subject: sub, email, displayName: sub })

  describe('users', () => {
    test('one user per issuer and subject; the email follows the IdP', async () => {
      const a = await user('alice')
      const again = await store.team.upsertUser({
        issuer: ISSUER,
        subject: 'alice',
        email: 'Alice.New@Example.net',
        displayName: 'Alice',
      })
      expect(again.id).toBe(a.id)
      expect(again.email).toBe('alice.new@example.net')
      const other = await store.team.upsertUser({
        issuer: 'https://other.example.net',
        subject: 'alice',
        email: null,
        displayName: null,
      })
      expect(other.id).not.toBe(a.id)
    })
  })

  describe('workspaces and members', () => {
    test('a new workspace has its creator as owner; no first-owner claim is left once a team has members', async () => {
      const fresh = await open({ now: () => now })
      try {
        const o = await fresh.team.upsertUser({
          issuer: ISSUER,
          subject: 'first',
          email: 'first@example.net',
          displayName: null,
        })
        const w = await fresh.team.createWorkspace({ name: 'Support', ownerId: o.id })
        expect(await fresh.team.roleOf(w.id, o.id)).toBe('owner')
        expect(await fresh.team.workspacesOf(o.id)).toEqual([{ ...w, role: 'owner' }])
        expect(await fresh.team.claimFirstOwnership(o.id)).toBe(false)
      } finally {
        await fresh.close()
      }
    })

    test('the last owner can be neither demoted nor removed; a second owner makes it possible', async () => {
      const o = await user('owner1')
      const w = await store.team.createWorkspace({ name: 'W', ownerId: o.id })
      expect(await store.team.setRole(w.id, o.id, 'viewer')).toBe('last-owner')
      expect(await store.team.removeMember(w.id, o.id)).toBe('last-owner')
      const b = await user('bob')
      const { token } = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'owner',
        createdBy: o.id,
        ttlMs: 60 * MIN,
      })
      expect(await store.team.acceptInvitation(token, b.id)).toEqual({ workspaceId: w.id, role: 'owner' })
      expect(await store.team.setRole(w.id, o.id, 'viewer')).toBe('changed')
      expect(await store.team.roleOf(w.id, o.id)).toBe('viewer')
      expect(await store.team.removeMember(w.id, o.id)).toBe('changed')
      expect(await store.team.removeMember(w.id, o.id)).toBe('not-found')
      expect((await store.team.members(w.id)).map((m) => [m.email, m.role])).toEqual([['bob@example.net', 'owner']])
    })
  })

  describe('invitations', () => {
    test('stored hashed, accepted once, with the invited role', async () => {
      const o = await user('inv-owner')
      const w = await store.team.createWorkspace({ name: 'Inv', ownerId: o.id })
      const { token, invitation } = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'viewer',
        createdBy: o.id,
        ttlMs: 60 * MIN,
      })
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(invitation.expiresAt).toBe(new Date(now.getTime() + 60 * MIN).toISOString())
      expect(JSON.stringify(invitation)).not.toContain(token)
      expect((await store.team.listInvitations(w.id)).map((i) => i.id)).toEqual([invitation.id])
      const v = await user('viewer1')
      const [first, second] = await Promise.all([
        store.team.acceptInvitation(token, v.id),
        store.team.acceptInvitation(token, v.id),
      ])
      expect([first, second].filter(Boolean)).toEqual([{ workspaceId: w.id, role: 'viewer' }])
      expect(await store.team.acceptInvitation(token, (await user('late')).id)).toBeNull()
      expect(await store.team.roleOf(w.id, v.id)).toBe('viewer')
      expect(await store.team.listInvitations(w.id)).toEqual([])
      // The hash is what the table keeps, never the token.
      expect(hashSecretToken(token)).not.toBe(token)
    })

    test('an expired or revoked invitation opens nothing; a wrong-shaped token is not even looked up', async () => {
      const o = await user('inv2-owner')
      const w = await store.team.createWorkspace({ name: 'Inv2', ownerId: o.id })
      const expiring = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'admin',
        createdBy: o.id,
        ttlMs: 10 * MIN,
      })
      const revoked = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'admin',
        createdBy: o.id,
        ttlMs: 10 * MIN,
      })
      const other = await store.team.createWorkspace({ name: 'Other', ownerId: o.id })
      expect(await store.team.revokeInvitation(other.id, revoked.invitation.id)).toBe(false)
      expect(await store.team.revokeInvitation(w.id, revoked.invitation.id)).toBe(true)
      const u = await user('inv2-user')
      expect(await store.team.acceptInvitation(revoked.token, u.id)).toBeNull()
      now = new Date(now.getTime() + 11 * MIN)
      try {
        expect(await store.team.acceptInvitation(expiring.token, u.id)).toBeNull()
      } finally {
        now = T0
      }
      expect(await store.team.acceptInvitation('x'.repeat(5000), u.id)).toBeNull()
      expect(await store.team.roleOf(w.id, u.id)).toBeNull()
    })

    test('an owner who accepts a viewer invitation stays owner', async () => {
      const o = await user('inv3-owner')
      const w = await store.team.createWorkspace({ name: 'Inv3', ownerId: o.id })
      const { token } = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'viewer',
        createdBy: o.id,
        ttlMs: 10 * MIN,
      })
      expect(await store.team.acceptInvitation(token, o.id)).toEqual({ workspaceId: w.id, role: 'owner' })
    })
  })

  describe('sessions', () => {
    const IDLE = 30 * MIN
    const ABS = 8 * 60 * MIN

    test('a session resolves to its user and the role the membership has now', async () => {
      const o = await user('s-owner')
      const w = await store.team.createWorkspace({ name: 'S', ownerId: o.id })
      const a = await user('s-admin')
      const { token: inv } = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'admin',
        createdBy: o.id,
        ttlMs: MIN,
      })
      await store.team.acceptInvitation(inv, a.id)
      const { token, idHash } = await store.sessions.create({
        userId: a.id,
        workspaceId: w.id,
        idleMs: IDLE,
        absoluteMs: ABS,
      })
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(idHash).toBe(hashSecretToken(token))
      expect(await store.sessions.resolve(token, { idleMs: IDLE })).toMatchObject({
        userId: a.id,
        workspaceId: w.id,
        role: 'admin',
        idHash,
      })
      await store.team.setRole(w.id, a.id, 'viewer')
      expect((await store.sessions.resolve(token, { idleMs: IDLE }))?.role).toBe('viewer')
      await store.team.removeMember(w.id, a.id)
      expect(await store.sessions.resolve(token, { idleMs: IDLE })).toMatchObject({
        userId: a.id,
        workspaceId: null,
        role: null,
      })
    })

    test('idle too long, past the absolute end, revoked or unknown: no session', async () => {
      const u = await user('s-idle')
      const idle = await store.sessions.create({ userId: u.id, workspaceId: null, idleMs: IDLE, absoluteMs: ABS })
      const kept = await store.sessions.create({ userId: u.id, workspaceId: null, idleMs: IDLE, absoluteMs: ABS })
      try {
        // `kept` is used every 20 minutes: the idle expiry slides; `idle` is not used and lapses.
        for (let t = 20; t <= 60; t += 20) {
          now = new Date(T0.getTime() + t * MIN)
          expect(await store.sessions.resolve(kept.token, { idleMs: IDLE })).not.toBeNull()
        }
        expect(await store.sessions.resolve(idle.token, { idleMs: IDLE })).toBeNull()
        // ...but never past the absolute end, however busy.
        for (let t = 80; t < 8 * 60; t += 20) {
          now = new Date(T0.getTime() + t * MIN)
          expect(await store.sessions.resolve(kept.token, { idleMs: IDLE })).not.toBeNull()
        }
        now = new Date(T0.getTime() + 8 * 60 * MIN + 1)
        expect(await store.sessions.resolve(kept.token, { idleMs: IDLE })).toBeNull()
      } finally {
        now = T0
      }
      const s = await store.sessions.create({ userId: u.id, workspaceId: null, idleMs: IDLE, absoluteMs: ABS })
      await store.sessions.revoke(s.token)
      expect(await store.sessions.resolve(s.token, { idleMs: IDLE })).toBeNull()
      expect(await store.sessions.resolve('A'.repeat(43), { idleMs: IDLE })).toBeNull()
    })

    test('sign-out everywhere ends every session of that user and no other', async () => {
      const u = await user('s-many')
      const other = await user('s-other')
      const mine = await Promise.all(
        [1, 2, 3].map(() => store.sessions.create({ userId: u.id, workspaceId: null, idleMs: IDLE, absoluteMs: ABS })),
      )
      const theirs = await store.sessions.create({ userId: other.id, workspaceId: null, idleMs: IDLE, absoluteMs: ABS })
      expect(await store.sessions.revokeAllForUser(u.id)).toBe(3)
      for (const s of mine) expect(await store.sessions.resolve(s.token, { idleMs: IDLE })).toBeNull()
      expect(await store.sessions.resolve(theirs.token, { idleMs: IDLE })).not.toBeNull()
    })

    test('the switcher moves a session only to a workspace of its user', async () => {
      const u = await user('s-switch')
      const w1 = await store.team.createWorkspace({ name: 'One', ownerId: u.id })
      const w2 = await store.team.createWorkspace({ name: 'Two', ownerId: u.id })
      const stranger = await store.team.createWorkspace({ name: 'Three', ownerId: (await user('s-stranger')).id })
      const s = await store.sessions.create({ userId: u.id, workspaceId: w1.id, idleMs: IDLE, absoluteMs: ABS })
      expect(await store.sessions.switchWorkspace(s.token, w2.id)).toBe(true)
      expect((await store.sessions.resolve(s.token, { idleMs: IDLE }))?.workspaceId).toBe(w2.id)
      expect(await store.sessions.switchWorkspace(s.token, stranger.id)).toBe(false)
      expect((await store.sessions.resolve(s.token, { idleMs: IDLE }))?.workspaceId).toBe(w2.id)
    })
  })

  describe('workspace scoping', () => {
    test('a row of another workspace reads, lists and deletes like an unknown one', async () => {
      const u = await user('scope')
      const w1 = await store.team.createWorkspace({ name: 'A', ownerId: u.id })
      const w2 = await store.team.createWorkspace({ name: 'B', ownerId: u.id })
      const c = await store.connections.create({
        name: 'in A',
        protocol: 'saml',
        profileId: 'generic',
        config: {},
        workspaceId: w1.id,
      })
      expect(c.workspaceId).toBe(w1.id)
      expect(await store.connections.get(c.id, w2.id)).toBeNull()
      expect((await store.connections.get(c.id, w1.id))?.id).toBe(c.id)
      expect((await store.connections.list({ workspaceId: w2.id })).map((x) => x.id)).not.toContain(c.id)
      expect((await store.connections.list({ workspaceId: w1.id })).map((x) => x.id)).toEqual([c.id])

      const run = await store.runs.create({
        connectionId: c.id,
        protocol: 'saml',
        stateKey: '_scope1',
        workspaceId: w2.id,
      })
      expect(run.workspaceId).toBe(w1.id) // the connection's, not what the caller said
      expect(await store.runs.get(run.id, w2.id)).toBeNull()
      expect(await store.runs.listByConnection(c.id, w2.id)).toEqual([])
      expect((await store.runs.findByKey('_scope1'))?.id).toBe(run.id)

      const saved = await store.savedReports.save({
        report: buildReport({ subject: { kind: 'explain', idp: 'other' }, profile: 'generic', now: T0, findings: [] }),
        workspaceId: w1.id,
      })
      expect(await store.savedReports.get(saved.id, w2.id)).toBeNull()
      expect(await store.savedReports.delete(saved.id, w2.id)).toBe(false)
      expect(await store.savedReports.delete(saved.id, w1.id)).toBe(true)

      expect(await store.connections.delete(c.id, w2.id)).toBe(false)
      expect(await store.connections.delete(c.id, w1.id)).toBe(true)
    })

    test('local mode rows belong to the local workspace', async () => {
      const c = await store.connections.create({ name: 'local', protocol: 'oidc', profileId: 'generic', config: {} })
      expect(c.workspaceId).toBe('local')
      expect((await store.runs.create({ protocol: 'oidc', stateKey: '_scope-local' })).workspaceId).toBe('local')
    })
  })
})

describe.each(testStoreEngines())('purge on %s', (_engine, open) => {
  test('ended sessions and dead invitations go with the hourly purge; live ones stay', async () => {
    let now = T0
    const store = await open({ now: () => now })
    try {
      const u = await store.team.upsertUser({ issuer: ISSUER, subject: 'purge', email: null, displayName: null })
      const w = await store.team.createWorkspace({ name: 'P', ownerId: u.id })
      const short = await store.sessions.create({
        userId: u.id,
        workspaceId: w.id,
        idleMs: 10 * MIN,
        absoluteMs: 60 * MIN,
      })
      const long = await store.sessions.create({
        userId: u.id,
        workspaceId: w.id,
        idleMs: 10 * MIN,
        absoluteMs: 600 * MIN,
      })
      const revoked = await store.sessions.create({
        userId: u.id,
        workspaceId: w.id,
        idleMs: 10 * MIN,
        absoluteMs: 600 * MIN,
      })
      await store.sessions.revoke(revoked.token)
      const dead = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'viewer',
        createdBy: u.id,
        ttlMs: 30 * MIN,
      })
      const live = await store.team.createInvitation({
        workspaceId: w.id,
        role: 'viewer',
        createdBy: u.id,
        ttlMs: 300 * MIN,
      })
      now = new Date(T0.getTime() + 61 * MIN)
      await store.purgeExpired(now)
      // Expired rows resolve to null anyway; what shows they are gone: nothing left to revoke.
      expect(await store.sessions.revokeAllForUser(u.id)).toBe(1) // `long` only: `short` ended and was deleted
      expect(await store.sessions.resolve(long.token, { idleMs: 600 * MIN })).toBeNull()
      expect(short.token).not.toBe(long.token)
      expect(await store.team.revokeInvitation(w.id, dead.invitation.id)).toBe(false)
      expect(await store.team.revokeInvitation(w.id, live.invitation.id)).toBe(true)
    } finally {
      await store.close()
    }
  }, 120_000)
})
