import { renderJson, renderText } from '../findings/render'
import type { Report } from '../findings/report'
import { useColor, type CliIo } from './io'

/** stdout carries the report only; the exit code says whether any error finding was raised. */
export function emitReport(io: CliIo, report: Report, json: boolean): number {
  io.stdout.write(json ? renderJson(report) : renderText(report, { color: useColor(io) }))
  return report.summary.errors > 0 ? 1 : 0
}
