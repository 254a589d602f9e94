import { z } from 'zod'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { invalid, jsonErrors, originOf, readJsonObject, usage } from '@/app/connections/_server/http'
import { MAX_IMPORTED_DEPTH, nestsDeeperThan, rederiveReport } from '@/lib/findings'
import { AttachmentsSchema, getStore, SavedReportKindSchema } from '@/lib/store'
import { apiAccess } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'

/** Reports can carry a timeline and decoded messages; a support bundle with an attached response stays well under this. */
const MAX_BODY_BYTES = BODY_LIMITS.savedReports

const SaveReportBody = z
  .strictObject({
    /** Any shape here: re-derived from the catalog below, which refuses what SSO Preflight did not make. */
    report: z.unknown(),
    kind: SavedReportKindSchema.optional(),
    context: z.record(z.string(), z.unknown()).optional(),
    /** Keep personal values unmasked and keep `attachments`. Off unless the user ticked the box. */
    attachRaw: z.boolean().default(false),
    attachments: AttachmentsSchema.optional(),
  })
  .refine((b) => b.attachRaw || !b.attachments, {
    path: ['attachments'],
    message: 'Raw attachments are kept only with attachRaw: true',
  })

/** POST /api/saved-reports { report, kind?, context?, attachRaw?: false, attachments? } → 201 { id, url, expiresAt }. */
export async function POST(request: Request): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'reports.save')
    if (!access.ok) return access.response
    const read = await readJsonObject(request, MAX_BODY_BYTES)
    if (!read.ok) return read.response
    // Masking and zod recurse over `context` and the report: a value nested 100,000 deep must not reach them.
    if (nestsDeeperThan(read.body, MAX_IMPORTED_DEPTH + 2))
      return usage(`The body nests deeper than ${MAX_IMPORTED_DEPTH} levels.`)
    const body = SaveReportBody.safeParse(read.body)
    if (!body.success) return invalid(body.error)
    const { kind, context, attachRaw, attachments } = body.data
    const rederived = rederiveReport(body.data.report)
    if (!rederived.ok)
      return usage(rederived.message, rederived.issues ? { issues: z.treeifyError(rederived.issues) } : {})
    const report = rederived.report
    const saved = await (
      await getStore()
    ).savedReports.save({
      report,
      raw: attachRaw,
      workspaceId: access.principal.workspaceId,
      ...(kind ? { kind } : {}),
      ...(context ? { context } : {}),
      ...(attachRaw && attachments ? { attachments } : {}),
    })
    await recordAudit(
      access.principal,
      'report.save',
      { kind: 'report', id: saved.id },
      { kind: saved.kind, raw: saved.raw },
    )
    const origin = originOf(request.url)
    return Response.json(
      {
        id: saved.id,
        url: `${origin}/reports/${saved.id}`,
        apiUrl: `${origin}/api/saved-reports/${saved.id}`,
        expiresAt: saved.expiresAt,
      },
      { status: 201, headers: { location: `${origin}/api/saved-reports/${saved.id}` } },
    )
  })
}
