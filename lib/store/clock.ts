/** The store's notion of time: injected so tests can pin it and purge can be tested without waiting. */
export interface StoreClock {
  now(): Date
  /** now + the retention period. */
  retainUntil(from: Date): Date
}

export function storeClock(retentionDays: number, now: () => Date = () => new Date()): StoreClock {
  return {
    now,
    retainUntil: (from) => new Date(from.getTime() + retentionDays * 86_400_000),
  }
}
