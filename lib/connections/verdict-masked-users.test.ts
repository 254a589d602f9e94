import { describe, expect, test } from 'vitest'
import { buildReport, finding, type Finding } from '../findings/index'
import { maskUser } from '../store/mask'
import type { TestLoginRun } from '../store/types'
import { verdictFor } from './verdict'

// issue 9 bug 3: entra-claims@demo.test and expired-cert@demo.test both showed as e***@demo.test, one passed and
// one failed, so the admin could not tell who passed.
describe('the go / no-go with masked users', () => {
  const run = (user: string, at: string, findings: Finding[]): TestLoginRun => ({
    id: `run-${user.replace(/\W/g, '')}-000000000`,
    workspaceId: 'local',
    connectionId: null,
    protocol: 'saml',
    stateKey: `_${user}`,
    status: findings.length ? 'failed' : 'completed',
    testUser: maskUser(user),
    testUserKey: `key-${user}`,
    pending: null,
    timeline: [],
    consumedAt: null,
    expiresAt: '2030-01-01T00:00:00.000Z',
    report: buildReport({
      subject: { kind: 'saml-test-login', idp: 'entra' },
      profile: 'autodesk',
      now: new Date(at),
      findings,
    }),
    createdAt: at,
    completedAt: at,
  })

  test('the failing user is named by a masked form that is not the passing user’s', () => {
    const v = verdictFor({ staticReport: null }, [
      run('entra-claims@demo.test', '2026-03-01T10:00:00.000Z', []),
      run('expired-cert@demo.test', '2026-03-01T10:01:00.000Z', [
        finding('CERT_EXPIRED', { expected: 'valid', actual: '2025-01-01' }, { idp: 'entra' }),
      ]),
    ])
    expect(v.distinctPassingUsers).toBe(1)
    expect(v.failingUsers.map((u) => u.user)).toEqual([maskUser('expired-cert@demo.test')])
    expect(v.failingUsers[0]!.user).toMatch(/^e…·[0-9a-f]{6}@demo\.test$/)
    expect(v.failingUsers[0]!.user).not.toBe(maskUser('entra-claims@demo.test'))
  })
})
