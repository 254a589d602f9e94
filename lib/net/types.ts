import type { FindingContext } from '../findings/finding'
import type { Finding } from '../findings/types'

/**
 * Lets `lib/net` connect to loopback (127.0.0.0/8, ::1) — for tests and the demo's mock IdP only.
 * A `unique symbol` key: no parsed JSON, form or profile can ever set it. Private ranges stay refused.
 * @example safeFetch(`http://127.0.0.1:${port}/`, { [allowLoopbackForTests]: true })
 */
export const allowLoopbackForTests: unique symbol = Symbol('sso-preflight.allowLoopbackForTests')

export interface ResolvedAddress {
  readonly address: string
  readonly family: 4 | 6
}

/** Turns a host name into every address it resolves to. The default is `dns.lookup(host, { all: true })`. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>

export interface SafeFetchOptions {
  /** Total time for every hop and the whole body, in ms (default 5000). */
  readonly timeoutMs?: number
  /** Largest body accepted, in bytes after decompression (default 2 MiB). */
  readonly maxBytes?: number
  /** Redirects followed at most (default 5); each hop is checked again. */
  readonly maxRedirects?: number
  /** false: hand a 3xx back as it is (what openid-client asks for with `redirect: 'manual'`). */
  readonly followRedirects?: boolean
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array
  readonly signal?: AbortSignal
  /** Injected DNS (tests map names to chosen addresses). The policy applies to whatever it returns. */
  readonly resolve?: Resolver
  /** Picks the IdP's screen in the findings' fixAt. */
  readonly ctx?: FindingContext
  readonly [allowLoopbackForTests]?: true
}

export type SafeFetchResult =
  | {
      readonly ok: true
      readonly status: number
      /** Lower-case header names; repeated headers joined with ', '. */
      readonly headers: Readonly<Record<string, string>>
      readonly body: string
      readonly finalUrl: string
      /** Every URL redirected to, in order. */
      readonly redirects: readonly string[]
      /** Warnings that did not stop the fetch (NET_NOT_HTTPS). */
      readonly findings: Finding[]
    }
  | { readonly ok: false; readonly findings: Finding[] }

export const DEFAULT_TIMEOUT_MS = 5_000
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024
export const DEFAULT_MAX_REDIRECTS = 5
