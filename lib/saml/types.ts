import type { IdpKind } from '../findings/types'

/** What a SAML response is checked against: the IdP's identity and signing certificates, from its metadata. */
export interface IdpTrust {
  readonly entityId: string
  /** Signing certificates as base64 DER (the X509Certificate text, whitespace allowed) — never from the response's KeyInfo. */
  readonly signingCertificates: readonly string[]
  readonly kind: IdpKind
}
