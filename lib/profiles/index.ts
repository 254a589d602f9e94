import autodeskJson from './autodesk.json'
import autodeskSignInGuide from './autodesk-sign-in-guide.json'
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

/** The "I cannot sign in" guide of a built-in profile, in the vendor's own words (validated by lib/triage/guide.ts). */
export const SIGN_IN_GUIDES: Readonly<Partial<Record<BuiltinProfileId, unknown>>> = { autodesk: autodeskSignInGuide }

const VENDOR_HOSTS: readonly string[] = Object.values(BUILTIN_PROFILES).flatMap((p) => p.vendor?.hosts ?? [])

/** A host the vendor of a built-in profile serves its own pages from (or a subdomain of one). */
export function isVendorHost(host: string): boolean {
  const h = host.toLowerCase()
  return VENDOR_HOSTS.some((v) => h === v || h.endsWith(`.${v}`))
}

/** The vendor's name of a built-in profile ("Autodesk"), for owner labels; none for a generic or unknown profile. */
export function vendorNameOf(profileId: string): string | undefined {
  return isBuiltinProfileId(profileId) ? BUILTIN_PROFILES[profileId].vendor?.name : undefined
}

/** Parses a custom profile (e.g. `--profile file.json`); returns zod issues for the caller to show. */
export function parseProfile(json: unknown) {
  return SpProfileSchema.safeParse(json)
}
