import { formatBytes } from './body-limits'

/**
 * The one body gate: every route handler reads its body through here. The declared Content-Length is checked
 * first, and the stream is counted too: a chunked body has no length to check, so it is cut off as soon as it
 * passes the cap. Only then is it parsed (JSON, urlencoded form, multipart) — never by `request.formData()` or
 * `request.json()` on the raw stream, which read everything first.
 */
export async function readCappedBody(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false }> {
  const bytes = await readCappedBytes(request, maxBytes)
  return bytes.ok ? { ok: true, text: new TextDecoder().decode(bytes.bytes) } : { ok: false }
}

/** The body's bytes, or `ok: false` as soon as it is known to be larger than `maxBytes`. */
export async function readCappedBytes(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  if (declaredLength(request) > maxBytes) {
    await request.body?.cancel().catch(() => undefined)
    return { ok: false }
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return { ok: false }
    }
    chunks.push(value)
  }
  return { ok: true, bytes: Buffer.concat(chunks) }
}

export type BodyRead<T> = { ok: true; value: T } | { ok: false; response: Response }

/** 413 with a message that says the limit. */
export function bodyTooLarge(maxBytes: number): Response {
  return Response.json(
    {
      error: 'ERR_USAGE',
      message: `The request body is larger than ${formatBytes(maxBytes)}, the limit for this address.`,
    },
    { status: 413 },
  )
}

const usage = (message: string) => Response.json({ error: 'ERR_USAGE', message }, { status: 400 })

/** A JSON value (any shape: the caller's zod schema decides), size-capped. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyRead<unknown>> {
  const read = await readCappedBody(request, maxBytes)
  if (!read.ok) return { ok: false, response: bodyTooLarge(maxBytes) }
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown }
  } catch {
    return { ok: false, response: usage('The body must be JSON (Content-Type: application/json).') }
  }
}

/** An application/x-www-form-urlencoded form, size-capped. */
export async function readFormBody(request: Request, maxBytes: number): Promise<BodyRead<URLSearchParams>> {
  const read = await readCappedBody(request, maxBytes)
  if (!read.ok) return { ok: false, response: bodyTooLarge(maxBytes) }
  return { ok: true, value: new URLSearchParams(read.text) }
}

/**
 * A multipart/form-data (or urlencoded) body, size-capped: the bytes are counted first, and only a body under the
 * cap is handed to the platform's form parser.
 */
export async function readMultipartBody(request: Request, maxBytes: number): Promise<BodyRead<FormData>> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\s*;|^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    await request.body?.cancel().catch(() => undefined)
    return { ok: false, response: usage('Send the input as multipart form data.') }
  }
  const read = await readCappedBytes(request, maxBytes)
  if (!read.ok) return { ok: false, response: bodyTooLarge(maxBytes) }
  try {
    const form = await new Response(read.bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType },
    }).formData()
    return { ok: true, value: form }
  } catch {
    return { ok: false, response: usage('Send the input as multipart form data.') }
  }
}

function declaredLength(request: Request): number {
  const header = request.headers.get('content-length')
  if (header === null) return 0
  const n = Number(header)
  // A malformed length is not trusted either way: the counted stream decides.
  return Number.isFinite(n) ? n : 0
}
