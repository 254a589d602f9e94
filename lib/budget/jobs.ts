import { z } from 'zod'
import { ReportSchema, type Report } from '../findings/report'
import type { SpProfile } from '../profiles/schema'
import { DetectedInputSchema } from '../input/detect-input'
import { SupportBundleSchema } from '../triage/bundle'
import { analyzeHar, type AnalyzeHarOptions } from '../triage/har/analyze'
import { triageInput, type TriageInputOptions, type TriageResult } from '../triage/triage-input'

/**
 * The jobs that may run under a budget (lib/budget/run-in-worker.ts): name → function over structured-cloneable
 * data, and the schema its result is checked against when it comes back from the worker.
 */
export const JOBS = {
  'analyze-har': {
    run: (input: { text: string; options: AnalyzeHarOptions }): Report => analyzeHar(input.text, input.options),
    result: ReportSchema,
  },
  'triage-input': {
    run: (input: { text: string; options: TriageInputOptions }): Promise<TriageResult> =>
      triageInput(input.text, input.options),
    result: z.object({
      kind: z.enum(['har', 'report', 'support-bundle', 'jwt', 'saml', 'saml-metadata', 'oidc-discovery', 'text']),
      detected: DetectedInputSchema,
      reports: z.array(ReportSchema),
      bundle: SupportBundleSchema.optional(),
    }),
  },
} as const

export type JobName = keyof typeof JOBS
export type JobInput<J extends JobName> = Parameters<(typeof JOBS)[J]['run']>[0]
export type JobOutput<J extends JobName> = Awaited<ReturnType<(typeof JOBS)[J]['run']>>

export type { SpProfile }
