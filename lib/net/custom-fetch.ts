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

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>

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
    new Headers(init.headers).forEach((v, k) => { headers[k] = v })
    const body = init.body === undefined || init.body === null ? undefined : new Uint8Array(await new Response(init.body).arrayBuffer())
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
