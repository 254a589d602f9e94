import { getStore, type Store } from '@/lib/store'
import { clientAddress, readOpsEnv, type OpsEnv } from '@/lib/ops/env'
import { countRateLimited } from '@/lib/ops/metrics'

/** The open endpoints, each counted on its own per client address. */
export const RATE_LIMIT_GROUPS = {
  'saml-acs': 'the SAML ACS',
  'oidc-callback': 'the OIDC callback',
  'sign-in': 'sign-in',
  'setup-link': 'setup links',
} as const
export type RateLimitGroup = keyof typeof RATE_LIMIT_GROUPS

type Limits = Pick<
  OpsEnv,
  'SSO_PREFLIGHT_RATE_LIMIT' | 'SSO_PREFLIGHT_RATE_LIMIT_WINDOW_SECONDS' | 'SSO_PREFLIGHT_TRUSTED_PROXY_HOPS'
>

/**
 * Counts this request against its client address's budget for `group` (shared by every instance: the counter is a
 * database row) and returns the 429 to send when over it, else null. Call it first in an open endpoint:
 * @example const limited = await rateLimit(request, 'sign-in'); if (limited) return limited
 * A database error lets the request through: the endpoint's own checks still apply, and /api/health reports it.
 */
export async function rateLimit(
  request: Request,
  group: RateLimitGroup,
  o: { store?: Store; limits?: Limits } = {},
): Promise<Response | null> {
  const limits = o.limits ?? readOpsEnv()
  const limit = limits.SSO_PREFLIGHT_RATE_LIMIT
  if (limit === 0) return null
  const windowMs = limits.SSO_PREFLIGHT_RATE_LIMIT_WINDOW_SECONDS * 1000
  const address = clientAddress(request.headers.get('x-forwarded-for'), limits.SSO_PREFLIGHT_TRUSTED_PROXY_HOPS)
  let hit
  try {
    hit = await (o.store ?? (await getStore())).rateLimits.hit(`${group}:${address}`, { limit, windowMs })
  } catch {
    return null
  }
  if (hit.allowed) return null
  countRateLimited(group)
  const retryAfter = Math.max(1, Math.ceil((hit.resetAt.getTime() - Date.now()) / 1000))
  const message = `Too many requests to ${RATE_LIMIT_GROUPS[group]} from your address: ${hit.hits} in ${limits.SSO_PREFLIGHT_RATE_LIMIT_WINDOW_SECONDS} s (limit ${limit}). Try again in ${retryAfter} s.`
  const wantsJson =
    /json/.test(request.headers.get('accept') ?? '') || new URL(request.url).pathname.startsWith('/api/')
  return new Response(wantsJson ? JSON.stringify({ error: 'ERR_RATE_LIMITED', message }) : message, {
    status: 429,
    headers: {
      'retry-after': String(retryAfter),
      'content-type': wantsJson ? 'application/json' : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    },
  })
}
