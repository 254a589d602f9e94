/*
 * Just enough DER to read Certificate.signatureAlgorithm, which node:crypto's X509Certificate (Node 20) does not
 * expose. Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
 */

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
}

/** Algorithms whose digest is broken for certificate signatures. */
export function isWeakSignatureAlgorithm(name: string): boolean {
  return /^(md2|md5|sha1)With|with-SHA1$/i.test(name)
}

interface Tlv {
  readonly tag: number
  readonly start: number
  readonly end: number
  readonly next: number
}

function readTlv(der: Uint8Array, at: number): Tlv | undefined {
  if (at + 2 > der.length) return undefined
  const tag = der[at]!
  let len = der[at + 1]!
  let start = at + 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4 || start + n > der.length) return undefined
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!
    start += n
  }
  const end = start + len
  if (end > der.length) return undefined
  return { tag, start, end, next: end }
}

/** X.690 8.19: the first subidentifier (which may take several bytes) holds the first two arcs, 2.x for x ≥ 40. */
function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) return ''
  const parts: number[] = []
  let v = 0
  for (let i = 0; i < bytes.length; i++) {
    v = v * 128 + (bytes[i]! & 0x7f)
    if (!(bytes[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80)
      else parts.push(v)
      v = 0
    }
  }
  return parts.join('.')
}

/** The certificate's own signature algorithm name (or OID), or undefined when the DER is not a certificate. */
export function certificateSignatureAlgorithm(der: Uint8Array): string | undefined {
  const cert = readTlv(der, 0)
  if (!cert || cert.tag !== 0x30) return undefined
  const tbs = readTlv(der, cert.start)
  if (!tbs || tbs.tag !== 0x30) return undefined
  const algId = readTlv(der, tbs.next)
  if (!algId || algId.tag !== 0x30) return undefined
  const oid = readTlv(der, algId.start)
  if (!oid || oid.tag !== 0x06) return undefined
  return signatureAlgorithmName(decodeOid(der.subarray(oid.start, oid.end)))
}

/** A signature algorithm's name as OpenSSL prints it, or the dotted OID when unknown. */
export function signatureAlgorithmName(dottedOid: string): string {
  return SIGNATURE_ALGORITHMS[dottedOid] ?? dottedOid
}
