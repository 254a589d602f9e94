import { checkCertificate } from '../../../certs/check'
import { normaliseCertificateText, parseCertificate } from '../../../certs/parse'
import { checkRollover } from '../../../certs/rollover'
import { summarizeCertificate } from '../../../certs/summary'
import type { ParsedCertificate } from '../../../certs/types'
import { finding } from '../../../findings/finding'
import type { CertificateSummary } from '../../../findings/report'
import type { Finding } from '../../../findings/types'
import type { IdpMetadata } from '../types'
import type { MetadataCheckContext } from './context'

/**
 * Every certificate of the IDPSSODescriptor: each checked once (a certificate repeated in several KeyDescriptors,
 * as Entra does, is one certificate), then the rollover view over the signing ones. Also the timeline rows.
 */
export function checkMetadataCertificates(
  md: IdpMetadata,
  ctx: MetadataCheckContext,
  o: { signer?: ParsedCertificate; signerSha256?: string } = {},
): { findings: Finding[]; certificates: CertificateSummary[] } {
  const findings: Finding[] = []
  const certificates: CertificateSummary[] = []
  const firstWhere = new Map<string, string>()
  const usedFor = new Map<string, Set<'signing' | 'encryption'>>()
  for (const kd of md.keyDescriptors) {
    for (const text of kd.certificates) {
      const b64 = normaliseCertificateText(text)
      if (!firstWhere.has(b64)) firstWhere.set(b64, kd.where)
      const uses = usedFor.get(b64) ?? new Set()
      if (kd.use !== 'encryption') uses.add('signing')
      if (kd.use !== 'signing') uses.add('encryption')
      usedFor.set(b64, uses)
    }
  }
  if (md.signingCertificates.length === 0) {
    findings.push(
      finding(
        'SAML_METADATA_NO_SIGNING_CERT',
        {
          expected: 'a KeyDescriptor use="signing" (or without use) with an X509Certificate',
          actual: md.keyDescriptors.length
            ? md.keyDescriptors.map(
                (k) => `KeyDescriptor use=${k.use ?? '(none)'} with ${k.certificates.length} certificate(s)`,
              )
            : 'no KeyDescriptor',
          where: 'IDPSSODescriptor/KeyDescriptor',
        },
        ctx,
      ),
    )
  }
  const signing: ParsedCertificate[] = []
  for (const [b64, uses] of usedFor) {
    const where = firstWhere.get(b64)!
    const use = uses.has('signing') ? 'signing' : 'encryption'
    findings.push(...checkCertificate(b64, { ctx, use, where }))
    const cert = parseCertificate(b64)
    if (!cert) continue
    if (use === 'signing') signing.push(cert)
    const signsNow = o.signerSha256 !== undefined ? cert.sha256 === o.signerSha256 : undefined
    certificates.push(
      summarizeCertificate(cert, uses.size === 2 ? 'both' : use, where, signsNow !== undefined ? { signsNow } : {}),
    )
  }
  if (o.signer && !certificates.some((c) => c.sha256 === o.signer!.sha256)) {
    // Signed with a certificate the IdP does not list for SAML (a separate metadata-signing key): show it on the timeline.
    certificates.push(
      summarizeCertificate(o.signer, 'signing', 'Signature/KeyInfo (signs the metadata only)', { signsNow: true }),
    )
  }
  findings.push(
    ...checkRollover(signing, ctx.now, {
      ctx,
      ...(o.signerSha256 ? { signedWith: o.signerSha256 } : {}),
      where: 'IDPSSODescriptor/KeyDescriptor',
      skewSeconds: ctx.skewSeconds,
    }),
  )
  return { findings, certificates }
}
