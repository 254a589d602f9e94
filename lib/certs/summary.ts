import type { CertificateSummary } from '../findings/report'
import type { ParsedCertificate } from './types'

/** One row of the report's certificate timeline. */
export function summarizeCertificate(
  cert: ParsedCertificate,
  use: CertificateSummary['use'],
  where: string,
  o: { signsNow?: boolean } = {},
): CertificateSummary {
  return {
    use,
    subject: cert.commonName,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    sha256: cert.sha256,
    sha1: cert.sha1Thumbprint,
    base64: cert.base64,
    keyType: cert.keyType,
    ...(cert.keyBits !== undefined ? { keyBits: cert.keyBits } : {}),
    signatureAlgorithm: cert.signatureAlgorithm,
    ...(o.signsNow !== undefined ? { signsNow: o.signsNow } : {}),
    where,
  }
}
