import { z } from 'zod'

/**
 * Environment switches of lib/net.
 * `SSO_PREFLIGHT_ALLOW_LOOPBACK=1` lets the demo app's process fetch from loopback (127.0.0.0/8, ::1), so the
 * mock IdP on localhost can be checked. It never opens private ranges, link-local or metadata addresses.
 * Any other value, or none, leaves loopback refused.
 */
export const NetEnvSchema = z.object({
  SSO_PREFLIGHT_ALLOW_LOOPBACK: z.enum(['0', '1']).optional(),
})
export type NetEnv = z.infer<typeof NetEnvSchema>

/** Read at call time, so a process can only opt in through its own environment. */
export function loopbackAllowedByEnv(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const parsed = NetEnvSchema.safeParse({ SSO_PREFLIGHT_ALLOW_LOOPBACK: env.SSO_PREFLIGHT_ALLOW_LOOPBACK || undefined })
  return parsed.success && parsed.data.SSO_PREFLIGHT_ALLOW_LOOPBACK === '1'
}
