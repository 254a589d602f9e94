import { parentPort } from 'node:worker_threads'
import { JOBS, type JobName } from './jobs'

/*
 * The analysis worker: runs one job from lib/budget/jobs.ts and posts its result. Bundled by scripts/build-cli.mjs
 * into dist/analysis-worker.mjs (the app is bundled by Next.js, so the worker needs a plain JavaScript entry).
 * The input arrives as a message, not as workerData: workerData is deserialised while the worker boots, and running
 * out of heap there aborts the whole process (Node 20) instead of failing the worker with ERR_WORKER_OUT_OF_MEMORY.
 */
parentPort!.once('message', ({ job, input }: { job: JobName; input: never }) => {
  const run = JOBS[job]?.run as ((i: never) => unknown) | undefined
  if (!run) { parentPort!.postMessage({ ok: false, error: `unknown job ${String(job)}` }); return }
  Promise.resolve().then(() => run(input)).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  )
})
parentPort!.postMessage({ ready: true })
