import { parentPort } from 'node:worker_threads'
import { JOBS, type JobName } from './jobs'

/*
 * The analysis worker: runs jobs from lib/budget/jobs.ts, one at a time, and posts each result. Bundled by
 * scripts/build-cli.mjs into dist/analysis-worker.mjs (the app is bundled by Next.js, so the worker needs a plain
 * JavaScript entry). Inputs arrive as messages, not as workerData: workerData is deserialised while the worker boots,
 * and running out of heap there aborts the whole process (Node 20) instead of failing the worker with
 * ERR_WORKER_OUT_OF_MEMORY.
 */
parentPort!.on('message', ({ id, job, input }: { id: number; job: JobName; input: never }) => {
  const run = JOBS[job]?.run as ((i: never) => unknown) | undefined
  if (!run) {
    parentPort!.postMessage({ id, ok: false, error: `unknown job ${String(job)}` })
    return
  }
  Promise.resolve()
    .then(() => run(input))
    .then(
      (value) => parentPort!.postMessage({ id, ok: true, value }),
      (err: unknown) =>
        parentPort!.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
    )
})
parentPort!.postMessage({ ready: true })
