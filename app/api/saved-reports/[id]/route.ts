import { jsonErrors, notFound } from '@/app/connections/_server/http'
import { renderMarkdown } from '@/lib/findings'
import { getStore } from '@/lib/store'
import { reportFileName } from '@/app/ui/report/format'
import { apiAccess } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'

/**
 * GET /api/saved-reports/:id → the Report JSON; `?format=md` → Markdown; `?format=bundle` → the whole saved row
 * (kind, context, attachments) for a support bundle import.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'reports.read')
    if (!access.ok) return access.response
    const saved = await (await getStore()).savedReports.get((await params).id, access.principal.workspaceId)
    if (!saved) return notFound('saved report')
    const query = new URL(request.url).searchParams
    const format = query.get('format')
    // As for runs: Markdown and bundles are exports; JSON is one when the page's download link asks for a file.
    const download = query.get('download') === '1'
    if (format === 'md' || format === 'bundle' || download)
      await recordAudit(
        access.principal,
        'report.export',
        { kind: 'report', id: saved.id },
        { format: format ?? 'json' },
      )
    const disposition = (ext: 'json' | 'md') =>
      `${download ? 'attachment' : 'inline'}; filename="${reportFileName(saved.report, ext)}"`
    if (format === 'md') {
      return new Response(renderMarkdown(saved.report), {
        headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': disposition('md') },
      })
    }
    if (format === 'bundle') return Response.json(saved)
    return Response.json(saved.report, download ? { headers: { 'content-disposition': disposition('json') } } : {})
  })
}

/** DELETE /api/saved-reports/:id → 204: whoever holds the link may also withdraw it before the retention ends. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'reports.delete')
    if (!access.ok) return access.response
    const id = (await params).id
    const deleted = await (await getStore()).savedReports.delete(id, access.principal.workspaceId)
    if (deleted) await recordAudit(access.principal, 'report.delete', { kind: 'report', id })
    return deleted ? new Response(null, { status: 204 }) : notFound('saved report')
  })
}
