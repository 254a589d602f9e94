import { createHash, hkdfSync } from 'node:crypto'
import { z } from 'zod'
import { PreflightError } from '../errors'

/*
 * Two modes, one code base. Local mode (`npm start`): loopback only, no sign-in, everything in the 'local' workspace.
 * Team mode: switched on by any of its variables (or SSO_PREFLIGHT_MODE=team) and then refused unless every required
 * one is there, with a message naming what is missing: a half-configured deployment must not start open.
 */

export const TEAM_REQUIRED_VARS = [
  'SSO_PREFLIGHT_PUBLIC_URL',
  'SSO_PREFLIGHT_SESSION_SECRET',
  'SSO_PREFLIGHT_AUTH_ISSUER',
  'SSO_PREFLIGHT_AUTH_CLIENT_ID',
  'SSO_PREFLIGHT_AUTH_CLIENT_SECRET',
] as const

/** Setting any of these means the operator wants team mode. SSO_PREFLIGHT_PUBLIC_URL alone does not (local mode behind a name). */
const TEAM_TRIGGER_VARS = [
  'SSO_PREFLIGHT_SESSION_SECRET',
  'SSO_PREFLIGHT_AUTH_ISSUER',
  'SSO_PREFLIGHT_AUTH_CLIENT_ID',
  'SSO_PREFLIGHT_AUTH_CLIENT_SECRET',
  'SSO_PREFLIGHT_ENCRYPTION_KEY',
] as const

const Minutes = (dflt: number, max: number) => z.coerce.number().int().min(1).max(max).default(dflt)

export const TeamEnvSchema = z.object({
  SSO_PREFLIGHT_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  SSO_PREFLIGHT_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)'),
  SSO_PREFLIGHT_AUTH_ISSUER: z.url({ protocol: /^https?$/ }),
  SSO_PREFLIGHT_AUTH_CLIENT_ID: z.string().min(1).max(500),
  SSO_PREFLIGHT_AUTH_CLIENT_SECRET: z.string().min(1).max(2000),
  /** 32 bytes, base64 or hex. Absent: derived from the session secret (HKDF), so one secret is enough to start. */
  SSO_PREFLIGHT_ENCRYPTION_KEY: z.string().optional(),
  /** Email addresses (comma-separated) that become owner of the first workspace on their first sign-in. */
  SSO_PREFLIGHT_OWNER_EMAILS: z.string().optional(),
  SSO_PREFLIGHT_SESSION_IDLE_MINUTES: Minutes(8 * 60, 7 * 24 * 60),
  SSO_PREFLIGHT_SESSION_ABSOLUTE_MINUTES: Minutes(7 * 24 * 60, 90 * 24 * 60),
  SSO_PREFLIGHT_SETUP_LINK_MINUTES: Minutes(24 * 60, 30 * 24 * 60),
  SSO_PREFLIGHT_INVITATION_MINUTES: Minutes(7 * 24 * 60, 30 * 24 * 60),
})

export interface LocalConfig {
  readonly mode: 'local'
  /** Key for the short-lived login secrets: random per process (nothing to share with another instance locally). */
  readonly encryptionKey: Buffer
}

export interface TeamConfig {
  readonly mode: 'team'
  readonly publicUrl: URL
  readonly sessionSecret: string
  readonly auth: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string }
  readonly encryptionKey: Buffer
  readonly ownerEmails: readonly string[]
  readonly sessionIdleMs: number
  readonly sessionAbsoluteMs: number
  readonly setupLinkMs: number
  readonly invitationMs: number
}

export type DeploymentConfig = LocalConfig | TeamConfig

/**
 * Reads the deployment mode from the environment. Throws ERR_USAGE naming every missing or invalid variable when
 * team mode is asked for but incomplete.
 * @example readDeploymentConfig(process.env).mode // 'local'
 */
export function readDeploymentConfig(
  env: Record<string, string | undefined> = process.env,
  localKey?: Buffer,
): DeploymentConfig {
  const pick = (k: string) => (env[k] === '' ? undefined : env[k])
  const wantsTeam = pick('SSO_PREFLIGHT_MODE') === 'team' || TEAM_TRIGGER_VARS.some((k) => pick(k) !== undefined)
  if (!wantsTeam) return { mode: 'local', encryptionKey: localKey ?? processLocalKey() }
  const missing = TEAM_REQUIRED_VARS.filter((k) => pick(k) === undefined)
  if (missing.length > 0) {
    throw new PreflightError(
      `team mode is half-configured: missing ${missing.join(', ')}. Set every one of ${TEAM_REQUIRED_VARS.join(', ')}, ` +
        'or none of the team variables for local mode.',
      { code: 'ERR_USAGE' },
    )
  }
  const parsed = TeamEnvSchema.safeParse(Object.fromEntries(Object.keys(TeamEnvSchema.shape).map((k) => [k, pick(k)])))
  if (!parsed.success) {
    throw new PreflightError(`team mode is misconfigured: ${z.prettifyError(parsed.error)}`, { code: 'ERR_USAGE' })
  }
  const e = parsed.data
  return {
    mode: 'team',
    publicUrl: new URL(e.SSO_PREFLIGHT_PUBLIC_URL),
    sessionSecret: e.SSO_PREFLIGHT_SESSION_SECRET,
    auth: {
      issuer: e.SSO_PREFLIGHT_AUTH_ISSUER,
      clientId: e.SSO_PREFLIGHT_AUTH_CLIENT_ID,
      clientSecret: e.SSO_PREFLIGHT_AUTH_CLIENT_SECRET,
    },
    encryptionKey: e.SSO_PREFLIGHT_ENCRYPTION_KEY
      ? decodeKey(e.SSO_PREFLIGHT_ENCRYPTION_KEY)
      : Buffer.from(
          hkdfSync('sha256', e.SSO_PREFLIGHT_SESSION_SECRET, 'sso-preflight', 'login-secrets/aes-256-gcm', 32),
        ),
    ownerEmails: (e.SSO_PREFLIGHT_OWNER_EMAILS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    sessionIdleMs: e.SSO_PREFLIGHT_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SSO_PREFLIGHT_SESSION_ABSOLUTE_MINUTES * 60_000,
    setupLinkMs: e.SSO_PREFLIGHT_SETUP_LINK_MINUTES * 60_000,
    invitationMs: e.SSO_PREFLIGHT_INVITATION_MINUTES * 60_000,
  }
}

function decodeKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
  if (key.length !== 32) {
    throw new PreflightError(
      'SSO_PREFLIGHT_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64 (`openssl rand -base64 32`)',
      { code: 'ERR_USAGE' },
    )
  }
  return key
}

const slot = globalThis as typeof globalThis & { __ssoPreflightLocalKey?: Buffer }
function processLocalKey(): Buffer {
  return (slot.__ssoPreflightLocalKey ??= createHash('sha256')
    .update(crypto.getRandomValues(new Uint8Array(32)))
    .digest())
}
