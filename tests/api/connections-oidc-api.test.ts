import './store-env'
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { GET } from '@/app/api/connections/[id]/route'
import { POST } from '@/app/api/connections/route'

// An OIDC issuer on loopback serving real Okta documents with its own issuer and jwks_uri rewritten to itself.
const FIXTURES = new URL('../../../shared/fixtures/real/oidc/okta/', import.meta.url)
const discovery = JSON.parse(
  readFileSync(new URL('dockyard-okta-common.okta.com-org-openid-configuration.json', FIXTURES), 'utf8'),
) as Record<string, unknown>
const jwks = readFileSync(new URL('dockyard-okta-common.okta.com-org-jwks.json', FIXTURES), 'utf8')
let server: Server
let issuer = ''

beforeAll(async () => {
  process.env.SSO_PREFLIGHT_ALLOW_LOOPBACK = '1'
  server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...discovery, issuer, jwks_uri: `${issuer}/keys` }))
    } else if (req.url === '/keys') res.writeHead(200, { 'content-type': 'application/json' }).end(jwks)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(async () => {
  delete process.env.SSO_PREFLIGHT_ALLOW_LOOPBACK
  await new Promise((resolve) => server.close(resolve))
})

describe('POST /api/connections (OIDC)', () => {
  test('an OIDC connection keeps issuer and client ID, never a secret, and gets the redirect URI', async () => {
    const res = await POST(
      new Request('http://localhost:3106/api/connections', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: 'oidc', profileId: 'generic', issuer, clientId: '0oa-test-client' }),
      }),
    )
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body.redirectUri).toBe('http://localhost:3106/oidc/callback')
    if (body.staticReport) expect(body.staticReport.subject.kind).toBe('oidc-discovery')
    const detail = await (
      await GET(new Request(`http://localhost:3106/api/connections/${body.id}`), {
        params: Promise.resolve({ id: body.id }),
      })
    ).json()
    expect(detail.connection).toMatchObject({ protocol: 'oidc', profileId: 'generic' })
    expect(detail.connection.config).toEqual({ issuer, clientId: '0oa-test-client' })
    expect(detail.goNoGo.verdict).not.toBe('go')
  })
})
