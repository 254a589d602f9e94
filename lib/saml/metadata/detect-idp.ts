import { parseCertificate } from '../../certs/parse'
import type { IdpKind } from '../../findings/types'
import type { XmlDocument } from '../../xml/types'
import { readMetadata } from './read'
import type { IdpMetadata } from './types'

const ENTRA_HOST_RE = /^https:\/\/(sts\.windows\.net|login\.microsoftonline\.(com|us)|login\.partner\.microsoftonline\.cn|login\.chinacloudapi\.cn)\//i
const ENTRA_CERT_RE = /^(Microsoft Azure Federated SSO Certificate|accounts\.accesscontrol\.windows\.net|login\.microsoftonline\.us)$/
const OKTA_ENTITY_RE = /^https?:\/\/www\.okta\.com\/(exk|[A-Za-z0-9]{20})/
const OKTA_HOST_RE = /^https:\/\/[^/]+\.(okta|oktapreview|okta-emea|okta-gov|okta-mil)\.com\//i
const ADFS_RE = /\/adfs\/(services\/trust|ls)\b/i
const GOOGLE_RE = /^https:\/\/accounts\.google\.com\/o\/saml2/i
const KEYCLOAK_RE = /\/realms\/[^/]+(\/|$)/

/**
 * Which IdP product issued a message, from its Issuer (entity ID) alone: for a response pasted without metadata.
 * @example idpKindFromEntityId('http://adfs.example.com/adfs/services/trust') // 'adfs'
 */
export function idpKindFromEntityId(id: string | undefined): IdpKind {
  if (!id) return 'other'
  if (ENTRA_HOST_RE.test(id)) return 'entra'
  if (ADFS_RE.test(id)) return 'adfs'
  if (OKTA_ENTITY_RE.test(id) || OKTA_HOST_RE.test(id)) return 'okta'
  if (GOOGLE_RE.test(id)) return 'google'
  if (KEYCLOAK_RE.test(id)) return 'keycloak'
  return 'other'
}

/**
 * Which IdP product made the metadata, from its entity ID, endpoints, WS-Federation roles and certificate names.
 * @example detectIdpKind(parsed.value) // 'entra'
 */
export function detectIdpKind(md: IdpMetadata | XmlDocument): IdpKind {
  let m: IdpMetadata | undefined
  if ('root' in md) {
    const r = readMetadata(md)
    m = r.metadata
    if (!m) return 'other'
  } else m = md
  const id = m.entityId ?? ''
  const urls = m.ssoServices.map((e) => e.location)
  const any = (re: RegExp) => re.test(id) || urls.some((u) => re.test(u))
  if (ENTRA_HOST_RE.test(id) || urls.some((u) => ENTRA_HOST_RE.test(u))) return 'entra'
  if (ADFS_RE.test(id) || urls.some((u) => ADFS_RE.test(u))) return 'adfs'
  // WS-Fed roles alone also fit AD FS; together with Azure's certificate names it is Entra (e.g. relabelled hosts).
  if (m.wsFederation && m.signingCertificates.some((c) => ENTRA_CERT_RE.test(parseCertificate(c)?.commonName ?? ''))) return 'entra'
  if (OKTA_ENTITY_RE.test(id) || urls.some((u) => OKTA_HOST_RE.test(u))) return 'okta'
  if (any(GOOGLE_RE)) return 'google'
  if (any(KEYCLOAK_RE)) return 'keycloak'
  return 'other'
}
