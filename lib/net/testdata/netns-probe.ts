// Run by netns.test.ts as `unshare -n node --import tsx netns-probe.ts`: a network namespace with only a
// (down) loopback interface, so even a policy bug could not send a packet anywhere. Prints JSON results.
import { readFileSync } from 'node:fs'
import { safeFetch } from '../safe-fetch'
import type { Resolver } from '../types'

const resolve: Resolver = async (host) => {
  const table: Record<string, string[]> = {
    'intranet.test': ['10.0.0.1'],
    'mixed.test': ['93.184.215.14', '10.0.0.1'],
    'mapped.test': ['::ffff:10.0.0.1'],
    'public.test': ['93.184.215.14'],
  }
  const found = table[host]
  if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
}

const cases: Array<[string, Parameters<typeof safeFetch>[1]]> = [
  ['http://10.0.0.1/', {}],
  ['https://[fd00::1]/', {}],
  ['http://intranet.test/', { resolve }],
  ['http://mixed.test/', { resolve }],
  ['https://mapped.test/', { resolve }],
  ['https://public.test/', { resolve, timeoutMs: 2000 }],
  ['https://93.184.215.14/', { timeoutMs: 2000 }],
  ['https://idp.example.invalid/.well-known/openid-configuration', { timeoutMs: 3000 }],
]

const interfaces = readFileSync('/proc/net/dev', 'utf8')
  .split('\n')
  .slice(2)
  .map((l) => l.split(':')[0]?.trim())
  .filter(Boolean)
const results = []
for (const [url, o] of cases) {
  const r = await safeFetch(url, o)
  results.push({
    url,
    codes: r.ok ? ['OK'] : r.findings.map((f) => f.code),
    actual: r.ok ? undefined : r.findings.map((f) => f.evidence.actual),
  })
}
process.stdout.write(JSON.stringify({ interfaces, results }))
