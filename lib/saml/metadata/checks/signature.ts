import { isCurrentlyValid } from '../../../certs/check'
import { parseCertificate } from '../../../certs/parse'
import type { ParsedCertificate } from '../../../certs/types'
import { finding } from '../../../findings/finding'
import type { Finding } from '../../../findings/types'
import {
  algorithmName,
  findEnvelopedSignature,
  readSignatureParts,
  trustedKeysFromCertificates,
  verifyEnvelopedSignature,
} from '../../../xmldsig/index'
import type { SignatureProblem, SignatureResult } from '../../../xmldsig/index'
import { pathOf } from '../../../xml/query'
import type { MetadataReading } from '../types'
import type { MetadataCheckContext } from './context'
import { isoTime } from '../../../time/iso'

const SHA1_RE = /sha1$/i

export interface MetadataSignatureCheck {
  readonly findings: Finding[]
  /** The certificate that verified the signature, when one did. */
  readonly signer?: ParsedCertificate
  /** SHA-256 of the signer (also when its text could not be parsed by lib/certs). */
  readonly signerSha256?: string
  /** The signer text, when it came only from the signature's KeyInfo (not a KeyDescriptor). */
  readonly signerFromKeyInfo?: boolean
}

/**
 * The metadata's own enveloped signature. With `trusted` certificates it is a trust check; without, it is verified
 * with the certificates the document itself carries, which proves integrity only (anyone can sign a document with a
 * certificate they put inside it), and the finding says so.
 */
export function checkMetadataSignature(
  reading: MetadataReading,
  ctx: MetadataCheckContext,
  trusted?: readonly string[],
): MetadataSignatureCheck {
  const md = reading.metadata
  for (const scope of reading.signedScopes) {
    const sig = findEnvelopedSignature(scope)
    if (!sig) continue
    const where = pathOf(sig)
    const parts = readSignatureParts(sig)
    const keyInfoCerts = typeof parts === 'string' ? [] : [...parts.keyInfoCertificates]
    const own = [...keyInfoCerts, ...(md?.signingCertificates ?? [])]
    const mode = trusted && trusted.length ? 'trusted' : 'self'
    const candidates = mode === 'trusted' ? [...trusted!] : own
    const r = verifyEnvelopedSignature(reading.doc, sig, trustedKeysFromCertificates(candidates))
    const alg = { signatureMethod: algorithmName(r.signatureMethod), digestMethod: algorithmName(r.digestMethod) }
    const findings: Finding[] = []
    if (!r.ok) {
      if (mode === 'trusted') {
        const self = verifyEnvelopedSignature(reading.doc, sig, trustedKeysFromCertificates(own))
        if (self.ok) {
          findings.push(
            finding(
              'SAML_METADATA_SIGNATURE_UNTRUSTED',
              {
                expected: trusted!.map((c) => parseCertificate(c)?.sha256 ?? '(unreadable certificate)'),
                actual: self.key?.sha256,
                ...alg,
                where,
              },
              ctx,
            ),
          )
          return { findings }
        }
      }
      findings.push(
        finding(
          'SAML_METADATA_SIGNATURE_INVALID',
          {
            expected: 'a signature that verifies',
            actual: describeProblems(r),
            ...alg,
            checkedWith: mode === 'trusted' ? 'the trusted certificates supplied' : 'the certificates in the document',
            where,
          },
          ctx,
        ),
      )
      return { findings }
    }
    // The certificate that verified, as the one X.509 reader parsed it for the key.
    const signer = r.key!.cert
    const signerSha256 = r.key!.sha256
    const signerId = {
      subject: signer?.commonName,
      sha256: signerSha256,
      notAfter: signer ? isoTime(signer.notAfter) : undefined,
    }
    findings.push(
      mode === 'trusted'
        ? finding(
            'SAML_METADATA_SIGNATURE_VALID',
            { expected: 'signed by a trusted certificate', actual: signerId, ...alg, where },
            ctx,
          )
        : finding(
            'SAML_METADATA_SIGNATURE_INTEGRITY_ONLY',
            {
              expected: 'a signature by a certificate you trust (none configured)',
              actual: {
                ...signerId,
                from:
                  r.key!.index < keyInfoCerts.length ? "the signature's own KeyInfo" : "the metadata's KeyDescriptor",
              },
              ...alg,
              trust: 'integrity only: this proves the document was not changed after signing, not who signed it',
              where,
            },
            ctx,
          ),
    )
    if (SHA1_RE.test(alg.signatureMethod) || SHA1_RE.test(alg.digestMethod)) {
      findings.push(
        finding(
          'SAML_METADATA_SIGNATURE_WEAK_ALGORITHM',
          {
            expected: 'RSA-SHA256 with a SHA256 digest',
            actual: `${alg.signatureMethod} / ${alg.digestMethod}`,
            where,
          },
          ctx,
        ),
      )
    }
    if (signer && !isCurrentlyValid(signer, ctx.now, ctx.skewSeconds)) {
      findings.push(
        finding(
          'SAML_METADATA_SIGNED_WITH_EXPIRED_CERT',
          {
            expected: `a signing certificate valid on ${isoTime(ctx.now)}`,
            actual: {
              subject: signer.commonName,
              sha256: signer.sha256,
              notBefore: isoTime(signer.notBefore),
              notAfter: isoTime(signer.notAfter),
            },
            where,
          },
          ctx,
        ),
      )
    }
    const listed = new Set((md?.signingCertificates ?? []).map((c) => parseCertificate(c)?.sha256).filter(Boolean))
    if (md && !listed.has(signerSha256)) {
      findings.push(
        finding(
          'SAML_METADATA_SIGNER_NOT_LISTED',
          { expected: [...listed], actual: signerSha256, subject: signer?.commonName, where },
          ctx,
        ),
      )
    }
    return { findings, ...(signer ? { signer } : {}), signerSha256, signerFromKeyInfo: !listed.has(signerSha256) }
  }
  return { findings: [] }
}

function describeProblems(r: SignatureResult): string[] {
  return r.problems.map(describeProblem)
}

function describeProblem(p: SignatureProblem): string {
  switch (p.kind) {
    case 'digest-mismatch':
      return 'digest mismatch: the signed content was changed after signing (re-formatted or edited)'
    case 'signature-invalid':
      return 'the signature value does not verify with any of the certificates'
    case 'no-trusted-keys':
      return 'no usable certificate to verify with'
    case 'reference-uri':
      return `Reference URI ${p.actual} is not the signed element's ID (${p.expected})`
    case 'reference-count':
      return `${p.actual} References (exactly one expected)`
    case 'duplicate-id':
      return `ID ${p.id} occurs ${p.count} times`
    case 'missing-id':
      return `the signed element ${p.element} has no ID`
    case 'transform-unsupported':
      return `unsupported transform ${algorithmName(p.actual)}`
    case 'c14n-unsupported':
      return `unsupported canonicalization ${algorithmName(p.actual)}`
    case 'algorithm-unsupported':
      return `unsupported signature algorithm ${algorithmName(p.actual)}`
    case 'digest-unsupported':
      return `unsupported digest algorithm ${algorithmName(p.actual)}`
    case 'malformed':
      return `malformed signature: ${p.detail}`
  }
}
