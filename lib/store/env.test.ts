import { describe, expect, test } from 'vitest'
import { readStoreEnv } from './env'

describe('readStoreEnv', () => {
  test('defaults: PGlite under ./.data/pglite, 7 days', () => {
    expect(readStoreEnv({})).toEqual({ SSO_PREFLIGHT_DATA_DIR: './.data/pglite', SSO_PREFLIGHT_RETENTION_DAYS: 7 })
  })

  test('empty strings count as unset', () => {
    expect(readStoreEnv({ DATABASE_URL: '', SSO_PREFLIGHT_RETENTION_DAYS: '' }).DATABASE_URL).toBeUndefined()
  })

  test('reads DATABASE_URL and the retention', () => {
    expect(readStoreEnv({ DATABASE_URL: 'postgres://u@db:5432/x', SSO_PREFLIGHT_RETENTION_DAYS: '30' })).toMatchObject({
      DATABASE_URL: 'postgres://u@db:5432/x',
      SSO_PREFLIGHT_RETENTION_DAYS: 30,
    })
  })

  test('a bad value is a store error that does not echo the URL (it may hold a password)', () => {
    expect(() => readStoreEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).toThrow(/DATABASE_URL/)
    expect(() => readStoreEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).not.toThrow(/hunter2/)
    expect(() => readStoreEnv({ SSO_PREFLIGHT_RETENTION_DAYS: '0' })).toThrow(/RETENTION/)
  })
})
