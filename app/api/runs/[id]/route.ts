import { jsonErrors, notFound } from '@/app/connections/_server/http'
import { renderMarkdown } from '@/lib/findings'
import { getStore } from '@/lib/store'
import { runExportReport } from '@/lib/testlogin'
import { apiAccess, checkApi } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'
import { reportFileName } from '@/app/ui/report/format'

/** GET /api/runs/:id → the run's Report JSON (`?format=md` for Markdown); 404 JSON while unknown or still pending. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const access = await apiAccess(request, 'runs.read')
    if (!access.ok) return access.response
    const store = await getStore()
    const run = await store.runs.get((await params).id, access.principal.workspaceId)
    if (!run) return notFound('test-login run')
    const allowed = checkApi(access.principal, 'runs.read', {
      workspaceId: run.workspaceId,
      ...(run.connectionId ? { connectionId: run.connectionId } : {}),
    })
    if (!allowed.ok) return allowed.response
    const report = runExportReport(
      run,
      run.connectionId ? await store.connections.get(run.connectionId, run.workspaceId) : null,
    )
    if (!report) {
      return Response.json(
        {
          error: 'ERR_NOT_FOUND',
          message: 'This test login has no result yet (still waiting for the IdP).',
          status: run.status,
        },
        { status: 404 },
      )
    }
    const query = new URL(request.url).searchParams
    const format = query.get('format') === 'md' ? 'md' : 'json'
    // Markdown is for people, so always an export; JSON is also what CI reads, so an export when the page's
    // download link asks for a file (download=1).
    const download = query.get('download') === '1'
    if (format === 'md' || download)
      await recordAudit(access.principal, 'report.export', { kind: 'run', id: run.id }, { format })
    const headers: Record<string, string> = download
      ? { 'content-disposition': `attachment; filename="${reportFileName(report, format)}"` }
      : {}
    if (format === 'md')
      return new Response(renderMarkdown(report), {
        headers: { 'content-type': 'text/markdown; charset=utf-8', ...headers },
      })
    return Response.json(report, { headers })
  })
}
