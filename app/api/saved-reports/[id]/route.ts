import { jsonErrors, notFound } from '@/app/connections/_server/http'
import { renderMarkdown } from '@/lib/findings'
import { getStore } from '@/lib/store'
import { reportFileName } from '@/app/ui/report/format'

/**
 * GET /api/saved-reports/:id → the Report JSON; `?format=md` → Markdown; `?format=bundle` → the whole saved row
 * (kind, context, attachments) for a support bundle import.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const saved = await (await getStore()).savedReports.get((await params).id)
    if (!saved) return notFound('saved report')
    const format = new URL(request.url).searchParams.get('format')
    if (format === 'md') {
      return new Response(renderMarkdown(saved.report), { headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `inline; filename="${reportFileName(saved.report, 'md')}"`,
      } })
    }
    if (format === 'bundle') return Response.json(saved)
    return Response.json(saved.report)
  })
}

/** DELETE /api/saved-reports/:id → 204: whoever holds the link may also withdraw it before the retention ends. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const deleted = await (await getStore()).savedReports.delete((await params).id)
    return deleted ? new Response(null, { status: 204 }) : notFound('saved report')
  })
}
