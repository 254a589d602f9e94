/*
 * What must never reach the store lives here, in this process's memory only, for a run's short lifetime:
 * the OIDC client secret typed for a run, and the unmasked view of an answer (decoded XML, claims) that only the
 * browser which started the run may see. Several app instances do not share it: that is the price of not storing it.
 */

interface Entry<T> { value: T; expiresAt: number }

const slot = globalThis as typeof globalThis & { __ssoPreflightTestLoginMemory?: Map<string, Entry<unknown>> }
const memory = (slot.__ssoPreflightTestLoginMemory ??= new Map())

const MAX_ENTRIES = 10_000

function sweep(now: number): void {
  for (const [k, e] of memory) if (e.expiresAt <= now) memory.delete(k)
}

export function remember<T>(key: string, value: T, ttlMs: number, now = Date.now()): void {
  if (memory.size >= MAX_ENTRIES) sweep(now)
  if (memory.size >= MAX_ENTRIES) memory.delete(memory.keys().next().value as string)
  memory.set(key, { value, expiresAt: now + ttlMs })
}

export function recall<T>(key: string, now = Date.now()): T | undefined {
  const e = memory.get(key)
  if (!e) return undefined
  if (e.expiresAt <= now) {
    memory.delete(key)
    return undefined
  }
  return e.value as T
}

/** Returns and deletes: a client secret is used once, at the callback. */
export function take<T>(key: string, now = Date.now()): T | undefined {
  const v = recall<T>(key, now)
  memory.delete(key)
  return v
}

export function forget(key: string): void {
  memory.delete(key)
}
