import type { Parsed } from '../../context'
import { finding } from '../../findings/finding'
import { parseSafeXml } from '../../xml/parse'
import type { IdpTrust } from '../types'
import { detectIdpKind } from './detect-idp'
import { readMetadata } from './read'
import type { IdpMetadata } from './types'

/**
 * Parses an IdP's SAML metadata: safe XML first (DOCTYPE, size, depth refused as findings), then the one IdP
 * entity. A document in no namespace is recovered leniently (`namespace: 'none'`); SP metadata, an aggregate with
 * several IdPs, or XML that is not metadata come back as findings.
 * @example const md = parseIdpMetadata(xml); if (md.ok) validateSamlResponse(input, toIdpTrust(md.value), opts)
 */
export function parseIdpMetadata(xml: string): Parsed<IdpMetadata> {
  const doc = parseSafeXml(xml)
  if (!doc.ok) return doc
  const reading = readMetadata(doc.value)
  if (!reading.metadata) return { ok: false, findings: reading.issues.map((i) => finding(i.code, i.evidence)) }
  return { ok: true, value: reading.metadata }
}

/** What a SAML response is checked against: the entity ID and signing certificates of the metadata, never KeyInfo. */
export function toIdpTrust(md: IdpMetadata): IdpTrust {
  return { entityId: md.entityId ?? '', signingCertificates: md.signingCertificates, kind: detectIdpKind(md) }
}

/**
 * IdP metadata text → what a SAML response is checked against, or the findings that say why there is nothing to
 * trust. The one way every pipeline (response check, triage, HAR) turns metadata into trust.
 */
export function readIdpTrust(xml: string): Parsed<IdpTrust> {
  const md = parseIdpMetadata(xml)
  return md.ok ? { ok: true, value: toIdpTrust(md.value) } : md
}
