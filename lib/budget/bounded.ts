import { finding } from '../findings/finding'
import { buildReport, type Report } from '../findings/report'
import { analyzeHar, type AnalyzeHarOptions } from '../triage/har/analyze'
import { detectInput } from '../input/detect-input'
import { triageKindOf } from '../triage/detect'
import { triageInput, withDetectedInput, type TriageInputOptions, type TriageResult } from '../triage/triage-input'
import { runInWorker, workerEntry } from './run-in-worker'
import { DEFAULT_BUDGET, type Budget, type BudgetFailure } from './types'

/*
 * Whole jobs under a budget, for the faces (route handlers, CLI): they call these instead of the unbounded ones.
 */

/** HAR triage in a worker with a time and heap budget; over budget, a report with INPUT_TOO_COMPLEX. */
export async function analyzeHarBounded(
  text: string,
  options: AnalyzeHarOptions,
  budget: Partial<Budget> = {},
): Promise<Report> {
  if (!workerAvailable()) return analyzeHar(text, options)
  const r = await runInWorker('analyze-har', { text, options }, budget)
  if (r.ok) return r.value
  return tooComplex(
    r,
    { ...DEFAULT_BUDGET, ...budget },
    'har',
    options.source ?? 'HAR file',
    options.profile.id,
    options.now,
  )
}

/** The /triage entry point (HAR, SAML, bundle, report, token, text) in a worker with a time and heap budget. */
export async function triageInputBounded(
  text: string,
  options: TriageInputOptions,
  budget: Partial<Budget> = {},
): Promise<TriageResult> {
  if (!workerAvailable()) return triageInput(text, options)
  const r = await runInWorker('triage-input', { text, options }, budget)
  if (r.ok) return r.value
  const detected = detectInput(text)
  const kind = triageKindOf(detected)
  const subject =
    kind === 'har'
      ? 'har'
      : kind === 'saml'
        ? 'saml-response'
        : kind === 'jwt'
          ? 'oidc-id-token'
          : kind === 'saml-metadata'
            ? 'saml-metadata'
            : kind === 'oidc-discovery'
              ? 'oidc-discovery'
              : 'explain'
  return {
    kind,
    detected,
    reports: [
      withDetectedInput(
        tooComplex(r, { ...DEFAULT_BUDGET, ...budget }, subject, 'triage input', options.profile.id, options.now),
        detected,
      ),
    ],
  }
}

function tooComplex(
  r: BudgetFailure,
  b: Budget,
  kind: Report['subject']['kind'],
  source: string,
  profile: string,
  now = new Date(),
): Report {
  const actual =
    r.reason === 'timeout'
      ? `stopped after ${r.elapsedMs} ms (limit ${r.detail})`
      : r.reason === 'memory'
        ? `stopped: needed more than ${r.detail} of memory`
        : `stopped: ${r.detail.slice(0, 200)}`
  return buildReport({
    subject: { kind, idp: 'other', source },
    profile,
    now,
    findings: [
      finding('INPUT_TOO_COMPLEX', {
        expected: `at most ${b.timeoutMs} ms and ${b.maxHeapMb} MB per analysis`,
        actual,
        where: source,
      }),
    ],
  })
}

let warned = false
/**
 * Without the built worker (dist/analysis-worker.mjs, made by npm run build:cli) the jobs run in-process, unbounded,
 * rather than refusing every input; a one-line warning says so.
 */
function workerAvailable(): boolean {
  if (workerEntry()) return true
  if (!warned) {
    warned = true
    console.warn(
      'sso-preflight: dist/analysis-worker.mjs not found (npm run build:cli); analyses run without a time / memory budget',
    )
  }
  return false
}
