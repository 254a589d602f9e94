import { isIPv4, isIPv6 } from 'node:net'

/** How an IP address is treated by the fetch policy. Only `public` is ever connected to (plus `loopback` when allowed). */
export type AddressKind = 'public' | 'loopback' | 'private' | 'metadata-service' | 'reserved'

export interface AddressVerdict {
  readonly kind: AddressKind
  /** The canonical address that was classified (IPv4 dotted quad or lower-case IPv6 without zone). */
  readonly address: string
  /** Why a non-public address is refused, e.g. 'private (10.0.0.0/8)', 'IPv4-mapped IPv6 (embeds 127.0.0.1)'. */
  readonly reason?: string
}

type V4Range = readonly [base: number, bits: number, kind: Exclude<AddressKind, 'public'>, label: string]

const v4 = (s: string): number => s.split('.').reduce((acc, part) => acc * 256 + Number(part), 0)

// Specific entries first: the first match wins. @see RFC 6890 (special-purpose registries), RFC 6598 (CGNAT)
const V4_RANGES: readonly V4Range[] = [
  [v4('169.254.169.254'), 32, 'metadata-service', 'cloud instance metadata (169.254.169.254)'],
  [v4('169.254.170.2'), 32, 'metadata-service', 'container credentials endpoint (169.254.170.2)'],
  [v4('100.100.100.200'), 32, 'metadata-service', 'cloud instance metadata (100.100.100.200)'],
  [v4('192.0.0.192'), 32, 'metadata-service', 'cloud instance metadata (192.0.0.192)'],
  [v4('0.0.0.0'), 8, 'reserved', 'unspecified / "this network" (0.0.0.0/8)'],
  [v4('10.0.0.0'), 8, 'private', 'private (10.0.0.0/8)'],
  [v4('100.64.0.0'), 10, 'private', 'carrier-grade NAT (100.64.0.0/10)'],
  [v4('127.0.0.0'), 8, 'loopback', 'loopback (127.0.0.0/8)'],
  [v4('169.254.0.0'), 16, 'private', 'link-local (169.254.0.0/16)'],
  [v4('172.16.0.0'), 12, 'private', 'private (172.16.0.0/12)'],
  [v4('192.0.0.0'), 24, 'reserved', 'IETF protocol assignments (192.0.0.0/24)'],
  [v4('192.0.2.0'), 24, 'reserved', 'documentation (192.0.2.0/24)'],
  [v4('192.88.99.0'), 24, 'reserved', '6to4 relay anycast (192.88.99.0/24)'],
  [v4('192.168.0.0'), 16, 'private', 'private (192.168.0.0/16)'],
  [v4('198.18.0.0'), 15, 'reserved', 'benchmarking (198.18.0.0/15)'],
  [v4('198.51.100.0'), 24, 'reserved', 'documentation (198.51.100.0/24)'],
  [v4('203.0.113.0'), 24, 'reserved', 'documentation (203.0.113.0/24)'],
  [v4('224.0.0.0'), 4, 'reserved', 'multicast (224.0.0.0/4)'],
  [v4('240.0.0.0'), 4, 'reserved', 'reserved / broadcast (240.0.0.0/4)'],
]

function classifyV4(n: number, address: string): AddressVerdict {
  for (const [base, bits, kind, label] of V4_RANGES) {
    const size = 2 ** (32 - bits)
    if (n >= base && n < base + size) return { kind, address, reason: label }
  }
  return { kind: 'public', address }
}

function v4FromNumber(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
}

/** Eight 16-bit groups of a valid IPv6 address (an embedded dotted IPv4 tail is allowed). */
function ipv6Groups(ip: string): number[] {
  let s = ip
  const lastColon = s.lastIndexOf(':')
  if (s.includes('.', lastColon)) {
    const n = v4(s.slice(lastColon + 1))
    s = `${s.slice(0, lastColon + 1)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)))
  const [head = '', rest] = s.split('::') as [string, string | undefined]
  if (rest === undefined) return parse(head)
  const left = parse(head)
  const right = parse(rest)
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right]
}

const hex = (g: number[]) => g.map((x) => x.toString(16)).join(':')

function classifyV6(ip: string): AddressVerdict {
  const g = ipv6Groups(ip)
  const address = hex(g)
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g
  const embedded = (hi: number, lo: number) => v4FromNumber(hi * 65536 + lo)
  const zeroTo = (k: number) => g.slice(0, k).every((x) => x === 0)

  if (zeroTo(8)) return { kind: 'reserved', address, reason: 'unspecified (::)' }
  if (zeroTo(7) && g7 === 1) return { kind: 'loopback', address, reason: 'loopback (::1)' }
  if (zeroTo(5) && g5 === 0xffff) {
    const inner = embedded(g6, g7)
    return { kind: innerKind(inner, 'private'), address, reason: `IPv4-mapped IPv6 (embeds ${inner})` }
  }
  if (zeroTo(6))
    return {
      kind: innerKind(embedded(g6, g7), 'reserved'),
      address,
      reason: `IPv4-compatible IPv6 (embeds ${embedded(g6, g7)})`,
    }
  if (zeroTo(4) && g4 === 0xffff && g5 === 0)
    return { kind: 'reserved', address, reason: `IPv4-translated IPv6 (embeds ${embedded(g6, g7)})` }
  if (g0 === 0x64 && g1 === 0xff9b) {
    const inner = embedded(g6, g7)
    return { kind: innerKind(inner, 'private'), address, reason: `NAT64 (64:ff9b::/96 or /48, embeds ${inner})` }
  }
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0)
    return { kind: 'reserved', address, reason: 'discard-only (100::/64)' }
  if (g0 === 0x2001 && g1 === 0xdb8) return { kind: 'reserved', address, reason: 'documentation (2001:db8::/32)' }
  if (g0 === 0x2001 && g1 === 0) return { kind: 'reserved', address, reason: 'Teredo tunnel (2001::/32)' }
  if (g0 === 0x2001 && g1 < 0x200) return { kind: 'reserved', address, reason: 'IETF protocol assignments (2001::/23)' }
  if (g0 === 0x2002) {
    const inner = embedded(g1, g2)
    const k = classifyV4(v4(inner), inner)
    return k.kind === 'public'
      ? { kind: 'public', address }
      : {
          kind: k.kind === 'loopback' ? 'private' : k.kind,
          address,
          reason: `6to4 (2002::/16) of ${k.reason ?? inner}`,
        }
  }
  if (address === 'fd00:ec2:0:0:0:0:0:254')
    return { kind: 'metadata-service', address, reason: 'cloud instance metadata (fd00:ec2::254)' }
  if ((g0 & 0xfe00) === 0xfc00) return { kind: 'private', address, reason: 'unique local (fc00::/7)' }
  if ((g0 & 0xffc0) === 0xfe80) return { kind: 'private', address, reason: 'link-local (fe80::/10)' }
  if ((g0 & 0xffc0) === 0xfec0) return { kind: 'private', address, reason: 'site-local (fec0::/10)' }
  if ((g0 & 0xff00) === 0xff00) return { kind: 'reserved', address, reason: 'multicast (ff00::/8)' }
  if ((g0 & 0xe000) !== 0x2000) return { kind: 'reserved', address, reason: 'not global unicast (outside 2000::/3)' }
  return { kind: 'public', address }
}

// A public IPv4 inside a mapping form is still refused: DNS never needs these forms, attackers do.
function innerKind(
  inner: string,
  fallback: Exclude<AddressKind, 'public' | 'loopback'>,
): Exclude<AddressKind, 'public' | 'loopback'> {
  const k = classifyV4(v4(inner), inner).kind
  return k === 'metadata-service' ? 'metadata-service' : k === 'reserved' ? 'reserved' : fallback
}

/** Canonical IP text for any IP literal notation (WHATWG URL host rules: 0x7f.1, 0177.0.0.1, 2130706433, [::1]), else undefined. */
export function normalizeIpLiteral(host: string): string | undefined {
  let h = host.trim()
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1)
  const zone = h.indexOf('%')
  if (zone >= 0 && isIPv6(h.slice(0, zone))) h = h.slice(0, zone)
  if (isIPv4(h) || isIPv6(h)) return h.toLowerCase()
  if (/^[0-9a-fA-FxX.]+$/.test(h)) {
    try {
      const normalized = new URL(`http://${h}/`).hostname
      if (isIPv4(normalized)) return normalized
    } catch {
      /* not an IP in any notation */
    }
  }
  return undefined
}

/**
 * Classifies an IP address (any notation) for the fetch policy. Pure: no DNS, no I/O.
 * Anything that is not an IP address is `reserved` (refused), so a caller can never pass a host name through by mistake.
 */
export function classifyAddress(ip: string): AddressVerdict {
  const canonical = normalizeIpLiteral(ip)
  if (canonical === undefined) return { kind: 'reserved', address: ip, reason: 'not an IP address' }
  return isIPv4(canonical) ? classifyV4(v4(canonical), canonical) : classifyV6(canonical)
}

/**
 * Would the fetch refuse to connect to this address? Loopback counts as forbidden here; only an explicit
 * allowance in lib/net lets it through.
 * @example isForbiddenAddress('::ffff:127.0.0.1') // { forbidden: true, reason: 'IPv4-mapped IPv6 (embeds 127.0.0.1)' }
 */
export function isForbiddenAddress(ip: string): { forbidden: boolean; reason?: string } {
  const v = classifyAddress(ip)
  return v.kind === 'public' ? { forbidden: false } : { forbidden: true, reason: v.reason ?? v.kind }
}
