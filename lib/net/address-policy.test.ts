import { describe, expect, test } from 'vitest'
import { classifyAddress, isForbiddenAddress } from './address-policy'

// [input as written in a URL host or a DNS answer, expected kind, fragment of the reason]
const TABLE: ReadonlyArray<readonly [string, string, string?]> = [
  // IPv4 loopback in every notation the WHATWG URL parser accepts
  ['127.0.0.1', 'loopback', '127.0.0.0/8'],
  ['2130706433', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['0x7f.1', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['127.1', 'loopback'],
  ['127.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  // private, CGNAT, link-local
  ['10.0.0.1', 'private', '10.0.0.0/8'],
  ['012.0.0.1', 'private', '10.0.0.0/8'],
  ['172.16.0.1', 'private', '172.16.0.0/12'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private', '192.168.0.0/16'],
  ['100.64.0.1', 'private', 'carrier-grade NAT'],
  ['100.127.255.255', 'private', 'carrier-grade NAT'],
  ['169.254.1.1', 'private', 'link-local'],
  // metadata services
  ['169.254.169.254', 'metadata-service'],
  ['0xa9.0xfe.0xa9.0xfe', 'metadata-service'],
  ['2852039166', 'metadata-service'],
  ['169.254.170.2', 'metadata-service'],
  ['100.100.100.200', 'metadata-service'],
  ['fd00:ec2::254', 'metadata-service'],
  ['[fd00:ec2::254]', 'metadata-service'],
  // unspecified, broadcast, reserved, documentation, benchmarking, multicast
  ['0.0.0.0', 'reserved', 'unspecified'],
  ['0', 'reserved', 'unspecified'],
  ['255.255.255.255', 'reserved', '240.0.0.0/4'],
  ['240.0.0.1', 'reserved'],
  ['192.0.0.8', 'reserved', '192.0.0.0/24'],
  ['192.0.2.1', 'reserved', 'documentation'],
  ['198.18.0.1', 'reserved', 'benchmarking'],
  ['198.19.255.255', 'reserved', 'benchmarking'],
  ['203.0.113.9', 'reserved', 'documentation'],
  ['224.0.0.1', 'reserved', 'multicast'],
  ['239.255.255.250', 'reserved', 'multicast'],
  ['192.88.99.1', 'reserved', '6to4 relay'],
  // IPv6
  ['::1', 'loopback', '::1'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::', 'reserved', 'unspecified'],
  ['::ffff:127.0.0.1', 'private', 'embeds 127.0.0.1'],
  ['[::ffff:7f00:1]', 'private', 'embeds 127.0.0.1'],
  ['::ffff:10.0.0.1', 'private', 'embeds 10.0.0.1'],
  ['::ffff:8.8.8.8', 'private', 'IPv4-mapped'],
  ['::ffff:169.254.169.254', 'metadata-service', 'IPv4-mapped'],
  ['::127.0.0.1', 'reserved', 'IPv4-compatible'],
  ['64:ff9b::a00:1', 'private', 'embeds 10.0.0.1'],
  ['[64:ff9b::a00:1]', 'private', 'NAT64'],
  ['64:ff9b::808:808', 'private', 'NAT64'],
  ['64:ff9b:1::1', 'reserved', 'NAT64'],
  ['fe80::1', 'private', 'link-local'],
  ['fe80::1%eth0', 'private', 'link-local'],
  ['febf::1', 'private', 'link-local'],
  ['fc00::1', 'private', 'unique local'],
  ['fd12:3456::1', 'private', 'unique local'],
  ['fec0::1', 'private', 'site-local'],
  ['ff02::1', 'reserved', 'multicast'],
  ['2001:db8::1', 'reserved', 'documentation'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved', 'Teredo'],
  ['100::1', 'reserved', 'discard'],
  ['2002:a00:1::1', 'private', '6to4'],
  ['2002:7f00:1::', 'private', 'loopback'],
  ['2002:a9fe:a9fe::1', 'metadata-service', '6to4'],
  ['4000::1', 'reserved', 'not global unicast'],
  // not an IP at all
  ['example.com', 'reserved', 'not an IP address'],
  ['', 'reserved', 'not an IP address'],
  // public
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['198.20.0.0', 'public'],
  ['223.255.255.255', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['2001:4860:4860::8888', 'public'],
  ['2002:808:808::1', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
]

describe('classifyAddress / isForbiddenAddress over every address form', () => {
  test.each(TABLE.map(([a, k, r]) => [a, k, r ?? ''] as const))('%s → %s', (input, kind, reason) => {
    const v = classifyAddress(input)
    expect(v.kind).toBe(kind)
    if (reason) expect(v.reason).toContain(reason)
    const f = isForbiddenAddress(input)
    expect(f.forbidden).toBe(kind !== 'public')
    if (kind !== 'public') expect(f.reason).toBeTruthy()
  })

  test('canonicalises the address it classified', () => {
    expect(classifyAddress('0x7f.1').address).toBe('127.0.0.1')
    expect(classifyAddress('[::ffff:7f00:1]').address).toBe('0:0:0:0:0:ffff:7f00:1')
  })

  test('URL hosts in odd notations are what the WHATWG parser makes of them', () => {
    for (const [href, host] of [
      ['http://2130706433/', '127.0.0.1'],
      ['http://0177.0.0.1/', '127.0.0.1'],
      ['http://0x7f.1/', '127.0.0.1'],
      ['http://127.1/', '127.0.0.1'],
      ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
      ['http://[64:ff9b::10.0.0.1]/', '[64:ff9b::a00:1]'],
    ] as const) {
      const hostname = new URL(href).hostname
      expect(hostname).toBe(host)
      expect(isForbiddenAddress(hostname).forbidden).toBe(true)
    }
  })
})
