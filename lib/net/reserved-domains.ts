/**
 * Domain names reserved for examples and tests, which no real service can be reached under:
 * RFC 2606 §2–3 (the TLDs .test, .example, .invalid, .localhost; example.com, example.net, example.org), kept special
 * by RFC 6761 §6. A bare `localhost` is not in the list: it is a loopback name (lib/net's policy and the loopback
 * checks report it), used by local test IdPs.
 */
const RESERVED_TLDS = ['test', 'example', 'invalid', 'localhost'] as const
const RESERVED_SECOND_LEVEL = ['example.com', 'example.net', 'example.org'] as const

/**
 * The reserved name `hostname` falls under (`example.com`, `test`...), or undefined for any other host.
 * @example reservedExampleDomain('idp.example.test') // 'test'
 */
export function reservedExampleDomain(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  for (const d of RESERVED_SECOND_LEVEL) if (host === d || host.endsWith('.' + d)) return d
  const dot = host.lastIndexOf('.')
  const tld = dot === -1 ? host : host.slice(dot + 1)
  if (tld === 'localhost' && dot === -1) return undefined
  return (RESERVED_TLDS as readonly string[]).includes(tld) ? tld : undefined
}
