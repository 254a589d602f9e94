/**
 * Reads a request body as text with a hard size cap. The declared Content-Length is checked first, and the
 * stream is counted too: a chunked body has no length to check, so it is cut off as soon as it passes the cap.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false }> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return { ok: false }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return { ok: false }
    }
    chunks.push(value)
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) }
}
