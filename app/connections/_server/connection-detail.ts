import { connectionUrls, isAbandoned, verdictFor, type ConnectionUrls, type ConnectionVerdict } from '@/lib'
import type { ReportSummary } from '@/lib/findings'
import { BUILTIN_PROFILES, isBuiltinProfileId } from '@/lib/profiles'
import type { Connection, ConnectionConfig, Store, TestLoginRun } from '@/lib/store'

export interface RunSummary {
  readonly id: string
  readonly protocol: TestLoginRun['protocol']
  readonly status: TestLoginRun['status']
  /** A pending run past its expiry was abandoned at the IdP: shown as such, counted as nothing. */
  readonly state: 'waiting' | 'abandoned' | 'passed' | 'failed'
  readonly testUser: string | null
  readonly createdAt: string
  readonly completedAt: string | null
  readonly summary: ReportSummary | null
  /** Codes of the error findings, for the runs table. */
  readonly errorCodes: readonly string[]
  readonly reportUrl: string
}

/** What the API and the page show for a connection: no secrets (none are stored), the metadata XML summarised. */
export interface ConnectionDetail {
  readonly connection: Omit<Connection, 'config'> & {
    config: Omit<ConnectionConfig, 'idpMetadataXml'> & { idpMetadataXmlBytes?: number }
  }
  readonly urls: ConnectionUrls
  readonly runs: readonly RunSummary[]
  readonly goNoGo: ConnectionVerdict
}

export function summarizeRun(r: TestLoginRun, origin: string, now = new Date()): RunSummary {
  const state: RunSummary['state'] =
    r.status === 'pending'
      ? isAbandoned(r, now)
        ? 'abandoned'
        : 'waiting'
      : r.status === 'completed' && r.report?.summary.errors === 0
        ? 'passed'
        : 'failed'
  return {
    id: r.id,
    protocol: r.protocol,
    status: r.status,
    state,
    testUser: r.testUser,
    createdAt: r.createdAt,
    completedAt: r.completedAt,
    summary: r.report?.summary ?? null,
    errorCodes: r.report ? r.report.findings.filter((f) => f.severity === 'error').map((f) => f.code) : [],
    reportUrl: `${origin}/api/runs/${encodeURIComponent(r.id)}`,
  }
}

/** With `workspaceId`, a connection of another workspace is null like an unknown one. */
export async function connectionDetail(
  store: Store,
  id: string,
  origin: string,
  now = new Date(),
  workspaceId?: string,
): Promise<ConnectionDetail | null> {
  const connection = await store.connections.get(id, workspaceId)
  if (!connection) return null
  const runs = await store.runs.listByConnection(id, connection.workspaceId)
  const { idpMetadataXml, ...config } = connection.config
  return {
    connection: {
      ...connection,
      config: {
        ...config,
        ...(idpMetadataXml !== undefined ? { idpMetadataXmlBytes: Buffer.byteLength(idpMetadataXml) } : {}),
      },
    },
    urls: connectionUrls(origin, id),
    runs: runs.map((r) => summarizeRun(r, origin, now)),
    goNoGo: verdictFor(connection, runs, {
      profile: BUILTIN_PROFILES[isBuiltinProfileId(connection.profileId) ? connection.profileId : 'generic'],
      now,
    }),
  }
}
