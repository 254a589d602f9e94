import type { TimelineStep } from '../findings/report'

/** One timeline step; `since` turns a start time into the step's duration. */
export function step(
  kind: TimelineStep['kind'],
  summary: string,
  o: { at?: Date; since?: number; data?: unknown } = {},
): TimelineStep {
  return {
    at: (o.at ?? new Date()).toISOString(),
    kind,
    summary,
    ...(o.since !== undefined ? { durationMs: Math.round((performance.now() - o.since) * 10) / 10 } : {}),
    ...(o.data !== undefined ? { data: o.data } : {}),
  }
}
