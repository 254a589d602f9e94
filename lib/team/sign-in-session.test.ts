import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testStoreEngines } from '../store/testing'
import type { Store } from '../store/types'
import { readDeploymentConfig, type TeamConfig } from './config'
import { openSession } from './sign-in-session'

const config = readDeploymentConfig({
  SSO_PREFLIGHT_PUBLIC_URL: 'https://preflight.corp.example',
  SSO_PREFLIGHT_SESSION_SECRET: 's'.repeat(40),
  SSO_PREFLIGHT_AUTH_ISSUER: 'https://idp.corp.example',
  SSO_PREFLIGHT_AUTH_CLIENT_ID: 'pf',
  SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 'x',
  SSO_PREFLIGHT_OWNER_EMAILS: 'Lead@Corp.example, boss@corp.example',
}) as TeamConfig

const who = (sub: string, email: string | null, emailVerified = true) => ({
  issuer: 'https://idp.corp.example',
  subject: sub,
  email,
  displayName: null,
  emailVerified,
})

describe.each(testStoreEngines())('first sign-in bootstrap on %s', (_engine, open) => {
  let store: Store
  beforeAll(async () => {
    store = await open()
  }, 120_000)
  afterAll(async () => {
    await store.close()
  })

  test('the very first user owns a new workspace; the next one without an invitation gets none', async () => {
    const first = await openSession(store, config, who('u1', 'first@corp.example'))
    expect(first.bootstrapped).toBe(true)
    expect(first.workspaceId).not.toBeNull()
    expect(await store.team.roleOf(first.workspaceId!, first.userId)).toBe('owner')
    expect((await store.sessions.resolve(first.token, { idleMs: config.sessionIdleMs }))?.role).toBe('owner')

    const second = await openSession(store, config, who('u2', 'second@corp.example'))
    expect(second).toMatchObject({ workspaceId: null, bootstrapped: false })
    expect((await store.sessions.resolve(second.token, { idleMs: config.sessionIdleMs }))?.workspaceId).toBeNull()

    // Signing in again keeps the same user and workspace, with a new session.
    const again = await openSession(store, config, who('u1', 'first@corp.example'))
    expect(again).toMatchObject({ userId: first.userId, workspaceId: first.workspaceId, bootstrapped: false })
    expect(again.token).not.toBe(first.token)
  })

  test('six simultaneous very first sign-ins: exactly one becomes owner, the others wait for an invitation', async () => {
    const fresh = await open()
    try {
      const all = await Promise.all(
        Array.from({ length: 6 }, (_, i) => openSession(fresh, config, who(`race${i}`, `race${i}@corp.example`))),
      )
      expect(all.filter((s) => s.bootstrapped)).toHaveLength(1)
      expect(all.filter((s) => s.workspaceId !== null)).toHaveLength(1)
      // Once claimed, the claim is never taken again.
      expect(await fresh.team.claimFirstOwnership(all[0]!.userId)).toBe(false)
    } finally {
      await fresh.close()
    }
  })

  test('a listed owner email makes its own workspace, but only when the IdP verified the address', async () => {
    const unverified = await openSession(store, config, who('u3', 'lead@corp.example', false))
    expect(unverified.workspaceId).toBeNull()
    const lead = await openSession(store, config, who('u4', 'lead@corp.example'))
    expect(lead.bootstrapped).toBe(true)
    expect(await store.team.roleOf(lead.workspaceId!, lead.userId)).toBe('owner')
  })
})
