import { jsonErrors, notFound } from '@/app/connections/_server/http'
import { renderMarkdown } from '@/lib/findings'
import { getStore } from '@/lib/store'
import { runExportReport } from '@/lib/testlogin'

/** GET /api/runs/:id → the run's Report JSON (`?format=md` for Markdown); 404 JSON while unknown or still pending. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonErrors(async () => {
    const store = await getStore()
    const run = await store.runs.get((await params).id)
    if (!run) return notFound('test-login run')
    const report = runExportReport(run, run.connectionId ? await store.connections.get(run.connectionId) : null)
    if (!report) {
      return Response.json({ error: 'ERR_NOT_FOUND', message: 'This test login has no result yet (still waiting for the IdP).', status: run.status }, { status: 404 })
    }
    if (new URL(request.url).searchParams.get('format') === 'md') {
      return new Response(renderMarkdown(report), { headers: { 'content-type': 'text/markdown; charset=utf-8' } })
    }
    return Response.json(report)
  })
}
