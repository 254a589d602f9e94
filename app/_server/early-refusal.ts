import { decideRequest, type RequestPolicyConfig } from './request-policy'

export { requestPolicyConfigFromEnv } from './request-policy'

/** What the team server sends itself, before Next.js sees the request. */
export interface EarlyRefusal {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
}

/**
 * The request policy (request-policy.ts) applied at the socket, for requests that carry a body. With a proxy,
 * Next.js holds a request until its body has ended, buffering up to 44 MB, so a body the policy refuses (over the
 * route's cap, cross-site, another Host) would still be read in full before the answer. The team server
 * (scripts/serve-team.mjs, through dist/early-refusal.mjs) asks here first and answers those at once, closing the
 * connection instead of reading the body. A body without a declared length (chunked) cannot be judged by its size
 * up front: 411. Requests without a body go on to Next.js, whose proxy applies the same policy.
 */
export function earlyRefusal(
  req: { method: string; url: string; headers: Readonly<Record<string, string | string[] | undefined>> },
  config: RequestPolicyConfig,
): EarlyRefusal | null {
  const header = (name: string): string | null => {
    const v = req.headers[name]
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v
  }
  const length = header('content-length')
  const chunked = header('transfer-encoding') !== null
  if (length === null && !chunked) return null
  if (length !== null && Number(length) === 0) return null
  const json = (status: number, error: string, message: string, extra: Record<string, string> = {}): EarlyRefusal => ({
    status,
    headers: { ...extra, 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ error, message }),
  })
  if (length === null) {
    return json(
      411,
      'ERR_LENGTH_REQUIRED',
      'Send the request body with a Content-Length: bodies of unknown size are refused.',
    )
  }
  const decision = decideRequest({ method: req.method, url: req.url, headers: { get: header } }, config, '')
  if (decision.action !== 'refuse') return null
  return json(decision.status, decision.error ?? 'ERR_REQUEST_REFUSED', decision.message, decision.responseHeaders)
}
