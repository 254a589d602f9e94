import type { Finding } from '../findings/types'
import { fetchBytes } from './safe-fetch'
import type { SafeFetchOptions } from './types'

/** A refused or failed fetch seen through a `fetch`-shaped API: the findings travel with the error. */
export class SafeFetchError extends Error {
  readonly code = 'ERR_SAFE_FETCH'
  readonly findings: Finding[]
  constructor(findings: Finding[]) {
    super(`fetch refused: ${findings.map((f) => f.code).join(', ')}`, { cause: { findings } })
    this.name = 'SafeFetchError'
    this.findings = findings
  }
}

/**
 * The NET_ findings behind an error from a fetch-shaped call, looking through wrappers such as openid-client's
 * ClientError (which keeps our error as `cause`). Undefined when the failure did not come from lib/net.
 */
export function netFindingsOf(err: unknown): Finding[] | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (e instanceof SafeFetchError) return e.findings
  return undefined
}

/** The parts of RequestInit this fetch honours; wide enough for openid-client's CustomFetchOptions. */
export interface FetchInit {
  readonly method?: string
  readonly headers?: HeadersInit
  readonly body?: BodyInit | Uint8Array | ArrayBuffer | null
  readonly redirect?: RequestRedirect
  readonly signal?: AbortSignal | null
}

export type FetchLike = (input: string | URL, init?: FetchInit) => Promise<Response>

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304])

/**
 * A `fetch` for openid-client's `customFetch` (and anything else that wants a web Response) that goes through
 * lib/net's policy. HTTP error statuses come back as Responses (openid-client reads OAuth error bodies);
 * refused or failed fetches reject with a SafeFetchError carrying the NET_ findings.
 * @example const config = await discovery(issuer, clientId, undefined, undefined, { [customFetch]: makeCustomFetch() })
 */
export function makeCustomFetch(o: SafeFetchOptions = {}): FetchLike {
  return async (input, init = {}) => {
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((v, k) => {
      headers[k] = v
    })
    let body: Uint8Array | undefined
    if (init.body !== undefined && init.body !== null) {
      // Let the platform serialise any BodyInit, including the content type fetch() would add (URLSearchParams → form).
      const asResponse = new Response(init.body as BodyInit)
      const implied = asResponse.headers.get('content-type')
      if (implied && headers['content-type'] === undefined) headers['content-type'] = implied
      body = new Uint8Array(await asResponse.arrayBuffer())
    }
    const r = await fetchBytes(String(input), {
      ...o,
      method: init.method ?? o.method ?? 'GET',
      headers: { ...o.headers, ...headers },
      ...(body ? { body } : {}),
      followRedirects: init.redirect !== 'manual' && o.followRedirects !== false,
      ...(init.signal ? { signal: init.signal } : {}),
    })
    if (!r.ok) throw new SafeFetchError(r.findings)
    const response = new Response(NULL_BODY_STATUS.has(r.status) ? null : new Uint8Array(r.body), {
      status: r.status,
      headers: Object.entries(r.headers).filter(([k]) => k !== 'content-encoding' && k !== 'content-length'),
    })
    Object.defineProperty(response, 'url', { value: r.finalUrl })
    return response
  }
}
