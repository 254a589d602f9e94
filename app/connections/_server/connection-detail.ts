import { connectionUrls, verdictFor, type ConnectionUrls, type ConnectionVerdict } from '@/lib/connections'
import type { ReportSummary } from '@/lib/findings'
import type { Connection, ConnectionConfig, Store, TestLoginRun } from '@/lib/store'

export interface RunSummary {
  readonly id: string
  readonly protocol: TestLoginRun['protocol']
  readonly status: TestLoginRun['status']
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
  readonly connection: Omit<Connection, 'config'> & { config: Omit<ConnectionConfig, 'idpMetadataXml'> & { idpMetadataXmlBytes?: number } }
  readonly urls: ConnectionUrls
  readonly runs: readonly RunSummary[]
  readonly goNoGo: ConnectionVerdict
}

export function summarizeRun(r: TestLoginRun, origin: string): RunSummary {
  return {
    id: r.id, protocol: r.protocol, status: r.status, testUser: r.testUser, createdAt: r.createdAt, completedAt: r.completedAt,
    summary: r.report?.summary ?? null,
    errorCodes: r.report ? r.report.findings.filter((f) => f.severity === 'error').map((f) => f.code) : [],
    reportUrl: `${origin}/api/runs/${encodeURIComponent(r.id)}`,
  }
}

export async function connectionDetail(store: Store, id: string, origin: string): Promise<ConnectionDetail | null> {
  const connection = await store.connections.get(id)
  if (!connection) return null
  const runs = await store.runs.listByConnection(id)
  const { idpMetadataXml, ...config } = connection.config
  return {
    connection: { ...connection, config: { ...config, ...(idpMetadataXml !== undefined ? { idpMetadataXmlBytes: Buffer.byteLength(idpMetadataXml) } : {}) } },
    urls: connectionUrls(origin, id),
    runs: runs.map((r) => summarizeRun(r, origin)),
    goNoGo: verdictFor(connection, runs),
  }
}
