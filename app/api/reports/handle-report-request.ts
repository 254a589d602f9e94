import { z } from 'zod'
import { renderMarkdown } from '@/lib'
import { CheckRequestSchema, type CheckKind } from '@/app/check/check-request'
import { runCheck } from '@/app/check/run-check'
import { reportFileName } from '@/app/ui/report/format'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { bodyTooLarge, readCappedBody } from '@/app/_server/read-capped-body'
import { apiAccess } from '@/app/_server/access'

/** Two documents plus options fit easily; anything bigger is refused before parsing. */
const MAX_BODY_BYTES = BODY_LIMITS.reportApi

/** For raw (non-JSON) bodies: which member of the request the body is. */
const RAW_BODY_MEMBER: Partial<Record<CheckKind, string>> = { 'saml-metadata': 'xml', 'saml-response': 'response' }

const usage = (message: string, status = 400, extra: Record<string, unknown> = {}) =>
  Response.json({ error: 'ERR_USAGE', message, ...extra }, { status })

/**
 * POST /api/reports/<kind>: a JSON body (or, for XML kinds, the raw document with options as query parameters)
 * → the Report as JSON (`?format=md` for Markdown). Error findings are still 200; only an unusable request is 400.
 */
export async function handleReportRequest(request: Request, kind: CheckKind): Promise<Response> {
  const access = await apiAccess(request, 'check.run')
  if (!access.ok) return access.response
  const url = new URL(request.url)
  const read = await readCappedBody(request, MAX_BODY_BYTES)
  if (!read.ok) return bodyTooLarge(MAX_BODY_BYTES)
  const contentType = request.headers.get('content-type') ?? ''
  let body: unknown
  if (contentType.includes('json') || !RAW_BODY_MEMBER[kind]) {
    try {
      body = JSON.parse(read.text)
    } catch {
      return usage('The body must be a JSON object (Content-Type: application/json).')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return usage('The body must be a JSON object.')
  } else {
    body = { ...Object.fromEntries(url.searchParams), [RAW_BODY_MEMBER[kind]]: read.text }
  }
  const parsed = CheckRequestSchema.safeParse({ ...(body as Record<string, unknown>), kind })
  if (!parsed.success) {
    return usage('The request is invalid.', 400, { issues: z.treeifyError(parsed.error) })
  }
  const outcome = await runCheck(parsed.data)
  if (!outcome.ok) {
    if (outcome.reason === 'invalid-profile') return usage(outcome.message)
    return Response.json({ error: 'ERR_UNEXPECTED', message: outcome.message }, { status: 500 })
  }
  if (url.searchParams.get('format') === 'md') {
    return new Response(renderMarkdown(outcome.report), {
      headers: {
        'content-type': 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${reportFileName(outcome.report, 'md')}"`,
      },
    })
  }
  return Response.json(outcome.report)
}
