import { buildReport, sortFindings, summarize, type Report, type SubjectKind } from '../findings/report'
import type { Finding } from '../findings/types'
import type { SpProfile } from '../profiles/schema'

/** What every job returns: the Report, plus (per job) what a face shows beside it, so no face re-parses input. */
export interface JobResult {
  readonly report: Report
}

/** The report with what the fetch noticed on the way (e.g. NET_NOT_HTTPS) added; order and summary stay derived. */
export function withFetchFindings(report: Report, extra: readonly Finding[]): Report {
  if (!extra.length) return report
  const findings = sortFindings([...report.findings, ...extra])
  return { ...report, findings, summary: summarize(findings) }
}

/** A report that says only why the input could not be read (the URL did not answer, the metadata is unreadable). */
export function inputReport(
  kind: SubjectKind,
  profile: SpProfile,
  now: Date | undefined,
  source: string,
  findings: readonly Finding[],
): Report {
  return buildReport({
    subject: { kind, idp: 'other', source },
    profile: profile.id,
    now: now ?? new Date(),
    findings: [...findings],
  })
}

/** Drops undefined members, so optional options stay absent rather than explicitly undefined. */
export function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
  return out as { [K in keyof T]?: Exclude<T[K], undefined> }
}
