import { z } from 'zod'
import { FindingSchema, IdpKindSchema, OwnerSchema, type Finding, type Owner } from './types'

export const REPORT_SCHEMA_ID = 'sso-preflight/report@1'

export const SubjectKindSchema = z.enum([
  'saml-metadata', 'oidc-discovery', 'saml-response', 'saml-test-login', 'oidc-test-login', 'har', 'explain', 'oidc-id-token',
])
export type SubjectKind = z.infer<typeof SubjectKindSchema>

/** What the report is about. Extra members describe the subject (entityID, issuer, source name...). */
export const SubjectSchema = z.looseObject({
  kind: SubjectKindSchema,
  idp: IdpKindSchema,
  source: z.string().optional(),
  entityId: z.string().optional(),
  issuer: z.string().optional(),
})
export type Subject = z.infer<typeof SubjectSchema>

/** A certificate seen in the input, for the report's certificate timeline. */
export const CertificateSummarySchema = z.object({
  use: z.enum(['signing', 'encryption', 'both', 'jwks']),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
  keyType: z.string().optional(),
  keyBits: z.number().optional(),
  signatureAlgorithm: z.string().optional(),
  /** True when this certificate verified the document's (or response's) signature. */
  signsNow: z.boolean().optional(),
  where: z.string().optional(),
})
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>

export const TimelineStepSchema = z.object({
  at: z.string(),
  kind: z.enum(['request-sent', 'redirect', 'response-received', 'decoded', 'check', 'error']),
  summary: z.string(),
  durationMs: z.number().optional(),
  data: z.unknown().optional(),
})
export type TimelineStep = z.infer<typeof TimelineStepSchema>

export const ReportSummarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  byOwner: z.object({ idp: z.number().int(), vendor: z.number().int(), 'end-user': z.number().int() }),
  /**
   * 'no-go': at least one error. 'go': none, and the checks could judge the input. 'none': no error, but the input
   * was not recognised or its signature could not be verified, so there is no verdict to give (never a GO).
   */
  verdict: z.enum(['go', 'no-go', 'none']),
})
export type ReportSummary = z.infer<typeof ReportSummarySchema>

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  subject: SubjectSchema,
  profile: z.string(),
  checkedAt: z.string(),
  summary: ReportSummarySchema,
  findings: z.array(FindingSchema),
  /** Checks that did not run because a gate failed (e.g. unsigned data is not read after a bad signature). */
  skipped: z.array(z.object({ check: z.string(), reason: z.string() })).optional(),
  certificates: z.array(CertificateSummarySchema).optional(),
  timeline: z.array(TimelineStepSchema).optional(),
  /** Non-secret values extracted for the admin (issuer, NameID masked, attributes names...). */
  facts: z.record(z.string(), z.unknown()).optional(),
})
export type Report = z.infer<typeof ReportSchema>

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const
const OWNER_RANK: Record<Owner, number> = { idp: 0, vendor: 1, 'end-user': 2 }

/** Errors first, then by owner, then by code: a stable order every face of the report shares. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    OWNER_RANK[a.owner] - OWNER_RANK[b.owner] ||
    a.code.localeCompare(b.code))
}

export function summarize(findings: readonly Finding[]): ReportSummary {
  const byOwner = { idp: 0, vendor: 0, 'end-user': 0 }
  let errors = 0, warnings = 0, infos = 0
  for (const f of findings) {
    if (f.severity === 'error') errors++
    else if (f.severity === 'warning') warnings++
    else infos++
    if (f.severity !== 'info') byOwner[f.owner]++
  }
  const verdict = errors > 0 ? 'no-go' : findings.some((f) => NO_VERDICT_CODES.has(f.code)) ? 'none' : 'go'
  return { errors, warnings, infos, byOwner, verdict }
}

/**
 * Findings that say the input could not be judged: text the triage did not recognise, a SAML response read without
 * the IdP metadata (signature not verified). A report carrying one has no GO.
 */
export const NO_VERDICT_CODES: ReadonlySet<string> = new Set(['TRIAGE_UNKNOWN_ERROR', 'TRIAGE_HAR_SAML_NOT_VALIDATED', 'TRIAGE_SAML_SIGNATURE_NOT_VERIFIED'])

export function groupByOwner(findings: readonly Finding[]): Record<Owner, Finding[]> {
  const out: Record<Owner, Finding[]> = { idp: [], vendor: [], 'end-user': [] }
  for (const f of sortFindings(findings)) out[f.owner].push(f)
  return out
}

export interface BuildReportInput {
  subject: Subject
  profile: string
  now: Date
  findings: readonly Finding[]
  skipped?: Report['skipped']
  certificates?: CertificateSummary[]
  timeline?: TimelineStep[]
  facts?: Record<string, unknown>
}

/** The one way every input becomes a Report: sorted findings, summary derived, never stored separately. */
export function buildReport(input: BuildReportInput): Report {
  const findings = sortFindings(dedupe(input.findings))
  return {
    schema: REPORT_SCHEMA_ID,
    subject: input.subject,
    profile: input.profile,
    checkedAt: input.now.toISOString(),
    summary: summarize(findings),
    findings,
    ...(input.skipped?.length ? { skipped: input.skipped } : {}),
    ...(input.certificates?.length ? { certificates: input.certificates } : {}),
    ...(input.timeline?.length ? { timeline: input.timeline } : {}),
    ...(input.facts ? { facts: input.facts } : {}),
  }
}

/** The same code with the same evidence twice says nothing new (e.g. one certificate in three KeyDescriptors). */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = f.code + '\u0000' + JSON.stringify(f.evidence)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export const OWNER_LABEL: Record<Owner, string> = {
  idp: 'your IdP / IT team',
  vendor: 'the vendor',
  'end-user': 'the person signing in',
}

/** "the vendor (Autodesk)" when the profile names its vendor; a generic profile has no vendor words. */
export function ownerLabel(owner: Owner, vendorName?: string | null): string {
  return owner === 'vendor' && vendorName ? `the vendor (${vendorName})` : OWNER_LABEL[owner]
}
export { OwnerSchema }
