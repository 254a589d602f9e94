import { z } from 'zod'

/** The budget one job may use: wall-clock time (which bounds its CPU time) and the worker's V8 heap. */
export interface Budget {
  /** Milliseconds before the worker is terminated (default 5,000: 2 s of CPU plus room for a loaded machine). */
  readonly timeoutMs: number
  /** Old-generation heap of the worker in MB (default 256). */
  readonly maxHeapMb: number
}

export const DEFAULT_BUDGET: Budget = { timeoutMs: 5000, maxHeapMb: 256 }

/** Why a job gave no result: over time, over memory, or the worker failed for another reason (a bug, a missing build). */
export const BudgetFailureSchema = z.object({
  ok: z.literal(false),
  reason: z.enum(['timeout', 'memory', 'crashed']),
  /** The limit that was hit, for the evidence ("5000 ms", "256 MB"), or the error message when crashed. */
  detail: z.string(),
  elapsedMs: z.number(),
})
export type BudgetFailure = z.infer<typeof BudgetFailureSchema>

export type BudgetResult<T> = { readonly ok: true; readonly value: T; readonly elapsedMs: number } | BudgetFailure
