import type { z } from 'zod'
import { NewConnectionRequestSchema, toNewConnection, vendorSpValues, connectionUrls, type ConnectionUrls } from '@/lib'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId } from '@/lib/profiles'
import { getStore, type Connection } from '@/lib/store'
import { staticCheck } from './static-check'

export type CreateConnectionResult =
  | { ok: true; connection: Connection; urls: ConnectionUrls; staticCheckMessage?: string }
  | { ok: false; error: z.ZodError }

/** Validates, runs the static check, stores the connection with its (masked) report. Shared by the API and the form. */
export async function createConnection(
  body: unknown,
  origin: string,
  workspaceId = 'local',
): Promise<CreateConnectionResult> {
  const parsed = NewConnectionRequestSchema.safeParse(body)
  if (!parsed.success) return { ok: false, error: parsed.error }
  const r = parsed.data
  const profile = BUILTIN_PROFILES[isBuiltinProfileId(r.profileId) ? r.profileId : DEFAULT_PROFILE_ID]
  const sp = r.protocol === 'saml' ? vendorSpValues(profile, r) : {}
  const check = await staticCheck(r, sp, origin)
  const learnt = check.ok
    ? { ...pick(check.report.subject.entityId, 'entityId'), ...pick(check.report.subject.issuer, 'issuer') }
    : {}
  const store = await getStore()
  const connection = await store.connections.create({
    ...toNewConnection(r, learnt),
    ...(check.ok ? { staticReport: check.report } : {}),
    workspaceId,
  })
  return {
    ok: true,
    connection,
    urls: connectionUrls(origin, connection.id),
    ...(check.ok ? {} : { staticCheckMessage: check.message }),
  }
}

function pick<K extends string>(v: string | undefined, k: K): Partial<Record<K, string>> {
  return v ? ({ [k]: v } as Record<K, string>) : {}
}
