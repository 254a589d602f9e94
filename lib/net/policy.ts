import { finding, type FindingContext } from '../findings/finding'
import type { Finding } from '../findings/types'
import { classifyAddress, normalizeIpLiteral, type AddressKind, type AddressVerdict } from './address-policy'

export interface AddressPolicy {
  /** Loopback only (127.0.0.0/8, ::1): tests via the symbol, the demo via SSO_PREFLIGHT_ALLOW_LOOPBACK=1. */
  readonly allowLoopback: boolean
}

const CODE_BY_KIND = {
  loopback: 'NET_LOOPBACK_ADDRESS',
  private: 'NET_PRIVATE_ADDRESS',
  'metadata-service': 'NET_METADATA_SERVICE_ADDRESS',
  reserved: 'NET_RESERVED_ADDRESS',
} as const satisfies Record<Exclude<AddressKind, 'public'>, string>

function permitted(v: AddressVerdict, policy: AddressPolicy): boolean {
  return v.kind === 'public' || (v.kind === 'loopback' && policy.allowLoopback)
}

function refusal(v: AddressVerdict, host: string, url: string, ctx: FindingContext | undefined): Finding {
  const code = CODE_BY_KIND[v.kind as Exclude<AddressKind, 'public'>]
  return finding(code, { expected: 'a public IP address', actual: v.address, where: url, host, reason: v.reason }, ctx)
}

/**
 * Every address a host resolves to must pass, not just the first: the socket may use any of them, and a
 * resolver answer mixing a public and a private address is the DNS-rebinding trick. Pure.
 */
export function checkResolvedAddresses(
  host: string,
  addresses: readonly string[],
  policy: AddressPolicy,
  url = host,
  ctx?: FindingContext,
): Finding | undefined {
  for (const a of addresses) {
    const v = classifyAddress(a)
    if (!permitted(v, policy)) return refusal(v, host, url, ctx)
  }
  return undefined
}

export type UrlCheck =
  { ok: true; url: URL; ipLiteral?: string; warnings: Finding[] } | { ok: false; findings: Finding[] }

/** Scheme, credentials and literal-IP hosts of one hop. WHATWG URL has already normalised 0x7f.1, 2130706433, [::ffff:7f00:1]. */
export function checkUrl(raw: string | URL, policy: AddressPolicy, ctx?: FindingContext): UrlCheck {
  let url: URL
  try {
    url = typeof raw === 'string' ? new URL(raw) : new URL(raw.href)
  } catch {
    return {
      ok: false,
      findings: [finding('NET_URL_INVALID', { expected: 'an absolute https:// URL', actual: String(raw) }, ctx)],
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      findings: [
        finding(
          'NET_SCHEME_NOT_ALLOWED',
          { expected: ['https:', 'http:'], actual: url.protocol, where: redact(url) },
          ctx,
        ),
      ],
    }
  if (url.username || url.password)
    return {
      ok: false,
      findings: [
        finding(
          'NET_URL_INVALID',
          { expected: 'a URL without user name or password', actual: redact(url), reason: 'credentials in URL' },
          ctx,
        ),
      ],
    }
  if (!url.hostname)
    return {
      ok: false,
      findings: [finding('NET_URL_INVALID', { expected: 'a URL with a host name', actual: url.href }, ctx)],
    }
  const warnings =
    url.protocol === 'http:'
      ? [finding('NET_NOT_HTTPS', { expected: 'https:', actual: url.protocol, where: url.href }, ctx)]
      : []
  const ipLiteral = normalizeIpLiteral(url.hostname)
  if (ipLiteral === undefined) return { ok: true, url, warnings }
  const v = classifyAddress(ipLiteral)
  if (!permitted(v, policy)) return { ok: false, findings: [refusal(v, url.hostname, url.href, ctx)] }
  return { ok: true, url, ipLiteral, warnings }
}

/** Never echo a password back into a report. */
function redact(url: URL): string {
  const copy = new URL(url.href)
  if (copy.password) copy.password = '***'
  return copy.href
}
