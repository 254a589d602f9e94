import { checkCertificate } from '../../certs/check'
import { readCertificate } from '../../certs/parse'
import { summarizeCertificate } from '../../certs/summary'
import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { CertificateSummary } from '../../findings/report'
import type { Finding } from '../../findings/types'

/**
 * A key's x5c: the first certificate (the key's own, RFC 7517 §4.7) is checked like any signing certificate
 * (lib/certs: validity, size, algorithm) and must hold the same public key as the JWK's n/e (or x/y).
 */
export function checkJwkCertificate(
  k: Record<string, unknown>,
  where: string,
  forSigning: boolean,
  ctx: CheckContext,
): { findings: Finding[]; certificates: CertificateSummary[] } {
  const x5c = k.x5c
  if (x5c === undefined) return { findings: [], certificates: [] }
  const first: unknown = Array.isArray(x5c) ? x5c[0] : undefined
  if (typeof first !== 'string')
    return {
      findings: [
        finding(
          'OIDC_JWKS_KEY_MALFORMED',
          {
            expected: '"x5c" as a list of base64 certificates',
            actual: Array.isArray(x5c) ? 'empty or non-string list' : typeof x5c,
            where: `${where}.x5c`,
          },
          ctx,
        ),
      ],
      certificates: [],
    }
  const use = forSigning ? 'jwks' : 'encryption'
  const findings = checkCertificate(first, { ctx, use, where: `${where}.x5c[0]` })
  const reading = readCertificate(first)
  if (reading.kind !== 'certificate') return { findings, certificates: [] }
  const cert = reading.cert
  const mismatch = keyMismatch(k, cert.publicKey.export({ format: 'jwk' }) as Record<string, unknown>)
  if (mismatch)
    findings.push(
      finding(
        'OIDC_JWKS_CERT_KEY_MISMATCH',
        {
          expected: `the certificate’s ${mismatch.member}`,
          actual: `the key’s ${mismatch.member} differs`,
          where,
          certificate: cert.commonName,
          sha256: cert.sha256,
        },
        ctx,
      ),
    )
  return { findings, certificates: [summarizeCertificate(cert, 'jwks', `${where}.x5c[0]`)] }
}

function keyMismatch(k: Record<string, unknown>, certJwk: Record<string, unknown>): { member: string } | undefined {
  const members = k.kty === 'RSA' ? ['n', 'e'] : k.kty === 'EC' || k.kty === 'OKP' ? ['x', 'y'] : []
  if (certJwk.kty !== k.kty && members.length) return { member: 'key type' }
  for (const m of members) {
    const mine = k[m],
      theirs = certJwk[m]
    if (typeof mine !== 'string' || typeof theirs !== 'string') continue
    if (!unsignedBytes(mine).equals(unsignedBytes(theirs))) return { member: m }
  }
  return undefined
}

/**
 * Big-endian integer bytes without leading zeros, from base64url or standard base64.
 * Compare numbers, not spellings: standard base64 and a leading zero byte (Google 2015, Entra v1) are the same key.
 */
export function unsignedBytes(b64: string): Buffer {
  const buf = Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
  let i = 0
  while (i < buf.length - 1 && buf[i] === 0) i++
  return buf.subarray(i)
}
