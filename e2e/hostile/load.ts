import { request as httpRequest } from 'node:http'
import type { HostileProbe } from './payloads'

/** What one hostile request got back. `error` is a transport failure (reset, timeout): never acceptable. */
export interface ProbeResult {
  readonly probe: string
  readonly status?: number
  readonly error?: string
  readonly ms: number
  readonly ok: boolean
  readonly why: string
}

interface RawAnswer {
  status?: number
  headers: Record<string, string | string[] | undefined>
  body: string
  error?: string
  ms: number
}

const KEEP_BODY = 64 * 1024

/**
 * Sends one request with node:http (fetch would not let us set Host) on a fresh connection. A response that arrives
 * while the body is still being written (an early 413) counts as the answer; the write error that follows does not.
 */
export function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs: number,
): Promise<RawAnswer> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    let done = false
    let answered: { status: number; headers: RawAnswer['headers'] } | undefined
    let text = ''
    const finish = (a: Omit<RawAnswer, 'ms'>) => {
      if (!done) {
        done = true
        clearTimeout(timer)
        resolve({ ...a, ms: performance.now() - t0 })
      }
    }
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: { connection: 'close', ...(body ? { 'content-length': String(body.length) } : {}), ...headers },
      },
      (res) => {
        answered = { status: res.statusCode ?? 0, headers: res.headers }
        res.setEncoding('utf8')
        res.on('data', (d: string) => {
          if (text.length < KEEP_BODY) text += d
        })
        res.on('end', () => finish({ ...answered!, body: text }))
        res.on('error', () => finish({ ...answered!, body: text }))
      },
    )
    const timer = setTimeout(() => {
      req.destroy()
      finish(
        answered ? { ...answered, body: text } : { headers: {}, body: '', error: `no answer within ${timeoutMs} ms` },
      )
    }, timeoutMs)
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) finish({ ...answered, body: text })
      else finish({ headers: {}, body: '', error: err.code ?? err.message })
    })
    if (body) req.end(body)
    else req.end()
  })
}

/** True when a JSON answer carries at least one finding (a triage result, a report). */
export function jsonHasFindings(body: string): boolean {
  try {
    const j = JSON.parse(body) as { findings?: unknown[]; reports?: { findings?: unknown[] }[] }
    return (j.findings?.length ?? 0) > 0 || (j.reports ?? []).some((r) => (r.findings?.length ?? 0) > 0)
  } catch {
    return false
  }
}

/** Sends a probe and judges the answer by the probe's rule; the ACS's 303 is followed to the result page it names. */
export async function runProbe(port: number, probe: HostileProbe, timeoutMs = 20_000): Promise<ProbeResult> {
  const a = await send(port, probe.method, probe.path, { ...probe.headers }, probe.body, timeoutMs)
  const base = {
    probe: probe.name,
    ms: a.ms,
    ...(a.status !== undefined ? { status: a.status } : {}),
    ...(a.error ? { error: a.error } : {}),
  }
  if (a.error) return { ...base, ok: false, why: `transport: ${a.error}` }
  const status = a.status!
  if (status >= 500) return { ...base, ok: false, why: `HTTP ${status}: ${a.body.slice(0, 200)}` }
  if (status >= 400) return { ...base, ok: true, why: `HTTP ${status}` }
  if (probe.accept === 'refuse') return { ...base, ok: false, why: `accepted with HTTP ${status}; expected a 4xx` }
  if (status === 200 && jsonHasFindings(a.body)) return { ...base, ok: true, why: 'HTTP 200 with findings' }
  const location =
    typeof a.headers.location === 'string' ? new URL(a.headers.location, `http://127.0.0.1:${port}`) : undefined
  if (status === 303 && probe.path === '/saml/acs' && location && /^\/test-logins\//.test(location.pathname)) {
    const page = await send(port, 'GET', location.pathname + location.search, {}, undefined, timeoutMs)
    if (page.error) return { ...base, ok: false, why: `result page: transport ${page.error}` }
    if (page.status === 200 && /finding-code/.test(page.body))
      return { ...base, ok: true, why: '303 to a result page with findings' }
    // A redirect onward (the claim step) is the run's own flow; its page is the result.
    return { ...base, ok: false, why: `result page answered HTTP ${page.status} without findings` }
  }
  return { ...base, ok: false, why: `HTTP ${status} without findings` }
}

/**
 * Fires the probes in turn at `ratePerSecond` (open loop: a slow answer does not slow the attack) for `durationMs`,
 * then waits for the answers still due. Stops by itself; never more than `maxInFlight` requests open.
 */
export async function fireHostile(o: {
  port: number
  probes: readonly HostileProbe[]
  ratePerSecond: number
  durationMs: number
  timeoutMs?: number
  maxInFlight?: number
  stop?: () => boolean
}): Promise<ProbeResult[]> {
  const results: ProbeResult[] = []
  const inFlight = new Set<Promise<void>>()
  const interval = 1000 / o.ratePerSecond
  const end = performance.now() + o.durationMs
  let i = 0
  let next = performance.now()
  while (performance.now() < end && !o.stop?.()) {
    if (inFlight.size < (o.maxInFlight ?? 100)) {
      const probe = o.probes[i++ % o.probes.length]!
      const p: Promise<void> = runProbe(o.port, probe, o.timeoutMs)
        .then((r) => {
          results.push(r)
        })
        .finally(() => {
          inFlight.delete(p)
        })
      inFlight.add(p)
    }
    next += interval
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())))
  }
  await Promise.all(inFlight)
  return results
}
