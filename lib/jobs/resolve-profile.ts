import { BUILTIN_PROFILES, isBuiltinProfileId, parseProfile, type SpProfile } from '../profiles/index'

/** A built-in profile id, or a whole profile as parsed JSON (a custom profile file, an API body's `profile`). */
export type ProfileRef = string | Readonly<Record<string, unknown>>

export type ResolvedProfile =
  | { readonly ok: true; readonly profile: SpProfile }
  /** `issues`: each schema problem as "path: message" (empty for an unknown id). */
  | { readonly ok: false; readonly message: string; readonly issues: readonly string[] }

/**
 * The vendor profile a job runs under. An unknown id or a custom profile that fails the schema is the caller's
 * usage problem (CLI exit 2, API 400), not a finding: the message names every issue with its path.
 * @example const p = resolveProfile(body.profile ?? DEFAULT_PROFILE_ID); if (!p.ok) return usage(p.message)
 */
export function resolveProfile(ref: ProfileRef): ResolvedProfile {
  if (typeof ref === 'string') {
    if (isBuiltinProfileId(ref)) return { ok: true, profile: BUILTIN_PROFILES[ref] }
    return {
      ok: false,
      message: `unknown profile ${JSON.stringify(ref)} (use ${Object.keys(BUILTIN_PROFILES).join(', ')} or a profile JSON)`,
      issues: [],
    }
  }
  const parsed = parseProfile(ref)
  if (parsed.success) return { ok: true, profile: parsed.data }
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  return { ok: false, message: `The custom profile is invalid: ${issues.join('; ')}`, issues }
}
