import { normaliseCertificateText } from '../../certs/parse'
import type { XmlDocument, XmlElement } from '../../xml/types'
import { attr, NS, ownText, pathOf, resolveQNameValue, textContent } from '../../xml/query'
import type { Endpoint, IdpMetadata, KeyDescriptor, MetadataReading, ReadIssue } from './types'

/** Namespace to match, or null: any namespace (lenient reading of a prefix-stripped document). */
type Ns = string | null

function kids(el: XmlElement, ns: Ns, local: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children)
    if (c.type === 'element' && c.local === local && (ns === null || c.ns === ns)) out.push(c)
  return out
}

function kid(el: XmlElement, ns: Ns, local: string): XmlElement | undefined {
  for (const c of el.children) if (c.type === 'element' && c.local === local && (ns === null || c.ns === ns)) return c
  return undefined
}

const NOT_ROLES = new Set(['Signature', 'Extensions', 'Organization', 'ContactPerson', 'AdditionalMetadataLocation'])

/**
 * Reads the one IdP entity out of a parsed metadata document: the root EntityDescriptor, or the single IdP of an
 * EntitiesDescriptor aggregate. Problems that decide what the document is come back as issues; `fatal` when no IdP
 * entity can be chosen.
 */
export function readMetadata(doc: XmlDocument): MetadataReading {
  const root = doc.root
  const issues: ReadIssue[] = []
  const isMetadataRoot = root.local === 'EntityDescriptor' || root.local === 'EntitiesDescriptor'
  if (!isMetadataRoot) {
    return {
      doc,
      fatal: true,
      signedScopes: [],
      issues: [
        {
          code: 'SAML_METADATA_NOT_METADATA',
          evidence: {
            expected: `<EntityDescriptor> in ${NS.md}`,
            actual: `<${root.name}>${root.ns ? ` in ${root.ns}` : ' in no namespace'}`,
            where: '/' + root.local,
          },
        },
      ],
    }
  }
  let md: Ns = NS.md
  let ds: Ns = NS.ds
  if (root.ns !== NS.md) {
    // The damaged Okta file: md:/ds: prefixes stripped, so every element is in no namespace. Read it leniently, flagged.
    issues.push({
      code: 'SAML_METADATA_WRONG_NAMESPACE',
      evidence: { expected: NS.md, actual: root.ns || '(no namespace)', where: '/' + root.local },
    })
    md = null
    ds = null
  }

  let entity: XmlElement | undefined
  let container: IdpMetadata['container'] = 'entity-descriptor'
  let entityIds: string[] | undefined
  if (root.local === 'EntitiesDescriptor') {
    const all = collectEntities(root, md)
    entityIds = all.map((e) => attr(e, 'entityID') ?? '(no entityID)')
    const idps = all.filter((e) => kid(e, md, 'IDPSSODescriptor'))
    if (idps.length > 1) {
      issues.push({
        code: 'SAML_METADATA_AGGREGATE_MULTIPLE_IDPS',
        evidence: {
          expected: 'one IdP entity',
          actual: idps.map((e) => attr(e, 'entityID') ?? '(no entityID)'),
          entities: all.length,
          where: '/' + root.local,
        },
      })
      return { doc, fatal: true, issues, signedScopes: [root], entityIds }
    }
    if (idps.length === 0) {
      const sps = all.filter((e) => kid(e, md, 'SPSSODescriptor'))
      issues.push(
        sps.length
          ? {
              code: 'SAML_METADATA_IS_SP_METADATA',
              evidence: {
                expected: 'an IDPSSODescriptor (your IdP)',
                actual: `${sps.length} SP entit${sps.length === 1 ? 'y' : 'ies'}: ${sps.map((e) => attr(e, 'entityID')).join(', ')}`,
                where: '/' + root.local,
              },
            }
          : {
              code: 'SAML_METADATA_NO_IDP_DESCRIPTOR',
              evidence: {
                expected: 'an EntityDescriptor with an IDPSSODescriptor',
                actual: `${all.length} entities, none an IdP`,
                where: '/' + root.local,
              },
            },
      )
      return { doc, fatal: true, issues, signedScopes: [root], entityIds }
    }
    entity = idps[0]!
    container = 'aggregate'
    if (all.length > 1)
      issues.push({
        code: 'SAML_METADATA_AGGREGATE_SINGLE_IDP',
        evidence: {
          expected: 'one EntityDescriptor',
          actual: attr(entity, 'entityID') ?? '(no entityID)',
          entities: entityIds,
          where: pathOf(entity),
        },
      })
  } else entity = root

  const idp = kid(entity, md, 'IDPSSODescriptor')
  const signedScopes: XmlElement[] = []
  for (let e: XmlElement | null = entity; e; e = e.parent) signedScopes.push(e)
  if (!idp) {
    const sp = kid(entity, md, 'SPSSODescriptor')
    const roles = roleNames(entity)
    issues.push(
      sp
        ? {
            code: 'SAML_METADATA_IS_SP_METADATA',
            evidence: {
              expected: 'an IDPSSODescriptor (your IdP)',
              actual: `SPSSODescriptor of ${attr(entity, 'entityID') ?? '(no entityID)'}`,
              acs: kids(sp, md, 'AssertionConsumerService')
                .map((a) => attr(a, 'Location'))
                .filter(Boolean),
              where: pathOf(sp),
            },
          }
        : {
            code: 'SAML_METADATA_NO_IDP_DESCRIPTOR',
            evidence: {
              expected: 'an IDPSSODescriptor',
              actual: roles.length ? roles : '(no role descriptors)',
              where: pathOf(entity),
            },
          },
    )
    return { doc, fatal: true, issues, entity, signedScopes, ...(entityIds ? { entityIds } : {}) }
  }

  const keyDescriptors: KeyDescriptor[] = kids(idp, md, 'KeyDescriptor').map((kd) => {
    const use = attr(kd, 'use')
    const certificates: string[] = []
    for (const ki of kids(kd, ds, 'KeyInfo'))
      for (const xd of kids(ki, ds, 'X509Data'))
        for (const c of kids(xd, ds, 'X509Certificate')) certificates.push(textContent(c))
    if (certificates.length === 0 && ds !== null) {
      // ds: prefix stripped inside KeyInfo only (seen in a OneLogin file): strict software finds no certificate here.
      for (const ki of kids(kd, null, 'KeyInfo'))
        for (const xd of kids(ki, null, 'X509Data'))
          for (const c of kids(xd, null, 'X509Certificate')) {
            certificates.push(textContent(c))
            issues.push({
              code: 'SAML_METADATA_WRONG_NAMESPACE',
              evidence: { expected: NS.ds, actual: c.ns || '(no namespace)', where: pathOf(c) },
            })
          }
    }
    return { ...(use === 'signing' || use === 'encryption' ? { use } : {}), certificates, where: pathOf(kd) }
  })
  const signing = new Set<string>()
  const encryption = new Set<string>()
  for (const kd of keyDescriptors) {
    for (const c of kd.certificates) (kd.use === 'encryption' ? encryption : signing).add(normaliseCertificateText(c))
  }
  for (const c of signing) encryption.delete(c)

  const validUntil = mostRestrictive(idp, 'validUntil', (v) => Date.parse(v))
  const cacheDuration = closest(idp, 'cacheDuration')
  const wars = attr(idp, 'WantAuthnRequestsSigned')
  const metadata: IdpMetadata = {
    ...(attr(entity, 'entityID') !== undefined ? { entityId: attr(entity, 'entityID')! } : {}),
    namespace: md === null ? 'none' : 'saml-metadata',
    container,
    roles: roleNames(entity),
    wsFederation: kids(entity, md, 'RoleDescriptor').some((r) => {
      const t = attr(r, 'type', NS.xsi)
      return t !== undefined && resolveQNameValue(r, t).ns === NS.fed
    }),
    protocolSupportEnumeration: (attr(idp, 'protocolSupportEnumeration') ?? '').split(/\s+/).filter(Boolean),
    ...(wars !== undefined ? { wantAuthnRequestsSigned: wars.trim() === 'true' || wars.trim() === '1' } : {}),
    ssoServices: endpoints(idp, md, 'SingleSignOnService'),
    sloServices: endpoints(idp, md, 'SingleLogoutService'),
    nameIdFormats: kids(idp, md, 'NameIDFormat')
      .map((n) => ownText(n).trim())
      .filter(Boolean),
    keyDescriptors,
    signingCertificates: [...signing],
    encryptionCertificates: [...encryption],
    ...(validUntil ? { validUntil: validUntil.value, validUntilWhere: validUntil.where } : {}),
    ...(cacheDuration ? { cacheDuration: cacheDuration.value, cacheDurationWhere: cacheDuration.where } : {}),
    signed: signedScopes.some((e) => kid(e, NS.ds, 'Signature') !== undefined),
  }
  return {
    doc,
    metadata,
    issues,
    fatal: false,
    entity,
    idpDescriptor: idp,
    signedScopes,
    ...(entityIds ? { entityIds } : {}),
  }
}

function collectEntities(el: XmlElement, md: Ns): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) {
    if (c.type !== 'element' || (md !== null && c.ns !== md)) continue
    if (c.local === 'EntityDescriptor') out.push(c)
    else if (c.local === 'EntitiesDescriptor') out.push(...collectEntities(c, md))
  }
  return out
}

function roleNames(entity: XmlElement): string[] {
  const out: string[] = []
  for (const c of entity.children) if (c.type === 'element' && !NOT_ROLES.has(c.local)) out.push(c.local)
  return out
}

function endpoints(el: XmlElement, md: Ns, local: string): Endpoint[] {
  return kids(el, md, local).map((e) => ({
    binding: attr(e, 'Binding') ?? '',
    location: attr(e, 'Location') ?? '',
    where: pathOf(e),
  }))
}

/** The earliest parseable value from the element up to the root; an unparseable one wins, so that it gets reported. */
function mostRestrictive(
  el: XmlElement,
  name: string,
  parse: (v: string) => number,
): { value: string; where: string } | undefined {
  let best: { value: string; where: string; t: number } | undefined
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const v = attr(e, name)
    if (v === undefined) continue
    const t = parse(v)
    if (Number.isNaN(t)) return { value: v, where: `${pathOf(e)}/@${name}` }
    if (!best || t < best.t) best = { value: v, where: `${pathOf(e)}/@${name}`, t }
  }
  return best && { value: best.value, where: best.where }
}

function closest(el: XmlElement, name: string): { value: string; where: string } | undefined {
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const v = attr(e, name)
    if (v !== undefined) return { value: v, where: `${pathOf(e)}/@${name}` }
  }
  return undefined
}
