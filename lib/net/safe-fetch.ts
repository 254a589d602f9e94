import type { IncomingMessage } from 'node:http'
import type { LookupFunction, Socket } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { finding, type FindingContext } from '../findings/finding'
import type { Finding } from '../findings/types'
import { loopbackAllowedByEnv } from './env'
import { checkResolvedAddresses, checkUrl, type AddressPolicy } from './policy'
import { isWellKnownIdpHost } from './well-known-hosts'
import {
  allowLoopbackForTests,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type ResolvedAddress,
  type Resolver,
  type SafeFetchOptions,
  type SafeFetchResult,
} from './types'

/** What one fetch produced before text decoding: the raw bytes (customFetch hands them to a web Response). */
export type RawFetchResult =
  | {
      ok: true
      status: number
      headers: Record<string, string>
      body: Buffer
      finalUrl: string
      redirects: string[]
      findings: Finding[]
    }
  | { ok: false; findings: Finding[] }

/** A failure that already knows its finding (policy refusal in `lookup`, timeout, size cap). */
class Refused extends Error {
  constructor(readonly finding: Finding) {
    super(finding.code)
  }
}
class DnsFailure extends Error {
  constructor(
    readonly host: string,
    override readonly cause: unknown,
  ) {
    super('dns')
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_CERT)/

// node:dns/promises, node:http and node:https are imported when a fetch happens: every CLI call that reads a file
// would otherwise load them (TLS among them), about 6 ms of the 60 ms start-up budget (issue 11).
const defaultResolver: Resolver = async (hostname) =>
  (await (await import('node:dns/promises')).lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }))

/**
 * The project's one outbound fetch: http(s) only; every resolved address (and the socket's peer) checked
 * against the address policy on every hop; manual redirects; caps on total time, body size and redirects.
 * Never throws for a network problem: it returns findings. HTTP error statuses are returned as they are.
 */
export async function fetchBytes(rawUrl: string, o: SafeFetchOptions = {}): Promise<RawFetchResult> {
  const ctx = o.ctx
  const policy: AddressPolicy = { allowLoopback: o[allowLoopbackForTests] === true || loopbackAllowedByEnv() }
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxRedirects = o.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const deadline = Date.now() + timeoutMs
  const redirects: string[] = []
  const warnings: Finding[] = []
  let method = (o.method ?? 'GET').toUpperCase()
  let body = o.body
  let headers: Record<string, string> = { ...lowerKeys(o.headers ?? {}) }
  let current: string = rawUrl

  // A failed fetch reports only why it failed: an http warning next to a refusal is noise.
  for (;;) {
    const checked = checkUrl(current, policy, ctx)
    if (!checked.ok) return { ok: false, findings: checked.findings }
    for (const w of checked.warnings) if (!warnings.some((x) => x.code === w.code)) warnings.push(w)
    const url = checked.url
    let res: { status: number; headers: Record<string, string>; body: Buffer; location?: string }
    try {
      res = await requestOnce(url, {
        method,
        headers,
        body,
        policy,
        deadline,
        timeoutMs,
        maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES,
        resolve: o.resolve ?? defaultResolver,
        signal: o.signal,
        ctx,
      })
    } catch (err) {
      return { ok: false, findings: [toFinding(err, url, timeoutMs, ctx)] }
    }
    if (o.followRedirects === false || !REDIRECT_STATUSES.has(res.status) || res.location === undefined)
      return {
        ok: true,
        status: res.status,
        headers: res.headers,
        body: res.body,
        finalUrl: url.href,
        redirects,
        findings: warnings,
      }
    if (redirects.length >= maxRedirects)
      return {
        ok: false,
        findings: [
          finding(
            'NET_TOO_MANY_REDIRECTS',
            {
              expected: `at most ${maxRedirects} redirects`,
              actual: [rawUrl, ...redirects, safeResolve(res.location, url)],
              where: rawUrl,
            },
            ctx,
          ),
        ],
      }
    const next = safeResolve(res.location, url)
    // Fetch semantics: 303 (and 301/302 after POST) become GET without a body; credentials never cross origins.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET'
      body = undefined
      delete headers['content-type']
    }
    if (originOf(next) !== url.origin) {
      const { authorization: _a, cookie: _c, ...rest } = headers
      headers = rest
    }
    redirects.push(next)
    current = next
  }
}

/** `fetchBytes`, decoded as UTF-8 text, with 4xx/5xx turned into NET_HTTP_ERROR. */
export async function safeFetch(url: string, o: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const r = await fetchBytes(url, o)
  if (!r.ok) return r
  if (r.status >= 400)
    return {
      ok: false,
      findings: [finding('NET_HTTP_ERROR', { expected: '2xx', actual: r.status, where: r.finalUrl }, o.ctx)],
    }
  return {
    ok: true,
    status: r.status,
    headers: r.headers,
    body: r.body.toString('utf8'),
    finalUrl: r.finalUrl,
    redirects: r.redirects,
    findings: r.findings,
  }
}

interface HopOptions {
  method: string
  headers: Record<string, string>
  body: string | Uint8Array | undefined
  policy: AddressPolicy
  deadline: number
  timeoutMs: number
  maxBytes: number
  resolve: Resolver
  signal: AbortSignal | undefined
  ctx: FindingContext | undefined
}

async function requestOnce(
  url: URL,
  h: HopOptions,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer; location?: string }> {
  const lib = url.protocol === 'https:' ? (await import('node:https')).default : (await import('node:http')).default
  return new Promise((resolvePromise, reject) => {
    const remaining = h.deadline - Date.now()
    if (remaining <= 0) return reject(new Refused(timeoutFinding(url, h.timeoutMs, h.ctx)))
    if (h.signal?.aborted) return reject(h.signal.reason ?? new Error('aborted'))
    const req = lib.request(url, {
      method: h.method,
      headers: { 'user-agent': 'sso-preflight', accept: '*/*', 'accept-encoding': 'gzip, deflate, br', ...h.headers },
      agent: false,
      lookup: policyLookup(url, h),
    })
    let settled = false
    const fail = (err: unknown) => {
      if (!settled) {
        settled = true
        clearTimeout(timer)
        h.signal?.removeEventListener('abort', onAbort)
        req.destroy()
        reject(err)
      }
    }
    const timer = setTimeout(() => fail(new Refused(timeoutFinding(url, h.timeoutMs, h.ctx))), remaining)
    const onAbort = () => fail(h.signal?.reason ?? new Error('aborted'))
    h.signal?.addEventListener('abort', onAbort, { once: true })
    req.on('error', fail)
    req.on('socket', (socket: Socket) => {
      // Second line of defence: the peer actually connected to must pass too (covers literal IPs and any resolver path).
      socket.once('connect', () => {
        const peer = socket.remoteAddress
        const refusedPeer =
          peer === undefined ? undefined : checkResolvedAddresses(url.hostname, [peer], h.policy, url.href, h.ctx)
        if (refusedPeer) fail(new Refused(refusedPeer))
      })
    })
    req.on('response', (res: IncomingMessage) => {
      const headers = flattenHeaders(res)
      const declared = Number(headers['content-length'])
      if (Number.isFinite(declared) && declared > h.maxBytes)
        return fail(new Refused(tooLarge(url, h.maxBytes, declared, h.ctx)))
      const location = REDIRECT_STATUSES.has(res.statusCode ?? 0) ? headers.location : undefined
      if (location !== undefined) {
        res.resume()
        settled = true
        clearTimeout(timer)
        h.signal?.removeEventListener('abort', onAbort)
        req.destroy()
        return resolvePromise({ status: res.statusCode ?? 0, headers, body: Buffer.alloc(0), location })
      }
      const stream = decoded(res, headers['content-encoding'])
      const chunks: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > h.maxBytes) return fail(new Refused(tooLarge(url, h.maxBytes, `more than ${h.maxBytes}`, h.ctx)))
        chunks.push(chunk)
      })
      stream.on('error', fail)
      res.on('error', fail)
      stream.on('end', () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        h.signal?.removeEventListener('abort', onAbort)
        resolvePromise({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) })
      })
    })
    req.end(h.body === undefined ? undefined : Buffer.from(h.body))
  })
}

/** Node calls this instead of dns.lookup; refusing here means no socket is ever opened to a forbidden address. */
function policyLookup(url: URL, h: HopOptions): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: (...args: unknown[]) => void,
  ) => {
    h.resolve(hostname).then(
      (found: readonly ResolvedAddress[]) => {
        if (found.length === 0)
          return callback(new DnsFailure(hostname, Object.assign(new Error('no addresses'), { code: 'ENOTFOUND' })))
        const refused = checkResolvedAddresses(
          hostname,
          found.map((a) => a.address),
          h.policy,
          url.href,
          h.ctx,
        )
        if (refused) return callback(new Refused(refused))
        const family =
          options.family === 6 || options.family === 'IPv6'
            ? 6
            : options.family === 4 || options.family === 'IPv4'
              ? 4
              : 0
        const usable = family ? found.filter((a) => a.family === family) : found
        if (usable.length === 0)
          return callback(
            new DnsFailure(
              hostname,
              Object.assign(new Error('no address of the requested family'), { code: 'ENOTFOUND' }),
            ),
          )
        if (options.all)
          return callback(
            null,
            usable.map((a) => ({ address: a.address, family: a.family })),
          )
        const first = usable[0] as ResolvedAddress
        return callback(null, first.address, first.family)
      },
      (err: unknown) => callback(new DnsFailure(hostname, err)),
    )
  }) as unknown as LookupFunction
}

function decoded(res: IncomingMessage, encoding: string | undefined): NodeJS.ReadableStream {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip())
    case 'deflate':
      return res.pipe(createInflate())
    case 'br':
      return res.pipe(createBrotliDecompress())
    default:
      return res
  }
}

function toFinding(err: unknown, url: URL, timeoutMs: number, ctx: FindingContext | undefined): Finding {
  if (err instanceof Refused) return err.finding
  if (err instanceof DnsFailure)
    return finding(
      isWellKnownIdpHost(err.host) ? 'NET_DNS_FAILURE_LOCAL_NETWORK' : 'NET_DNS_FAILURE',
      {
        expected: 'the host name resolves',
        actual: errCode(err.cause) ?? 'no answer',
        where: url.href,
        host: err.host,
      },
      ctx,
    )
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError'))
    return timeoutFinding(url, timeoutMs, ctx)
  const code = errCode(err)
  const sslLibrary = typeof err === 'object' && err !== null && 'library' in err
  if ((code && TLS_CODE.test(code)) || (url.protocol === 'https:' && (code === 'EPROTO' || sslLibrary)))
    return finding(
      'NET_TLS_ERROR',
      { expected: 'a trusted TLS certificate for ' + url.hostname, actual: code, where: url.href },
      ctx,
    )
  if (code === 'ETIMEDOUT') return timeoutFinding(url, timeoutMs, ctx)
  return finding(
    'NET_CONNECT_FAILED',
    { expected: 'a connection', actual: code ?? (err instanceof Error ? err.message : String(err)), where: url.href },
    ctx,
  )
}

const errCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined

const timeoutFinding = (url: URL, timeoutMs: number, ctx: FindingContext | undefined) =>
  finding(
    'NET_TIMEOUT',
    {
      expected: `a complete answer within ${timeoutMs} ms`,
      actual: 'no complete answer in time',
      where: url.href,
      timeoutMs,
    },
    ctx,
  )

const tooLarge = (url: URL, maxBytes: number, actual: number | string, ctx: FindingContext | undefined) =>
  finding('NET_TOO_LARGE', { expected: `at most ${maxBytes} bytes`, actual, where: url.href, maxBytes }, ctx)

function flattenHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(res.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  return out
}

function lowerKeys(h: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v
  return out
}

function safeResolve(location: string, base: URL): string {
  try {
    return new URL(location, base).href
  } catch {
    return location
  }
}

function originOf(href: string): string {
  try {
    return new URL(href).origin
  } catch {
    return ''
  }
}
