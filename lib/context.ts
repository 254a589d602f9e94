import type { IdpKind } from './findings/types'
import type { SpProfile } from './profiles/schema'

/** Everything a pure check may know besides its input. The clock is an input: tests pin it. */
export interface CheckContext {
  readonly profile: SpProfile
  readonly now: Date
  /** Detected (or declared) IdP product; picks the "fix at" screen. */
  readonly idp: IdpKind
  /** The SP entity ID the IdP must address: what the admin typed, else null (then only the profile pattern applies). */
  readonly spEntityId?: string
  /** The ACS URL the response must be sent to. */
  readonly acsUrl?: string
  /** Allowed clock skew in seconds (defaults to the profile's). */
  readonly skewSeconds: number
}

export function checkContext(o: {
  profile: SpProfile
  now?: Date
  idp?: IdpKind
  spEntityId?: string
  acsUrl?: string
  skewSeconds?: number
}): CheckContext {
  return {
    profile: o.profile,
    now: o.now ?? new Date(),
    idp: o.idp ?? 'other',
    ...(o.spEntityId ? { spEntityId: o.spEntityId } : {}),
    ...(o.acsUrl ? { acsUrl: o.acsUrl } : {}),
    skewSeconds: o.skewSeconds ?? o.profile.clockSkewSeconds,
  }
}

/** Result of parsing at the edge: a value, or the findings that explain why there is none. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; findings: import('./findings/types').Finding[] }
