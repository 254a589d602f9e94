import { z } from 'zod'
import { ComparisonSchema } from './comparison'
import { finding } from './finding'
import {
  FindingSchema,
  IdpKindSchema,
  OwnerSchema,
  type Evidence,
  type Finding,
  type Owner,
  type Severity,
} from './types'
import { isoTime } from '../time/iso'

export const REPORT_SCHEMA_ID = 'sso-preflight/report@1'

export const SubjectKindSchema = z.enum([
  'saml-metadata',
  'oidc-discovery',
  'saml-response',
  'saml-test-login',
  'oidc-test-login',
  'har',
  'explain',
  'oidc-id-token',
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
  /** SHA-1 thumbprint as Entra shows it (upper-case hex, no colons), to compare with the IdP's certificate screen. */
  sha1: z
    .string()
    .regex(/^[0-9A-F]{40}$/)
    .optional(),
  /** The certificate itself, base64 DER (public): what a vendor's upload form takes as a .cer / PEM file. */
  base64: z
    .string()
    .max(65_536)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .optional(),
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
  /** The vendor expects / you configured / the IdP sent, side by side (SAML reports; no personal values). */
  comparison: ComparisonSchema.optional(),
})
export type Report = z.infer<typeof ReportSchema>

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const
const OWNER_RANK: Record<Owner, number> = { idp: 0, vendor: 1, 'end-user': 2 }

/** Errors first, then by owner, then by code: a stable order every face of the report shares. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      OWNER_RANK[a.owner] - OWNER_RANK[b.owner] ||
      a.code.localeCompare(b.code),
  )
}

export function summarize(findings: readonly Finding[]): ReportSummary {
  const byOwner = { idp: 0, vendor: 0, 'end-user': 0 }
  let errors = 0,
    warnings = 0,
    infos = 0
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
export const NO_VERDICT_CODES: ReadonlySet<string> = new Set([
  'TRIAGE_UNKNOWN_ERROR',
  'TRIAGE_HAR_SAML_NOT_VALIDATED',
  'TRIAGE_SAML_SIGNATURE_NOT_VERIFIED',
])

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

/**
 * The one way every input becomes a Report: evidence capped, sorted findings, report capped, summary derived from
 * what the report holds, never stored separately.
 */
export function buildReport(input: BuildReportInput): Report {
  const sorted = sortFindings(dedupe(input.findings.map((f) => ({ ...f, evidence: capEvidence(f.evidence) }))))
  const { findings, timeline } = capLists(sorted, input.timeline ?? [])
  return {
    schema: REPORT_SCHEMA_ID,
    subject: input.subject,
    profile: input.profile,
    checkedAt: isoTime(input.now),
    summary: summarize(findings),
    findings,
    ...(input.skipped?.length ? { skipped: input.skipped } : {}),
    ...(input.certificates?.length ? { certificates: input.certificates } : {}),
    ...(timeline.length ? { timeline } : {}),
    ...(input.facts ? { facts: input.facts } : {}),
  }
}

/** A report keeps at most this many findings (the rest folded into one INPUT_REPORT_TRUNCATED finding)... */
export const MAX_REPORT_FINDINGS = 500
/** ...and this many timeline steps (the rest folded into one last step). */
export const MAX_REPORT_STEPS = 200
/** A string in evidence is cut to this many characters, with a note saying how many more there were. */
export const MAX_EVIDENCE_CHARS = 4096
// Generous: an aggregate of a whole federation (InCommon lists ~10,000 entities) is evidence the admin picks from.
const MAX_EVIDENCE_ITEMS = 10_000
const MAX_EVIDENCE_DEPTH = 8

/** `s` cut to at most `max` characters, saying how much was cut; the cut form fits in `max`, so cutting twice changes nothing. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s
  const note = `… [${s.length - max} more characters]`
  return s.slice(0, Math.max(0, max - note.length)) + note
}

/**
 * A report from elsewhere (a saved or imported one) held to the same caps as a built one. Unchanged when within them;
 * when cut, the summary is derived again from what is kept.
 */
export function capReport(report: Report): Report {
  const capped = report.findings.map((f) => ({ ...f, evidence: capEvidence(f.evidence) }))
  const over = report.findings.length > MAX_REPORT_FINDINGS || (report.timeline?.length ?? 0) > MAX_REPORT_STEPS
  if (!over) return { ...report, findings: capped }
  const { findings, timeline } = capLists(sortFindings(capped), report.timeline ?? [])
  return { ...report, summary: summarize(findings), findings, ...(timeline.length ? { timeline } : {}) }
}

const SEVERITY_BY_RANK: readonly Severity[] = ['error', 'warning', 'info']

/**
 * Findings (sorted, most important first) and steps beyond the caps are folded into one finding that counts them by
 * severity and code. The summary then counts what is shown: the folded finding takes the severity of the worst
 * finding it folds, so a folded error still makes the verdict no-go and the counts agree with the sections.
 */
function capLists(
  sorted: readonly Finding[],
  steps: readonly TimelineStep[],
): { findings: Finding[]; timeline: TimelineStep[] } {
  const foldFindings = sorted.length > MAX_REPORT_FINDINGS
  const foldSteps = steps.length > MAX_REPORT_STEPS
  if (!foldFindings && !foldSteps) return { findings: [...sorted], timeline: [...steps] }
  const kept = foldFindings ? sorted.slice(0, MAX_REPORT_FINDINGS - 1) : [...sorted]
  const folded = foldFindings ? sorted.slice(MAX_REPORT_FINDINGS - 1) : []
  const counts = { errors: 0, warnings: 0, infos: 0 }
  const byCode: Record<string, number> = {}
  let worst = 2
  for (const f of folded) {
    if (f.severity === 'error') counts.errors++
    else if (f.severity === 'warning') counts.warnings++
    else counts.infos++
    worst = Math.min(worst, SEVERITY_RANK[f.severity])
    byCode[f.code] = (byCode[f.code] ?? 0) + 1
  }
  const timeline = foldSteps
    ? [
        ...steps.slice(0, MAX_REPORT_STEPS - 1),
        {
          at: steps[steps.length - 1]!.at,
          kind: 'check' as const,
          summary: `${steps.length - MAX_REPORT_STEPS + 1} more steps not kept: a report keeps at most ${MAX_REPORT_STEPS}`,
        },
      ]
    : [...steps]
  const note = finding(
    'INPUT_REPORT_TRUNCATED',
    {
      expected: `at most ${MAX_REPORT_FINDINGS} findings and ${MAX_REPORT_STEPS} timeline steps`,
      actual: `${sorted.length} findings, ${steps.length} timeline steps`,
      folded: { findings: folded.length, ...counts, byCode },
      foldedSteps: foldSteps ? steps.length - MAX_REPORT_STEPS + 1 : 0,
    },
    {},
    { severity: folded.length ? SEVERITY_BY_RANK[worst]! : 'info' },
  )
  return { findings: sortFindings([...kept, note]), timeline }
}

/** Evidence with long strings cut, long lists shortened and deep nesting stopped, so no report can explode. */
export function capEvidence(e: Evidence): Evidence {
  return capValue(e, 0) as Evidence
}

function capValue(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return cutText(v, MAX_EVIDENCE_CHARS)
  if (v === null || typeof v !== 'object') return v
  if (depth >= MAX_EVIDENCE_DEPTH) return '[nested too deep]'
  if (Array.isArray(v)) {
    const list =
      v.length > MAX_EVIDENCE_ITEMS
        ? [...v.slice(0, MAX_EVIDENCE_ITEMS - 1), `[${v.length - MAX_EVIDENCE_ITEMS + 1} more items]`]
        : v
    return list.map((x) => capValue(x, depth + 1))
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, capValue(x, depth + 1)]))
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

/** "the vendor (<name>)" when the profile names its vendor; a generic profile has no vendor words. */
export function ownerLabel(owner: Owner, vendorName?: string | null): string {
  return owner === 'vendor' && vendorName ? `the vendor (${vendorName})` : OWNER_LABEL[owner]
}
export { OwnerSchema }
