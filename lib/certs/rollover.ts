import { finding, type FindingContext } from '../findings/finding'
import type { Finding } from '../findings/types'
import { isCurrentlyValid } from './check'
import type { ParsedCertificate } from './types'

/** The certificate an IdP most likely signs with now: the valid one issued last (ties: the one that lasts longest). */
export function pickCurrentCertificate(
  certs: readonly ParsedCertificate[],
  now: Date,
  skewSeconds = 0,
): ParsedCertificate | undefined {
  let best: ParsedCertificate | undefined
  for (const c of certs) {
    if (!isCurrentlyValid(c, now, skewSeconds)) continue
    if (!best || c.notBefore > best.notBefore || (+c.notBefore === +best.notBefore && c.notAfter > best.notAfter))
      best = c
  }
  return best
}

const describe = (c: ParsedCertificate, now: Date, skewMs = 0) => ({
  subject: c.commonName,
  sha256: c.sha256,
  notBefore: c.notBefore.toISOString(),
  notAfter: c.notAfter.toISOString(),
  status: +c.notAfter <= +now - skewMs ? 'expired' : +c.notBefore > +now + skewMs ? 'not yet valid' : 'valid',
})

/**
 * Several signing certificates (a rollover): which one is current, and whether an expired one is still published
 * beside a valid one. `signedWith` (SHA-256) names the certificate that signed the metadata, when known.
 */
export function checkRollover(
  signingCerts: readonly ParsedCertificate[],
  now: Date,
  o: { ctx?: FindingContext; signedWith?: string; where?: string; skewSeconds?: number } = {},
): Finding[] {
  const distinct = [...new Map(signingCerts.map((c) => [c.sha256, c])).values()]
  if (distinct.length < 2) return []
  const skewMs = (o.skewSeconds ?? 0) * 1000
  const current = pickCurrentCertificate(distinct, now, o.skewSeconds)
  if (!current) return [] // all expired or not yet valid: each certificate's own finding says so
  const expired = distinct.filter((c) => +c.notAfter <= +now - skewMs)
  const signer = o.signedWith ? distinct.find((c) => c.sha256.toLowerCase() === o.signedWith!.toLowerCase()) : undefined
  const evidence = {
    expected: { keep: describe(current, now, skewMs) },
    actual: distinct.map((c) => describe(c, now, skewMs)),
    ...(expired.length ? { remove: expired.map((c) => describe(c, now, skewMs)) } : {}),
    ...(signer ? { metadataSignedWith: describe(signer, now, skewMs) } : {}),
    now: now.toISOString(),
    ...(o.where ? { where: o.where } : {}),
  }
  return [
    finding(expired.length ? 'CERT_ROLLOVER_EXPIRED_BESIDE_VALID' : 'CERT_ROLLOVER_IN_PROGRESS', evidence, o.ctx ?? {}),
  ]
}
