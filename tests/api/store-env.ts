// Imported first by the API tests: the app's store is PGlite in memory, or (CI) a schema of its own in the test Postgres.
import { afterAll } from 'vitest'
import { closeStore } from '@/lib/store'
import { dropSchema, isolatedDatabaseUrl } from '@/lib/store/testing'

process.env.SSO_PREFLIGHT_DATA_DIR = 'memory://'
const testDb = process.env.TEST_DATABASE_URL
const isolated = testDb ? await isolatedDatabaseUrl(testDb) : undefined
if (isolated) process.env.DATABASE_URL = isolated.url
else delete process.env.DATABASE_URL

afterAll(async () => {
  await closeStore()
  if (testDb && isolated) await dropSchema(testDb, isolated.schema)
}, 60_000)
