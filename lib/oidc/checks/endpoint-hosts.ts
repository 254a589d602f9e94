import { finding } from '../../findings/finding'
import type { Finding, Severity } from '../../findings/types'
import { classifyAddress, normalizeIpLiteral, type AddressKind } from '../../net/address-policy'
import { reservedExampleDomain } from '../../net/reserved-domains'
import type { OidcCheckContext, OidcDiscovery } from '../types'

const URL_MEMBERS = new Set(['issuer', 'jwks_uri', 'check_session_iframe'])
const isEndpointMember = (k: string) => k.endsWith('_endpoint') || URL_MEMBERS.has(k)

/** `localhost` and every name under `.localhost` resolve to loopback (RFC 6761 §6.3). */
const LOOPBACK_NAME = /^(?:[^.]+\.)*localhost\.?$/i

/** Where a URL's host points, from the URL alone (no DNS): an IP literal by lib/net's address policy, or a loopback name. */
export function endpointHostKind(hostname: string): { kind: AddressKind; reason?: string } {
  const ip = normalizeIpLiteral(hostname)
  if (ip !== undefined) {
    const v = classifyAddress(ip)
    return v.reason ? { kind: v.kind, reason: v.reason } : { kind: v.kind }
  }
  if (LOOPBACK_NAME.test(hostname)) return { kind: 'loopback', reason: 'localhost name (RFC 6761)' }
  return { kind: 'public' }
}

/**
 * The issuer and every endpoint in the discovery document (and its mTLS aliases) must name a public host: a jwks_uri
 * on 10.0.0.5 or 169.254.169.254 passed before, because only fetched URLs went through lib/net. This reads the URLs and
 * fetches nothing. Loopback is a warning under the loopback allowance (the demo's mock IdP on 127.0.0.1), an error
 * otherwise; private, link-local, metadata-service and reserved addresses are always errors. One cause (the IdP is
 * published on an internal host) puts every endpoint there: one finding per severity lists them all. A host under a
 * reserved example domain (RFC 2606 / 6761) gets NET_RESERVED_EXAMPLE_DOMAIN, its severity from the profile.
 */
export function checkEndpointHosts(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const bySeverity: Partial<Record<Severity, { urls: Record<string, string>; kinds: Set<string> }>> = {}
  const reservedUrls: Record<string, string> = {}
  const reservedNames = new Set<string>()
  const visit = (member: string, value: unknown) => {
    if (typeof value !== 'string') return
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return // OIDC_ENDPOINT_INVALID says so
    const reserved = reservedExampleDomain(url.hostname)
    if (reserved) {
      reservedUrls[member] = value.slice(0, 500)
      reservedNames.add(reserved)
    }
    const v = endpointHostKind(url.hostname)
    if (v.kind === 'public') return
    const severity: Severity = v.kind === 'loopback' && ctx.allowLoopback ? 'warning' : 'error'
    const group = (bySeverity[severity] ??= { urls: {}, kinds: new Set() })
    group.urls[member] = value.slice(0, 500)
    group.kinds.add(v.reason ? `${v.kind} (${v.reason})` : v.kind)
  }
  for (const [member, value] of Object.entries(doc)) if (isEndpointMember(member)) visit(member, value)
  const aliases = doc.mtls_endpoint_aliases
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases))
    for (const [member, value] of Object.entries(aliases))
      if (isEndpointMember(member) && value !== doc[member]) visit(`mtls_endpoint_aliases.${member}`, value)
  const out = (['error', 'warning'] as const).flatMap((severity) => {
    const g = bySeverity[severity]
    if (!g) return []
    return [
      finding(
        'OIDC_ENDPOINT_INTERNAL_ADDRESS',
        {
          expected: 'a public host name for every endpoint',
          actual: g.urls,
          where: Object.keys(g.urls).join(', '),
          addresses: [...g.kinds],
        },
        ctx,
        { severity },
      ),
    ]
  })
  // A test IdP on idp.example.test: said as such, a warning or an error as the profile decides.
  if (reservedNames.size) {
    out.push(
      finding(
        'NET_RESERVED_EXAMPLE_DOMAIN',
        {
          expected: 'a public host name for every endpoint',
          actual: reservedUrls,
          where: Object.keys(reservedUrls).join(', '),
          reservedDomain: [...reservedNames],
        },
        ctx,
        { severity: ctx.profile.reservedExampleDomains },
      ),
    )
  }
  return out
}
