import { renderGithub, renderJunit } from '../findings/render-ci'
import { renderJson, renderMarkdown, renderText } from '../findings/render'
import type { Report } from '../findings/report'
import type { ReportFormat } from './format'
import { useColor, type CliIo } from './io'
import { reportForOutput } from './mask'

/** stdout carries the report only; the exit code says whether any error finding was raised. */
export function emitReport(io: CliIo, report: Report, json: boolean): number {
  const format: ReportFormat = io.format ?? (json ? 'json' : 'text')
  io.stdout.write(renderReport(reportForOutput(report, io), format, useColor(io)))
  return report.summary.errors > 0 ? 1 : 0
}

function renderReport(report: Report, format: ReportFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report)
    case 'markdown':
      return renderMarkdown(report)
    case 'junit':
      return renderJunit(report)
    case 'github':
      return renderGithub(report)
    case 'text':
      return renderText(report, { color })
  }
}
