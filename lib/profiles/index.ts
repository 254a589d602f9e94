import autodeskJson from './autodesk.json'
import genericJson from './generic.json'
import { SpProfileSchema, type SpProfile } from './schema'

export { SpProfileSchema } from './schema'
export type { SpProfile, SpProfileInput } from './schema'

/** Built-in profiles, validated once at load: a broken profile file is our bug, so it throws. */
export const BUILTIN_PROFILES: Readonly<Record<'autodesk' | 'generic', SpProfile>> = {
  autodesk: SpProfileSchema.parse(autodeskJson),
  generic: SpProfileSchema.parse(genericJson),
}
export type BuiltinProfileId = keyof typeof BUILTIN_PROFILES
export const DEFAULT_PROFILE_ID: BuiltinProfileId = 'autodesk'

export function isBuiltinProfileId(id: string): id is BuiltinProfileId {
  return Object.hasOwn(BUILTIN_PROFILES, id)
}

/** The vendor's name of a built-in profile ("Autodesk"), for owner labels; none for a generic or unknown profile. */
export function vendorNameOf(profileId: string): string | undefined {
  return isBuiltinProfileId(profileId) ? BUILTIN_PROFILES[profileId].vendorName : undefined
}

/** Parses a custom profile (e.g. `--profile file.json`); returns zod issues for the caller to show. */
export function parseProfile(json: unknown) {
  return SpProfileSchema.safeParse(json)
}
