import { timingSafeEqual } from 'node:crypto'
import packageJson from '@/package.json'
import { readOpsEnv } from '@/lib/ops/env'
import { renderMetrics } from '@/lib/ops/metrics'

export const dynamic = 'force-dynamic'

/**
 * GET /api/metrics — Prometheus text exposition of this instance (scrape each instance). Open like /api/health
 * unless SSO_PREFLIGHT_METRICS_TOKEN is set; then only `Authorization: Bearer <that token>` gets them.
 */
export async function GET(request: Request): Promise<Response> {
  const token = readOpsEnv().SSO_PREFLIGHT_METRICS_TOKEN
  if (token && !bearerMatches(request.headers.get('authorization'), token)) {
    return Response.json(
      { error: 'ERR_UNAUTHORIZED', message: 'Metrics need Authorization: Bearer <SSO_PREFLIGHT_METRICS_TOKEN>.' },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    )
  }
  return new Response(renderMetrics({ version: packageJson.version }), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  })
}

function bearerMatches(header: string | null, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? ''
  const a = Buffer.from(presented)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
