import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { prepareDataDir } from './data-dir'
import { createStore } from './store'

const root = mkdtempSync(join(tmpdir(), 'sso-preflight-datadir-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Every entry under `dir` whose mode lets group or others in, with its mode. */
function openToOthers(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name)
    const mode = statSync(p).mode & 0o777
    if (mode & 0o077) out.push(`${p} ${mode.toString(8)}`)
  }
  return out
}

describe('the PGlite data directory', () => {
  test('is created 0700 with every file 0600, also after writes and a reopen', async () => {
    const dir = join(root, 'fresh', 'pglite')
    const store = await createStore({ dataDir: dir })
    await store.connections.create({ name: 'a', protocol: 'saml', profileId: 'autodesk', config: {} })
    await store.close()
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(readdirSync(dir, { recursive: true }).length).toBeGreaterThan(100)
    expect(openToOthers(dir)).toEqual([])
    const again = await createStore({ dataDir: dir })
    await again.close()
    expect(openToOthers(dir)).toEqual([])
  })

  test.each([
    [0o777, 'world'],
    [0o770, 'group'],
  ])('a %s directory is refused with the command that fixes it', async (mode, who) => {
    const dir = join(root, `open-${mode.toString(8)}`)
    mkdirSync(dir)
    chmodSync(dir, mode)
    await expect(createStore({ dataDir: dir })).rejects.toMatchObject({
      code: 'ERR_STORE_UNAVAILABLE',
      message: expect.stringContaining(`${who}-writable`),
    })
    await expect(createStore({ dataDir: dir })).rejects.toThrow(`chmod 700 ${dir}`)
    expect(statSync(dir).mode & 0o777).toBe(mode) // refused, not silently changed
    expect(readdirSync(dir)).toEqual([]) // nothing written into it
  })

  test('a directory others may only read is tightened to 0700', () => {
    const dir = join(root, 'readable')
    mkdirSync(dir)
    chmodSync(dir, 0o755)
    prepareDataDir(dir)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })
})

describe('at server start', () => {
  test('the app refuses a world-writable SSO_PREFLIGHT_DATA_DIR before any request', async () => {
    const { checkDataDirAtStartup } = await import('./index')
    const dir = join(root, 'startup-open')
    mkdirSync(dir)
    chmodSync(dir, 0o777)
    expect(() => checkDataDirAtStartup({ SSO_PREFLIGHT_DATA_DIR: dir })).toThrow(`chmod 700 ${dir}`)
    // With PostgreSQL the directory is not used, so it is not checked.
    expect(() =>
      checkDataDirAtStartup({ SSO_PREFLIGHT_DATA_DIR: dir, DATABASE_URL: 'postgresql://u@127.0.0.1:1/x' }),
    ).not.toThrow()
    // PGlite in memory (the e2e runs): nothing is created on disk.
    checkDataDirAtStartup({ SSO_PREFLIGHT_DATA_DIR: 'memory://' })
    expect(existsSync(join(process.cwd(), 'memory:'))).toBe(false)
    const fresh = join(root, 'startup-fresh', 'pglite')
    checkDataDirAtStartup({ SSO_PREFLIGHT_DATA_DIR: fresh })
    expect(statSync(fresh).mode & 0o777).toBe(0o700)
  })
})

test('the Next.js server start hook exits 1 with the fix on a group-writable data directory', async () => {
  const { spawnSync } = await import('node:child_process')
  const dir = join(root, 'hook-open')
  mkdirSync(dir)
  chmodSync(dir, 0o775)
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', "import('./instrumentation.ts').then((m) => m.register())"],
    {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, NEXT_RUNTIME: 'nodejs', SSO_PREFLIGHT_DATA_DIR: dir, DATABASE_URL: '' },
    },
  )
  expect(r.status).toBe(1)
  expect(r.stderr).toContain(`group-writable`)
  expect(r.stderr).toContain(`chmod 700 ${dir}`)
}, 30_000)
