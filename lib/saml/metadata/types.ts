import { z } from 'zod'
import type { Evidence } from '../../findings/types'
import type { FindingCode } from '../../findings/catalog/index'
import type { XmlDocument, XmlElement } from '../../xml/types'

export const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol'
export const BINDING = {
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const

export const EndpointSchema = z.object({ binding: z.string(), location: z.string(), where: z.string() })
export type Endpoint = z.infer<typeof EndpointSchema>

export const KeyDescriptorSchema = z.object({
  /** Absent `use` means the key serves both signing and encryption (SAML metadata §2.4.1.1). */
  use: z.enum(['signing', 'encryption']).optional(),
  /** X509Certificate texts as written (whitespace and all); normalised when parsed. */
  certificates: z.array(z.string()),
  where: z.string(),
})
export type KeyDescriptor = z.infer<typeof KeyDescriptorSchema>

/** An IdP's SAML metadata, read once from the tree: plain data, for the checks and for IdpTrust. */
export const IdpMetadataSchema = z.object({
  entityId: z.string().optional(),
  /** 'none': read from a document whose elements are in no (or the wrong) namespace, recovered leniently. */
  namespace: z.enum(['saml-metadata', 'none']),
  /** Where the entity came from: the document root, or the single IdP of an EntitiesDescriptor aggregate. */
  container: z.enum(['entity-descriptor', 'aggregate']),
  /** Local names of the entity's role descriptors (IDPSSODescriptor, SPSSODescriptor, RoleDescriptor...). */
  roles: z.array(z.string()),
  /** True when WS-Federation RoleDescriptors are present (Entra, AD FS). */
  wsFederation: z.boolean(),
  protocolSupportEnumeration: z.array(z.string()),
  wantAuthnRequestsSigned: z.boolean().optional(),
  ssoServices: z.array(EndpointSchema),
  sloServices: z.array(EndpointSchema),
  nameIdFormats: z.array(z.string()),
  keyDescriptors: z.array(KeyDescriptorSchema),
  /** Distinct signing certificates (use="signing" or no use), base64 without whitespace, in document order. */
  signingCertificates: z.array(z.string()),
  /** Distinct certificates only in use="encryption" KeyDescriptors. */
  encryptionCertificates: z.array(z.string()),
  /** validUntil / cacheDuration as written, from the closest element that has one (entity, then aggregate). */
  validUntil: z.string().optional(),
  validUntilWhere: z.string().optional(),
  cacheDuration: z.string().optional(),
  cacheDurationWhere: z.string().optional(),
  /** Whether a ds:Signature envelopes the entity or the aggregate root. */
  signed: z.boolean(),
})
export type IdpMetadata = z.infer<typeof IdpMetadataSchema>

/** A problem found while reading, turned into a finding once the IdP kind (for fixAt) is known. */
export interface ReadIssue {
  readonly code: FindingCode
  readonly evidence: Evidence
}

/** The reader's full answer: the metadata when there is one IdP, the tree positions the signature check needs. */
export interface MetadataReading {
  readonly metadata?: IdpMetadata
  readonly issues: readonly ReadIssue[]
  /** True when no IdP could be chosen (SP metadata, several IdPs, not metadata): the other checks do not run. */
  readonly fatal: boolean
  readonly doc: XmlDocument
  readonly entity?: XmlElement
  readonly idpDescriptor?: XmlElement
  /** Elements whose enveloped signature covers the entity: the entity itself and, for an aggregate, the root. */
  readonly signedScopes: readonly XmlElement[]
  /** Entity IDs of an aggregate, for evidence. */
  readonly entityIds?: readonly string[]
}
