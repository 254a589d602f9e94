import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { loopbackAllowedByEnv } from './env'
import { checkResolvedAddresses } from './policy'
import { fetchBytes, safeFetch } from './safe-fetch'
import { allowLoopbackForTests, type Resolver, type SafeFetchOptions } from './types'

// Every test talks to this loopback server only. Names resolve through an injected resolver that maps them to
// loopback or to forbidden addresses (refused before any socket is opened), never to a reachable non-loopback host.
type Handler = (req: IncomingMessage, res: ServerResponse) => void
const routes = new Map<string, Handler>()
let hits: string[] = []
let server: Server
let base = ''
let port = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '')
    const h = routes.get((req.url ?? '').split('?')[0] ?? '')
    if (h) h(req, res)
    else {
      res.statusCode = 404
      res.end('not found')
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})
beforeEach(() => {
  hits = []
})

const LOOPBACK = { [allowLoopbackForTests]: true } as const satisfies SafeFetchOptions
const resolver =
  (map: Record<string, string[]>): Resolver =>
  async (host) => {
    const found = map[host]
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
const brief = (fs: { code: string; owner: string; evidence: Record<string, unknown> }[]) =>
  fs.map(({ code, owner, evidence }) => ({ code, owner, evidence }))
const redirectTo =
  (location: string, status = 302): Handler =>
  (_q, res) => {
    res.writeHead(status, { location })
    res.end()
  }

routes.set('/doc', (_q, res) => {
  res.setHeader('content-type', 'application/json')
  res.end('{"ok":true}')
})

describe('the address policy at fetch time', () => {
  test('loopback is refused by default, before any request reaches the server', async () => {
    const r = await safeFetch(`${base}/doc`)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(brief(r.findings)).toEqual([
      {
        code: 'NET_LOOPBACK_ADDRESS',
        owner: 'idp',
        evidence: {
          expected: 'a public IP address',
          actual: '127.0.0.1',
          where: `${base}/doc`,
          host: '127.0.0.1',
          reason: 'loopback (127.0.0.0/8)',
        },
      },
    ])
    expect(hits).toEqual([])
  })

  test('a host name resolving to loopback is refused too', async () => {
    const r = await safeFetch(`http://localhost:${port}/doc`, { resolve: resolver({ localhost: ['127.0.0.1'] }) })
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toContain('NET_LOOPBACK_ADDRESS')
    expect(hits).toEqual([])
  })

  test('the unique-symbol allowance lets loopback through; JSON cannot set it', async () => {
    const ok = await safeFetch(`${base}/doc`, LOOPBACK)
    expect(ok).toMatchObject({ ok: true, status: 200, body: '{"ok":true}', finalUrl: `${base}/doc`, redirects: [] })
    expect(ok.ok && ok.findings.map((f) => f.code)).toEqual(['NET_NOT_HTTPS'])
    const fromJson = JSON.parse('{"allowLoopbackForTests": true, "[allowLoopbackForTests]": true}') as SafeFetchOptions
    const refused = await safeFetch(`${base}/doc`, fromJson)
    expect(refused.ok).toBe(false)
    expect(hits).toEqual(['/doc'])
  })

  test.each([
    ['10.0.0.1', 'NET_PRIVATE_ADDRESS'],
    ['192.168.0.10', 'NET_PRIVATE_ADDRESS'],
    ['100.64.1.1', 'NET_PRIVATE_ADDRESS'],
    ['169.254.169.254', 'NET_METADATA_SERVICE_ADDRESS'],
    ['fd00:ec2::254', 'NET_METADATA_SERVICE_ADDRESS'],
    ['::ffff:127.0.0.1', 'NET_PRIVATE_ADDRESS'],
    ['fe80::1', 'NET_PRIVATE_ADDRESS'],
    ['0.0.0.0', 'NET_RESERVED_ADDRESS'],
  ])('a name resolving to %s is refused in lookup (%s), even with loopback allowed', async (address, code) => {
    const r = await safeFetch('https://idp.test/.well-known/openid-configuration', {
      ...LOOPBACK,
      resolve: resolver({ 'idp.test': [address] }),
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(brief(r.findings)).toEqual([
      {
        code,
        owner: 'idp',
        evidence: expect.objectContaining({
          actual: expect.any(String),
          host: 'idp.test',
          expected: 'a public IP address',
        }),
      },
    ])
  })

  test('every resolved address must pass: loopback plus private is refused (no first-answer gap)', async () => {
    const r = await safeFetch(`http://mixed.test:${port}/doc`, {
      ...LOOPBACK,
      resolve: resolver({ 'mixed.test': ['127.0.0.1', '10.0.0.1'] }),
    })
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      {
        code: 'NET_PRIVATE_ADDRESS',
        owner: 'idp',
        evidence: expect.objectContaining({ actual: '10.0.0.1', host: 'mixed.test' }),
      },
    ])
    expect(hits).toEqual([])
  })

  test('DNS rebinding: each connection uses the very answer that was checked, resolved once per hop', async () => {
    const answers = [['127.0.0.1'], ['10.0.0.1']]
    const asked: string[] = []
    const rebinding: Resolver = async (host) => {
      asked.push(host)
      return (answers[asked.length - 1] ?? ['10.0.0.1']).map((address) => ({ address, family: 4 as const }))
    }
    routes.set('/rebind-self', redirectTo(`http://rebind.test:${port}/doc`))
    const r = await safeFetch(`http://rebind.test:${port}/rebind-self`, { ...LOOPBACK, resolve: rebinding })
    expect(r.ok ? [] : r.findings.map((f) => [f.code, f.evidence.actual])).toEqual([
      ['NET_PRIVATE_ADDRESS', '10.0.0.1'],
    ])
    expect(asked).toEqual(['rebind.test', 'rebind.test'])
    expect(hits).toEqual(['/rebind-self'])
  })

  test('literal IP hosts in odd notations are refused as what they are', async () => {
    for (const [url, code] of [
      ['http://2130706433/', 'NET_LOOPBACK_ADDRESS'],
      ['http://0x7f.1/', 'NET_LOOPBACK_ADDRESS'],
      ['http://0177.0.0.1/', 'NET_LOOPBACK_ADDRESS'],
      ['http://[::ffff:7f00:1]/', 'NET_PRIVATE_ADDRESS'],
      ['http://[64:ff9b::a00:1]/', 'NET_PRIVATE_ADDRESS'],
      ['http://[::1]/', 'NET_LOOPBACK_ADDRESS'],
      ['http://0xa9fea9fe/latest/meta-data/', 'NET_METADATA_SERVICE_ADDRESS'],
      ['http://[fe80::1]/', 'NET_PRIVATE_ADDRESS'],
      ['http://255.255.255.255/', 'NET_RESERVED_ADDRESS'],
    ] as const) {
      const r = await safeFetch(url)
      expect(r.ok ? [] : r.findings.map((f) => f.code), url).toContain(code)
    }
  })

  test('with the env switch set, loopback is allowed but private ranges never are (pure policy)', () => {
    expect(loopbackAllowedByEnv({ SSO_PREFLIGHT_ALLOW_LOOPBACK: '1' })).toBe(true)
    expect(loopbackAllowedByEnv({ SSO_PREFLIGHT_ALLOW_LOOPBACK: 'yes' })).toBe(false)
    expect(loopbackAllowedByEnv({})).toBe(false)
    const policy = { allowLoopback: loopbackAllowedByEnv({ SSO_PREFLIGHT_ALLOW_LOOPBACK: '1' }) }
    expect(checkResolvedAddresses('h', ['127.0.0.1', '::1'], policy)).toBeUndefined()
    expect(checkResolvedAddresses('h', ['127.0.0.1', '10.0.0.1'], policy)?.code).toBe('NET_PRIVATE_ADDRESS')
    expect(checkResolvedAddresses('h', ['8.8.8.8', '169.254.169.254'], policy)?.code).toBe(
      'NET_METADATA_SERVICE_ADDRESS',
    )
    expect(checkResolvedAddresses('h', ['8.8.8.8', '2606:4700:4700::1111'], { allowLoopback: false })).toBeUndefined()
  })
})

describe('redirects are followed by hand and every hop is checked again', () => {
  routes.set('/to-private', redirectTo('http://10.0.0.1/metadata'))
  routes.set('/to-imds', redirectTo('http://169.254.169.254/latest/meta-data/iam/security-credentials/'))
  routes.set('/to-mapped', redirectTo('http://[::ffff:127.0.0.1]/doc'))
  routes.set('/to-file', redirectTo('file:///etc/passwd'))
  routes.set('/to-rebind', (_q, res) => {
    res.writeHead(307, { location: `http://rebind.test:${port}/doc` })
    res.end()
  })
  routes.set('/hop', (req, res) => {
    const n = Number(new URL(req.url ?? '', base).searchParams.get('n'))
    if (n > 0) {
      res.writeHead(302, { location: `/hop?n=${n - 1}` })
      res.end()
    } else routes.get('/doc')?.(req, res)
  })
  routes.set('/loop', redirectTo('/loop', 301))

  test.each([
    ['/to-private', 'NET_PRIVATE_ADDRESS', '10.0.0.1'],
    ['/to-imds', 'NET_METADATA_SERVICE_ADDRESS', '169.254.169.254'],
    ['/to-mapped', 'NET_PRIVATE_ADDRESS', '0:0:0:0:0:ffff:7f00:1'],
  ])('a redirect from an allowed loopback server to %s is refused', async (path, code, actual) => {
    const r = await safeFetch(`${base}${path}`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      { code, owner: 'idp', evidence: expect.objectContaining({ actual }) },
    ])
    expect(hits).toEqual([path])
  })

  test('a redirect to a name that now resolves to a private address is refused (re-resolved per hop)', async () => {
    const r = await safeFetch(`${base}/to-rebind`, { ...LOOPBACK, resolve: resolver({ 'rebind.test': ['10.9.8.7'] }) })
    expect(r.ok ? [] : r.findings.map((f) => [f.code, f.evidence.actual])).toContainEqual([
      'NET_PRIVATE_ADDRESS',
      '10.9.8.7',
    ])
    expect(hits).toEqual(['/to-rebind'])
  })

  test('a redirect to file: is refused', async () => {
    const r = await safeFetch(`${base}/to-file`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      {
        code: 'NET_SCHEME_NOT_ALLOWED',
        owner: 'idp',
        evidence: { expected: ['https:', 'http:'], actual: 'file:', where: 'file:///etc/passwd' },
      },
    ])
  })

  test('five redirects are followed and listed', async () => {
    const r = await safeFetch(`${base}/hop?n=5`, LOOPBACK)
    expect(r.ok && r.redirects.length).toBe(5)
    expect(r.ok && r.finalUrl).toBe(`${base}/hop?n=0`)
  })

  test('a sixth redirect is one too many', async () => {
    const r = await safeFetch(`${base}/hop?n=6`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      {
        code: 'NET_TOO_MANY_REDIRECTS',
        owner: 'idp',
        evidence: expect.objectContaining({ expected: 'at most 5 redirects', where: `${base}/hop?n=6` }),
      },
    ])
    expect(hits).toHaveLength(6)
  })

  test('a redirect loop ends at the cap', async () => {
    const r = await safeFetch(`${base}/loop`, { ...LOOPBACK, maxRedirects: 2 })
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toContain('NET_TOO_MANY_REDIRECTS')
    expect(hits).toHaveLength(3)
  })

  test('followRedirects: false hands the 3xx back', async () => {
    const r = await fetchBytes(`${base}/to-private`, { ...LOOPBACK, followRedirects: false })
    expect(r.ok && [r.status, r.headers.location]).toEqual([302, 'http://10.0.0.1/metadata'])
  })
})

describe('size, time and status caps', () => {
  routes.set('/declared-huge', (_q, res) => {
    res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) })
    res.write('x')
  })
  routes.set('/streamed-huge', (_q, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = Buffer.alloc(64 * 1024, 120)
    let sent = 0
    const pump = () => {
      while (sent < 64 && res.write(chunk)) sent++
      if (sent < 64)
        res.once('drain', () => {
          sent++
          pump()
        })
      else res.end()
    }
    pump()
  })
  routes.set('/gzip-bomb', (_q, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' })
    res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0)))
  })
  routes.set('/gzip-small', (_q, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' })
    res.end(gzipSync('{"issuer":"x"}'))
  })
  routes.set('/hang', () => {
    /* never answers */
  })
  routes.set('/drip', (_q, res) => {
    res.writeHead(200)
    const t = setInterval(() => {
      if (!res.write('.')) clearInterval(t)
    }, 50)
    res.on('close', () => clearInterval(t))
  })
  routes.set('/gone', (_q, res) => {
    res.statusCode = 404
    res.end('no such tenant')
  })
  routes.set('/boom', (_q, res) => {
    res.statusCode = 503
    res.end()
  })

  test('a declared Content-Length over the cap is refused before reading', async () => {
    const r = await safeFetch(`${base}/declared-huge`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      {
        code: 'NET_TOO_LARGE',
        owner: 'idp',
        evidence: {
          expected: `at most ${2 * 1024 * 1024} bytes`,
          actual: 10 * 1024 * 1024,
          where: `${base}/declared-huge`,
          maxBytes: 2 * 1024 * 1024,
        },
      },
    ])
  })

  test('a chunked body is counted while streaming and cut at the cap', async () => {
    const r = await safeFetch(`${base}/streamed-huge`, { ...LOOPBACK, maxBytes: 256 * 1024 })
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toContain('NET_TOO_LARGE')
  })

  test('a compressed body is capped after decompression (gzip bomb)', async () => {
    const r = await safeFetch(`${base}/gzip-bomb`, LOOPBACK)
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toContain('NET_TOO_LARGE')
    const small = await safeFetch(`${base}/gzip-small`, LOOPBACK)
    expect(small.ok && small.body).toBe('{"issuer":"x"}')
  })

  test('a server that never answers hits the total time limit', async () => {
    const started = Date.now()
    const r = await safeFetch(`${base}/hang`, { ...LOOPBACK, timeoutMs: 300 })
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      {
        code: 'NET_TIMEOUT',
        owner: 'idp',
        evidence: {
          expected: 'a complete answer within 300 ms',
          actual: 'no complete answer in time',
          where: `${base}/hang`,
          timeoutMs: 300,
        },
      },
    ])
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  test('a resolver that never answers hits the time limit too', async () => {
    const r = await safeFetch('https://slow-dns.test/', { timeoutMs: 200, resolve: () => new Promise(() => {}) })
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toEqual(['NET_TIMEOUT'])
  })

  test("the caller's abort signal ends the fetch as a timeout finding", async () => {
    const r = await safeFetch(`${base}/hang`, { ...LOOPBACK, signal: AbortSignal.timeout(150) })
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toEqual(['NET_TIMEOUT'])
  })

  test('a body that drips forever hits the total time limit too', async () => {
    const r = await safeFetch(`${base}/drip`, { ...LOOPBACK, timeoutMs: 300 })
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toContain('NET_TIMEOUT')
  })

  test.each([
    ['/gone', 404],
    ['/boom', 503],
  ])('%s answers %i: an HTTP error finding with the status', async (path, status) => {
    const r = await safeFetch(`${base}${path}`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      { code: 'NET_HTTP_ERROR', owner: 'idp', evidence: { expected: '2xx', actual: status, where: `${base}${path}` } },
    ])
  })
})

describe('URL, DNS, connect and TLS failures are findings, not throws', () => {
  test.each([
    ['not a url', 'NET_URL_INVALID'],
    ['/relative/path', 'NET_URL_INVALID'],
    ['ftp://idp.example.com/x', 'NET_SCHEME_NOT_ALLOWED'],
    ['javascript:alert(1)', 'NET_SCHEME_NOT_ALLOWED'],
    ['data:application/json,{}', 'NET_SCHEME_NOT_ALLOWED'],
    ['file:///etc/passwd', 'NET_SCHEME_NOT_ALLOWED'],
    ['https://user:secret@idp.example.com/', 'NET_URL_INVALID'],
  ])('%s → %s', async (url, code) => {
    const r = await safeFetch(url)
    expect(r.ok ? [] : r.findings.map((f) => f.code)).toEqual([code])
    expect(JSON.stringify(r)).not.toContain('secret')
  })

  test('a name that does not resolve', async () => {
    const r = await safeFetch('https://no-such-tenant.test/.well-known/openid-configuration', { resolve: resolver({}) })
    expect(r.ok ? [] : brief(r.findings)).toEqual([
      {
        code: 'NET_DNS_FAILURE',
        owner: 'idp',
        evidence: {
          expected: 'the host name resolves',
          actual: 'ENOTFOUND',
          where: 'https://no-such-tenant.test/.well-known/openid-configuration',
          host: 'no-such-tenant.test',
        },
      },
    ])
  })

  test('issue 9: a well-known IdP host that does not resolve is the network running the check, not the IdP', async () => {
    const r = await safeFetch('https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration', {
      resolve: resolver({}),
    })
    expect(r.ok ? [] : brief(r.findings)).toEqual([
      expect.objectContaining({ code: 'NET_DNS_FAILURE_LOCAL_NETWORK', owner: 'end-user' }),
    ])
  })

  test('a closed loopback port', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const closedPort = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const r = await safeFetch(`http://127.0.0.1:${closedPort}/`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings).filter((f) => f.code !== 'NET_NOT_HTTPS')).toEqual([
      {
        code: 'NET_CONNECT_FAILED',
        owner: 'idp',
        evidence: { expected: 'a connection', actual: 'ECONNREFUSED', where: `http://127.0.0.1:${closedPort}/` },
      },
    ])
  })

  test('https to a server that does not speak TLS', async () => {
    const r = await safeFetch(`https://127.0.0.1:${port}/doc`, LOOPBACK)
    expect(r.ok ? [] : brief(r.findings)).toEqual([
      {
        code: 'NET_TLS_ERROR',
        owner: 'idp',
        evidence: {
          expected: 'a trusted TLS certificate for 127.0.0.1',
          actual: 'EPROTO',
          where: `https://127.0.0.1:${port}/doc`,
        },
      },
    ])
  })

  test('the IdP screen is named when the caller knows the IdP', async () => {
    const r = await safeFetch('http://10.0.0.1/', { ctx: { idp: 'entra' } })
    expect(r.ok ? undefined : r.findings.find((f) => f.code === 'NET_PRIVATE_ADDRESS')?.fixAt).toMatch(
      /^Entra admin center/,
    )
  })
})
