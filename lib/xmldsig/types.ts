import type { KeyObject } from 'node:crypto'
import type { XmlElement } from '../xml/types'
import type { ParsedCertificate } from '../certs/types'

/*
 * Contract of lib/xmldsig (implemented in verify.ts / c14n.ts). Callers (SAML response, metadata) rely on exactly this.
 * No findings here: the caller maps a SignatureResult to catalog codes.
 */

/** A key we trust because it came from the IdP's metadata (never from KeyInfo). */
export interface TrustedKey {
  readonly key: KeyObject
  /** SHA-256 of the certificate DER, hex with colons (for evidence: which certificate signed). */
  readonly sha256: string
  /** Index in the list the caller passed (e.g. which metadata certificate). */
  readonly index: number
  /** The certificate the key came from, as lib/certs read it (absent for a bare public key). */
  readonly cert?: ParsedCertificate
}

export type SignatureProblem =
  | { readonly kind: 'reference-uri'; readonly expected: string; readonly actual: string } // URI is not '#' + the enclosing element's ID
  | { readonly kind: 'reference-count'; readonly actual: number } // exactly one Reference required
  | { readonly kind: 'duplicate-id'; readonly id: string; readonly count: number }
  | { readonly kind: 'missing-id'; readonly element: string }
  | { readonly kind: 'transform-unsupported'; readonly actual: string }
  | { readonly kind: 'c14n-unsupported'; readonly actual: string }
  | { readonly kind: 'algorithm-unsupported'; readonly actual: string }
  | { readonly kind: 'digest-unsupported'; readonly actual: string }
  | { readonly kind: 'digest-mismatch'; readonly expected: string; readonly actual: string } // expected = DigestValue in the document
  | { readonly kind: 'signature-invalid' } // no trusted key verifies SignatureValue
  | { readonly kind: 'no-trusted-keys' }
  | { readonly kind: 'malformed'; readonly detail: string } // missing SignedInfo, bad base64, ...

export interface SignatureResult {
  readonly ok: boolean
  /** The element the signature covers (its parent, for an enveloped signature); only meaningful when ok. */
  readonly signedElement: XmlElement
  readonly signatureMethod: string
  readonly digestMethod: string
  readonly canonicalizationMethod: string
  /** The key that verified (when ok). */
  readonly key?: TrustedKey
  readonly problems: readonly SignatureProblem[]
  /** Whether ds:KeyInfo carried a certificate that is not one of the trusted ones (evidence only; never trusted). */
  readonly keyInfoCertificateUntrusted?: boolean
}
