import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId, parseProfile, type SpProfile } from '../profiles/index'
import { usageError } from '../errors'
import { readInputFile, type CliIo } from './io'

/** `--profile <built-in id>|<file.json>`; a custom profile that fails the schema is a usage error with the first issue. */
export async function resolveProfile(io: CliIo, value: string | undefined, fallback = DEFAULT_PROFILE_ID): Promise<SpProfile> {
  const v = value ?? fallback
  if (isBuiltinProfileId(v)) return BUILTIN_PROFILES[v]
  if (!v.endsWith('.json')) throw usageError(`unknown profile ${JSON.stringify(v)} (use ${Object.keys(BUILTIN_PROFILES).join(', ')} or a .json file)`)
  const text = await readInputFile(io, v, 'profile')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw usageError(`profile ${JSON.stringify(v)} is not valid JSON`)
  }
  const parsed = parseProfile(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw usageError(`profile ${JSON.stringify(v)}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`)
  }
  return parsed.data
}
