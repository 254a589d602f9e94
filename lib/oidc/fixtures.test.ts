import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { ReportSchema, type Report } from '../findings/report'
import { analyzeOidcConfiguration } from './analyze'
import { vendorProfile, generic, NOW } from './testing'

// Every real discovery document in ../shared/fixtures/real/oidc, paired with the JWKS of the same name prefix.
const ROOT = fileURLToPath(new URL('../../../shared/fixtures/real/oidc/', import.meta.url))
const SOURCES = readFileSync(
  fileURLToPath(new URL('../../../shared/fixtures/real/SOURCES.md', import.meta.url)),
  'utf8',
)
const CONFIG = /openid-?configuration/i

interface Pair {
  name: string
  discovery: string
  jwks?: string
}
const pairs: Pair[] = readdirSync(ROOT).flatMap((dir) => {
  const files = readdirSync(join(ROOT, dir))
  return files
    .filter((f) => CONFIG.test(f))
    .map((f) => {
      const prefix = f.split(CONFIG)[0] ?? f
      const jwks = files.find((j) => j.startsWith(prefix) && /jwks/i.test(j) && !CONFIG.test(j))
      return { name: `${dir}/${f}`, discovery: join(ROOT, dir, f), ...(jwks ? { jwks: join(ROOT, dir, jwks) } : {}) }
    })
})
const jwksFiles = readdirSync(ROOT).flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /jwks/i.test(f) && !CONFIG.test(f))
    .map((f) => `${dir}/${f}`),
)

const reports = new Map<string, Report>()
const run = (p: Pair, profile = generic): Report =>
  analyzeOidcConfiguration(
    {
      discovery: readFileSync(p.discovery, 'utf8'),
      ...(p.jwks ? { jwks: readFileSync(p.jwks, 'utf8') } : {}),
      source: basename(p.discovery),
    },
    { profile, now: NOW },
  )
const report = (suffix: string): Report => {
  const p = pairs.find((x) => x.name.endsWith(suffix))
  if (!p) throw new Error(`fixture ${suffix} not found`)
  const hit = reports.get(p.name) ?? run(p)
  reports.set(p.name, hit)
  return hit
}
const has = (r: Report, code: string, evidence: Record<string, unknown> = {}) =>
  expect(
    r.findings.filter((f) => f.code === code).map((f) => f.evidence),
    code,
  ).toContainEqual(expect.objectContaining(evidence))

describe('every real OIDC fixture', () => {
  test('the sweep found the fixtures and paired every JWKS', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(19)
    const paired = new Set(pairs.flatMap((p) => (p.jwks ? [p.jwks.slice(ROOT.length)] : [])))
    expect(jwksFiles.filter((f) => !paired.has(f))).toEqual([])
  })

  test.each(pairs.map((p) => [p.name, p] as const))('%s: no crash, a valid report, every document read', (_name, p) => {
    for (const profile of [generic, vendorProfile]) {
      const r = run(p, profile)
      ReportSchema.parse(r)
      expect(r.subject.kind).toBe('oidc-discovery')
      expect(r.findings.filter((f) => f.code.startsWith('INPUT_'))).toEqual([])
      expect(r.findings.some((f) => f.code === 'OIDC_VENDOR_SAML_ONLY')).toBe(profile.id === vendorProfile.id)
    }
  })
})

describe('notable fixtures (SOURCES.md)', () => {
  test.each([
    'entra/dockyard-entra-common-v2-openid-configuration.json',
    'entra/wellknown-entra-common-v2-openid-configuration.json',
    'entra/wellknown-entra-organizations-v2-openid-configuration.json',
  ])('Entra %s: the {tenantid} template', (name) => {
    const r = report(name)
    expect(r.subject.idp).toBe('entra')
    has(r, 'OIDC_ENTRA_ISSUER_TEMPLATE', {
      actual: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      expected: 'https://login.microsoftonline.com/<your-tenant-id>/v2.0',
    })
    has(r, 'OIDC_PKCE_NOT_ADVERTISED', { note: 'Entra supports S256 without advertising it' })
  })

  test('Entra hybrid (MSAL.NET): v1 issuer with v2.0 endpoints, BOM tolerated', () => {
    has(
      report('msalnet-OpenidConfiguration-tenant-hybrid-v2endpoints-v1issuer-BOM.json'),
      'OIDC_ENTRA_ISSUER_VERSION_MISMATCH',
      { actual: 'https://sts.windows.net/6babcaad-604b-40ac-a9d7-9fd97c0b779f/' },
    )
  })

  test('Entra v1 with a rewritten jwks_uri: relative endpoint, standard-base64 keys', () => {
    const r = report('msidentitymodel-entra-v1-openid-configuration-jwksuri-rewritten.json')
    has(r, 'OIDC_ENDPOINT_INVALID', { actual: 'JsonWebKeySetEnd2End.json', where: 'jwks_uri' })
    has(r, 'OIDC_JWKS_KEY_MALFORMED', { actual: 'standard base64 (contains "+", "/" or "=")' })
  })

  test('Google 2015: issuer without scheme, 1024-bit keys, non-base64url n, non-standard alg member', () => {
    const r = report('google/msidentitymodel-google-openid-configuration-2015.json')
    expect(r.subject.idp).toBe('google')
    has(r, 'OIDC_ISSUER_NOT_HTTPS', { actual: 'accounts.google.com', expected: 'https://accounts.google.com' })
    expect(r.findings.filter((f) => f.code === 'OIDC_JWKS_RSA_TOO_SMALL').map((f) => f.evidence.actual)).toEqual([
      '1024 bits',
      '1024 bits',
    ])
    has(r, 'OIDC_JWKS_KEY_MALFORMED', { where: 'jwks.keys[0] (kid ab844f3d4c69feee0de2501b04e1a4c8d78eead1).n' })
    has(r, 'OIDC_METADATA_MEMBER_MISSING', {
      expected: 'id_token_signing_alg_values_supported',
      note: 'the document has the non-standard "id_token_alg_values_supported" instead',
    })
  })

  test('Okta custom authorization server metadata lacks id_token_signing_alg_values_supported', () => {
    const r = report('oktaauthjs-auth-js-test.okta.com-customAS-aus8aus76q8iphupD0h7-openid-configuration.json')
    expect(r.subject.idp).toBe('okta')
    has(r, 'OIDC_METADATA_MEMBER_MISSING', {
      expected: 'id_token_signing_alg_values_supported',
      looksLike: expect.stringContaining('authorization server metadata'),
    })
  })

  test.each([
    'msidentitymodel-pinglabs-pingfederate-openid-configuration.json',
    'wellknown-mojeid-openid-configuration.json',
  ])('%s advertises alg none', (name) => {
    has(report(name), 'OIDC_ALG_NONE_ADVERTISED', { actual: expect.arrayContaining(['none']) })
  })

  test('Auth0 advertises HS256', () => {
    has(report('dockyard-auth0-common.auth0.com-openid-configuration.json'), 'OIDC_ALG_SYMMETRIC_ADVERTISED', {
      actual: ['HS256'],
    })
  })

  test('Keycloak: http issuer and endpoints', () => {
    const r = report('dockyard-keycloak-localhost-master-openid-configuration.DERIVED.json')
    expect(r.subject.idp).toBe('keycloak')
    has(r, 'OIDC_ISSUER_NOT_HTTPS', { actual: 'http://localhost:8080/realms/master' })
    has(r, 'OIDC_ENDPOINT_NOT_HTTPS', {
      actual: expect.objectContaining({
        jwks_uri: 'http://localhost:8080/realms/master/protocol/openid-connect/certs',
      }),
    })
  })

  test('every x5c listed as expired in SOURCES.md is reported expired, by kid', () => {
    const listed = [...SOURCES.matchAll(/^- `oidc\/([^`]+)`: kid (\S+)$/gm)].map(
      (m) => [m[1] ?? '', m[2] ?? ''] as const,
    )
    expect(listed.length).toBe(8)
    for (const [jwksFile, kid] of listed) {
      const p = pairs.find((x) => x.jwks?.endsWith(jwksFile))
      expect(p, jwksFile).toBeDefined()
      const r = report(p?.name ?? '')
      expect(
        r.findings.filter((f) => f.code === 'CERT_EXPIRED').map((f) => f.evidence.where),
        `${jwksFile} kid ${kid}`,
      ).toContainEqual(expect.stringContaining(`(kid ${kid}).x5c[0]`))
    }
  })

  test.each([
    'google/wellknown-google-openid-configuration.json',
    'google/dockyard-google-openid-configuration.json',
    'okta/dockyard-okta-common.okta.com-org-openid-configuration.json',
    'other/wellknown-gitlab-openid-configuration.json',
  ])('%s is a go under the generic profile', (name) => {
    const r = report(name)
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(r.summary.verdict).toBe('go')
  })
})
