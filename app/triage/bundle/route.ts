import { z } from 'zod'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { readJsonBody } from '@/app/_server/read-capped-body'
import { rederiveReport, type Report } from '@/lib/findings'
import { buildSupportBundle } from '@/lib'
import { apiAccess } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'

const Body = z.strictObject({
  /** Any shape here: each is re-derived from the catalog below, which refuses what SSO Preflight did not make. */
  reports: z.array(z.unknown()).min(1).max(20),
  /** Explicit opt-in: personal values kept and raw material attached. */
  attachRaw: z.boolean().default(false),
  raw: z
    .strictObject({ samlResponse: z.string().max(2_000_000).optional(), idToken: z.string().max(100_000).optional() })
    .optional(),
})

/** POST /triage/bundle { reports, attachRaw?, raw? } → the support bundle JSON as a download. */
export async function POST(request: Request): Promise<Response> {
  const access = await apiAccess(request, 'triage.run')
  if (!access.ok) return access.response
  const read = await readJsonBody(request, BODY_LIMITS.triageBundle)
  if (!read.ok) return read.response
  const body = Body.safeParse(read.value)
  if (!body.success)
    return Response.json(
      { error: 'ERR_USAGE', message: 'The request is invalid.', issues: z.treeifyError(body.error) },
      { status: 400 },
    )
  const reports: Report[] = []
  for (const r of body.data.reports) {
    const re = rederiveReport(r)
    if (!re.ok) return Response.json({ error: 'ERR_USAGE', message: re.message }, { status: 400 })
    reports.push(re.report)
  }
  await recordAudit(
    access.principal,
    'report.export',
    { kind: 'report' },
    { format: 'support-bundle', reports: reports.length, raw: body.data.attachRaw },
  )
  const bundle = buildSupportBundle(reports, {
    attachRaw: body.data.attachRaw,
    ...(body.data.raw ? { raw: body.data.raw } : {}),
  })
  return new Response(JSON.stringify(bundle, null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="sso-preflight-support-bundle.json"',
      'cache-control': 'no-store',
    },
  })
}
