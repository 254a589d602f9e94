import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/*
 * AES-256-GCM for the few values the store must keep but never in clear (login secrets, webhook signing secrets):
 * a fresh 96-bit IV per value, and `aad` (what the value belongs to) authenticated, so a ciphertext copied to
 * another row does not decrypt. Format: v1.<base64url(iv | tag | ciphertext)>.
 */

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

export function sealJson(key: Buffer, aad: string, value: unknown): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(JSON.stringify(value) ?? 'null', 'utf8'), cipher.final()])
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
}

/** Null for anything that does not decrypt under this key and aad (another deployment key, a tampered or moved row). */
export function openJson<T>(key: Buffer, aad: string, sealed: string): T | null {
  const [version, data] = sealed.split('.')
  if (version !== VERSION || !data) return null
  const raw = Buffer.from(data, 'base64url')
  if (raw.length < IV_BYTES + TAG_BYTES) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
    decipher.setAAD(Buffer.from(aad, 'utf8'))
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    return JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8'),
    ) as T
  } catch {
    return null
  }
}
