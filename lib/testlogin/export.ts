import type { Report } from '../findings/report'
import type { Connection, TestLoginRun } from '../store/index'
import { maskReport } from '../store/mask'

/**
 * A stored test-login run as it is exported (JSON or Markdown download, `GET /api/runs/:id`): the report with its
 * timeline, and the run ID, connection (id and name) and test user written into it, so the file stands alone.
 * Reports stored before these were recorded get them from the run row. Masked again on the way out: the stored
 * report and `run.testUser` are masked already, and masking a masked value changes nothing.
 */
export function runExportReport(
  run: Pick<TestLoginRun, 'id' | 'connectionId' | 'testUser' | 'report' | 'timeline'>,
  connection: Pick<Connection, 'id' | 'name'> | null,
): Report | null {
  const report = run.report
  if (!report) return null
  const subject = report.subject as Report['subject'] & {
    testUser?: unknown
    connectionName?: unknown
    connectionId?: unknown
  }
  const timeline = report.timeline?.length ? report.timeline : run.timeline
  return maskReport({
    ...report,
    subject: {
      ...report.subject,
      ...(subject.connectionId === undefined && run.connectionId ? { connectionId: run.connectionId } : {}),
      ...(subject.connectionName === undefined &&
      connection &&
      connection.id === (subject.connectionId ?? run.connectionId)
        ? { connectionName: connection.name }
        : {}),
      ...(subject.testUser === undefined && run.testUser ? { testUser: run.testUser } : {}),
    },
    facts: { ...(report.facts ?? {}), runId: run.id },
    ...(timeline.length ? { timeline } : {}),
  })
}
