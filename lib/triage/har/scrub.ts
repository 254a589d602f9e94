import { ReportSchema, type Report } from '../../findings/report'

/**
 * The safety net behind redaction: every secret value seen while reading the input (cookies, tokens, codes,
 * assertion values) is replaced wherever it might still appear in the finished report, in its JSON-escaped form.
 */
export function scrubSecrets(report: Report, secrets: Iterable<string>): Report {
  let json = JSON.stringify(report)
  const list = [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length)
  let changed = false
  for (const s of list) {
    for (const form of new Set([JSON.stringify(s).slice(1, -1), encodeURIComponent(s), new URLSearchParams({ v: s }).toString().slice(2)])) {
      if (form.length >= 6 && json.includes(form)) { json = json.split(form).join('[redacted]'); changed = true }
    }
  }
  return changed ? ReportSchema.parse(JSON.parse(json)) : report
}
