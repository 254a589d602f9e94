/** Reads an urlencoded form body with a hard size cap (a chunked body has no Content-Length to check first). */
export async function readCappedForm(request: Request, maxBytes: number): Promise<URLSearchParams | undefined> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes || !request.body) return undefined
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}
