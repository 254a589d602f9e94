import { z } from 'zod'
import { isFindingCode, type FindingCode } from './catalog/index'
import { finding } from './finding'
import { MAX_IMPORTED_DEPTH, nestsDeeperThan } from './json-depth'
import { IdpKindSchema, type IdpKind } from './types'
import { buildReport, CertificateSummarySchema, ReportSchema, TimelineStepSchema, type Report } from './report'
import { renamedCode } from './renamed-codes'

const IsoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date and time, e.g. 2026-03-01T10:00:00Z',
})

/** A report from outside (saved, imported, in a bundle): the shape of a Report, with instants that are real dates. */
const UntrustedReportSchema = ReportSchema.extend({
  profile: z.string().max(200),
  checkedAt: IsoInstant,
  findings: z.array(ReportSchema.shape.findings.element).max(5000),
  certificates: z
    .array(CertificateSummarySchema.extend({ notBefore: IsoInstant, notAfter: IsoInstant }))
    .max(200)
    .optional(),
  timeline: z
    .array(TimelineStepSchema.extend({ at: IsoInstant }))
    .max(5000)
    .optional(),
})

export type RederiveResult = { ok: true; report: Report } | { ok: false; message: string; issues?: z.ZodError }

/**
 * Re-derives a report that came from outside: only codes, severities, evidence and facts are taken from it. Titles,
 * details, next steps, owners, screens and docs come from the catalog by code, and the summary and verdict are
 * recomputed, so a forged report can neither show its own words or links on our origin nor a "GO" beside an
 * error. Codes an earlier version used for a fact that now has one entry are read as that entry (renamed-codes.ts).
 * Unknown codes, non-ISO dates and values nested too deep are refused with a message.
 * (Severity is kept as given: profile policy legitimately raises or lowers it; the verdict follows it.)
 */
export function rederiveReport(untrusted: unknown): RederiveResult {
  if (nestsDeeperThan(untrusted, MAX_IMPORTED_DEPTH)) {
    return {
      ok: false,
      message: `The report nests deeper than ${MAX_IMPORTED_DEPTH} levels; it was not made by SSO Preflight.`,
    }
  }
  const parsed = UntrustedReportSchema.safeParse(untrusted)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const at = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    return {
      ok: false,
      message: `This is not an SSO Preflight report: ${issue?.message ?? 'invalid'}${at}.`,
      issues: parsed.error,
    }
  }
  const r = {
    ...parsed.data,
    findings: parsed.data.findings.map((f) => ({
      ...f,
      code: renamedCode(f.code, f, parsed.data.subject.idp) ?? f.code,
    })),
  }
  const unknown = [...new Set(r.findings.map((f) => f.code).filter((c) => !isFindingCode(c)))]
  if (unknown.length) {
    return {
      ok: false,
      message: `Unknown finding code${unknown.length === 1 ? '' : 's'}: ${unknown.slice(0, 5).join(', ')}. Reports are re-read against this version's catalog.`,
    }
  }
  const findings = r.findings.map((f) => {
    const code = f.code as FindingCode
    const idp = contextIdp(code, f, r.subject.idp)
    return finding(code, f.evidence, idp ? { idp } : {}, { severity: f.severity })
  })
  return {
    ok: true,
    report: buildReport({
      subject: r.subject,
      profile: r.profile,
      now: new Date(r.checkedAt),
      findings,
      ...(r.skipped ? { skipped: r.skipped } : {}),
      ...(r.certificates ? { certificates: r.certificates } : {}),
      ...(r.timeline ? { timeline: r.timeline } : {}),
      ...(r.facts ? { facts: r.facts } : {}),
    }),
  }
}

/**
 * Which IdP context the finding was made for, found by rebuilding it from the catalog for each one and comparing
 * the screens named (a finding may be made for another IdP than the report's subject, or for none: then every
 * IdP's screen is listed). Only the catalog's own texts can come out of this.
 */
function contextIdp(
  code: FindingCode,
  f: { fixAt?: string | undefined; logs?: string | undefined },
  subjectIdp: IdpKind,
): IdpKind | undefined {
  for (const idp of [subjectIdp, undefined, ...IdpKindSchema.options]) {
    const made = finding(code, {}, idp ? { idp } : {})
    if (made.fixAt === f.fixAt && made.logs === f.logs) return idp
  }
  return subjectIdp
}
