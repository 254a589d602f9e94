import { usageError } from '../errors'
import { resolveProfile as resolveProfileRef } from '../jobs/resolve-profile'
import { DEFAULT_PROFILE_ID, type SpProfile } from '../profiles/index'
import { readInputFile, type CliIo } from './io'

/** `--profile <built-in id>|<file.json>`: the file is read and parsed here, the profile resolved by lib; a bad one is a usage error. */
export async function resolveProfile(
  io: CliIo,
  value: string | undefined,
  fallback: string = DEFAULT_PROFILE_ID,
): Promise<SpProfile> {
  const v = value ?? fallback
  let ref: string | Record<string, unknown> = v
  if (v.endsWith('.json')) {
    const text = await readInputFile(io, v, 'profile')
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw usageError(`profile ${JSON.stringify(v)} is not valid JSON`)
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      throw usageError(`profile ${JSON.stringify(v)} is not a JSON object`)
    ref = json as Record<string, unknown>
  }
  const resolved = resolveProfileRef(ref)
  if (!resolved.ok)
    throw usageError(
      typeof ref === 'string' ? resolved.message : `profile ${JSON.stringify(v)}: ${resolved.issues[0] ?? 'invalid'}`,
    )
  return resolved.profile
}
