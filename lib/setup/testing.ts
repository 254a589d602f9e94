import { buildReport, type CertificateSummary, type Report } from '../findings/index'
import { maskValue } from '../store/mask'
import type { TestLoginRun } from '../store/types'

const NOW = new Date('2026-03-01T10:00:00Z')

/** A stored run as the store keeps it: user and attribute values masked (keyed hash, addresses keep their domain). */
let n = 0
export function storedRun(o: {
  user: string
  email?: string
  guid?: string
  at?: string
  certificates?: CertificateSummary[]
  status?: TestLoginRun['status']
}): TestLoginRun {
  n++
  const attributes = [
    ...(o.email !== undefined ? [{ name: 'email', values: [maskValue(o.email)] }] : []),
    ...(o.guid !== undefined ? [{ name: 'objectGUID', values: [maskValue(o.guid)] }] : []),
  ]
  const report: Report = buildReport({
    subject: { kind: 'saml-test-login', idp: 'entra' },
    profile: 'generic',
    now: NOW,
    findings: [],
    facts: { attributes },
    ...(o.certificates ? { certificates: o.certificates } : {}),
  })
  const at = o.at ?? `2026-03-01T10:${String(n % 60).padStart(2, '0')}:00.000Z`
  return {
    id: `run${String(n).padStart(20, '0')}`,
    workspaceId: 'local',
    connectionId: null,
    protocol: 'saml',
    stateKey: `_k${n}`,
    status: o.status ?? 'completed',
    testUser: maskValue(o.user),
    testUserKey: `key-${o.user}`,
    report,
    timeline: [],
    pending: null,
    createdAt: at,
    completedAt: at,
    consumedAt: null,
    expiresAt: '2030-01-01T00:00:00.000Z',
  }
}
