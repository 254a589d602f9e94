import type { IdpKind } from '../../findings/types'
import { detectIdp, type IdpDetection, type IdpSignals } from '../../idps/detect'
import type { XmlDocument } from '../../xml/types'
import { readMetadata } from './read'
import type { IdpMetadata } from './types'

/*
 * Thin wrappers over lib/idps detectIdp (the IdP packs hold every detection signal): kept because many callers and
 * other branches use these names.
 */

/**
 * Which IdP product issued a message, from its Issuer (entity ID) alone: for a response pasted without metadata.
 * @example idpKindFromEntityId('http://adfs.example.com/adfs/services/trust') // 'adfs'
 */
export function idpKindFromEntityId(id: string | undefined): IdpKind {
  return detectIdp({ responseIssuer: id }).idp
}

/** The signals an IdP's metadata offers: its entity ID, every SSO / SLO location, its signing certificates. */
export function metadataSignals(m: IdpMetadata): IdpSignals {
  return {
    entityId: m.entityId,
    endpoints: [...m.ssoServices, ...m.sloServices].map((e) => e.location),
    certificates: m.signingCertificates,
  }
}

/**
 * Which IdP product made the metadata, and which signal said so (entity ID, endpoints, certificate names).
 * @example detectMetadataIdp(parsed.value) // { idp: 'entra', signal: 'entityId', evidence: 'https://sts.windows.net/…/' }
 */
export function detectMetadataIdp(md: IdpMetadata | XmlDocument): IdpDetection {
  const m = 'root' in md ? readMetadata(md).metadata : md
  return m ? detectIdp(metadataSignals(m)) : { idp: 'other', signal: 'none', evidence: '' }
}

/**
 * Which IdP product made the metadata.
 * @example detectIdpKind(parsed.value) // 'entra'
 */
export function detectIdpKind(md: IdpMetadata | XmlDocument): IdpKind {
  return detectMetadataIdp(md).idp
}
