import { attr, childElements, firstChild, NS, parseSafeXml, type XmlElement } from '../xml/index'

const POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST'
/** SP metadata is small; a document past this is not one. */
const MAX_SP_METADATA_CHARS = 1_000_000

export type SpMetadataValues = { ok: true; spEntityId: string; acsUrl: string } | { ok: false; reason: string }

/**
 * The two SP values from a vendor's SP metadata (an EntityDescriptor with an SPSSODescriptor): the entityID and the
 * HTTP-POST AssertionConsumerService (the default one, else the lowest index, else the first). Read with the strict
 * parser of lib/xml, so a hostile document is refused, not expanded.
 * @example spValuesFromMetadata(xml) // { ok: true, spEntityId: 'https://…/service-provider/spid', acsUrl: 'https://…/sso/saml2/idpid' }
 */
export function spValuesFromMetadata(xml: string): SpMetadataValues {
  const doc = parseSafeXml(xml, { limits: { maxChars: MAX_SP_METADATA_CHARS } })
  if (!doc.ok) return { ok: false, reason: doc.findings[0]?.title ?? 'The SP metadata is not well-formed XML' }
  const root = doc.value.root
  const entity = entityDescriptor(root)
  if (!entity)
    return { ok: false, reason: 'The SP metadata has no EntityDescriptor (urn:oasis:names:tc:SAML:2.0:metadata)' }
  const spEntityId = attr(entity, 'entityID')?.trim()
  if (!spEntityId) return { ok: false, reason: 'The EntityDescriptor has no entityID' }
  const sp = firstChild(entity, NS.md, 'SPSSODescriptor')
  if (!sp)
    return { ok: false, reason: 'This is not SP metadata: there is no SPSSODescriptor (is it the IdP metadata?)' }
  const acs = childElements(sp, NS.md, 'AssertionConsumerService').filter(
    (e) => attr(e, 'Binding') === POST_BINDING && attr(e, 'Location')?.trim(),
  )
  const chosen = acs.find((e) => attr(e, 'isDefault') === 'true') ?? [...acs].sort((a, b) => index(a) - index(b))[0]
  const acsUrl = chosen ? attr(chosen, 'Location')?.trim() : undefined
  if (!acsUrl)
    return { ok: false, reason: 'The SPSSODescriptor has no HTTP-POST AssertionConsumerService with a Location' }
  return { ok: true, spEntityId, acsUrl }
}

function entityDescriptor(root: XmlElement): XmlElement | undefined {
  if (root.ns === NS.md && root.local === 'EntityDescriptor') return root
  // An EntitiesDescriptor with exactly one SP inside is accepted too.
  if (root.ns === NS.md && root.local === 'EntitiesDescriptor') {
    const sps = childElements(root, NS.md, 'EntityDescriptor').filter((e) => firstChild(e, NS.md, 'SPSSODescriptor'))
    return sps.length === 1 ? sps[0] : undefined
  }
  return undefined
}

function index(e: XmlElement): number {
  const n = Number(attr(e, 'index'))
  return Number.isInteger(n) ? n : Number.MAX_SAFE_INTEGER
}
