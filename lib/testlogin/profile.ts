import { BUILTIN_PROFILES, isBuiltinProfileId, type SpProfile } from '../profiles/index'

/** A connection's profile; an unknown id falls back to `generic` (the connection form only offers built-ins). */
export function profileFor(profileId: string): SpProfile {
  return isBuiltinProfileId(profileId) ? BUILTIN_PROFILES[profileId] : BUILTIN_PROFILES.generic
}
