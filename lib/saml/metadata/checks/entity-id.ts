import { finding } from '../../../findings/finding'
import type { Finding } from '../../../findings/types'
import { reservedExampleDomain } from '../../../net/reserved-domains'
import { DOCUMENTATION_HOST, placeholderReason } from '../placeholder'
import type { IdpMetadata } from '../types'
import type { MetadataCheckContext } from './context'

const ENTRA_MULTI_TENANT_ENDPOINT_RE =
  /^https:\/\/login\.microsoftonline\.(com|us)\/(common|organizations|consumers|\{tenantid\})\//i
const URI_RE = /^[a-z][a-z0-9+.-]*:\S+$/i

/** The IdP's entity ID: present, a URI, not a template; Entra's multi-tenant template gets its own finding. */
export function checkEntityId(md: IdpMetadata, ctx: MetadataCheckContext): Finding[] {
  const where =
    md.container === 'aggregate' ? 'EntityDescriptor/@entityID (in the aggregate)' : '/EntityDescriptor/@entityID'
  const id = md.entityId?.trim() ?? ''
  if (id === '')
    return [
      finding(
        'SAML_ENTITY_ID_MISSING',
        { expected: 'the IdP entity ID (a URI)', actual: md.entityId ?? '(no entityID attribute)', where },
        ctx,
      ),
    ]
  const multiTenantEndpoint = md.ssoServices.find((e) => ENTRA_MULTI_TENANT_ENDPOINT_RE.test(e.location))
  if (/\{tenant(id)?\}/i.test(id) || multiTenantEndpoint) {
    return [
      finding(
        'SAML_ENTITY_ID_ENTRA_MULTI_TENANT',
        {
          expected: "https://sts.windows.net/<your tenant ID>/ (from the app's own federation metadata)",
          actual: id,
          ...(multiTenantEndpoint ? { endpoint: multiTenantEndpoint.location } : {}),
          where,
        },
        ctx,
      ),
    ]
  }
  const reason = placeholderReason(id)
  if (reason === DOCUMENTATION_HOST) {
    const host = new URL(id).hostname
    return [
      finding(
        'NET_RESERVED_EXAMPLE_DOMAIN',
        {
          expected: "the IdP's entity ID on its own host name",
          actual: id,
          host,
          reservedDomain: reservedExampleDomain(host),
          where,
        },
        ctx,
        { severity: ctx.profile.reservedExampleDomains },
      ),
    ]
  }
  if (reason)
    return [
      finding('SAML_ENTITY_ID_PLACEHOLDER', { expected: "the IdP's real entity ID", actual: id, reason, where }, ctx),
    ]
  if (!URI_RE.test(id) || id.length > 1024) {
    return [
      finding(
        'SAML_ENTITY_ID_NOT_URI',
        {
          expected: 'an absolute URI of at most 1024 characters',
          actual: id.length > 200 ? id.slice(0, 200) + '…' : id,
          where,
        },
        ctx,
      ),
    ]
  }
  return []
}
