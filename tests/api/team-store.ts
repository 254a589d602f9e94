// For the token, setup-link and audit tests: the app's store (getStore) is one this test opened itself over a raw
// database handle, so a test can read the tables as they really are (no secret in any row) and pin the clock.
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { closeStore } from '@/lib/store'
import { openPglite, openPostgres, type Db } from '@/lib/store/db'
import { createStoreOnDb } from '@/lib/store/store'
import { dropSchema, isolatedDatabaseUrl } from '@/lib/store/testing'
import type { Store } from '@/lib/store'
import type { Principal } from '@/lib/team/principal'
import type { Role } from '@/lib/team/roles'

export interface TeamTestStore {
  store: Store
  db: Db
  clock: { now: Date }
}

const slot = globalThis as typeof globalThis & { __ssoPreflightStore?: Promise<Store> }

export async function openTeamTestStore(): Promise<TeamTestStore> {
  const testDb = process.env.TEST_DATABASE_URL
  const isolated = testDb ? await isolatedDatabaseUrl(testDb) : undefined
  const db = isolated ? await openPostgres(isolated.url) : await openPglite('memory://')
  const clock = { now: new Date() }
  const store = await createStoreOnDb(db, { now: () => clock.now, retentionDays: 7 })
  slot.__ssoPreflightStore = Promise.resolve(store)
  afterAll(async () => {
    await closeStore()
    if (testDb && isolated) await dropSchema(testDb, isolated.schema)
  }, 60_000)
  await db.query(`insert into workspaces (id, name, created_at) values ('ws-b', 'Other team', now())`)
  // The users the tests' principals name (`u-<role>-<workspace>`); the auth part's repository makes real ones.
  for (const ws of ['local', 'ws-b']) {
    for (const role of ['owner', 'admin', 'viewer']) {
      await db.query(
        `insert into users (id, issuer, subject, email, created_at) values ($1, 'https://idp.test', $1, $2, now())`,
        [`u-${role}-${ws}`, `${role}@team.example`],
      )
    }
  }
  return { store, db, clock }
}

/**
 * The file's store: opened once before its tests (beforeAll), its clock set to the real time before each test. The
 * object is filled in when the store opens; read its fields inside tests and hooks only.
 */
export function useTeamTestStore(): TeamTestStore {
  const t = {} as TeamTestStore
  beforeAll(async () => {
    Object.assign(t, await openTeamTestStore())
  }, 120_000)
  beforeEach(() => {
    t.clock.now = new Date()
  })
  return t
}

/** A member of `workspaceId` with `role`: one of the users openTeamTestStore adds. */
export const teamUser = (role: Role, workspaceId = 'local'): Principal => ({
  kind: 'user',
  userId: `u-${role}-${workspaceId}`,
  label: `${role}@team.example`,
  workspaceId,
  role,
  sessionIdHash: 'h',
})

/** An API token of the local workspace with both scopes. */
export const CI_TOKEN: Principal = {
  kind: 'token',
  tokenId: 't1',
  label: 'CI',
  workspaceId: 'local',
  scopes: ['read', 'run'],
}

/** Every row of the team tables, as text: what a database dump would show. */
export async function dumpTeamTables(db: Db): Promise<string> {
  const out: unknown[] = []
  for (const t of ['api_tokens', 'setup_links', 'audit_log']) out.push(...(await db.query(`select * from ${t}`)).rows)
  return JSON.stringify(out)
}
