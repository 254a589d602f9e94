import { z } from 'zod'
import { ReportSchema } from '@/lib/findings'
import { buildSupportBundle } from '@/lib/triage/bundle'

const Body = z.strictObject({
  reports: z.array(ReportSchema).min(1).max(20),
  /** Explicit opt-in: personal values kept and raw material attached. */
  attachRaw: z.boolean().default(false),
  raw: z.strictObject({ samlResponse: z.string().max(2_000_000).optional(), idToken: z.string().max(100_000).optional() }).optional(),
})

/** POST /triage/bundle { reports, attachRaw?, raw? } → the support bundle JSON as a download. */
export async function POST(request: Request): Promise<Response> {
  const json: unknown = await request.json().catch(() => undefined)
  const body = Body.safeParse(json)
  if (!body.success) return Response.json({ error: 'ERR_USAGE', issues: z.treeifyError(body.error) }, { status: 400 })
  const bundle = buildSupportBundle(body.data.reports, { attachRaw: body.data.attachRaw, ...(body.data.raw ? { raw: body.data.raw } : {}) })
  return new Response(JSON.stringify(bundle, null, 2) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'attachment; filename="sso-preflight-support-bundle.json"', 'cache-control': 'no-store' },
  })
}
