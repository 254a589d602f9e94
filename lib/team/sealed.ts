import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/*
 * Small values the browser carries for us (the sign-in transaction), sealed with AES-256-GCM under a key derived from
 * the session secret: the browser can neither read nor change them, and every instance with the same secret can open
 * them. A purpose string keeps one sealed value from being replayed as another kind.
 */

function keyFor(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'sso-preflight', `sealed/${purpose}`, 32))
}

/** base64url(iv | tag | ciphertext) of `{ v, exp }`. */
export function seal(secret: string, purpose: string, value: unknown, ttlMs: number, now = Date.now()): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify({ v: value, exp: now + ttlMs }), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

/** The sealed value, or undefined when it was altered, sealed for another purpose or secret, or has expired. */
export function unseal(secret: string, purpose: string, sealed: string, now = Date.now()): unknown {
  if (sealed.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return undefined
  const raw = Buffer.from(sealed, 'base64url')
  if (raw.length < 29) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), raw.subarray(0, 12))
    decipher.setAuthTag(raw.subarray(12, 28))
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    const parsed = JSON.parse(text) as { v?: unknown; exp?: unknown }
    return typeof parsed.exp === 'number' && parsed.exp > now ? parsed.v : undefined
  } catch {
    return undefined
  }
}
