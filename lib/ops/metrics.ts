import { isFindingCode } from '../findings/catalog/index'

/*
 * Prometheus metrics, hand-written (prom-client is not a dependency; the text exposition format is small):
 * counters and one histogram, on globalThis so the team server (scripts/serve-team.mjs, HTTP metrics) and the app's
 * bundles (test logins, findings) fill one registry per process. Every label value comes from a closed set (route
 * patterns, catalog codes, protocols, outcomes), so the number of series is bounded whatever clients send.
 */

export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

type Labels = Record<string, string>
interface Histogram {
  buckets: number[]
  sum: number
  count: number
}
interface Registry {
  counters: Map<string, Map<string, number>>
  histograms: Map<string, Map<string, Histogram>>
}

const slot = globalThis as typeof globalThis & { __ssoPreflightMetrics?: Registry }
export function registry(): Registry {
  return (slot.__ssoPreflightMetrics ??= { counters: new Map(), histograms: new Map() })
}

const HELP: Record<string, string> = {
  sso_preflight_http_requests_total: 'HTTP requests by route pattern, method and status.',
  sso_preflight_http_request_duration_seconds: 'HTTP request duration by route pattern.',
  sso_preflight_test_logins_total: 'Test logins by protocol and outcome (started, passed, failed, unmatched).',
  sso_preflight_findings_total: 'Findings reported, by catalog code.',
  sso_preflight_rate_limited_total: 'Requests refused with 429, by open endpoint group.',
  sso_preflight_webhook_deliveries_total: 'Watch webhook delivery attempts by outcome.',
}

const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))

export function inc(name: string, labels: Labels, by = 1): void {
  const series = registry().counters.get(name) ?? new Map<string, number>()
  registry().counters.set(name, series)
  const k = key(labels)
  series.set(k, (series.get(k) ?? 0) + by)
}

export function observe(name: string, labels: Labels, seconds: number): void {
  const series = registry().histograms.get(name) ?? new Map<string, Histogram>()
  registry().histograms.set(name, series)
  const k = key(labels)
  const h = series.get(k) ?? { buckets: LATENCY_BUCKETS_SECONDS.map(() => 0), sum: 0, count: 0 }
  series.set(k, h)
  LATENCY_BUCKETS_SECONDS.forEach((le, i) => {
    if (seconds <= le) h.buckets[i]! += 1
  })
  h.sum += seconds
  h.count += 1
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** One finished HTTP request. `route` must already be a pattern (routePattern), never a raw path. */
export function countHttpRequest(route: string, method: string, status: number, seconds: number): void {
  const m = METHODS.has(method) ? method : 'OTHER'
  inc('sso_preflight_http_requests_total', { route, method: m, status: String(status) })
  observe('sso_preflight_http_request_duration_seconds', { route }, seconds)
}

export type TestLoginOutcome = 'started' | 'passed' | 'failed' | 'unmatched'
export function countTestLogin(protocol: 'saml' | 'oidc', outcome: TestLoginOutcome): void {
  inc('sso_preflight_test_logins_total', { protocol, outcome })
}

/** Codes outside the catalog are not counted: label values stay a closed set. */
export function countFindings(codes: Iterable<string>): void {
  for (const code of codes) if (isFindingCode(code)) inc('sso_preflight_findings_total', { code })
}

export function countRateLimited(group: string): void {
  inc('sso_preflight_rate_limited_total', { group })
}

export function countWebhookDelivery(outcome: 'delivered' | 'failed' | 'gave-up'): void {
  inc('sso_preflight_webhook_deliveries_total', { outcome })
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
}
function labelText(k: string, extra: Labels = {}): string {
  const pairs = [...(JSON.parse(k) as [string, string][]), ...Object.entries(extra)]
  return pairs.length ? `{${pairs.map(([n, v]) => `${n}="${escapeLabel(v)}"`).join(',')}}` : ''
}

/** The registry in Prometheus text exposition format 0.0.4. */
export function renderMetrics(o: { version: string }): string {
  const r = registry()
  const out: string[] = [
    '# HELP sso_preflight_build_info The running version.',
    '# TYPE sso_preflight_build_info gauge',
    `sso_preflight_build_info{version="${escapeLabel(o.version)}"} 1`,
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${process.memoryUsage().rss}`,
  ]
  for (const name of [
    ...new Set([...Object.keys(HELP).filter((n) => !n.includes('duration')), ...r.counters.keys()]),
  ]) {
    out.push(`# HELP ${name} ${HELP[name] ?? name}`, `# TYPE ${name} counter`)
    for (const [k, v] of r.counters.get(name) ?? []) out.push(`${name}${labelText(k)} ${v}`)
  }
  for (const name of [
    'sso_preflight_http_request_duration_seconds',
    ...[...r.histograms.keys()].filter((n) => n !== 'sso_preflight_http_request_duration_seconds'),
  ]) {
    out.push(`# HELP ${name} ${HELP[name] ?? name}`, `# TYPE ${name} histogram`)
    for (const [k, h] of r.histograms.get(name) ?? []) {
      LATENCY_BUCKETS_SECONDS.forEach((le, i) =>
        out.push(`${name}_bucket${labelText(k, { le: String(le) })} ${h.buckets[i]}`),
      )
      out.push(
        `${name}_bucket${labelText(k, { le: '+Inf' })} ${h.count}`,
        `${name}_sum${labelText(k)} ${h.sum.toFixed(6)}`,
        `${name}_count${labelText(k)} ${h.count}`,
      )
    }
  }
  return `${out.join('\n')}\n`
}
