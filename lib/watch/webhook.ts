import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Report } from '../findings/report'
import { safeFetch, type SafeFetchOptions } from '../net/index'
import { maskReport } from '../store/mask'
import type { WatchSnapshot } from './watch'

/*
 * Watch webhooks: the payload (the watch result, masked), its signature and one delivery attempt. A receiver
 * verifies `X-SSO-Preflight-Signature: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`; the body
 * carries `sentAt` (also in X-SSO-Preflight-Timestamp), so a replayed old body can be refused by its age.
 */

export const SIGNATURE_HEADER = 'x-sso-preflight-signature'
export const TIMESTAMP_HEADER = 'x-sso-preflight-timestamp'
export const DELIVERY_HEADER = 'x-sso-preflight-delivery'

/** After the 1st, 2nd, 3rd, 4th failed attempt; after the 5th the delivery is given up. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000] as const

/** The codes that say something changed; a delivery is made when one is new in this check. */
export const WATCH_CHANGE_CODES = new Set([
  'CERT_NEW_PUBLISHED',
  'CERT_REMOVED',
  'INPUT_CONFIGURATION_CHANGED',
  'INPUT_VERDICT_CHANGED',
])

export interface WatchEventPayload {
  readonly event: 'watch.changed'
  readonly connection: { readonly id: string; readonly name: string; readonly protocol: string }
  readonly checkedAt: string
  readonly verdict: string
  readonly previousVerdict: string | null
  /** The codes that made this an event (a change, or an expiry window entered). */
  readonly reasons: readonly string[]
  readonly snapshot: WatchSnapshot
  /** The whole watch report, masked like anything the app stores or shares. */
  readonly report: Report
}

export function watchEventPayload(o: {
  connection: { id: string; name: string; protocol: string }
  report: Report
  snapshot: WatchSnapshot
  previous: WatchSnapshot | null
  reasons: readonly string[]
}): WatchEventPayload {
  return {
    event: 'watch.changed',
    connection: o.connection,
    checkedAt: o.report.checkedAt,
    verdict: o.report.summary.verdict,
    previousVerdict: o.previous?.verdict ?? null,
    reasons: [...o.reasons],
    snapshot: o.snapshot,
    report: maskReport(o.report),
  }
}

/**
 * Why this check is worth a webhook: a change code, or a certificate entering a tighter expiry window (90 / 30 / 7
 * days) than at the previous check. The same window on the next day is not news.
 */
export function watchEventReasons(report: Report, previous: WatchSnapshot | null): string[] {
  const reasons = new Set(report.findings.filter((f) => WATCH_CHANGE_CODES.has(f.code)).map((f) => f.code))
  for (const f of report.findings) {
    if (f.code !== 'CERT_EXPIRY_THRESHOLD') continue
    const ev = f.evidence as { window?: unknown; sha256?: unknown }
    const prevCert = previous?.certificates.find((c) => c.sha256 === ev.sha256)
    const prevWindow = previous && prevCert ? windowAt(prevCert.notAfter, previous.checkedAt) : undefined
    if (prevWindow !== ev.window) reasons.add(`CERT_EXPIRY_THRESHOLD:${String(ev.window)}`)
  }
  return [...reasons]
}

function windowAt(notAfter: string, at: string): number | undefined {
  const left = Date.parse(notAfter) - Date.parse(at)
  if (left <= 0) return undefined
  return [7, 30, 90].find((d) => left < d * 86_400_000)
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/** For receivers (and tests): constant-time check of a signature header against the raw body. */
export function verifySignature(secret: string, body: string, header: string | null | undefined): boolean {
  const expected = Buffer.from(signBody(secret, body))
  const given = Buffer.from(header ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export type AttemptOutcome =
  | { readonly delivered: true; readonly status: number }
  | { readonly delivered: false; readonly status: number | null; readonly error: string }

/**
 * One POST of a delivery through lib/net (the SSRF policy applies to the webhook URL and every hop; redirects are
 * not followed). 2xx is delivered; anything else, or no answer, is a failed attempt.
 */
export async function attemptDelivery(
  d: { id: string; url: string; secret: string; payload: unknown },
  o: { now: Date; fetchOptions?: SafeFetchOptions },
): Promise<AttemptOutcome> {
  const sentAt = o.now.toISOString()
  const body = JSON.stringify({ ...(d.payload as object), deliveryId: d.id, sentAt })
  const r = await safeFetch(d.url, {
    ...o.fetchOptions,
    method: 'POST',
    body,
    followRedirects: false,
    timeoutMs: 10_000,
    maxBytes: 64 * 1024,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(d.secret, body),
      [TIMESTAMP_HEADER]: sentAt,
      [DELIVERY_HEADER]: d.id,
      'user-agent': 'sso-preflight-webhook/1',
    },
  })
  if (!r.ok) {
    // safeFetch answers a 4xx / 5xx as NET_HTTP_ERROR with the status as its evidence.
    const httpError = r.findings.find((f) => f.code === 'NET_HTTP_ERROR')?.evidence.actual
    if (typeof httpError === 'number') return { delivered: false, status: httpError, error: `HTTP ${httpError}` }
    return { delivered: false, status: null, error: r.findings.map((f) => f.code).join(', ') || 'request failed' }
  }
  if (r.status >= 200 && r.status < 300) return { delivered: true, status: r.status }
  return { delivered: false, status: r.status, error: `HTTP ${r.status}` }
}

/** When to try again after the `attempts`-th failed attempt; null: give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1]
  return delay === undefined ? null : new Date(now.getTime() + delay)
}
