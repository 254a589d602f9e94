import { createHash, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto'
import type { TrustedKey } from './types'

/*
 * Certificates from metadata (base64 DER with line breaks, or PEM) → trusted public keys. Parsing a certificate
 * costs ~50 µs, more than the rest of a verification, so parsed keys are cached by their normalised base64: the same
 * metadata validated again costs a map lookup. The cache is bounded, so hostile input cannot grow it without end.
 */

export interface CertificateProblem {
  /** Index in the list the caller passed. */
  readonly index: number
  readonly detail: string
}

interface Parsed { readonly key: KeyObject; readonly sha256: string }

const CACHE_LIMIT = 512
const cache = new Map<string, Parsed | { readonly error: string }>()

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/

/** The usable keys among `certs`, in order; unparseable entries are skipped (see `certificateProblems`). */
export function trustedKeysFromCertificates(certs: readonly string[]): TrustedKey[] {
  const keys: TrustedKey[] = []
  certs.forEach((cert, index) => {
    const p = parseCached(cert)
    if ('key' in p) keys.push({ key: p.key, sha256: p.sha256, index })
  })
  return keys
}

/** Why each unusable entry of `certs` could not be used, for the caller to turn into findings. */
export function certificateProblems(certs: readonly string[]): CertificateProblem[] {
  const problems: CertificateProblem[] = []
  certs.forEach((cert, index) => {
    const p = parseCached(cert)
    if ('error' in p) problems.push({ index, detail: p.error })
  })
  return problems
}

/** SHA-256 of DER bytes as colon-separated upper-case hex, as `X509Certificate.fingerprint256` writes it. */
export function sha256Fingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:')
}

function parseCached(text: string): Parsed | { readonly error: string } {
  const { label, base64 } = normalise(text)
  const cacheKey = `${label}\n${base64}`
  const hit = cache.get(cacheKey)
  if (hit) return hit
  const parsed = parse(label, base64)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(cacheKey, parsed)
  return parsed
}

function normalise(text: string): { label: string; base64: string } {
  const m = PEM_RE.exec(text)
  const label = m ? m[1]! : 'CERTIFICATE'
  return { label, base64: (m ? m[2]! : text).replace(/\s+/g, '') }
}

function parse(label: string, base64: string): Parsed | { readonly error: string } {
  if (base64 === '') return { error: 'empty certificate' }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return { error: 'not base64' }
  const der = Buffer.from(base64, 'base64')
  try {
    if (label === 'PUBLIC KEY') {
      const key = createPublicKey({ key: der, format: 'der', type: 'spki' })
      return { key, sha256: sha256Fingerprint(der) }
    }
    if (label !== 'CERTIFICATE') return { error: `unsupported PEM block '${label}'` }
    const cert = new X509Certificate(der)
    return { key: cert.publicKey, sha256: cert.fingerprint256 }
  } catch (err) {
    return { error: `not a parseable ${label === 'PUBLIC KEY' ? 'public key' : 'X.509 certificate'}: ${err instanceof Error ? err.message : String(err)}` }
  }
}
