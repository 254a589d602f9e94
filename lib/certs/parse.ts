import { X509Certificate } from 'node:crypto'
import { certificateSignatureAlgorithm, signatureAlgorithmName } from './der'
import { readCommonCertificate, type FastCertificate } from './der-fast'
import { sha256Fingerprint } from './fingerprint'
import type { CertificateReading, ParsedCertificate } from './types'

/*
 * The one X.509 reader. Metadata checks, IdP detection, the signature verifier's trusted keys and the response
 * validator all read certificates here, so each distinct certificate is parsed once (~50-100 µs) and every later
 * stage gets the same ParsedCertificate (its KeyObject included) from one cache. The cache is least-recently-used
 * and bounded, so 100,000 analyses of different documents keep memory flat while the few certificates real traffic
 * repeats stay in it. (lru-cache is not among the dependencies; a Map in insertion order is an LRU when a hit is
 * moved to the end.)
 */
const CACHE_LIMIT = 2048
const cache = new Map<string, CertificateReading>()

const PEM_ARMOR_RE = /-----(BEGIN|END) [A-Z0-9 ]+-----/g
const PLACEHOLDER_WORDS_RE =
  /redacted|removed|placeholder|your[ _-]?cert|certificate[ _-]?here|insert|changeme|x{8,}|\.{3}|\u2026/i
const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp256k1: 256, secp384r1: 384, secp521r1: 521 }

/** Base64 DER without PEM armour or whitespace: the form IdpTrust carries and the cache key. */
export function normaliseCertificateText(base64OrPem: string): string {
  // Metadata repeats its certificate (Entra's: in 13 KeyDescriptors and RoleDescriptors), and a validation reads the
  // trust's texts several times: the same text again is a string comparison instead of a regex pass over ~1.3 KB.
  if (base64OrPem === lastText) return lastNormalised
  const s = base64OrPem.includes('-----') ? base64OrPem.replace(PEM_ARMOR_RE, '') : base64OrPem
  const normalised = s.replace(/\s+/g, '')
  if (base64OrPem.length <= 20_000) {
    lastText = base64OrPem
    lastNormalised = normalised
  }
  return normalised
}
let lastText: string | undefined
let lastNormalised = ''

/**
 * Reads certificate text from metadata, a PEM file or a JWKS x5c entry: a certificate, or why it is none
 * (a redacted / shortened placeholder, or damaged text). Cached by the normalised base64.
 */
export function readCertificate(base64OrPem: string): CertificateReading {
  const recent = recentReading(base64OrPem)
  if (recent) return recent
  const b64 = normaliseCertificateText(base64OrPem)
  const hit = cache.get(b64)
  if (hit) {
    cache.delete(b64)
    cache.set(b64, hit)
    remember(base64OrPem, hit)
    return hit
  }
  const reading = readUncached(b64)
  if (b64.length <= 16_384) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
    cache.set(b64, reading)
    remember(base64OrPem, reading)
  }
  return reading
}

/*
 * The texts read most recently, as given (before normalising), in front of the cache: a validation reads the trust's
 * certificates three times (keys, KeyInfo comparison, the report's thumbprints) and the next validation reads the
 * same strings again. Comparing the given text with a few recent ones is a pointer check for the same string and a
 * memcmp otherwise, where the cache lookup first normalises the text (a regex pass) and hashes it.
 */
const RECENT = 4
const recentTexts: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined)
const recentReadings: (CertificateReading | undefined)[] = new Array<CertificateReading | undefined>(RECENT).fill(
  undefined,
)
let recentNext = 0

function recentReading(text: string): CertificateReading | undefined {
  // No LRU bump here: every cache insertion also takes a ring slot, so an entry leaves the ring after 4 insertions
  // and its next read goes through the cache (and bumps it) long before 2,048 insertions could evict it.
  for (let i = 0; i < RECENT; i++) if (recentTexts[i] === text) return recentReadings[i]
  return undefined
}

function remember(text: string, reading: CertificateReading): void {
  if (text.length > 20_000) return // padded with whitespace: not worth holding on to
  recentTexts[recentNext] = text
  recentReadings[recentNext] = reading
  recentNext = (recentNext + 1) % RECENT
}

/**
 * Parses an X.509 certificate given as base64 DER (whitespace allowed) or PEM; undefined when it is not one.
 * @example const cert = parseCertificate(x509CertificateText); if (cert) console.log(cert.notAfter)
 */
export function parseCertificate(base64OrPem: string): ParsedCertificate | undefined {
  const r = readCertificate(base64OrPem)
  return r.kind === 'certificate' ? r.cert : undefined
}

/**
 * SHA-256 of a certificate's DER (colon hex, as X509Certificate.fingerprint256), e.g. of a certificate a signature's
 * KeyInfo carries: from the reader's cache when the certificate is known (the usual case: it is the trusted one),
 * else hashed without parsing it. Undefined when the text is not base64.
 */
export function certificateFingerprint(base64OrPem: string): string | undefined {
  const recent = recentReading(base64OrPem)
  if (recent?.kind === 'certificate') return recent.cert.sha256
  const b64 = normaliseCertificateText(base64OrPem)
  const known = cache.get(b64)
  if (known?.kind === 'certificate') return known.cert.sha256
  if (b64 === '' || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined
  return sha256Fingerprint(Buffer.from(b64, 'base64'))
}

function readUncached(b64: string): CertificateReading {
  const text = b64.length > 80 ? b64.slice(0, 40) + '…' + b64.slice(-20) : b64
  if (b64 === '') return { kind: 'placeholder', text, reason: 'empty' }
  const base64Ok = /^[A-Za-z0-9+/]+={0,2}$/.test(b64) && b64.length >= 128
  const der = base64Ok ? Buffer.from(b64, 'base64') : undefined
  // The common certificate (RSA, plain names) is read by lib/certs/der-fast.ts, ~25x faster than X509Certificate
  // with the same result; everything else by X509Certificate.
  const fast = der && readFast(der)
  if (fast) return { kind: 'certificate', cert: fromFast(b64, der, fast) }
  const x = der && tryX509(der)
  if (!x) {
    if (PLACEHOLDER_WORDS_RE.test(b64) || /[<>{}[\]]/.test(b64))
      return { kind: 'placeholder', text, reason: 'redacted or template text instead of a certificate' }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return { kind: 'unparseable', text, reason: 'not base64' }
    // A real certificate is several hundred base64 characters; "MIIC" and friends are what a truncated copy leaves.
    if (b64.length < 128)
      return { kind: 'placeholder', text, reason: `only ${b64.length} base64 characters: a shortened certificate` }
    return { kind: 'unparseable', text, reason: 'base64 that is not an X.509 certificate (truncated or damaged)' }
  }
  const notBefore = new Date(x.validFrom)
  const notAfter = new Date(x.validTo)
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    return { kind: 'unparseable', text, reason: `validity dates cannot be read (${x.validFrom} – ${x.validTo})` }
  }
  const publicKey = x.publicKey
  const details = publicKey.asymmetricKeyDetails ?? {}
  const curve = details.namedCurve
  const keyBits = details.modulusLength ?? (curve ? CURVE_BITS[curve] : undefined)
  // Whether it signs itself costs an RSA verify (as much as the rest of the reading) and only the weak-algorithm
  // check asks, so it is worked out when first asked.
  let selfSigned: boolean | undefined
  const cert: ParsedCertificate = {
    base64: b64,
    subject: oneLine(x.subject),
    commonName: commonName(x.subject),
    issuer: oneLine(x.issuer),
    get selfSigned() {
      return (selfSigned ??= x.subject === x.issuer && verifiesItself(x, x.raw))
    },
    notBefore,
    notAfter,
    sha256: x.fingerprint256,
    sha1Thumbprint: x.fingerprint.replace(/:/g, ''),
    keyType: publicKey.asymmetricKeyType ?? 'unknown',
    ...(keyBits !== undefined ? { keyBits } : {}),
    ...(curve ? { curve } : {}),
    signatureAlgorithm: certificateSignatureAlgorithm(x.raw) ?? 'unknown',
    publicKey,
  }
  return { kind: 'certificate', cert }
}

/** The fast reader's fields as a ParsedCertificate: an RSA key whose details it read from the DER itself. */
function fromFast(b64: string, der: Buffer, fast: FastCertificate): ParsedCertificate {
  let selfSigned: boolean | undefined
  return {
    base64: b64,
    subject: oneLine(fast.subject),
    commonName: commonName(fast.subject),
    issuer: oneLine(fast.issuer),
    get selfSigned() {
      return (selfSigned ??= fast.subject === fast.issuer && verifiesItself(undefined, der))
    },
    notBefore: fast.notBefore,
    notAfter: fast.notAfter,
    sha256: fast.fingerprint256,
    sha1Thumbprint: fast.sha1Thumbprint,
    keyType: 'rsa',
    keyBits: fast.keyBits,
    signatureAlgorithm: signatureAlgorithmName(fast.signatureAlgorithmOid),
    publicKey: fast.publicKey,
  }
}

/** The fast reader, or nothing: whatever it cannot read, or any surprise in it, goes to X509Certificate. */
function readFast(der: Buffer): FastCertificate | undefined {
  try {
    return readCommonCertificate(der)
  } catch {
    return undefined
  }
}

function tryX509(der: Buffer): X509Certificate | undefined {
  try {
    const x = new X509Certificate(der)
    void x.publicKey // throws for key algorithms node:crypto cannot load (e.g. GOST): treat as unparseable
    return x
  } catch {
    return undefined
  }
}

function verifiesItself(x: X509Certificate | undefined, der: Buffer): boolean {
  try {
    const c = x ?? new X509Certificate(der)
    return c.verify(c.publicKey)
  } catch {
    return false
  }
}

function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ')
}

function commonName(dn: string): string {
  for (const line of dn.split('\n')) if (line.startsWith('CN=')) return line.slice(3)
  return oneLine(dn)
}
