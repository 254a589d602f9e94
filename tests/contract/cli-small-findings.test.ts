// Issue 7's small ones, through the shipped bin: each is a finding with the exit code it implies.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseCertificate } from '../../lib/certs/index'
import { ReportSchema } from '../../lib/findings/report'
import * as F from '../../lib/saml/response/testing/fixture'
import { REAL } from '../helpers'

const ROOT = join(__dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'sso-preflight-small-'))
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.mjs', ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SSO_PREFLIGHT_ALLOW_LOOPBACK: '' },
  })
  expect(r.stderr).toBe('')
  const report = ReportSchema.parse(JSON.parse(r.stdout))
  return {
    status: r.status,
    report,
    codes: report.findings.map((f) => f.code),
    of: (code: string) => report.findings.filter((f) => f.code === code),
  }
}

const OKTA_MD = readFileSync(join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml'), 'utf8')
const OKTA_CERT = /<(?:\w+:)?X509Certificate>([^<]+)</.exec(OKTA_MD)![1]!
const OKTA_SSO = /Location="([^"]+)"/.exec(OKTA_MD)![1]!

describe('a discovery document naming internal hosts (nothing fetched)', () => {
  const discovery = (over: Record<string, string>) =>
    file(
      `discovery-${Object.keys(over).join('-')}.json`,
      JSON.stringify({
        issuer: 'https://idp.contoso.com',
        authorization_endpoint: 'https://idp.contoso.com/authorize',
        token_endpoint: 'https://idp.contoso.com/token',
        jwks_uri: 'https://idp.contoso.com/jwks',
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        ...over,
      }),
    )
  test('a jwks_uri on a private address: OIDC_ENDPOINT_INTERNAL_ADDRESS, exit 1', () => {
    const r = cli(['oidc', discovery({ jwks_uri: 'https://10.0.0.5/jwks' }), '--issuer', 'https://idp.contoso.com'])
    expect(r.status).toBe(1)
    expect(r.of('OIDC_ENDPOINT_INTERNAL_ADDRESS').map((f) => [f.severity, f.evidence.where])).toEqual([
      ['error', 'jwks_uri'],
    ])
  })
  test('a token_endpoint on localhost is an error outside the demo', () => {
    const r = cli([
      'oidc',
      discovery({ token_endpoint: 'https://localhost/token' }),
      '--issuer',
      'https://idp.contoso.com',
    ])
    expect(r.status).toBe(1)
    expect(r.of('OIDC_ENDPOINT_INTERNAL_ADDRESS').map((f) => f.severity)).toEqual(['error'])
  })
})

describe('certificate validity gets the response clock skew', () => {
  const notBefore = parseCertificate(OKTA_CERT)!.notBefore
  test('notBefore one second after --now: no finding (the profile allows 180 s)', () => {
    const r = cli([
      'metadata',
      join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml'),
      '--now',
      new Date(+notBefore - 1000).toISOString(),
    ])
    expect(r.codes).not.toContain('CERT_NOT_YET_VALID')
  })
  test('beyond the skew it is an error', () => {
    const r = cli([
      'metadata',
      join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml'),
      '--now',
      new Date(+notBefore - 181_000).toISOString(),
    ])
    expect(r.status).toBe(1)
    expect(r.codes).toContain('CERT_NOT_YET_VALID')
  })
})

describe('a test IdP on a reserved example domain', () => {
  const md = file('example-test-metadata.xml', OKTA_MD.replaceAll(OKTA_SSO, 'https://idp.example.test/sso/saml'))
  test('generic profile: a NET_RESERVED_EXAMPLE_DOMAIN warning, not "not a valid URL"; exit 0', () => {
    const r = cli(['metadata', md, '--profile', 'generic', '--now', '2026-11-22T00:00:00Z'])
    expect(r.codes).not.toContain('SAML_SSO_ENDPOINT_INVALID_URL')
    expect(r.of('NET_RESERVED_EXAMPLE_DOMAIN').map((f) => f.severity)).toEqual(['warning', 'warning'])
    expect(r.status).toBe(0)
  })
  test('vendor profile: an error, exit 1', () => {
    const r = cli(['metadata', md, '--now', '2026-11-22T00:00:00Z'])
    expect(r.of('NET_RESERVED_EXAMPLE_DOMAIN').map((f) => f.severity)).toEqual(['error', 'error'])
    expect(r.status).toBe(1)
  })
})

describe('a comment inside an attribute value', () => {
  test('in the email AttributeValue: SAML_ATTRIBUTE_COMMENT, exit 1', () => {
    const md = file('test-key-metadata.xml', OKTA_MD.replaceAll(OKTA_CERT, F.testKeys().trusted.certBase64))
    const response = file(
      'commented-email.xml',
      F.sign(
        F.baseResponse({ attributes: { ...F.ATTRIBUTES, email: 'ulysse.carion@codomaindata.com<!---->.evil.com' } }),
      ),
    )
    const r = cli([
      'response',
      response,
      '--idp-metadata',
      md,
      '--sp-entity-id',
      F.SP,
      '--acs-url',
      F.ACS,
      '--request-id',
      F.REQUEST_ID,
      '--now',
      F.NOW.toISOString(),
    ])
    expect(r.of('SAML_ATTRIBUTE_COMMENT').map((f) => f.evidence.attribute)).toEqual(['email'])
    expect(r.codes).not.toContain('SAML_SIGNATURE_INVALID')
    expect(r.status).toBe(1)
  })
})
