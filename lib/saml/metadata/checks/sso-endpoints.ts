import { finding } from '../../../findings/finding'
import type { Finding } from '../../../findings/types'
import { DOCUMENTATION_HOST, placeholderReason } from '../placeholder'
import { reservedExampleDomain } from '../../../net/reserved-domains'
import { BINDING, type IdpMetadata } from '../types'
import type { MetadataCheckContext } from './context'
import { isLoopbackHostname } from '../../../net/loopback-host'

// Browsers drop these before reading the scheme, so "java\tscript:" is javascript: too.
const STRIPPED_CHARS_RE = /[\u0000-\u0020\u007f-\u009f]/g
const UNSAFE_SCHEME_RE = /^(javascript|vbscript|data|file|blob|filesystem|about|view-source):/i
const BINDING_NAMES: Record<string, string> = {
  [BINDING.redirect]: 'HTTP-Redirect',
  [BINDING.post]: 'HTTP-POST',
}

/** SingleSignOnService: present, https, no script scheme, and at least one browser binding (HTTP-Redirect / HTTP-POST). */
export function checkSsoEndpoints(md: IdpMetadata, ctx: MetadataCheckContext): Finding[] {
  if (md.ssoServices.length === 0) {
    return [
      finding(
        'SAML_SSO_ENDPOINT_MISSING',
        {
          expected: 'a SingleSignOnService with the HTTP-Redirect or HTTP-POST binding',
          actual: 'none',
          where: 'IDPSSODescriptor',
        },
        ctx,
      ),
    ]
  }
  const out: Finding[] = []
  for (const e of md.ssoServices) {
    const loc = e.location.trim()
    const binding = BINDING_NAMES[e.binding] ?? e.binding
    if (UNSAFE_SCHEME_RE.test(loc.replace(STRIPPED_CHARS_RE, ''))) {
      out.push(
        finding(
          'SAML_SSO_ENDPOINT_UNSAFE_SCHEME',
          {
            expected: 'an https:// URL',
            actual: loc.length > 120 ? loc.slice(0, 120) + '…' : loc,
            binding,
            where: e.where,
          },
          ctx,
        ),
      )
      continue
    }
    let url: URL | undefined
    try {
      url = new URL(loc)
    } catch {
      url = undefined
    }
    const placeholder = url ? placeholderReason(loc) : undefined
    const reason = !url
      ? 'not an absolute URL'
      : url.protocol !== 'https:' && url.protocol !== 'http:'
        ? `scheme ${url.protocol} is not a web URL`
        : placeholder === DOCUMENTATION_HOST
          ? undefined
          : placeholder
    if (!url || reason) {
      out.push(
        finding(
          'SAML_SSO_ENDPOINT_INVALID_URL',
          { expected: 'an absolute https:// URL', actual: loc || '(empty Location)', reason, binding, where: e.where },
          ctx,
        ),
      )
      continue
    }
    const reserved = reservedExampleDomain(url.hostname)
    if (reserved) {
      // A valid URL on a host reserved for examples: a test IdP (fine under the generic profile), never a real one.
      out.push(
        finding(
          'NET_RESERVED_EXAMPLE_DOMAIN',
          {
            expected: 'a public host name',
            actual: loc,
            host: url.hostname,
            reservedDomain: reserved,
            binding,
            where: e.where,
          },
          ctx,
          { severity: ctx.profile.reservedExampleDomains },
        ),
      )
    }
    if (url.protocol === 'http:') {
      const loopback = isLoopbackHostname(url.hostname)
      out.push(
        finding(
          'SAML_SSO_ENDPOINT_NOT_HTTPS',
          {
            expected: loc.replace(/^http:/i, 'https:'),
            actual: loc,
            binding,
            where: e.where,
            ...(loopback ? { note: 'loopback test IdP' } : {}),
          },
          ctx,
          loopback ? { severity: 'warning' } : {},
        ),
      )
    }
  }
  const hasRedirect = md.ssoServices.some((e) => e.binding === BINDING.redirect)
  const hasPost = md.ssoServices.some((e) => e.binding === BINDING.post)
  const bindings = [...new Set(md.ssoServices.map((e) => BINDING_NAMES[e.binding] ?? e.binding))]
  if (!hasRedirect && !hasPost) {
    out.push(
      finding(
        'SAML_SSO_BINDING_UNSUPPORTED',
        {
          expected: ['HTTP-Redirect', 'HTTP-POST'],
          actual: bindings,
          where: 'IDPSSODescriptor/SingleSignOnService/@Binding',
        },
        ctx,
      ),
    )
  } else if (!hasRedirect || !hasPost) {
    out.push(
      finding(
        'SAML_SSO_ONE_BINDING_ONLY',
        {
          expected: ['HTTP-Redirect', 'HTTP-POST'],
          actual: bindings,
          available: hasRedirect ? 'HTTP-Redirect' : 'HTTP-POST',
          where: 'IDPSSODescriptor/SingleSignOnService/@Binding',
        },
        ctx,
      ),
    )
  }
  return out
}
