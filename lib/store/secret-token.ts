import { createHash, randomBytes } from 'node:crypto'

/** A random 256-bit secret (base64url, 43 characters): session cookies, invitation links. Shown once, never stored. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the database keeps instead of the secret: its SHA-256 (base64url). A leaked table opens no session. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** A presented secret worth a lookup: the shape newSecretToken makes, nothing longer (a header is untrusted input). */
export function looksLikeSecretToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token)
}
