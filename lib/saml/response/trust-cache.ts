import { createHash, X509Certificate } from 'node:crypto'
import { trustedKeysFromCertificates } from '../../xmldsig/index'
import type { TrustedKey } from '../../xmldsig/types'

export interface TrustMaterial {
  readonly keys: readonly TrustedKey[]
  /** Per certificate passed (same index as TrustedKey.index): fingerprint and validity, when it parses. */
  readonly certs: readonly ({ readonly sha256: string; readonly notBefore: number; readonly notAfter: number; readonly subject: string } | undefined)[]
}

const cache = new Map<string, TrustMaterial>()
const MAX_ENTRIES = 64

/**
 * Keys from the IdP's metadata certificates, parsed once per distinct certificate set: a validation on the hot
 * path then does no certificate parsing at all.
 */
export function trustMaterial(certs: readonly string[]): TrustMaterial {
  const cacheKey = certs.join('\u0000')
  const hit = cache.get(cacheKey)
  if (hit) return hit
  const m: TrustMaterial = { keys: trustedKeysFromCertificates([...certs]), certs: certs.map(certInfo) }
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
  cache.set(cacheKey, m)
  return m
}

function certInfo(b64: string): TrustMaterial['certs'][number] {
  try {
    const x = new X509Certificate(Buffer.from(b64.replace(/\s+/g, ''), 'base64'))
    return { sha256: x.fingerprint256, notBefore: Date.parse(x.validFrom), notAfter: Date.parse(x.validTo), subject: x.subject.replace(/\n/g, ', ') }
  } catch {
    return undefined
  }
}

/** SHA-256 fingerprint (colon hex, upper case, like X509Certificate.fingerprint256) of a base64 DER certificate. */
export function fingerprintOf(b64: string): string | undefined {
  const der = Buffer.from(b64.replace(/\s+/g, ''), 'base64')
  if (der.length === 0) return undefined
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':')
}
