import { readCappedBody } from '@/app/_server/read-capped-body'

/** Reads an urlencoded form body with a hard size cap; undefined when it is over the cap or missing. */
export async function readCappedForm(request: Request, maxBytes: number): Promise<URLSearchParams | undefined> {
  if (!request.body) return undefined
  const read = await readCappedBody(request, maxBytes)
  return read.ok ? new URLSearchParams(read.text) : undefined
}
