import type { SafeFetchOptions } from '../net/index'
import { countWebhookDelivery } from '../ops/metrics'
import type { Store } from '../store/types'
import { recheckConnection } from './recheck'
import { attemptDelivery, nextAttemptAt, watchEventPayload, watchEventReasons } from './webhook'

export const WATCH_INTERVAL_MS = 24 * 60 * 60_000
/** How long an instance owns a claimed check or delivery; after that another instance may take it over. */
const LEASE_MS = 5 * 60_000
/** A failed fetch is tried again sooner than the daily check. */
const FAILED_CHECK_RETRY_MS = 60 * 60_000

export interface WatchTickResult {
  checked: number
  queued: number
  delivered: number
  failed: number
}

/**
 * One round of the app's watch, safe to run on every instance at once: enrol connections with a metadata URL or an
 * issuer, run the checks that are due (each claimed by one instance), store their snapshots, queue webhook deliveries
 * for what changed, and attempt the deliveries that are due (retried 1 min, 5 min, 30 min, 2 h after failures).
 */
export async function runWatchTick(
  store: Store,
  o: { now?: Date; intervalMs?: number; fetchOptions?: SafeFetchOptions; limit?: number } = {},
): Promise<WatchTickResult> {
  const now = o.now ?? new Date()
  const out: WatchTickResult = { checked: 0, queued: 0, delivered: 0, failed: 0 }
  await store.watch.enrollNew(now)
  for (const due of await store.watch.claimDue({ limit: o.limit ?? 20, leaseMs: LEASE_MS, now })) {
    const connection = await store.connections.get(due.connectionId)
    if (!connection) continue
    const result = await recheckConnection(connection, {
      previous: due.snapshot,
      now,
      ...(o.fetchOptions ? { fetchOptions: o.fetchOptions } : {}),
    })
    if (!result) {
      await store.watch.recordCheck(due.connectionId, {
        snapshot: null,
        nextCheckAt: new Date(now.getTime() + (o.intervalMs ?? WATCH_INTERVAL_MS)),
      })
      continue
    }
    out.checked++
    if (!result.fetched) {
      await store.watch.recordCheck(due.connectionId, {
        snapshot: null,
        nextCheckAt: new Date(now.getTime() + FAILED_CHECK_RETRY_MS),
        failed: true,
      })
      continue
    }
    await store.watch.recordCheck(due.connectionId, {
      snapshot: result.snapshot,
      nextCheckAt: new Date(now.getTime() + (o.intervalMs ?? WATCH_INTERVAL_MS)),
    })
    const reasons = watchEventReasons(result.report, due.snapshot)
    if (reasons.length) {
      const payload = watchEventPayload({
        connection: { id: connection.id, name: connection.name, protocol: connection.protocol },
        report: result.report,
        snapshot: result.snapshot,
        previous: due.snapshot,
        reasons,
      })
      out.queued += await store.watch.enqueueDeliveries({
        workspaceId: due.workspaceId,
        connectionId: connection.id,
        event: payload.event,
        payload,
        now,
      })
    }
  }
  for (const d of await store.watch.claimDueDeliveries({ limit: o.limit ?? 20, leaseMs: LEASE_MS, now })) {
    const outcome = await attemptDelivery(d, { now, ...(o.fetchOptions ? { fetchOptions: o.fetchOptions } : {}) })
    const attempts = d.attempts + 1
    const next = outcome.delivered ? null : nextAttemptAt(attempts, now)
    await store.watch.recordAttempt(d.id, {
      delivered: outcome.delivered,
      status: outcome.status,
      ...(outcome.delivered ? {} : { error: outcome.error }),
      nextAttemptAt: next,
      now,
    })
    if (outcome.delivered) out.delivered++
    else out.failed++
    countWebhookDelivery(outcome.delivered ? 'delivered' : next ? 'failed' : 'gave-up')
  }
  return out
}

const slot = globalThis as typeof globalThis & { __ssoPreflightWatchTimer?: ReturnType<typeof setInterval> }

/** The in-process scheduler: a tick every `everyMs` (default a minute); several instances may all run it. */
export function startWatchScheduler(
  getStore: () => Promise<Store>,
  o: { everyMs?: number; onError?: (err: unknown) => void } = {},
): void {
  stopWatchScheduler()
  let running = false
  slot.__ssoPreflightWatchTimer = setInterval(() => {
    if (running) return
    running = true
    getStore()
      .then((s) => runWatchTick(s))
      .catch((err: unknown) => o.onError?.(err))
      .finally(() => {
        running = false
      })
  }, o.everyMs ?? 60_000)
  slot.__ssoPreflightWatchTimer.unref()
}

export function stopWatchScheduler(): void {
  clearInterval(slot.__ssoPreflightWatchTimer)
  slot.__ssoPreflightWatchTimer = undefined
}
