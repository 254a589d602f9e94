import { createHash } from 'node:crypto'
import { z } from 'zod'
import { finding } from '../findings/finding'
import { buildReport, type Report } from '../findings/report'
import type { Finding, Severity } from '../findings/types'

export const WATCH_SNAPSHOT_SCHEMA_ID = 'sso-preflight/watch@1'
const DAY_MS = 86_400_000

/** Thresholds in days, tightest first: inside 7 days is an error, 30 a warning, 90 an info. */
const EXPIRY_WINDOWS: ReadonlyArray<{ days: number; severity: Severity }> = [
  { days: 7, severity: 'error' },
  { days: 30, severity: 'warning' },
  { days: 90, severity: 'info' },
]

/** What one check remembers for the next: no document text, only hashes, dates and thumbprints (nothing personal). */
export const WatchSnapshotSchema = z.object({
  schema: z.literal(WATCH_SNAPSHOT_SCHEMA_ID),
  source: z.string().max(4096),
  checkedAt: z.iso.datetime({ offset: true }),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  verdict: z.enum(['go', 'no-go', 'none']),
  certificates: z
    .array(
      z.object({
        sha256: z.string().max(200),
        use: z.string().max(32),
        subject: z.string().max(1024),
        notAfter: z.iso.datetime({ offset: true }),
      }),
    )
    .max(200),
})
export type WatchSnapshot = z.infer<typeof WatchSnapshotSchema>

export interface WatchResult {
  readonly report: Report
  readonly snapshot: WatchSnapshot
}

/**
 * Adds what changed since the previous check to a configuration's report: certificates inside the 90 / 30 / 7-day
 * windows, certificates published or removed (a rollover), content and verdict changes. `contents` are the documents
 * the report was made from (metadata, or discovery + JWKS), hashed and never kept.
 */
export function watchReport(report: Report, o: { contents: readonly string[]; previous?: WatchSnapshot }): WatchResult {
  const now = new Date(report.checkedAt)
  const ctx = { idp: report.subject.idp }
  const certificates = (report.certificates ?? []).filter((c) => c.use !== 'encryption')
  const findings: Finding[] = []

  for (const c of certificates) {
    const left = Date.parse(c.notAfter) - now.getTime()
    if (left <= 0) continue // CERT_EXPIRED is already in the report.
    const window = EXPIRY_WINDOWS.find((w) => left < w.days * DAY_MS)
    if (!window) continue
    const daysLeft = Math.floor(left / DAY_MS)
    findings.push(
      finding(
        'CERT_EXPIRY_THRESHOLD',
        {
          expected: `more than ${window.days} days left`,
          actual: `expires ${c.notAfter} (in ${daysLeft} days)`,
          window: window.days,
          daysLeft,
          sha256: c.sha256,
          subject: c.subject,
        },
        ctx,
        { severity: window.severity },
      ),
    )
  }

  const contentSha256 = sha256(o.contents.join('\u0000'))
  const previous = o.previous
  if (previous) {
    const before = new Set(previous.certificates.map((c) => c.sha256))
    const after = new Set(certificates.map((c) => c.sha256))
    for (const c of certificates) {
      if (!before.has(c.sha256)) {
        findings.push(
          finding(
            'CERT_NEW_PUBLISHED',
            {
              expected: `the certificates seen on ${previous.checkedAt}`,
              actual: `new: ${c.subject} (notAfter ${c.notAfter})`,
              sha256: c.sha256,
            },
            ctx,
          ),
        )
      }
    }
    for (const c of previous.certificates) {
      if (!after.has(c.sha256)) {
        findings.push(
          finding(
            'CERT_REMOVED',
            {
              expected: `${c.subject} (seen on ${previous.checkedAt})`,
              actual: 'no longer published',
              sha256: c.sha256,
            },
            ctx,
          ),
        )
      }
    }
    if (previous.contentSha256 !== contentSha256) {
      findings.push(
        finding(
          'INPUT_CONFIGURATION_CHANGED',
          { expected: `sha256 ${previous.contentSha256} (${previous.checkedAt})`, actual: `sha256 ${contentSha256}` },
          ctx,
        ),
      )
    }
  }

  const merged = buildReport({
    subject: report.subject,
    profile: report.profile,
    now,
    findings: [...report.findings, ...findings],
    skipped: report.skipped,
    certificates: report.certificates,
    timeline: report.timeline,
    facts: { ...report.facts, ...(previous ? { previousCheck: previous.checkedAt } : {}) },
  })
  // The verdict change is judged on the merged report: a 7-day window is as blocking as any other error.
  const verdictChanged = previous && previous.verdict !== merged.summary.verdict
  const final = verdictChanged
    ? buildReport({
        subject: merged.subject,
        profile: merged.profile,
        now,
        findings: [
          ...merged.findings,
          finding('INPUT_VERDICT_CHANGED', { expected: previous.verdict, actual: merged.summary.verdict }, ctx),
        ],
        skipped: merged.skipped,
        certificates: merged.certificates,
        timeline: merged.timeline,
        facts: merged.facts,
      })
    : merged
  return {
    report: final,
    snapshot: {
      schema: WATCH_SNAPSHOT_SCHEMA_ID,
      source: report.subject.source ?? '',
      checkedAt: report.checkedAt,
      contentSha256,
      verdict: final.summary.verdict,
      certificates: certificates.map((c) => ({
        sha256: c.sha256,
        use: c.use,
        subject: c.subject,
        notAfter: c.notAfter,
      })),
    },
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
