import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Db } from './db'
import { loginSecretRepository, type LoginSecretRepository } from './login-secrets'
import { movableClock, testDbEngines } from './test-db'

const T0 = new Date('2026-03-01T10:00:00Z')
const SECRET = 'client-secret-Plaintext-7f3a9c'

type Row = { key: string; browser_binding: string; ciphertext: string; created_at: Date; expires_at: Date }

describe.each(testDbEngines())('login secrets (%s): encrypted, bound to the browser, short-lived', (_, open) => {
  let db: Db
  let secrets: LoginSecretRepository
  const clock = movableClock(T0)
  const key = randomBytes(32)
  const rows = async () => (await db.query<Row>('select * from login_secrets')).rows
  beforeAll(async () => {
    db = await open()
    secrets = loginSecretRepository(db, clock, key)
  }, 60_000)
  afterAll(async () => {
    await db?.close()
  })

  test('the table holds ciphertext only: neither the secret nor its JSON appear, and two puts differ (random IV)', async () => {
    await secrets.put('oidc-run:a1', 'browser-A', { clientSecret: SECRET })
    await secrets.put('oidc-run:a2', 'browser-A', { clientSecret: SECRET })
    const all = await rows()
    const a1 = all.find((r) => r.key === 'oidc-run:a1')!.ciphertext
    const a2 = all.find((r) => r.key === 'oidc-run:a2')!.ciphertext
    for (const c of [a1, a2]) {
      expect(c).not.toContain(SECRET)
      expect(c).not.toContain('clientSecret')
      expect(Buffer.from(c.slice(3), 'base64url').toString('latin1')).not.toContain(SECRET)
    }
    expect(a1).not.toBe(a2)
    expect(await secrets.get('oidc-run:a1', 'browser-A')).toEqual({ clientSecret: SECRET })
  })

  test('another browser binding gets nothing, and cannot take the secret away from the right browser', async () => {
    await secrets.put('oidc-run:b', 'browser-A', { clientSecret: SECRET })
    expect(await secrets.get('oidc-run:b', 'browser-B')).toBeNull()
    expect(await secrets.take('oidc-run:b', 'browser-B')).toBeNull()
    expect(await secrets.has('oidc-run:b')).toBe(true)
    expect(await secrets.take('oidc-run:b', 'browser-A')).toEqual({ clientSecret: SECRET })
  })

  test('a row rewritten to another browser or another run does not decrypt (key and binding are authenticated)', async () => {
    await secrets.put('oidc-run:m', 'browser-A', { clientSecret: SECRET })
    await db.query(`update login_secrets set browser_binding = 'browser-B' where key = 'oidc-run:m'`)
    expect(await secrets.get('oidc-run:m', 'browser-B')).toBeNull()
    const [row] = (await db.query<Row>(`select * from login_secrets where key = 'oidc-run:a2'`)).rows
    await db.query(
      'insert into login_secrets (key, browser_binding, ciphertext, created_at, expires_at) values ($1, $2, $3, $4, $5)',
      ['oidc-run:moved', row!.browser_binding, row!.ciphertext, row!.created_at, row!.expires_at],
    )
    expect(await secrets.get('oidc-run:moved', 'browser-A')).toBeNull()
  })

  test('another deployment key reads nothing; the same key on another instance reads it', async () => {
    expect(await loginSecretRepository(db, clock, randomBytes(32)).get('oidc-run:a1', 'browser-A')).toBeNull()
    expect(await loginSecretRepository(db, clock, Buffer.from(key)).get('oidc-run:a1', 'browser-A')).toEqual({
      clientSecret: SECRET,
    })
  })

  test('take hands the secret out once, even to two concurrent callbacks; get leaves a view readable', async () => {
    await secrets.put('oidc-run:c', 'browser-A', { clientSecret: SECRET })
    const both = await Promise.all([secrets.take('oidc-run:c', 'browser-A'), secrets.take('oidc-run:c', 'browser-A')])
    expect(both.filter((v) => v !== null)).toEqual([{ clientSecret: SECRET }])
    expect(await secrets.has('oidc-run:c')).toBe(false)
    await secrets.put('saml-view:c', 'browser-A', { nameId: 'j@example.com' })
    expect(await secrets.get('saml-view:c', 'browser-A')).toEqual({ nameId: 'j@example.com' })
    expect(await secrets.get('saml-view:c', 'browser-A')).toEqual({ nameId: 'j@example.com' })
  })

  test('after 10 minutes nothing is returned (even when asked to keep it longer), and purgeExpired deletes the rows', async () => {
    clock.set(T0)
    await secrets.put('oidc-run:d', 'browser-A', { clientSecret: SECRET }, 60 * 60_000)
    await secrets.put('oidc-run:e', 'browser-A', { clientSecret: SECRET })
    clock.set(new Date(T0.getTime() + 10 * 60_000 - 1))
    expect(await secrets.get('oidc-run:d', 'browser-A')).not.toBeNull()
    clock.set(new Date(T0.getTime() + 10 * 60_000))
    expect(await secrets.get('oidc-run:d', 'browser-A')).toBeNull()
    expect(await secrets.take('oidc-run:e', 'browser-A')).toBeNull()
    expect(await secrets.has('oidc-run:d')).toBe(false)
    expect(await secrets.purgeExpired()).toBeGreaterThanOrEqual(1)
    expect((await rows()).some((r) => r.key === 'oidc-run:d')).toBe(false)
    clock.set(T0)
  })
})
