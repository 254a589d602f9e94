import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { openPglite } from './db'
import { migrate, MIGRATIONS } from './migrations'
import { createStore } from './store'

const root = mkdtempSync(join(tmpdir(), 'sso-preflight-store-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('PGlite on a directory', () => {
  test('data survives a reopen; migrations apply once', async () => {
    const dir = join(root, 'persist')
    const a = await createStore({ dataDir: dir })
    const saved = await a.connections.create({ name: 'kept', protocol: 'saml', profileId: 'autodesk', config: {} })
    await a.close()
    const db = await openPglite(dir)
    expect(await migrate(db)).toEqual([])
    const versions = await db.query<{ version: number }>('select version from schema_migrations order by version')
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    await db.close()
    const b = await createStore({ dataDir: dir })
    expect((await b.connections.get(saved.id))?.name).toBe('kept')
    await b.close()
  })

  test('a directory locked by another live process is refused with ERR_STORE_UNAVAILABLE', async () => {
    const dir = join(root, 'locked')
    writeFileSync(`${dir}.lock`, String(process.ppid))
    await expect(openPglite(dir)).rejects.toMatchObject({
      code: 'ERR_STORE_UNAVAILABLE',
      message: expect.stringMatching(/in use by process/),
    })
    rmSync(`${dir}.lock`)
  })

  test('a stale lock (dead process) is taken over and released on close', async () => {
    const dir = join(root, 'stale')
    writeFileSync(`${dir}.lock`, '4194303')
    const db = await openPglite(dir)
    expect(existsSync(`${dir}.lock`)).toBe(true)
    await db.close()
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })
})
