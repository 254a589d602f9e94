import { z } from 'zod'
import { PreflightError } from '../errors'

/*
 * The operations variables of a deployment (limits, logs, metrics, proxy trust, shutdown), read once, validated.
 * Every one has a default that works for one instance on a laptop and for a team behind a proxy alike.
 */

const Int = (dflt: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(dflt)

export const OpsEnvSchema = z.object({
  /** Requests per client address per window to each open endpoint group (ACS, OIDC callback, sign-in, setup links). 0 = off. */
  SSO_PREFLIGHT_RATE_LIMIT: Int(600, 0, 1_000_000),
  SSO_PREFLIGHT_RATE_LIMIT_WINDOW_SECONDS: Int(60, 1, 3600),
  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For (and may set X-Request-Id). 0: nothing the
   * client sends is believed (the team server puts the socket address in X-Forwarded-For itself).
   */
  SSO_PREFLIGHT_TRUSTED_PROXY_HOPS: Int(0, 0, 10),
  /** json: one JSON line per request (default in team mode); text: Next.js's own output. */
  SSO_PREFLIGHT_LOG_FORMAT: z.enum(['json', 'text']).optional(),
  /** When set, /api/metrics wants `Authorization: Bearer <token>`. */
  SSO_PREFLIGHT_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** How long a SIGTERM / SIGINT waits for requests in flight before closing their connections. */
  SSO_PREFLIGHT_SHUTDOWN_TIMEOUT_SECONDS: Int(25, 1, 600),
})
export type OpsEnv = z.infer<typeof OpsEnvSchema>

/** Empty strings count as unset. Throws ERR_USAGE naming the variable that is wrong. */
export function readOpsEnv(env: Record<string, string | undefined> = process.env): OpsEnv {
  const picked = Object.fromEntries(Object.keys(OpsEnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]))
  const parsed = OpsEnvSchema.safeParse(picked)
  if (!parsed.success)
    throw new PreflightError(`invalid operations environment: ${z.prettifyError(parsed.error)}`, { code: 'ERR_USAGE' })
  return parsed.data
}

/** The address the request came from: X-Forwarded-For's entry `hops` from the right (the team server appends the socket's). */
export function clientAddress(forwardedFor: string | null, hops: number): string {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const picked = chain[Math.max(0, chain.length - 1 - hops)] ?? 'unknown'
  // An address, not whatever text a client sent: bounded, and only the characters of IPv4 / IPv6.
  return /^[0-9A-Fa-f.:]{2,45}$/.test(picked) ? picked.replace(/^::ffff:/, '') : 'unknown'
}

/** A request ID from a trusted proxy is kept when it looks like one; otherwise a new one. */
export function requestIdFor(incoming: string | null, trusted: boolean): string {
  if (trusted && incoming && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming)) return incoming
  return crypto.randomUUID()
}
