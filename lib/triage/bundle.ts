import { z } from 'zod'
import type { Parsed } from '../context'
import { finding } from '../findings/finding'
import { MAX_IMPORTED_DEPTH, nestsDeeperThan } from '../findings/json-depth'
import { rederiveReport } from '../findings/rederive'
import { ReportSchema, type Report } from '../findings/report'
import { maskReport } from '../store/mask'

export const SUPPORT_BUNDLE_SCHEMA_ID = 'sso-preflight/support-bundle@1'

const Ids = z.array(z.string().max(200)).max(50)
export const SupportBundleSchema = z.object({
  schema: z.literal(SUPPORT_BUNDLE_SCHEMA_ID),
  createdAt: z.iso.datetime({ offset: true }),
  /** Personal values masked (false only when the user opted in to attach raw material). */
  masked: z.boolean(),
  reports: z.array(ReportSchema).min(1).max(20),
  /** IdP-side identifiers that find the sign-in in the IdP's and the vendor's logs. */
  identifiers: z.object({
    correlationIds: Ids,
    requestIds: Ids,
    traceIds: Ids,
    errorIds: Ids,
    timestamps: Ids,
    errorCodes: Ids,
  }),
  /** What was checked: one line per report (kind, IdP, entity ID / issuer, profile, verdict). */
  configuration: z.array(
    z.object({
      kind: z.string(),
      idp: z.string(),
      profile: z.string(),
      checkedAt: z.iso.datetime({ offset: true }),
      verdict: z.enum(['go', 'no-go', 'none']),
      entityId: z.string().optional(),
      issuer: z.string().optional(),
      source: z.string().optional(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  ),
  attachments: z
    .strictObject({
      rawSamlResponse: z.string().max(2_000_000).optional(),
      rawIdToken: z.string().max(100_000).optional(),
    })
    .optional(),
})
export type SupportBundle = z.infer<typeof SupportBundleSchema>

export interface BuildSupportBundleOptions {
  /** Explicit opt-in: keep personal values and attach the raw material given in `raw`. Off by default. */
  readonly attachRaw: boolean
  readonly raw?: { readonly samlResponse?: string; readonly idToken?: string }
  readonly now?: Date
}

/**
 * Everything support needs in one JSON file: the reports (findings, timeline), IdP-side identifiers and a
 * configuration summary. Personal values are masked and raw assertions left out unless `attachRaw` is set.
 */
export function buildSupportBundle(reports: Report | readonly Report[], o: BuildSupportBundleOptions): SupportBundle {
  const list = (Array.isArray(reports) ? reports : [reports]) as Report[]
  const shown = o.attachRaw ? list : list.map(maskReport)
  const ids = {
    correlationIds: new Set<string>(),
    requestIds: new Set<string>(),
    traceIds: new Set<string>(),
    errorIds: new Set<string>(),
    timestamps: new Set<string>(),
    errorCodes: new Set<string>(),
  }
  // From the unmasked reports: correlation / request IDs identify a sign-in, not a person, and masking would break them.
  for (const r of list) {
    for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
      const v = r.facts?.[key]
      if (Array.isArray(v)) for (const x of v) if (typeof x === 'string' && !x.includes('@')) ids[key].add(x)
    }
  }
  const attachments =
    o.attachRaw && o.raw && (o.raw.samlResponse || o.raw.idToken)
      ? {
          ...(o.raw.samlResponse ? { rawSamlResponse: o.raw.samlResponse } : {}),
          ...(o.raw.idToken ? { rawIdToken: o.raw.idToken } : {}),
        }
      : undefined
  return SupportBundleSchema.parse({
    schema: SUPPORT_BUNDLE_SCHEMA_ID,
    createdAt: (o.now ?? new Date()).toISOString(),
    masked: !o.attachRaw,
    reports: shown,
    identifiers: Object.fromEntries(Object.entries(ids).map(([k, s]) => [k, [...s].slice(0, 50)])),
    configuration: configurationOf(shown),
    ...(attachments ? { attachments } : {}),
  })
}

/** One line per report: what was checked and its verdict, always derived from the reports themselves. */
function configurationOf(reports: readonly Report[]): SupportBundle['configuration'] {
  return reports.map((r) => ({
    kind: r.subject.kind,
    idp: r.subject.idp,
    profile: r.profile,
    checkedAt: r.checkedAt,
    verdict: r.summary.verdict,
    errors: r.summary.errors,
    warnings: r.summary.warnings,
    ...(r.subject.entityId ? { entityId: r.subject.entityId } : {}),
    ...(r.subject.issuer ? { issuer: r.subject.issuer } : {}),
    ...(r.subject.source ? { source: r.subject.source } : {}),
  }))
}

/** Reads a support bundle (or a single exported report, wrapped as a one-report bundle view). Bad input is a finding. */
export function parseSupportBundle(json: string | unknown): Parsed<SupportBundle> {
  let value: unknown = json
  if (typeof json === 'string') {
    if (json.length > 10_000_000)
      return {
        ok: false,
        findings: [
          finding('TRIAGE_BUNDLE_INVALID', { expected: 'at most 10 MB', actual: `${json.length} characters` }),
        ],
      }
    try {
      value = JSON.parse(json)
    } catch {
      return { ok: false, findings: [finding('TRIAGE_BUNDLE_INVALID', { expected: 'JSON', actual: 'not JSON' })] }
    }
  }
  // Before the schema: zod, masking and the renderers recurse, and a bundle nested 100,000 deep would overflow them.
  if (nestsDeeperThan(value, MAX_IMPORTED_DEPTH + 2)) {
    return {
      ok: false,
      findings: [
        finding('TRIAGE_BUNDLE_INVALID', {
          expected: `at most ${MAX_IMPORTED_DEPTH} levels of nesting`,
          actual: 'deeper',
        }),
      ],
    }
  }
  const bundle = SupportBundleSchema.safeParse(value)
  if (bundle.success) {
    // The reports are re-derived from the catalog (words, owners, verdicts), and the configuration lines from them.
    const reports: Report[] = []
    for (const [i, r] of bundle.data.reports.entries()) {
      const re = rederiveReport(r)
      if (!re.ok)
        return {
          ok: false,
          findings: [
            finding('TRIAGE_BUNDLE_INVALID', {
              expected: 'reports made by SSO Preflight',
              actual: re.message,
              where: `reports.${i}`,
            }),
          ],
        }
      reports.push(re.report)
    }
    return { ok: true, value: { ...bundle.data, reports, configuration: configurationOf(reports) } }
  }
  const issue = bundle.error.issues[0]
  return {
    ok: false,
    findings: [
      finding('TRIAGE_BUNDLE_INVALID', {
        expected: SUPPORT_BUNDLE_SCHEMA_ID,
        actual: issue ? `${issue.message} at ${issue.path.join('.') || '(root)'}` : 'invalid',
        ...(issue ? { where: issue.path.join('.') } : {}),
      }),
    ],
  }
}
