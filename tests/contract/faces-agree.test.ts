// The faces are thin: the CLI and the /check page (its runCheck, shared with the report API) call the same lib job,
// so the same input gives the same finding codes, over real fixtures of several IdPs, including URLs fetched over
// plain http (where the CLI once dropped NET_NOT_HTTPS).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { runCheck } from '../../app/check/run-check'
import { CheckRequestSchema } from '../../app/check/check-request'
import { main } from '../../lib/cli/main'
import { ReportSchema, type Report } from '../../lib/findings/report'
import { memoryIo, PINNED_NOW, REAL } from '../helpers'

const codes = (r: Report) => r.findings.map((f) => f.code).sort()

async function cli(argv: string[]): Promise<Report> {
  const io = memoryIo()
  const exit = await main([...argv, '--json'], io)
  expect(exit, io.err()).toBeLessThan(2)
  return ReportSchema.parse(JSON.parse(io.out()))
}

async function app(body: Record<string, unknown>): Promise<Report> {
  const outcome = await runCheck(CheckRequestSchema.parse(body))
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.report
}

const metadata = [
  'entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml',
  'entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml',
  'okta/ssoready-okta-app-metadata.xml',
  'other/crewjam-onelogin-503983-idp-metadata.xml',
  'other/wowblacksheep-pingfederate-evaluation-signed-metadata.xml',
  'other/msidentitymodel-adfs-v4-fs.msidlab11.com-metadata.xml',
  'other/crewjam-testshib-metadata-aggregate.xml',
  'sp/tyncode-aws-iam-identity-center-sp-metadata.xml',
].map((f) => join(REAL, 'saml-metadata', f))

describe('metadata: the CLI and /check give the same findings', () => {
  test.each(metadata.map((f) => [f.slice(REAL.length + 1), f]))('%s', async (_name, file) => {
    const values = { spEntityId: 'https://sp.example.com/saml', acsUrl: 'https://sp.example.com/acs' }
    const c = await cli([
      'metadata',
      file,
      '--now',
      PINNED_NOW,
      '--sp-entity-id',
      values.spEntityId,
      '--acs-url',
      values.acsUrl,
    ])
    const a = await app({ kind: 'saml-metadata', xml: readFileSync(file, 'utf8'), now: PINNED_NOW, ...values })
    expect(codes(a)).toEqual(codes(c))
    expect(a.subject.idp).toBe(c.subject.idp)
  })
})

const discovery = [
  ['entra/wellknown-entra-common-v2-openid-configuration.json', 'entra/wellknown-entra-common-v2-jwks.json'],
  ['google/wellknown-google-openid-configuration.json', 'google/wellknown-google-jwks.json'],
  [
    'okta/dockyard-okta-common.okta.com-org-openid-configuration.json',
    'okta/dockyard-okta-common.okta.com-org-jwks.json',
  ],
  [
    'other/dockyard-keycloak-localhost-master-openid-configuration.DERIVED.json',
    'other/dockyard-keycloak-localhost-master-jwks.json',
  ],
].map(([d, j]) => [join(REAL, 'oidc', d!), join(REAL, 'oidc', j!)] as const)

describe('OIDC discovery: the CLI and /check give the same findings', () => {
  test.each(discovery.map(([d, j]) => [d.slice(REAL.length + 1), d, j]))('%s', async (_name, doc, jwks) => {
    const c = await cli(['oidc', doc, '--jwks', jwks, '--now', PINNED_NOW, '--client-id', 'app-1'])
    const a = await app({
      kind: 'oidc-discovery',
      discovery: readFileSync(doc, 'utf8'),
      jwks: readFileSync(jwks, 'utf8'),
      now: PINNED_NOW,
      clientId: 'app-1',
      profile: 'generic',
    })
    expect(codes(a)).toEqual(codes(c))
  })
})

const responses = [
  [
    'okta/ssoready-okta-response.xml',
    'saml-metadata/okta/ssoready-okta-app-metadata.xml',
    'okta/ssoready-okta-response.params.json',
  ],
  [
    'entra/ssoready-entra-response.xml',
    'saml-metadata/entra/ssoready-entra-app-federationmetadata.xml',
    'entra/ssoready-entra-response.params.json',
  ],
  [
    'other/ssoready-google-response.xml',
    'saml-metadata/other/ssoready-google-idp-metadata.xml',
    'other/ssoready-google-response.params.json',
  ],
] as const

describe('SAML responses: the CLI and /check give the same findings', () => {
  test.each(
    responses.map(([r, m, p]) => [r, join(REAL, 'saml-responses', r), join(REAL, m), join(REAL, 'saml-responses', p)]),
  )('%s', async (_name, response, md, paramsFile) => {
    const params = JSON.parse(readFileSync(paramsFile, 'utf8')) as { sp_entity_id: string; now: string }
    for (const profile of ['autodesk', 'generic']) {
      const c = await cli([
        'response',
        response,
        '--idp-metadata',
        md,
        '--now',
        params.now,
        '--sp-entity-id',
        params.sp_entity_id,
        '--profile',
        profile,
      ])
      const a = await app({
        kind: 'saml-response',
        response: readFileSync(response, 'utf8'),
        idpMetadata: readFileSync(md, 'utf8'),
        now: params.now,
        spEntityId: params.sp_entity_id,
        profile,
      })
      expect(codes(a), profile).toEqual(codes(c))
      expect(c.findings.length, profile).toBeGreaterThan(0)
    }
  })
})

describe('documents fetched over plain http: both faces keep what the fetch noticed', () => {
  let server: Server
  let base = ''
  beforeAll(async () => {
    vi.stubEnv('SSO_PREFLIGHT_ALLOW_LOOPBACK', '1')
    const okta = readFileSync(join(REAL, 'saml-metadata', 'okta', 'ssoready-okta-app-metadata.xml'))
    server = createServer((req, res) => {
      if (req.url === '/metadata.xml') {
        res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' })
        res.end(okta)
      } else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
    await new Promise((resolve) => server.close(resolve))
  })
  test('metadata URL: NET_NOT_HTTPS and the metadata checks, from the CLI as from /check', async () => {
    const c = await cli(['metadata', `${base}/metadata.xml`, '--now', PINNED_NOW])
    const a = await app({ kind: 'saml-metadata', url: `${base}/metadata.xml`, now: PINNED_NOW })
    expect(codes(c)).toContain('NET_NOT_HTTPS')
    expect(c.subject.idp).toBe('okta')
    expect(codes(a)).toEqual(codes(c))
  })
  test('an unreachable metadata URL is a finding in both faces, not a crash', async () => {
    const c = await cli(['metadata', `${base}/missing.xml`, '--now', PINNED_NOW])
    const a = await app({ kind: 'saml-metadata', url: `${base}/missing.xml`, now: PINNED_NOW })
    expect(codes(c).some((code) => code.startsWith('NET_'))).toBe(true)
    expect(codes(a)).toEqual(codes(c))
  })
})
