import type { CertificateSummary } from '../findings/report'
import type { ParsedCertificate } from './types'
import { isoTime } from '../time/iso'

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
    notBefore: isoTime(cert.notBefore),
    notAfter: isoTime(cert.notAfter),
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
