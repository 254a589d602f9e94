import { z } from 'zod'
import { PreflightError } from '@/lib'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { bodyTooLarge, readCappedBody } from '@/app/_server/read-capped-body'

/** Connection bodies carry at most one metadata document (1 MB) plus a few values. */
export const MAX_JSON_BODY_BYTES = BODY_LIMITS.connections

export const usage = (message: string, extra: Record<string, unknown> = {}, status = 400) =>
  Response.json({ error: 'ERR_USAGE', message, ...extra }, { status })

export const notFound = (what: string) =>
  Response.json({ error: 'ERR_NOT_FOUND', message: `No ${what} with this id (it may have expired).` }, { status: 404 })

export const invalid = (error: z.ZodError) => usage('The request is invalid.', { issues: z.treeifyError(error) })

/** A JSON object body, size-capped; anything else is a usage error with a message, never a throw. */
export async function readJsonObject(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  const read = await readCappedBody(request, maxBytes)
  if (!read.ok) return { ok: false, response: bodyTooLarge(maxBytes) }
  const text = read.text
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { ok: false, response: usage('The body must be a JSON object (Content-Type: application/json).') }
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, response: usage('The body must be a JSON object.') }
  return { ok: true, body: body as Record<string, unknown> }
}

/**
 * Runs a handler and turns what escapes it into JSON: the store being down is a 503 the client may retry;
 * anything else is our bug, logged by code only (messages may quote the customer's input).
 */
export async function jsonErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler()
  } catch (err) {
    if (err instanceof RequestRefused) return err.response
    if (err instanceof PreflightError && err.code === 'ERR_STORE_UNAVAILABLE') {
      console.error('[store] ERR_STORE_UNAVAILABLE')
      return Response.json(
        { error: 'ERR_STORE_UNAVAILABLE', message: 'The database is not available; try again shortly.' },
        { status: 503 },
      )
    }
    console.error(`[api] ERR_UNEXPECTED: ${err instanceof Error ? err.name : typeof err}`)
    return Response.json(
      { error: 'ERR_UNEXPECTED', message: 'Unexpected failure in SSO Preflight (not in your input).' },
      { status: 500 },
    )
  }
}

/** The public origin for links: SSO_PREFLIGHT_PUBLIC_URL when set (behind a proxy), else the request's own. */
export function originOf(requestUrl: string): string {
  const configured = process.env.SSO_PREFLIGHT_PUBLIC_URL
  if (configured) {
    try {
      return new URL(configured).origin
    } catch {
      /* fall through to the request's origin */
    }
  }
  return new URL(requestUrl).origin
}

/** The same for server components and actions, from the incoming headers. */
export function originFromHeaders(h: Headers): string {
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'
  const proto =
    h.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https')
  return originOf(`${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}/`)
}

/** Thrown by a handler's access step (app/_server/team-access.ts) to answer with its 401 / 403 instead of going on. */
export class RequestRefused extends Error {
  constructor(readonly response: Response) {
    super(`request refused (${response.status})`)
  }
}
