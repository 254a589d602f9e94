import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { isLoopbackHostname } from '../../net/loopback-host'
import type { OidcCheckContext, OidcDiscovery } from '../types'
import { describe } from './members'

const URL_MEMBERS = new Set(['jwks_uri', 'check_session_iframe'])
const isEndpointMember = (k: string) => k.endsWith('_endpoint') || URL_MEMBERS.has(k)

/**
 * Every endpoint an absolute https URL: no relative paths, no javascript: / data:, no fragments, no http.
 * Includes mtls_endpoint_aliases (RFC 8705). openid-client would follow any of them, so they are checked here.
 */
export function checkEndpoints(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const out: Finding[] = []
  // One cause (the IdP is served over http) makes every endpoint http: one finding listing them all.
  const plainHttp: Record<string, string> = {}
  const visit = (member: string, value: unknown) => {
    if (typeof value !== 'string')
      return out.push(
        finding(
          'OIDC_METADATA_MEMBER_INVALID',
          { expected: 'an https URL', actual: describe(value), where: member },
          ctx,
        ),
      )
    let url: URL | undefined
    try {
      url = new URL(value)
    } catch {
      url = undefined
    }
    if (!url)
      return out.push(
        finding(
          'OIDC_ENDPOINT_INVALID',
          { expected: 'an absolute https URL', actual: value, where: member, reason: 'not an absolute URL' },
          ctx,
        ),
      )
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      return out.push(
        finding(
          'OIDC_ENDPOINT_INVALID',
          {
            expected: 'an absolute https URL',
            actual: value.slice(0, 200),
            where: member,
            reason: `${url.protocol} scheme`,
          },
          ctx,
        ),
      )
    if (url.hash || value.includes('#'))
      return out.push(
        finding(
          'OIDC_ENDPOINT_INVALID',
          { expected: value.replace(/#.*$/, ''), actual: value, where: member, reason: 'fragment' },
          ctx,
        ),
      )
    if (url.protocol === 'http:') plainHttp[member] = value
    return 0
  }
  for (const [member, value] of Object.entries(doc))
    if (isEndpointMember(member) && value !== undefined && value !== null) visit(member, value)
  const aliases = doc.mtls_endpoint_aliases
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases))
    for (const [member, value] of Object.entries(aliases))
      if (isEndpointMember(member) && value !== doc[member]) visit(`mtls_endpoint_aliases.${member}`, value)
  const members = Object.keys(plainHttp)
  if (members.length) {
    const allLoopback = Object.values(plainHttp).every((v) => isLoopbackHostname(new URL(v).hostname))
    out.push(
      finding(
        'OIDC_ENDPOINT_NOT_HTTPS',
        { expected: 'https:// for every endpoint', actual: plainHttp, where: members.join(', ') },
        ctx,
        allLoopback ? { severity: 'warning' } : {},
      ),
    )
  }
  return out
}
