import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runProbe, send } from './load'
import {
  acsForm,
  attributeFloodXml,
  deepBundleText,
  hostileProbes,
  longInResponseToXml,
  multipart,
  MULTIPART_TYPE,
  namespaceFloodXml,
} from './payloads'

// The generators must build what issue 7's table describes (or the load test and the bench measure something else),
// and the judge must tell a refusal from a 5xx, a reset and a stall.

describe('hostile payloads', () => {
  test('the XML floods have the shapes and sizes of the issue', () => {
    const ns = namespaceFloodXml(10_000)
    expect(ns.match(/ xmlns:n\d+=/g)).toHaveLength(10_000)
    expect(ns.match(/<n\d+:e xmlns:m\d+=/g)).toHaveLength(10_000)
    expect(ns.length).toBeGreaterThan(300_000)
    const attrs = attributeFloodXml(100_000)
    expect(attrs.match(/ a\d+="v"/g)).toHaveLength(100_000)
    expect(attrs.length).toBeGreaterThan(900_000)
    const irt = /InResponseTo="([^"]*)"/.exec(longInResponseToXml(100_000))![1]!
    expect(irt).toHaveLength(100_000)
  })

  test('the ACS form carries the XML as base64 in SAMLResponse', () => {
    const form = new URLSearchParams(acsForm('<x/>', 'rs').toString('utf8'))
    expect(Buffer.from(form.get('SAMLResponse')!, 'base64').toString('utf8')).toBe('<x/>')
    expect(form.get('RelayState')).toBe('rs')
  })

  test('the deep bundle nests as deep as asked, and the multipart body parses as form data', async () => {
    const text = deepBundleText(1000)
    expect(text).toContain(`"deep":${'['.repeat(1000)}]`)
    expect(text).not.toContain('['.repeat(1001))
    const body = multipart({ text: 'hello', profile: 'generic' }, { name: 'a.har', content: Buffer.from('file-bytes') })
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': MULTIPART_TYPE },
      body: new Uint8Array(body),
    }).formData()
    expect(form.get('text')).toBe('hello')
    expect(await (form.get('file') as File).text()).toBe('file-bytes')
  })

  test('every probe has a body size in bounds for a quick run at a small scale', () => {
    const probes = hostileProbes({ port: 1, scale: 0.01, oversizedBytes: 1024, hugeJsonBytes: 1024 })
    expect(new Set(probes.map((p) => p.name)).size).toBe(probes.length)
    expect(probes.find((p) => p.name === 'connections-foreign-host')!.headers.host).toBe('rebind.evil.example:1')
    for (const p of probes) expect(p.body?.length ?? 0).toBeLessThan(200_000)
  })
})

describe('judging the answers', () => {
  let server: Server
  let port = 0
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/413') {
        res.writeHead(413).end('too large')
        return
      } // answers before reading the body
      if (req.url === '/500') {
        res.writeHead(500).end()
        return
      }
      if (req.url === '/201') {
        res.writeHead(201).end('{}')
        return
      }
      if (req.url === '/findings') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ reports: [{ findings: [{ code: 'X' }] }] }))
        return
      }
      if (req.url === '/reset') {
        req.socket.destroy()
        return
      }
      // /stall: never answers
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as { port: number }).port
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  })

  const probe = (path: string, accept: 'refuse' | 'refuse-or-findings' = 'refuse-or-findings', body?: Buffer) => ({
    name: path,
    method: 'POST' as const,
    path,
    headers: {},
    accept,
    ...(body ? { body } : {}),
  })

  test('a 4xx is a refusal, even when it comes while a large body is still being sent', async () => {
    expect(await runProbe(port, probe('/413', 'refuse', Buffer.alloc(8 * 1024 * 1024)))).toMatchObject({
      ok: true,
      status: 413,
    })
  })

  test('a 5xx, a reset and a stall are failures; so is an acceptance where only a refusal is right', async () => {
    expect(await runProbe(port, probe('/500'))).toMatchObject({ ok: false, status: 500 })
    expect((await runProbe(port, probe('/reset'))).ok).toBe(false)
    expect(await runProbe(port, probe('/stall'), 300)).toMatchObject({ ok: false, error: 'no answer within 300 ms' })
    expect(await runProbe(port, probe('/201', 'refuse'))).toMatchObject({ ok: false, status: 201 })
    expect(await runProbe(port, probe('/findings'))).toMatchObject({ ok: true, status: 200 })
  })

  test('send() keeps the status and the start of the body', async () => {
    const a = await send(port, 'GET', '/413', {}, undefined, 2000)
    expect(a.status).toBe(413)
    expect(a.body).toBe('too large')
  })
})
