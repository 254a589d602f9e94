import { formatInstant } from '@/app/ui/report/format'

/*
 * API tokens and setup links live alike: a secret shown once that works until it expires or is revoked. Their lists
 * say which, and offer "Revoke" only while it still works.
 */

export interface SecretLifetime {
  readonly expiresAt: string | null
  readonly revokedAt: string | null
}

/** Still works: neither revoked nor past its expiry (at `now`, epoch ms). */
export function isLive(s: SecretLifetime, now: number): boolean {
  return !s.revokedAt && !isExpired(s, now)
}

function isExpired(s: SecretLifetime, now: number): boolean {
  return s.expiresAt !== null && Date.parse(s.expiresAt) <= now
}

/** The "State" cell: revoked (when), expired or active. */
export function SecretStateCell({ secret, now }: { secret: SecretLifetime; now: number }) {
  const expired = isExpired(secret, now)
  return (
    <td className={secret.revokedAt ? 'state-revoked' : expired ? 'state-expired' : undefined}>
      {secret.revokedAt ? `revoked ${formatInstant(secret.revokedAt)}` : expired ? 'expired' : 'active'}
    </td>
  )
}
