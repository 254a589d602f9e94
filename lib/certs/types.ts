import type { KeyObject } from 'node:crypto'
import type { IdpKind } from '../findings/types'
import type { SpProfile } from '../profiles/schema'

/** An X.509 certificate read once (cached by its normalised base64): what the checks and the timeline need. */
export interface ParsedCertificate {
  /** Base64 DER without whitespace: the cache key and what IdpTrust carries. */
  readonly base64: string
  readonly subject: string
  /** Common name, or the whole subject when there is none. */
  readonly commonName: string
  readonly issuer: string
  readonly selfSigned: boolean
  readonly notBefore: Date
  readonly notAfter: Date
  /** SHA-256 of the DER, hex with colons (as TrustedKey.sha256). */
  readonly sha256: string
  /** SHA-1 of the DER as Entra's "Thumbprint" and Windows show it: upper-case hex, no colons. */
  readonly sha1Thumbprint: string
  /** 'rsa', 'ec', 'rsa-pss', 'dsa', 'ed25519', ... */
  readonly keyType: string
  /** RSA modulus bits, or the EC curve size. */
  readonly keyBits?: number
  readonly curve?: string
  /** e.g. 'sha256WithRSAEncryption', or the OID when unknown. */
  readonly signatureAlgorithm: string
  readonly publicKey: KeyObject
}

export type CertificateUse = 'signing' | 'encryption' | 'jwks'

/** The part of a CheckContext certificate checks read; OIDC JWKS checks pass their own. */
export interface CertCheckContext {
  readonly now: Date
  readonly profile: Pick<SpProfile, 'certExpiryWarningDays' | 'minRsaBits'> &
    Partial<Pick<SpProfile, 'clockSkewSeconds'>>
  readonly idp: IdpKind
  /** Allowed clock skew in seconds for the validity window (CheckContext's; else the profile's clockSkewSeconds). */
  readonly skewSeconds?: number
}

/** What a certificate text turned out to be before any check. */
export type CertificateReading =
  | { readonly kind: 'certificate'; readonly cert: ParsedCertificate }
  | { readonly kind: 'placeholder'; readonly text: string; readonly reason: string }
  | { readonly kind: 'unparseable'; readonly text: string; readonly reason: string }
