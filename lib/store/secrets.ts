import { createHash, randomBytes } from 'node:crypto'

/*
 * Bearer secrets (API tokens, setup links): 256 random bits, base64url, handed out once and stored only as their
 * SHA-256. A plain hash is enough here (no salt, no slow KDF): the input is 256 random bits, not a password, so
 * there is nothing to guess; and a plain hash lets every instance find the row by an indexed equality.
 */

/** 256 random bits, base64url (43 characters), after an optional prefix that says what the secret is. */
export function newBearerSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/** The stored form of a bearer secret: SHA-256, base64url. */
export function hashBearerSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url')
}

/** A secret of the shape `newBearerSecret(prefix)` makes; anything else is refused before any lookup. */
export function isBearerSecretShape(value: string, prefix = ''): boolean {
  return (
    value.length === prefix.length + 43 &&
    value.startsWith(prefix) &&
    /^[A-Za-z0-9_-]{43}$/.test(value.slice(prefix.length))
  )
}
