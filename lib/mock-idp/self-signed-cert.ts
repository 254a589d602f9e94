import { createSign, type KeyObject } from 'node:crypto'

// Node has no X.509 writer and none of the project's dependencies has one; a self-signed RSA certificate is a few
// fixed DER structures, so the mock writes it here (a dependency for 60 lines would cost start-up time on every run).

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}
const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts)
  return Buffer.concat([Buffer.from([tag]), length(body.length), body])
}
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts)

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number)
  const out = [40 * a! + b!]
  for (const n of rest) {
    const chunk = [n & 0x7f]
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80)
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

/** UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso))
}

const SHA256_WITH_RSA = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]))

export interface SelfSignedInput {
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
  readonly commonName: string
  readonly notBefore: Date
  readonly notAfter: Date
}

/** A v3-less (v1) self-signed X.509 certificate, RSA-SHA256, as PEM: what IdP signing certificates usually are. */
export function selfSignedCertificatePem(o: SelfSignedInput): string {
  const name = seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(o.commonName, 'utf8')))))
  const serial = Buffer.from(crypto.getRandomValues(new Uint8Array(16)))
  serial[0] = (serial[0]! & 0x7f) | 0x01 // positive and minimal
  const spki = o.publicKey.export({ type: 'spki', format: 'der' })
  const tbs = seq(tlv(0x02, serial), SHA256_WITH_RSA, name, seq(time(o.notBefore), time(o.notAfter)), name, spki)
  const signature = createSign('sha256').update(tbs).sign(o.privateKey)
  const der = seq(tbs, SHA256_WITH_RSA, tlv(0x03, Buffer.from([0]), signature))
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`
}
