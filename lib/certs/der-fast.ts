import { createPublicKey, type KeyObject } from 'node:crypto'
import { sha1Thumbprint, sha256Fingerprint } from './fingerprint'

/*
 * The common certificate read without node:crypto's X509Certificate: Node 20's OpenSSL 3.0 decodes the public key of
 * every certificate it parses through its slow provider decoders (~130 µs per certificate here), while the same RSA
 * key imported as a JWK costs ~5 µs. That was most of a first-seen metadata analysis beyond the parse (issue 8).
 *
 * Only certificates this reader can render exactly as X509Certificate would are read here; anything else returns
 * undefined and lib/certs/parse.ts asks X509Certificate as before. "Exactly" is held by a differential test
 * (der-fast.test.ts) over every real certificate in the fixtures and thousands of mutated ones. The gate:
 * strict DER throughout (lengths, minimal INTEGERs, exact ends); an RSA key (rsaEncryption with NULL parameters);
 * names made of single-valued RDNs of well-known attribute types, each value a Printable/UTF8/IA5 string of plain
 * ASCII that RFC 2253 escaping leaves alone; validity times in the two fixed DER forms.
 */

export interface FastCertificate {
  readonly subject: string
  readonly issuer: string
  readonly notBefore: Date
  readonly notAfter: Date
  /** Colon hex, upper case, as X509Certificate.fingerprint256. */
  readonly fingerprint256: string
  /** X509Certificate.fingerprint without the colons (ParsedCertificate.sha1Thumbprint). */
  readonly sha1Thumbprint: string
  readonly publicKey: KeyObject
  /** The modulus length, as publicKey.asymmetricKeyDetails.modulusLength (read here: that getter is a native call). */
  readonly keyBits: number
  /** Certificate.signatureAlgorithm's OID, dotted. */
  readonly signatureAlgorithmOid: string
}

/** OpenSSL's short names (XN_FLAG_FN_SN) of the attribute types read here. */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
}
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1'

interface Tlv {
  readonly tag: number
  readonly start: number
  readonly end: number
}

/** One DER TLV at `at`, inside `limit`; definite, minimal lengths only. */
function tlv(der: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined
  const tag = der[at]!
  let len = der[at + 1]!
  let start = at + 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 3 || start + n > limit) return undefined
    if (der[start] === 0) return undefined // not minimal
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!
    if (len < 0x80) return undefined // short form was due
    start += n
  }
  const end = start + len
  return end > limit ? undefined : { tag, start, end }
}

function oid(der: Uint8Array, t: Tlv): string | undefined {
  if (t.tag !== 0x06 || t.end === t.start || der[t.end - 1]! & 0x80) return undefined
  const parts: number[] = []
  let v = 0
  for (let i = t.start; i < t.end; i++) {
    const b = der[i]!
    if (v === 0 && b === 0x80) return undefined // not minimal
    v = v * 128 + (b & 0x7f)
    if (v > Number.MAX_SAFE_INTEGER / 256) return undefined
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80)
      else parts.push(v)
      v = 0
    }
  }
  return parts.join('.')
}

/** A positive, minimally encoded INTEGER's magnitude (no sign byte), or undefined. */
function positiveInteger(der: Uint8Array, t: Tlv): Uint8Array | undefined {
  if (t.tag !== 0x02 || t.end === t.start) return undefined
  const first = der[t.start]!
  if (first & 0x80) return undefined // negative
  if (first === 0 && (t.end - t.start === 1 || !(der[t.start + 1]! & 0x80))) return undefined // padding not needed
  return der.subarray(first === 0 ? t.start + 1 : t.start, t.end)
}

function minimalInteger(der: Uint8Array, t: Tlv): boolean {
  if (t.tag !== 0x02 || t.end === t.start) return false
  if (t.end - t.start === 1) return true
  const a = der[t.start]!,
    b = der[t.start + 1]!
  return !((a === 0 && !(b & 0x80)) || (a === 0xff && b & 0x80))
}

/** Characters RFC 2253 escaping (as OpenSSL's ASN1_STRFLGS_ESC_2253 | ESC_CTRL) leaves alone anywhere in a value. */
function plainValueByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    b === 0x20 ||
    b === 0x2d ||
    b === 0x2e ||
    b === 0x5f ||
    b === 0x40 ||
    b === 0x3a ||
    b === 0x2f ||
    b === 0x28 ||
    b === 0x29 ||
    b === 0x27 ||
    b === 0x3d ||
    b === 0x3f ||
    b === 0x2a ||
    b === 0x26
  )
}

/** The Name as X509Certificate prints it (one `SN=value` line per RDN), or undefined outside the gate. */
function name(der: Uint8Array, t: Tlv): string | undefined {
  if (t.tag !== 0x30) return undefined
  const lines: string[] = []
  for (let at = t.start; at < t.end;) {
    const rdn = tlv(der, at, t.end)
    if (!rdn || rdn.tag !== 0x31) return undefined
    const atv = tlv(der, rdn.start, rdn.end)
    if (!atv || atv.tag !== 0x30 || atv.end !== rdn.end) return undefined // exactly one attribute per RDN
    const type = tlv(der, atv.start, atv.end)
    if (!type) return undefined
    const sn = SHORT_NAMES[oid(der, type) ?? '']
    const value = tlv(der, type.end, atv.end)
    if (!sn || !value || value.end !== atv.end) return undefined
    if (value.tag !== 0x13 && value.tag !== 0x0c && value.tag !== 0x16) return undefined
    const len = value.end - value.start
    if (len === 0 || der[value.start] === 0x20 || der[value.end - 1] === 0x20) return undefined
    for (let i = value.start; i < value.end; i++) if (!plainValueByte(der[i]!)) return undefined
    // Decoded in one call, never spread into arguments: a 300 KB value overflowed the stack that way.
    lines.push(sn + '=' + Buffer.from(der.buffer, der.byteOffset + value.start, len).toString('latin1'))
    at = rdn.end
  }
  return lines.length ? lines.join('\n') : undefined
}

function digits(der: Uint8Array, from: number, n: number): number {
  let v = 0
  for (let i = from; i < from + n; i++) {
    const c = der[i]! - 0x30
    if (c < 0 || c > 9) return NaN
    v = v * 10 + c
  }
  return v
}

/** UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ; anything else (fractions, offsets) is left to OpenSSL. */
function time(der: Uint8Array, t: Tlv): Date | undefined {
  let year: number, at: number
  if (t.tag === 0x17 && t.end - t.start === 13) {
    const yy = digits(der, t.start, 2)
    year = yy < 50 ? 2000 + yy : 1900 + yy
    at = t.start + 2
  } else if (t.tag === 0x18 && t.end - t.start === 15) {
    year = digits(der, t.start, 4)
    at = t.start + 4
  } else return undefined
  if (der[t.end - 1] !== 0x5a /* Z */) return undefined
  const month = digits(der, at, 2),
    day = digits(der, at + 2, 2),
    hour = digits(der, at + 4, 2),
    minute = digits(der, at + 6, 2),
    second = digits(der, at + 8, 2)
  if (!(year >= 1950 && month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59))
    return undefined
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  return d.getUTCDate() === day && d.getUTCMonth() === month - 1 ? d : undefined // no 31 February
}

function rsaKey(der: Uint8Array, t: Tlv): { readonly key: KeyObject; readonly bits: number } | undefined {
  if (t.tag !== 0x30) return undefined
  const alg = tlv(der, t.start, t.end)
  if (!alg || alg.tag !== 0x30) return undefined
  const algOid = tlv(der, alg.start, alg.end)
  if (!algOid || oid(der, algOid) !== RSA_ENCRYPTION) return undefined
  const params = tlv(der, algOid.end, alg.end)
  if (!params || params.tag !== 0x05 || params.end !== params.start || params.end !== alg.end) return undefined
  const bits = tlv(der, alg.end, t.end)
  if (!bits || bits.tag !== 0x03 || bits.end !== t.end || der[bits.start] !== 0) return undefined
  const seq = tlv(der, bits.start + 1, bits.end)
  if (!seq || seq.tag !== 0x30 || seq.end !== bits.end) return undefined
  const nT = tlv(der, seq.start, seq.end)
  const eT = nT && tlv(der, nT.end, seq.end)
  if (!nT || !eT || eT.end !== seq.end) return undefined
  const n = positiveInteger(der, nT),
    e = positiveInteger(der, eT)
  if (!n || !e || n.length < 64 || e.length > 8) return undefined
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: base64url(n), e: base64url(e) }, format: 'jwk' })
    return { key, bits: (n.length - 1) * 8 + (32 - Math.clz32(n[0]!)) }
  } catch {
    return undefined
  }
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url')

/** The certificate's fields as X509Certificate gives them, or undefined when it is outside this reader's gate. */
export function readCommonCertificate(der: Uint8Array): FastCertificate | undefined {
  const cert = tlv(der, 0, der.length)
  if (!cert || cert.tag !== 0x30 || cert.end !== der.length) return undefined
  const tbs = tlv(der, cert.start, cert.end)
  if (!tbs || tbs.tag !== 0x30) return undefined
  const sigAlg = tlv(der, tbs.end, cert.end)
  const signatureAlgorithmOid = sigAlg && algorithmIdentifierOid(der, sigAlg)
  if (!signatureAlgorithmOid) return undefined
  const sig = tlv(der, sigAlg.end, cert.end)
  if (!sig || sig.tag !== 0x03 || sig.end !== cert.end || sig.end === sig.start || der[sig.start] !== 0)
    return undefined

  let at = tbs.start
  let f = tlv(der, at, tbs.end)
  if (!f) return undefined
  if (f.tag === 0xa0) {
    // version [0] EXPLICIT INTEGER: v2 or v3 (v1 is encoded by leaving it out)
    const v = tlv(der, f.start, f.end)
    if (!v || v.end !== f.end || v.tag !== 0x02 || v.end - v.start !== 1 || (der[v.start] !== 1 && der[v.start] !== 2))
      return undefined
    at = f.end
    f = tlv(der, at, tbs.end)
    if (!f) return undefined
  }
  if (!minimalInteger(der, f) || f.end - f.start > 21) return undefined // serialNumber
  const tbsSigAlg = tlv(der, f.end, tbs.end)
  if (!tbsSigAlg || !algorithmIdentifierOid(der, tbsSigAlg)) return undefined
  const issuerT = tlv(der, tbsSigAlg.end, tbs.end)
  if (!issuerT) return undefined
  const validity = tlv(der, issuerT.end, tbs.end)
  if (!validity || validity.tag !== 0x30) return undefined
  const nbT = tlv(der, validity.start, validity.end)
  const naT = nbT && tlv(der, nbT.end, validity.end)
  if (!nbT || !naT || naT.end !== validity.end) return undefined
  const subjectT = tlv(der, validity.end, tbs.end)
  if (!subjectT) return undefined
  const spki = tlv(der, subjectT.end, tbs.end)
  if (!spki) return undefined
  // Optional issuerUniqueID [1], subjectUniqueID [2], extensions [3], in that order, then the end of tbs.
  let rest = spki.end
  let lastTag = 0
  while (rest < tbs.end) {
    const x = tlv(der, rest, tbs.end)
    if (!x || (x.tag !== 0x81 && x.tag !== 0x82 && x.tag !== 0xa3) || x.tag <= lastTag) return undefined
    if (x.tag === 0xa3 && !extensionsWellFormed(der, x)) return undefined
    if (x.tag !== 0xa3) return undefined // unique IDs: rare enough to leave to OpenSSL
    lastTag = x.tag
    rest = x.end
  }

  const subject = name(der, subjectT)
  const issuer = subject && name(der, issuerT)
  const notBefore = issuer && time(der, nbT)
  const notAfter = notBefore && time(der, naT)
  const key = notAfter && rsaKey(der, spki)
  if (!subject || !issuer || !notBefore || !notAfter || !key) return undefined
  return {
    subject,
    issuer,
    notBefore,
    notAfter,
    fingerprint256: sha256Fingerprint(der),
    sha1Thumbprint: sha1Thumbprint(der),
    publicKey: key.key,
    keyBits: key.bits,
    signatureAlgorithmOid,
  }
}

/**
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL }, parameters absent or NULL: its OID,
 * or undefined when it is not that.
 */
function algorithmIdentifierOid(der: Uint8Array, t: Tlv): string | undefined {
  if (t.tag !== 0x30) return undefined
  const id = tlv(der, t.start, t.end)
  const dotted = id && oid(der, id)
  if (!id || dotted === undefined) return undefined
  if (id.end === t.end) return dotted
  const params = tlv(der, id.end, t.end)
  // NULL (RSA) only: other parameters (RSASSA-PSS) are left to OpenSSL
  return params && params.end === t.end && params.tag === 0x05 && params.end === params.start ? dotted : undefined
}

/** Extensions ::= [3] EXPLICIT SEQUENCE SIZE (1..MAX) OF SEQUENCE { OID, critical BOOLEAN DEFAULT FALSE, OCTET STRING } */
function extensionsWellFormed(der: Uint8Array, x: Tlv): boolean {
  const list = tlv(der, x.start, x.end)
  if (!list || list.tag !== 0x30 || list.end !== x.end || list.end === list.start) return false
  for (let at = list.start; at < list.end;) {
    const ext = tlv(der, at, list.end)
    if (!ext || ext.tag !== 0x30) return false
    const id = tlv(der, ext.start, ext.end)
    if (!id || oid(der, id) === undefined) return false
    let next = tlv(der, id.end, ext.end)
    if (next?.tag === 0x01) {
      // DER BOOLEAN TRUE (FALSE is the default and so is left out)
      if (next.end - next.start !== 1 || der[next.start] !== 0xff) return false
      next = tlv(der, next.end, ext.end)
    }
    if (!next || next.tag !== 0x04 || next.end !== ext.end) return false
    at = ext.end
  }
  return true
}
