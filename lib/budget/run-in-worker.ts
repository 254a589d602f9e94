import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { JOBS, type JobInput, type JobName, type JobOutput } from './jobs'
import { DEFAULT_BUDGET, type Budget, type BudgetResult } from './types'

/** The built worker, next to the bundled CLI (dist/cli.mjs) or under the app's working directory. */
const BUILT = 'analysis-worker.mjs'

/**
 * Where the worker's code is. Built (NODE_ENV=production, or this module bundled into dist/cli.mjs):
 * dist/analysis-worker.mjs beside the bundle (or one directory up, from a chunk under dist/cli/), else under process.cwd() (the Next.js server; Turbopack keeps the TS
 * source path in import.meta.url, hence the NODE_ENV check). Run from TypeScript (vitest, tsx, next dev): the TS
 * entry beside this file, through tsx. `SSO_PREFLIGHT_ANALYSIS_WORKER` overrides both (a path to the built file).
 */
export function workerEntry(): { file: string; eval?: string } | undefined {
  const override = process.env.SSO_PREFLIGHT_ANALYSIS_WORKER
  if (override) return { file: override }
  const here = moduleFile()
  const fromSource = here?.endsWith('.ts') === true && process.env.NODE_ENV !== 'production'
  if (here && fromSource) {
    // Register tsx's loader in the worker, then load the TS entry (execArgv --import is not honoured by Node 20 workers).
    const file = join(dirname(here), 'worker-entry.ts')
    const api = pathToFileURL(
      join(
        dirname(createRequire(/*turbopackIgnore: true*/ here).resolve('tsx/package.json')),
        'dist',
        'esm',
        'api',
        'index.mjs',
      ),
    ).href
    return {
      file,
      eval: `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(pathToFileURL(file).href)}) })`,
    }
  }
  // The bundled CLI's code sits in dist/cli.mjs or in one of its chunks under dist/cli/: the worker is beside the entry.
  const builtDirs = here && !here.endsWith('.ts') ? [dirname(here), join(dirname(here), '..')] : []
  for (const file of [...builtDirs.map((d) => join(d, BUILT)), join(process.cwd(), 'dist', BUILT)]) {
    if (file && existsSync(/*turbopackIgnore: true*/ file)) return { file }
  }
  return undefined
}

function moduleFile(): string | undefined {
  try {
    const url = import.meta.url
    return typeof url === 'string' && url.startsWith('file:') ? fileURLToPath(url) : undefined
  } catch {
    return undefined
  }
}

interface Slot {
  readonly worker: Worker
  readonly ready: Promise<boolean>
  readonly heapMb: number
}

/**
 * One warm worker kept between jobs (unref'd, so it never keeps a CLI process alive): starting a worker and loading
 * the analysis code costs far more than a small analysis itself. A worker that failed a job is never reused.
 */
let idle: Slot | undefined
let nextId = 1

function spawn(entry: { file: string; eval?: string }, heapMb: number): Slot {
  const worker = new Worker(/*turbopackIgnore: true*/ entry.eval ?? entry.file, {
    eval: entry.eval !== undefined,
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.min(32, Math.max(4, heapMb / 8)),
      stackSizeMb: 4,
    },
    stdout: false,
    stderr: false,
  })
  const ready = new Promise<boolean>((res) => {
    const onMessage = (m: { ready?: true }) => {
      if (m.ready) {
        worker.off('message', onMessage)
        res(true)
      }
    }
    worker.on('message', onMessage)
    worker.once('exit', () => res(false))
    worker.once('error', () => res(false))
  })
  worker.once('exit', () => {
    if (idle?.worker === worker) idle = undefined
  })
  return { worker, ready, heapMb }
}

/**
 * Runs `job` on `input` in a worker thread with a V8 heap limit and a deadline, so one hostile input can never take
 * the process down or stall it: over the heap limit the worker dies alone (ERR_WORKER_OUT_OF_MEMORY), past the
 * deadline it is terminated. Failures come back typed; callers turn them into an INPUT_TOO_COMPLEX finding.
 * @example const r = await runInWorker('analyze-har', { text, options }); if (!r.ok) ...
 */
export function runInWorker<J extends JobName>(
  job: J,
  input: JobInput<J>,
  budget: Partial<Budget> = {},
): Promise<BudgetResult<JobOutput<J>>> {
  const b = { ...DEFAULT_BUDGET, ...budget }
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  // V8 (Node 20) aborts the whole process, not just the worker, when one allocation cannot fit under the limit: an
  // input whose text alone would take a quarter of the heap is refused before any worker starts.
  if (stringChars(input) > (b.maxHeapMb * 1024 * 1024) / 4)
    return Promise.resolve({ ok: false, reason: 'memory', detail: `${b.maxHeapMb} MB`, elapsedMs: 0 })
  const entry = workerEntry()
  if (!entry) {
    return Promise.resolve({
      ok: false,
      reason: 'crashed',
      detail: `the analysis worker (dist/${BUILT}) is not built: run npm run build:cli`,
      elapsedMs: 0,
    })
  }
  let slot: Slot
  if (idle && idle.heapMb === b.maxHeapMb) {
    slot = idle
    idle = undefined
  } else slot = spawn(entry, b.maxHeapMb)
  const { worker } = slot
  worker.ref()
  const id = nextId++
  return new Promise((resolve) => {
    let settled = false
    const finish = (r: BudgetResult<JobOutput<J>>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (r.ok && !idle) {
        idle = slot
        worker.unref()
      } else void worker.terminate()
      resolve(r)
    }
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'timeout', detail: `${b.timeoutMs} ms`, elapsedMs: elapsed() }),
      b.timeoutMs,
    )
    const onMessage = (m: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      if (m.id !== id) return
      if (!m.ok)
        return finish({ ok: false, reason: 'crashed', detail: m.error ?? 'unknown error', elapsedMs: elapsed() })
      // The worker is our code, but its answer still crosses a boundary: check it like any other input.
      const parsed = JOBS[job].result.safeParse(m.value)
      finish(
        parsed.success
          ? { ok: true, value: parsed.data as JobOutput<J>, elapsedMs: elapsed() }
          : {
              ok: false,
              reason: 'crashed',
              detail: `unexpected result: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
              elapsedMs: elapsed(),
            },
      )
    }
    const onError = (err: Error & { code?: string }) => {
      const memory =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap out of memory|allocation failed/i.test(err.message)
      finish(
        memory
          ? { ok: false, reason: 'memory', detail: `${b.maxHeapMb} MB`, elapsedMs: elapsed() }
          : { ok: false, reason: 'crashed', detail: err.message, elapsedMs: elapsed() },
      )
    }
    const onExit = (code: number) =>
      finish({ ok: false, reason: 'crashed', detail: `the worker exited (code ${code})`, elapsedMs: elapsed() })
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    // Only once the worker runs is the input handed over (see worker-entry.ts).
    void slot.ready.then((ok) => {
      if (ok && !settled) worker.postMessage({ id, job, input })
    })
  })
}

/** Characters in the strings of the input and of its direct members (the text and the options' documents). */
function stringChars(v: unknown, depth = 0): number {
  if (typeof v === 'string') return v.length
  if (depth > 1 || !v || typeof v !== 'object') return 0
  let n = 0
  for (const x of Object.values(v)) n += stringChars(x, depth + 1)
  return n
}
