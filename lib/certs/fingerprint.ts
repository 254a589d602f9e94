import * as crypto from 'node:crypto'

/*
 * A certificate's (or key's) digests in the forms admins compare them in. One native call each where Node has the
 * one-shot crypto.hash (20.12+): a first-seen certificate is read once, in code that is cold by then, and each
 * createHash / update / digest / toString crossing cost 4-10 µs there against ~1 µs warm.
 */
const hashHex: (algorithm: string, data: Uint8Array) => string =
  typeof crypto.hash === 'function'
    ? (algorithm, data) => crypto.hash(algorithm, data, 'hex')
    : (algorithm, data) => crypto.createHash(algorithm).update(data).digest('hex')

/** SHA-256 as colon-separated upper-case hex, as `X509Certificate.fingerprint256` writes it (TrustedKey.sha256). */
export function sha256Fingerprint(der: Uint8Array): string {
  return colonHex(hashHex('sha256', der))
}

/** SHA-1 as Entra's "Thumbprint" and Windows show it: upper-case hex, no colons. */
export function sha1Thumbprint(der: Uint8Array): string {
  return hashHex('sha1', der).toUpperCase()
}

/** 'ab12…' → 'AB:12:…' */
export function colonHex(hex: string): string {
  const up = hex.toUpperCase()
  let out = up.slice(0, 2)
  for (let i = 2; i < up.length; i += 2) out += ':' + up.slice(i, i + 2)
  return out
}
