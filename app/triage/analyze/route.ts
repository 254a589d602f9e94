import { z } from 'zod'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { readMultipartBody } from '@/app/_server/read-capped-body'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId } from '@/lib/profiles'
import { DEFAULT_MAX_HAR_BYTES } from '@/lib'
import { triageInputBounded } from '@/lib/budget'
import { maskReport } from '@/lib/store/mask'
import { apiAccess } from '@/app/_server/access'

const MAX_SIDE_INPUT = 1024 * 1024

const Fields = z.object({
  text: z.string().max(DEFAULT_MAX_HAR_BYTES).default(''),
  profile: z.string().default(DEFAULT_PROFILE_ID),
  idpMetadata: z.string().max(MAX_SIDE_INPUT).optional(),
  jwks: z.string().max(MAX_SIDE_INPUT).optional(),
  clientId: z.string().max(500).optional(),
  issuer: z.string().max(2000).optional(),
  nonce: z.string().max(500).optional(),
  spEntityId: z.string().max(2048).optional(),
  acsUrl: z.string().max(2048).optional(),
})

/**
 * POST /triage/analyze (multipart: text or file, optional idpMetadata, jwks, clientId, issuer, nonce, spEntityId, acsUrl, profile)
 * → { kind, detected, reports, bundle? }. A route handler rather than a server action: HAR files exceed the action body limit.
 */
export async function POST(request: Request): Promise<Response> {
  const access = await apiAccess(request, 'triage.run')
  if (!access.ok) return access.response
  // Counted against the cap before the multipart parser sees a byte: a 1 GB body is refused, not parsed.
  const read = await readMultipartBody(request, BODY_LIMITS.triageAnalyze)
  if (!read.ok) return read.response
  const form = read.value
  const file = form.get('file')
  const values: Record<string, string> = {}
  for (const k of ['text', 'profile', 'idpMetadata', 'jwks', 'clientId', 'issuer', 'nonce', 'spEntityId', 'acsUrl']) {
    const v = form.get(k)
    if (typeof v === 'string' && v.trim() !== '') values[k] = v
  }
  if (file instanceof File && file.size > 0) {
    if (file.size > DEFAULT_MAX_HAR_BYTES)
      return Response.json(
        { error: 'ERR_USAGE', message: `The file is ${file.size} bytes; the limit is ${DEFAULT_MAX_HAR_BYTES}.` },
        { status: 413 },
      )
    values.text = await file.text()
  }
  const parsed = Fields.safeParse(values)
  if (!parsed.success)
    return Response.json({ error: 'ERR_USAGE', issues: z.treeifyError(parsed.error) }, { status: 400 })
  const d = parsed.data
  if (!d.text.trim())
    return Response.json({ error: 'ERR_USAGE', message: 'Paste something or drop a file first.' }, { status: 400 })
  const profile = BUILTIN_PROFILES[isBuiltinProfileId(d.profile) ? d.profile : DEFAULT_PROFILE_ID]
  const result = await triageInputBounded(d.text, {
    profile,
    ...(d.idpMetadata ? { idpMetadataXml: d.idpMetadata } : {}),
    ...(d.jwks ? { jwks: d.jwks } : {}),
    ...(d.clientId ? { clientId: d.clientId.trim() } : {}),
    ...(d.issuer ? { issuer: d.issuer.trim() } : {}),
    ...(d.nonce ? { nonce: d.nonce.trim() } : {}),
    // The vendor's SP values: a pasted SAMLResponse without metadata is still checked for audience and recipient.
    ...(d.spEntityId ? { spEntityId: d.spEntityId.trim() } : {}),
    ...(d.acsUrl ? { acsUrl: d.acsUrl.trim() } : {}),
  })
  // The page shows the reports as read; what its download buttons save is masked like what is stored (issue 9).
  return Response.json({ ...result, exportReports: result.reports.map(maskReport) })
}
