import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeCustomFetch, netFindingsOf, SafeFetchError } from './custom-fetch'
import { allowLoopbackForTests } from './types'

let server: Server
let base = ''
const seen: { method?: string; url?: string; body: string; contentType?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString()
    })
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, body, contentType: req.headers['content-type'] })
      if (req.url === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json')
        res.end(
          JSON.stringify({
            issuer: base,
            authorization_endpoint: `${base}/authorize`,
            token_endpoint: `${base}/token`,
            jwks_uri: 'http://169.254.169.254/latest/meta-data/',
            response_types_supported: ['code'],
          }),
        )
      } else if (req.url === '/token') {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end('{"error":"invalid_grant"}')
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: 'http://10.0.0.1/' })
        res.end()
      } else if (req.url === '/empty') {
        res.writeHead(204)
        res.end()
      } else {
        res.writeHead(404)
        res.end()
      }
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((r) => server.close(r))
})

const loopbackFetch = makeCustomFetch({ [allowLoopbackForTests]: true })

describe('makeCustomFetch: a fetch for openid-client that goes through the policy', () => {
  test('returns a web Response with status, headers and body; errors stay Responses', async () => {
    const ok = await loopbackFetch(`${base}/.well-known/openid-configuration`)
    expect(ok).toBeInstanceOf(Response)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('application/json')
    expect(((await ok.json()) as { issuer: string }).issuer).toBe(base)
    const bad = await loopbackFetch(`${base}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x' }),
    })
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'invalid_grant' }])
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/token',
      body: 'grant_type=authorization_code&code=x',
      contentType: expect.stringContaining('application/x-www-form-urlencoded'),
    })
    expect((await loopbackFetch(`${base}/empty`)).status).toBe(204)
  })

  test('redirect: manual hands back the 3xx; a followed redirect to a private address rejects with the finding', async () => {
    const manual = await loopbackFetch(`${base}/moved`, { redirect: 'manual' })
    expect([manual.status, manual.headers.get('location')]).toEqual([302, 'http://10.0.0.1/'])
    const err = await loopbackFetch(`${base}/moved`).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SafeFetchError)
    expect(
      (err as SafeFetchError).findings.map(({ code, owner, evidence }) => ({ code, owner, actual: evidence.actual })),
    ).toEqual([{ code: 'NET_PRIVATE_ADDRESS', owner: 'idp', actual: '10.0.0.1' }])
  })

  test('without the allowance, loopback rejects', async () => {
    const err = await makeCustomFetch()(`${base}/.well-known/openid-configuration`).catch((e: unknown) => e)
    expect((err as SafeFetchError).findings?.[0]?.code).toBe('NET_LOOPBACK_ADDRESS')
  })

  test('openid-client discovery runs through it, and its jwks_uri to a metadata address is refused', async () => {
    const config = await client.discovery(new URL(base), 'client-1', 'secret', undefined, {
      [client.customFetch]: loopbackFetch,
      execute: [client.allowInsecureRequests],
    })
    expect(config.serverMetadata().issuer).toBe(base)
    config[client.customFetch] = loopbackFetch
    const err = await client
      .fetchProtectedResource(config, 'token', new URL(config.serverMetadata().jwks_uri ?? ''), 'GET')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(client.ClientError)
    expect(netFindingsOf(err)?.map((f) => f.code)).toEqual(['NET_METADATA_SERVICE_ADDRESS'])
    expect(netFindingsOf(new Error('unrelated'))).toBeUndefined()
  })
})
