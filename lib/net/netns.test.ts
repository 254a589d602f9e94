import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

// Connect-level cases run in a child process inside `unshare -n`: a network namespace whose only interface is
// loopback, so the real socket path (DNS, lookup hook, connect) is exercised without any packet leaving.
const probe = fileURLToPath(new URL('./testdata/netns-probe.ts', import.meta.url))
const unshareWorks = spawnSync('unshare', ['-n', 'true']).status === 0
if (!unshareWorks)
  console.warn(
    'netns.test.ts: SKIPPED — `unshare -n` is unavailable (needs root or user namespaces); connect-level SSRF cases did not run',
  )

interface ProbeOutput {
  interfaces: string[]
  results: { url: string; codes: string[]; actual?: unknown[] }[]
}

describe.skipIf(!unshareWorks)('inside a loopback-only network namespace', () => {
  test('forbidden targets are refused before connecting; public ones reach connect() and find no route', () => {
    const out = execFileSync('unshare', ['-n', process.execPath, '--import', 'tsx', probe], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    const { interfaces, results } = JSON.parse(out) as ProbeOutput
    expect(interfaces).toEqual(['lo'])
    const byUrl = Object.fromEntries(results.map((r) => [r.url, [r.codes, r.actual]]))
    // The system resolver cannot reach any name server from here: it fails fast (or, on some set-ups, times out).
    const dns = byUrl['https://idp.example.invalid/.well-known/openid-configuration']
    expect(dns?.[0]).toEqual([expect.stringMatching(/^NET_(DNS_FAILURE|TIMEOUT)$/)])
    delete byUrl['https://idp.example.invalid/.well-known/openid-configuration']
    expect(byUrl).toEqual({
      'http://10.0.0.1/': [['NET_PRIVATE_ADDRESS'], ['10.0.0.1']],
      'https://[fd00::1]/': [['NET_PRIVATE_ADDRESS'], ['fd00:0:0:0:0:0:0:1']],
      'http://intranet.test/': [['NET_PRIVATE_ADDRESS'], ['10.0.0.1']],
      'http://mixed.test/': [['NET_PRIVATE_ADDRESS'], ['10.0.0.1']],
      'https://mapped.test/': [['NET_PRIVATE_ADDRESS'], ['0:0:0:0:0:ffff:a00:1']],
      // The policy let these through; the namespace has no route, so connect() fails locally.
      'https://public.test/': [['NET_CONNECT_FAILED'], ['ENETUNREACH']],
      'https://93.184.215.14/': [['NET_CONNECT_FAILED'], ['ENETUNREACH']],
    })
  })
})
