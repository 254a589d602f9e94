// `sso-preflight login --connection <id> --app-url <url>` against the app's real connection routes, served on a free
// loopback port behind a small stand-in for the team gate (Bearer → store.apiTokens.verify), and the mock IdP.
import '../api/store-env'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { GET as getConnection } from '@/app/api/connections/[id]/route'
import { GET as getIdpMetadata } from '@/app/api/connections/[id]/idp-metadata/route'
import { startMockIdp, type MockIdp } from '../../e2e/mock-idp/server'
import { VENDOR_ACS_URL, VENDOR_SP_ENTITY_ID } from '../../e2e/mock-idp/harness'
import { main } from '@/lib/cli/main'
import type { CliIo } from '@/lib/cli/io'
import { ReportSchema } from '@/lib/findings/report'
import { getStore } from '@/lib/store'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '@/lib/testlogin/demo'

let idp: MockIdp
let app: Server
let appUrl: string
let token: string
const ids: Record<'pasted' | 'byUrl' | 'oidc' | 'noSpId', string> = { pasted: '', byUrl: '', oidc: '', noSpId: '' }
const requests: { path: string; authorization: string | undefined }[] = []

/** The app's routes as a server would run them, with the gate's Bearer check in front (the gate is another part). */
function serveApp(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push({ path: url.pathname, authorization: req.headers.authorization })
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
    const principal = bearer ? await (await getStore()).apiTokens.verify(bearer) : null
    const m = /^\/api\/connections\/([^/]+)(\/idp-metadata)?$/.exec(url.pathname)
    let answer: Response
    if (!principal) answer = Response.json({ error: 'ERR_UNAUTHENTICATED' }, { status: 401 })
    else if (!m) answer = Response.json({ error: 'ERR_NOT_FOUND' }, { status: 404 })
    else {
      const request = new Request(url.href.replace('http://127.0.0.1', appUrl))
      const params = { params: Promise.resolve({ id: decodeURIComponent(m[1]!) }) }
      answer = m[2] ? await getIdpMetadata(request, params) : await getConnection(request, params)
    }
    res.writeHead(answer.status, Object.fromEntries(answer.headers))
    res.end(Buffer.from(await answer.arrayBuffer()))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        stdout += s
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s
      },
    },
    env: {
      SSO_PREFLIGHT_API_TOKEN: token,
      SSO_PREFLIGHT_USERNAME: 'ok@demo.test',
      SSO_PREFLIGHT_PASSWORD: 'any',
      ...env,
    },
    readFile: () => Promise.reject(new Error('no files here')),
  }
  const code = await main(['login', ...args], io)
  return { code, stdout, stderr }
}
const login = async (id: string, extra: string[] = [], env: Record<string, string | undefined> = {}) => {
  const r = await cli(['--connection', id, '--app-url', appUrl, '--format', 'json', ...extra], env)
  return { ...r, report: r.stdout ? ReportSchema.parse(JSON.parse(r.stdout)) : undefined }
}
const errorCodes = (r: { report?: { findings: { severity: string; code: string }[] } }) =>
  r.report?.findings.filter((f) => f.severity === 'error').map((f) => f.code)

beforeAll(async () => {
  vi.stubEnv('SSO_PREFLIGHT_ALLOW_LOOPBACK', '1') // the mock IdP and the app are on this machine
  app = await serveApp()
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
  vi.stubEnv('MOCK_IDP_REDIRECT_URIS', `${appUrl}/oidc/callback`) // the app's redirect URI, registered at the IdP
  idp = await startMockIdp({ port: 0 })
  const store = await getStore()
  const metadata = await (await fetch(idp.samlMetadataUrl)).text()
  ids.pasted = (
    await store.connections.create({
      name: 'pasted',
      protocol: 'saml',
      profileId: 'autodesk',
      config: { idpMetadataXml: metadata, spEntityId: VENDOR_SP_ENTITY_ID, acsUrl: VENDOR_ACS_URL },
    })
  ).id
  ids.byUrl = (
    await store.connections.create({
      name: 'by URL',
      protocol: 'saml',
      profileId: 'generic',
      config: { metadataUrl: idp.samlMetadataUrl, spEntityId: 'https://sp.example.com/ci' },
    })
  ).id
  ids.oidc = (
    await store.connections.create({
      name: 'oidc',
      protocol: 'oidc',
      profileId: 'generic',
      config: { issuer: idp.oidcIssuer, clientId: DEMO_CLIENT_ID },
    })
  ).id
  ids.noSpId = (
    await store.connections.create({
      name: 'no SP id',
      protocol: 'saml',
      profileId: 'generic',
      config: { metadataUrl: idp.samlMetadataUrl },
    })
  ).id
  token = (await store.apiTokens.create({ workspaceId: 'local', name: 'CI', scopes: ['run'] })).token
}, 120_000)
afterAll(async () => {
  vi.unstubAllEnvs()
  await new Promise((resolve) => app?.close(resolve))
  await idp?.close()
})

describe('login --connection', () => {
  test('SAML with pasted metadata: the values come from the app with the Bearer token; a passing login exits 0', async () => {
    requests.length = 0
    const r = await login(ids.pasted)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.report?.subject.kind).toBe('saml-test-login')
    expect(errorCodes(r)).toEqual([])
    expect(requests.map((q) => q.path)).toEqual([
      `/api/connections/${ids.pasted}`,
      `/api/connections/${ids.pasted}/idp-metadata`,
    ])
    expect(requests.every((q) => q.authorization === `Bearer ${token}`)).toBe(true)
  })

  test('SAML with a metadata URL; --scenario picks a failing login: exit 1 with its finding', async () => {
    expect((await login(ids.byUrl)).code).toBe(0)
    const bad = await login(ids.byUrl, ['--scenario', 'wrong-audience'])
    expect(bad.code).toBe(1)
    expect(errorCodes(bad)?.length).toBeGreaterThan(0)
  })

  test('OIDC: issuer and client ID from the app, the client secret from the environment', async () => {
    const r = await login(ids.oidc, [], { SSO_PREFLIGHT_CLIENT_SECRET: DEMO_CLIENT_SECRET })
    expect(r.stderr).toBe('')
    expect(r.report?.subject.kind).toBe('oidc-test-login')
    expect(errorCodes(r)).toEqual([])
    expect(r.code).toBe(0)
  })

  test("a connection without the vendor's SP entity ID is a finding, exit 1", async () => {
    const r = await login(ids.noSpId)
    expect(r.code).toBe(1)
    expect(errorCodes(r)).toEqual(['SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING'])
  })

  test('a revoked token: exit 2, "token refused (revoked, expired or wrong workspace)", nothing on stdout', async () => {
    const store = await getStore()
    const revoked = await store.apiTokens.create({ workspaceId: 'local', name: 'old', scopes: ['run'] })
    await store.apiTokens.revoke('local', revoked.info.id)
    const r = await login(ids.pasted, [], { SSO_PREFLIGHT_API_TOKEN: revoked.token })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^sso-preflight login: token refused \(revoked, expired or wrong workspace\)/)
    expect(r.stderr).not.toContain(revoked.token)
  })

  test('an unknown connection: exit 2, "no such connection in this token\'s workspace"', async () => {
    const r = await login('AAAAAAAAAAAAAAAAAAAAAA')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no such connection in this token's workspace/)
  })

  test('no token in the environment says which variable to set', async () => {
    const r = await login(ids.pasted, [], { SSO_PREFLIGHT_API_TOKEN: undefined })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/set SSO_PREFLIGHT_API_TOKEN/)
  })

  test('an ID that begins with "-" is still the --connection value', async () => {
    const store = await getStore()
    let dashed = ''
    // Make IDs until one begins with '-' (1 in 64); deleted again so the list stays as it was.
    for (let i = 0; i < 2000 && !dashed; i++) {
      const c = await store.connections.create({
        name: 'dash',
        protocol: 'saml',
        profileId: 'generic',
        config: { metadataUrl: idp.samlMetadataUrl, spEntityId: 'https://sp.example.com/ci' },
      })
      if (c.id.startsWith('-')) dashed = c.id
      else await store.connections.delete(c.id)
    }
    expect(dashed).not.toBe('')
    const r = await login(dashed)
    expect([r.code, r.stderr]).toEqual([0, ''])
  })

  test('usage errors: the token is never a flag; --app-url is required, an http URL off this machine is refused', async () => {
    expect((await cli(['--connection', ids.pasted, '--app-url', appUrl, '--token', token])).code).toBe(2)
    const noUrl = await cli(['--connection', ids.pasted])
    expect([noUrl.code, noUrl.stderr]).toEqual([2, expect.stringMatching(/--app-url is required/)])
    requests.length = 0
    const plain = await cli(['--connection', ids.pasted, '--app-url', 'http://preflight.example.com'])
    expect([plain.code, plain.stderr]).toEqual([2, expect.stringMatching(/use https/)])
    const app404 = await cli(['--connection', ids.pasted, '--app-url', 'http://127.0.0.1:9'])
    expect([app404.code, app404.stderr]).toEqual([2, expect.stringMatching(/cannot reach the app/)])
    expect(requests).toEqual([])
  })

  test.each([
    ['a redirect (a gate sending the token to sign-in) is not followed', 302, /redirect \(to sign-in\?\)/],
    ['a server error', 503, /the app answered 503/],
    ['an answer that is not a saved connection', 200, /is not a saved connection; is --app-url an SSO Preflight app\?/],
  ])('%s: exit 2 with a message', async (_name, status, message) => {
    const seen: (string | undefined)[] = []
    const other = createServer((req, res) => {
      seen.push(req.url)
      if (status === 302) res.writeHead(302, { location: 'http://127.0.0.1:9/sign-in' }).end()
      else res.writeHead(status, { 'content-type': 'application/json' }).end('{"hello":"world"}')
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    try {
      const r = await cli([
        '--connection',
        ids.pasted,
        '--app-url',
        `http://127.0.0.1:${(other.address() as AddressInfo).port}/preflight`,
      ])
      expect([r.code, r.stdout]).toEqual([2, ''])
      expect(r.stderr).toMatch(message)
      expect(seen).toEqual([`/preflight/api/connections/${ids.pasted}`])
    } finally {
      await new Promise((resolve) => other.close(resolve))
    }
  })
})
