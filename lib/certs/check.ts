import { finding } from '../findings/finding'
import type { Finding, Severity } from '../findings/types'
import { isWeakSignatureAlgorithm } from './der'
import { readCertificate } from './parse'
import type { CertCheckContext, CertificateUse, ParsedCertificate } from './types'
import { isoTime } from '../time/iso'

const DAY_MS = 86_400_000
const USABLE_KEY_TYPES = new Set(['rsa', 'rsa-pss', 'ec'])

/**
 * Checks one certificate (signing / encryption from SAML metadata, or a JWKS x5c entry): validity window, key
 * type and size, the certificate's own signature algorithm; text that is not a certificate is a finding too.
 * Encryption certificates are reported one level softer: SSO does not break when one of them expires.
 * @example checkCertificate(text, { ctx, use: 'signing', where: '/EntityDescriptor/IDPSSODescriptor/KeyDescriptor[1]' })
 */
export function checkCertificate(
  cert: string | ParsedCertificate,
  o: { ctx: CertCheckContext; use: CertificateUse; where: string },
): Finding[] {
  const { ctx, use, where } = o
  let c: ParsedCertificate
  if (typeof cert === 'string') {
    const r = readCertificate(cert)
    if (r.kind === 'placeholder')
      return [
        finding(
          'CERT_PLACEHOLDER',
          { expected: 'a base64 X.509 certificate', actual: r.text, reason: r.reason, use, where },
          ctx,
        ),
      ]
    if (r.kind === 'unparseable')
      return [
        finding(
          'CERT_UNPARSEABLE',
          { expected: 'a base64 X.509 certificate', actual: r.text, reason: r.reason, use, where },
          ctx,
        ),
      ]
    c = r.cert
  } else c = cert
  const soften = (s: Severity): Severity => (use === 'encryption' ? (s === 'error' ? 'warning' : 'info') : s)
  const id = { subject: c.commonName, sha256: c.sha256, use, where }
  const out: Finding[] = []
  const now = ctx.now.getTime()
  const skewSeconds = certSkewSeconds(ctx)
  const skew = skewSeconds * 1000
  const tolerance = `${skewSeconds} s`

  if (c.notAfter.getTime() <= now - skew) {
    out.push(
      finding(
        'CERT_EXPIRED',
        {
          expected: `valid on ${isoTime(ctx.now)}`,
          actual: `expired ${isoTime(c.notAfter)}`,
          notAfter: isoTime(c.notAfter),
          now: isoTime(ctx.now),
          tolerance,
          ...id,
        },
        ctx,
        { severity: soften('error') },
      ),
    )
  } else {
    const days = ctx.profile.certExpiryWarningDays
    const daysLeft = Math.max(0, Math.floor((c.notAfter.getTime() - now) / DAY_MS))
    if (c.notAfter.getTime() - now < days * DAY_MS) {
      out.push(
        finding(
          'CERT_EXPIRING_SOON',
          {
            expected: `valid for at least ${days} more days`,
            actual: `expires ${isoTime(c.notAfter)} (in ${daysLeft} days)`,
            notAfter: isoTime(c.notAfter),
            daysLeft,
            now: isoTime(ctx.now),
            ...id,
          },
          ctx,
          { severity: soften('warning') },
        ),
      )
    }
  }
  if (c.notBefore.getTime() > now + skew) {
    out.push(
      finding(
        'CERT_NOT_YET_VALID',
        {
          expected: `valid from before ${isoTime(ctx.now)} (plus ${tolerance})`,
          actual: `valid from ${isoTime(c.notBefore)}`,
          notBefore: isoTime(c.notBefore),
          now: isoTime(ctx.now),
          tolerance,
          ...id,
        },
        ctx,
        { severity: soften('error') },
      ),
    )
  }
  if (!USABLE_KEY_TYPES.has(c.keyType)) {
    out.push(
      finding('CERT_KEY_TYPE_UNSUPPORTED', { expected: 'an RSA (or EC) public key', actual: c.keyType, ...id }, ctx, {
        severity: soften('warning'),
      }),
    )
  } else if (
    (c.keyType === 'rsa' || c.keyType === 'rsa-pss') &&
    c.keyBits !== undefined &&
    c.keyBits < ctx.profile.minRsaBits
  ) {
    out.push(
      finding(
        'CERT_RSA_KEY_TOO_SMALL',
        { expected: `RSA key of at least ${ctx.profile.minRsaBits} bits`, actual: `RSA ${c.keyBits} bits`, ...id },
        ctx,
        { severity: soften('error') },
      ),
    )
  }
  if (isWeakSignatureAlgorithm(c.signatureAlgorithm)) {
    // A pinned self-signed certificate is trusted by its exact bytes, not by its signature: SHA-1 there is cosmetic.
    const severity: Severity = c.selfSigned ? 'info' : soften('warning')
    out.push(
      finding(
        'CERT_WEAK_SIGNATURE_ALGORITHM',
        {
          expected: 'sha256WithRSAEncryption or stronger',
          actual: c.signatureAlgorithm,
          selfSigned: c.selfSigned,
          ...id,
        },
        ctx,
        { severity },
      ),
    )
  }
  return out
}

/** Valid at `now`, with the clock skew allowed: notBefore − skew ≤ now < notAfter + skew. */
export function isCurrentlyValid(c: ParsedCertificate, now: Date, skewSeconds = 0): boolean {
  const t = now.getTime()
  const skew = skewSeconds * 1000
  return c.notBefore.getTime() - skew <= t && t < c.notAfter.getTime() + skew
}

/**
 * The skew a certificate's validity window gets: the same as the response times get (the context's, else the
 * profile's clock skew), so an IdP whose clock runs a minute ahead does not issue a "not yet valid" certificate that
 * signs responses this tool accepts.
 */
export function certSkewSeconds(ctx: CertCheckContext): number {
  return ctx.skewSeconds ?? ctx.profile.clockSkewSeconds ?? 0
}
