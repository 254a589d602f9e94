import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../findings/report'
import { SpProfileSchema } from '../profiles/schema'
import { analyzeOidcConfiguration } from './analyze'
import { vendorProfile, codes, ecJwk, generic, goodDiscovery, ISSUER, json, NOW, rsaJwk, withCode } from './testing'
import type { OidcOptions } from './types'

const analyze = (
  discovery: Record<string, unknown> | string,
  o: Partial<OidcOptions> & { jwks?: unknown; source?: string } = {},
) => {
  const { jwks, source, ...opts } = o
  const report = analyzeOidcConfiguration(
    {
      discovery: typeof discovery === 'string' ? discovery : json(discovery),
      ...(jwks !== undefined ? { jwks: typeof jwks === 'string' ? jwks : json(jwks) } : {}),
      ...(source ? { source } : {}),
    },
    { profile: generic, now: NOW, ...opts },
  )
  ReportSchema.parse(report)
  return report
}
const goodJwks = () => ({ keys: [rsaJwk('k1'), ecJwk('ec1')] })

describe('a clean configuration', () => {
  test('has no findings under the generic profile, and names the IdP and issuer', () => {
    const r = analyze(goodDiscovery(), {
      jwks: goodJwks(),
      expectedIssuer: ISSUER,
      clientId: '0oa1b2c3d4e5f6g7h8i9',
      redirectUri: 'https://app.example.com/oidc/callback',
    })
    expect(r.findings).toEqual([])
    expect(r.subject).toEqual({ kind: 'oidc-discovery', idp: 'okta', issuer: ISSUER })
    expect(r.summary.verdict).toBe('go')
    expect(r.facts).toMatchObject({ issuer: ISSUER, jwksKeyCount: 2 })
  })

  test('a tenant-specific Entra v2 document gives only the PKCE note', () => {
    const t = '9188040d-6c67-4c5b-b112-36a304b66dad'
    const issuer = `https://login.microsoftonline.com/${t}/v2.0`
    const { code_challenge_methods_supported: _p, ...doc } = goodDiscovery(
      {
        authorization_endpoint: `https://login.microsoftonline.com/${t}/oauth2/v2.0/authorize`,
        token_endpoint: `https://login.microsoftonline.com/${t}/oauth2/v2.0/token`,
        jwks_uri: `https://login.microsoftonline.com/${t}/discovery/v2.0/keys`,
        userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      },
      issuer,
    )
    const r = analyze(doc, {
      expectedIssuer: issuer,
      source: `${issuer}/.well-known/openid-configuration`,
      clientId: '6731de76-14a6-49ae-97bc-6eba6914391e',
    })
    expect(r.subject.idp).toBe('entra')
    expect(codes(r)).toEqual(['OIDC_PKCE_NOT_ADVERTISED'])
  })

  test('a UTF-8 BOM is tolerated', () => {
    expect(analyze('\uFEFF' + json(goodDiscovery()), { jwks: '\uFEFF' + json(goodJwks()) }).findings).toEqual([])
  })

  test('without a JWKS the key checks are listed as skipped', () => {
    expect(analyze(goodDiscovery()).skipped).toEqual([{ check: 'jwks', reason: expect.stringContaining('jwks_uri') }])
  })
})

describe('unreadable documents', () => {
  test.each([
    ['not JSON', '<html>Sign in</html>', 'INPUT_NOT_JSON'],
    ['empty', '  \n', 'INPUT_EMPTY'],
  ])('discovery %s → %s', (_name, text, code) => {
    const r = analyze(text, {
      expectedIssuer: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0',
    })
    expect(withCode(r, code)).toEqual([
      {
        code,
        owner: 'idp',
        severity: 'error',
        evidence: expect.objectContaining({ where: 'discovery', expected: expect.any(String) }),
      },
    ])
    expect(r.findings[0]?.fixAt).toMatch(/^Entra admin center/)
    expect(r.skipped?.[0]?.check).toBe('discovery')
  })

  test('OIDC_DISCOVERY_NOT_OBJECT', () => {
    expect(withCode(analyze('[1,2]'), 'OIDC_DISCOVERY_NOT_OBJECT')).toEqual([
      {
        code: 'OIDC_DISCOVERY_NOT_OBJECT',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'a JSON object', actual: 'array', where: 'discovery' },
      },
    ])
  })

  test('a JWKS that is not JSON', () => {
    expect(withCode(analyze(goodDiscovery(), { jwks: '{"keys": [' }), 'INPUT_NOT_JSON')).toEqual([
      {
        code: 'INPUT_NOT_JSON',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'JSON', actual: expect.any(String), where: 'jwks' },
      },
    ])
  })
})

describe('issuer', () => {
  test('OIDC_ISSUER_MISSING', () => {
    const { issuer: _drop, ...doc } = goodDiscovery()
    expect(withCode(analyze(doc, { expectedIssuer: ISSUER }), 'OIDC_ISSUER_MISSING')).toEqual([
      {
        code: 'OIDC_ISSUER_MISSING',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: ISSUER, actual: 'missing', where: 'issuer' },
      },
    ])
  })

  test.each([
    ['accounts.google.com', 'https://accounts.google.com', 'error'],
    ['http://idp.example.com/realms/master', 'https://idp.example.com/realms/master', 'error'],
    // A loopback test IdP (the demo, a developer's Keycloak): reported, but not a blocker.
    ['http://localhost:8080/realms/master', 'https://localhost:8080/realms/master', 'warning'],
  ])('OIDC_ISSUER_NOT_HTTPS: %s', (issuer, expected, severity) => {
    expect(withCode(analyze(goodDiscovery({ issuer })), 'OIDC_ISSUER_NOT_HTTPS')).toEqual([
      {
        code: 'OIDC_ISSUER_NOT_HTTPS',
        owner: 'idp',
        severity,
        evidence: { expected, actual: issuer, where: 'issuer' },
      },
    ])
  })

  test('OIDC_ISSUER_INVALID: query in the issuer', () => {
    expect(withCode(analyze(goodDiscovery({ issuer: `${ISSUER}?tenant=a` })), 'OIDC_ISSUER_INVALID')).toEqual([
      {
        code: 'OIDC_ISSUER_INVALID',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: ISSUER, actual: `${ISSUER}?tenant=a`, where: 'issuer' },
      },
    ])
  })

  test('OIDC_ISSUER_MISMATCH against the configured issuer', () => {
    const r = analyze(goodDiscovery(), { expectedIssuer: 'https://other.example.com' })
    expect(withCode(r, 'OIDC_ISSUER_MISMATCH')).toEqual([
      {
        code: 'OIDC_ISSUER_MISMATCH',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'https://other.example.com', actual: ISSUER, where: 'issuer (vs the configured issuer)' },
      },
    ])
  })

  test('OIDC_ISSUER_MISMATCH against the URL the document was fetched from', () => {
    const source = 'https://idp.contoso.com/tenant-a/.well-known/openid-configuration'
    expect(
      withCode(analyze(goodDiscovery({}, 'https://idp.contoso.com/tenant-b'), { source }), 'OIDC_ISSUER_MISMATCH'),
    ).toEqual([
      {
        code: 'OIDC_ISSUER_MISMATCH',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'https://idp.contoso.com/tenant-a',
          actual: 'https://idp.contoso.com/tenant-b',
          where: `issuer (vs the URL it was fetched from: ${source})`,
        },
      },
    ])
    expect(analyze(goodDiscovery({}, 'https://idp.contoso.com/tenant-a'), { source }).findings).toEqual([])
  })

  test('OIDC_ISSUER_TRAILING_SLASH (Auth0 issuers end with /)', () => {
    const r = analyze(goodDiscovery({}, 'https://tenant.auth0.com/'), { expectedIssuer: 'https://tenant.auth0.com' })
    expect(withCode(r, 'OIDC_ISSUER_TRAILING_SLASH')).toEqual([
      {
        code: 'OIDC_ISSUER_TRAILING_SLASH',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'https://tenant.auth0.com',
          actual: 'https://tenant.auth0.com/',
          where: 'issuer (vs the configured issuer)',
        },
      },
    ])
    expect(codes(r)).not.toContain('OIDC_ISSUER_MISMATCH')
  })

  test('OIDC_ENTRA_ISSUER_TEMPLATE names the tenant-specific issuer and the Entra screen', () => {
    const tenant = '9188040d-6c67-4c5b-b112-36a304b66dad'
    const doc = goodDiscovery(
      {
        authorization_endpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
        token_endpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
      },
      'https://login.microsoftonline.com/{tenantid}/v2.0',
    )
    const r = analyze(doc, { expectedIssuer: `https://login.microsoftonline.com/${tenant}/v2.0` })
    expect(withCode(r, 'OIDC_ENTRA_ISSUER_TEMPLATE')).toEqual([
      {
        code: 'OIDC_ENTRA_ISSUER_TEMPLATE',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: `https://login.microsoftonline.com/${tenant}/v2.0`,
          actual: 'https://login.microsoftonline.com/{tenantid}/v2.0',
          where: 'issuer',
        },
      },
    ])
    expect(r.subject.idp).toBe('entra')
    expect(r.findings.find((f) => f.code === 'OIDC_ENTRA_ISSUER_TEMPLATE')?.fixAt).toMatch(
      /^Entra admin center › Entra ID › App registrations/,
    )
    expect(codes(r)).not.toContain('OIDC_ISSUER_MISMATCH')
  })

  test('OIDC_ENTRA_ISSUER_VERSION_MISMATCH: v1 issuer over v2.0 endpoints (the MSAL.NET hybrid document)', () => {
    const text = readFileSync(
      new URL(
        '../../../shared/fixtures/real/oidc/entra/msalnet-OpenidConfiguration-tenant-hybrid-v2endpoints-v1issuer-BOM.json',
        import.meta.url,
      ),
      'utf8',
    )
    expect(withCode(analyze(text), 'OIDC_ENTRA_ISSUER_VERSION_MISMATCH')).toEqual([
      {
        code: 'OIDC_ENTRA_ISSUER_VERSION_MISMATCH',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'https://login.microsoftonline.com/6babcaad-604b-40ac-a9d7-9fd97c0b779f/v2.0',
          actual: 'https://sts.windows.net/6babcaad-604b-40ac-a9d7-9fd97c0b779f/',
          where: 'issuer vs authorization_endpoint',
          endpoint: 'https://login.microsoftonline.com/6babcaad-604b-40ac-a9d7-9fd97c0b779f/oauth2/v2.0/authorize',
        },
      },
    ])
  })

  test('OIDC_ENTRA_ISSUER_VERSION_MISMATCH: configured v2 issuer, v1 document', () => {
    const t = 'd062b2b0-9aca-4ff7-b32a-ba47231a4002'
    const doc = goodDiscovery(
      {
        authorization_endpoint: `https://login.windows.net/${t}/oauth2/authorize`,
        token_endpoint: `https://login.windows.net/${t}/oauth2/token`,
      },
      `https://sts.windows.net/${t}/`,
    )
    expect(
      withCode(
        analyze(doc, { expectedIssuer: `https://login.microsoftonline.com/${t}/v2.0` }),
        'OIDC_ENTRA_ISSUER_VERSION_MISMATCH',
      ),
    ).toEqual([
      {
        code: 'OIDC_ENTRA_ISSUER_VERSION_MISMATCH',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: `https://login.microsoftonline.com/${t}/v2.0`,
          actual: `https://sts.windows.net/${t}/`,
          where: 'issuer (vs the configured issuer)',
        },
      },
    ])
  })

  test.each([
    ['https://example.okta.com', 'https://example.okta.com/oauth2/default', 'org', 'default'],
    [
      'https://example.okta.com/oauth2/aus8aus76q8iphupD0h7',
      'https://example.okta.com/oauth2/default',
      'aus8aus76q8iphupD0h7',
      'default',
    ],
  ])(
    'OIDC_OKTA_AUTHORIZATION_SERVER_MISMATCH: configured %s, document %s',
    (expected, actual, expectedServer, actualServer) => {
      const r = analyze(goodDiscovery({}, actual), { expectedIssuer: expected })
      expect(withCode(r, 'OIDC_OKTA_AUTHORIZATION_SERVER_MISMATCH')).toEqual([
        {
          code: 'OIDC_OKTA_AUTHORIZATION_SERVER_MISMATCH',
          owner: 'idp',
          severity: 'error',
          evidence: { expected, actual, where: 'issuer (vs the configured issuer)', expectedServer, actualServer },
        },
      ])
      expect(r.findings[0]?.fixAt).toMatch(/^Okta Admin Console › Security › API › Authorization Servers/)
    },
  )
})

describe('members and endpoints', () => {
  test('OIDC_METADATA_MEMBER_MISSING, with the OAuth-metadata hint', () => {
    const {
      id_token_signing_alg_values_supported: _a,
      userinfo_endpoint: _u,
      token_endpoint: _t,
      ...doc
    } = goodDiscovery()
    expect(withCode(analyze(doc), 'OIDC_METADATA_MEMBER_MISSING')).toEqual([
      {
        code: 'OIDC_METADATA_MEMBER_MISSING',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'token_endpoint', actual: 'missing', where: 'token_endpoint' },
      },
      {
        code: 'OIDC_METADATA_MEMBER_MISSING',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'id_token_signing_alg_values_supported',
          actual: 'missing',
          where: 'id_token_signing_alg_values_supported',
          looksLike: expect.stringContaining('oauth-authorization-server'),
        },
      },
    ])
  })

  test('OIDC_METADATA_MEMBER_INVALID', () => {
    expect(
      withCode(
        analyze(goodDiscovery({ scopes_supported: 'openid email', token_endpoint: 42 })),
        'OIDC_METADATA_MEMBER_INVALID',
      ),
    ).toEqual([
      {
        code: 'OIDC_METADATA_MEMBER_INVALID',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'a list of strings', actual: 'string', where: 'scopes_supported' },
      },
      {
        code: 'OIDC_METADATA_MEMBER_INVALID',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'an https URL', actual: 'number', where: 'token_endpoint' },
      },
    ])
  })

  test('OIDC_ENDPOINT_NOT_HTTPS is a warning when every http endpoint is on loopback', () => {
    const r = analyze(goodDiscovery({ token_endpoint: 'http://127.0.0.1:3200/t' }))
    expect(withCode(r, 'OIDC_ENDPOINT_NOT_HTTPS').map((f) => f.severity)).toEqual(['warning'])
  })

  test('OIDC_ENDPOINT_NOT_HTTPS lists every http endpoint once', () => {
    const r = analyze(
      goodDiscovery({ token_endpoint: 'http://example.okta.com/t', jwks_uri: 'http://example.okta.com/k' }),
    )
    expect(withCode(r, 'OIDC_ENDPOINT_NOT_HTTPS')).toEqual([
      {
        code: 'OIDC_ENDPOINT_NOT_HTTPS',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'https:// for every endpoint',
          actual: { token_endpoint: 'http://example.okta.com/t', jwks_uri: 'http://example.okta.com/k' },
          where: 'token_endpoint, jwks_uri',
        },
      },
    ])
  })

  test.each([
    ['authorization_endpoint', 'javascript:alert(document.cookie)', 'javascript: scheme'],
    ['jwks_uri', 'data:application/json,{"keys":[]}', 'data: scheme'],
    ['jwks_uri', 'JsonWebKeySetEnd2End.json', 'not an absolute URL'],
    ['token_endpoint', `${ISSUER}/v1/token#frag`, 'fragment'],
  ])('OIDC_ENDPOINT_INVALID: %s = %s', (member, value, reason) => {
    expect(withCode(analyze(goodDiscovery({ [member]: value })), 'OIDC_ENDPOINT_INVALID')).toEqual([
      {
        code: 'OIDC_ENDPOINT_INVALID',
        owner: 'idp',
        severity: 'error',
        evidence: expect.objectContaining({ actual: expect.any(String), where: member, reason }),
      },
    ])
  })

  test('mtls_endpoint_aliases are checked too', () => {
    expect(
      withCode(
        analyze(goodDiscovery({ mtls_endpoint_aliases: { token_endpoint: 'javascript:x' } })),
        'OIDC_ENDPOINT_INVALID',
      )[0]?.evidence.where,
    ).toBe('mtls_endpoint_aliases.token_endpoint')
  })
})

describe('capabilities', () => {
  test('OIDC_CODE_FLOW_UNSUPPORTED (response type and grant)', () => {
    expect(
      withCode(
        analyze(
          goodDiscovery({
            response_types_supported: ['id_token', 'id_token token'],
            grant_types_supported: ['implicit'],
          }),
        ),
        'OIDC_CODE_FLOW_UNSUPPORTED',
      ),
    ).toEqual([
      {
        code: 'OIDC_CODE_FLOW_UNSUPPORTED',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'code', actual: ['id_token', 'id_token token'], where: 'response_types_supported' },
      },
      {
        code: 'OIDC_CODE_FLOW_UNSUPPORTED',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'authorization_code', actual: ['implicit'], where: 'grant_types_supported' },
      },
    ])
  })

  test('OIDC_PKCE_S256_UNSUPPORTED: an error when the profile requires PKCE, a warning when it recommends it', () => {
    const doc = goodDiscovery({ code_challenge_methods_supported: ['plain'] })
    expect(withCode(analyze(doc), 'OIDC_PKCE_S256_UNSUPPORTED')).toEqual([
      {
        code: 'OIDC_PKCE_S256_UNSUPPORTED',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'S256', actual: ['plain'], where: 'code_challenge_methods_supported' },
      },
    ])
    const relaxed = SpProfileSchema.parse({ ...generic, oidc: { ...generic.oidc, pkce: 'recommended' } })
    expect(withCode(analyze(doc, { profile: relaxed }), 'OIDC_PKCE_S256_UNSUPPORTED')[0]?.severity).toBe('warning')
  })

  test('OIDC_PKCE_NOT_ADVERTISED is a warning, with a note for Entra', () => {
    const { code_challenge_methods_supported: _p, ...doc } = goodDiscovery()
    expect(withCode(analyze(doc, { idp: 'entra' }), 'OIDC_PKCE_NOT_ADVERTISED')).toEqual([
      {
        code: 'OIDC_PKCE_NOT_ADVERTISED',
        owner: 'idp',
        severity: 'warning',
        evidence: {
          expected: ['S256'],
          actual: 'missing',
          where: 'code_challenge_methods_supported',
          note: 'Entra supports S256 without advertising it',
        },
      },
    ])
  })

  test('OIDC_ALG_NONE_ADVERTISED and OIDC_ALG_SYMMETRIC_ADVERTISED (PingFederate-style list)', () => {
    const algs = ['none', 'HS256', 'RS256']
    const r = analyze(goodDiscovery({ id_token_signing_alg_values_supported: algs }))
    expect([...withCode(r, 'OIDC_ALG_NONE_ADVERTISED'), ...withCode(r, 'OIDC_ALG_SYMMETRIC_ADVERTISED')]).toEqual([
      {
        code: 'OIDC_ALG_NONE_ADVERTISED',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected: 'no "none"', actual: algs, where: 'id_token_signing_alg_values_supported' },
      },
      {
        code: 'OIDC_ALG_SYMMETRIC_ADVERTISED',
        owner: 'idp',
        severity: 'warning',
        evidence: {
          expected: 'asymmetric algorithms only (e.g. RS256)',
          actual: ['HS256'],
          where: 'id_token_signing_alg_values_supported',
        },
      },
    ])
  })

  test('OIDC_ALG_ONLY_SYMMETRIC', () => {
    expect(
      withCode(
        analyze(goodDiscovery({ id_token_signing_alg_values_supported: ['HS256', 'HS512'] })),
        'OIDC_ALG_ONLY_SYMMETRIC',
      ),
    ).toEqual([
      {
        code: 'OIDC_ALG_ONLY_SYMMETRIC',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'RS256 (or another asymmetric algorithm)',
          actual: ['HS256', 'HS512'],
          where: 'id_token_signing_alg_values_supported',
        },
      },
    ])
    expect(
      withCode(
        analyze(goodDiscovery({ id_token_signing_alg_values_supported: ['none'] })),
        'OIDC_ALG_NONE_ADVERTISED',
      )[0]?.severity,
    ).toBe('error')
  })

  test('OIDC_ALG_RS256_NOT_ADVERTISED: asymmetric but without the mandatory RS256', () => {
    expect(
      withCode(
        analyze(goodDiscovery({ id_token_signing_alg_values_supported: ['ES256', 'PS256'] })),
        'OIDC_ALG_RS256_NOT_ADVERTISED',
      ),
    ).toEqual([
      {
        code: 'OIDC_ALG_RS256_NOT_ADVERTISED',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected: 'RS256', actual: ['ES256', 'PS256'], where: 'id_token_signing_alg_values_supported' },
      },
    ])
  })

  test('OIDC_METADATA_MEMBER_INVALID: subject types other than public / pairwise', () => {
    expect(
      withCode(analyze(goodDiscovery({ subject_types_supported: ['global'] })), 'OIDC_METADATA_MEMBER_INVALID'),
    ).toEqual([
      {
        code: 'OIDC_METADATA_MEMBER_INVALID',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: ['public', 'pairwise'], actual: ['global'], where: 'subject_types_supported' },
      },
    ])
  })

  test('OIDC_SCOPE_NOT_ADVERTISED: openid missing is an error, email a warning', () => {
    expect(withCode(analyze(goodDiscovery({ scopes_supported: ['profile'] })), 'OIDC_SCOPE_NOT_ADVERTISED')).toEqual([
      {
        code: 'OIDC_SCOPE_NOT_ADVERTISED',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: 'openid', actual: ['profile'], where: 'scopes_supported' },
      },
      {
        code: 'OIDC_SCOPE_NOT_ADVERTISED',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected: 'email', actual: ['profile'], where: 'scopes_supported' },
      },
    ])
  })

  test('OIDC_CLAIM_NOT_ADVERTISED', () => {
    expect(
      withCode(
        analyze(goodDiscovery({ claims_supported: ['sub', 'upn'] }), { idp: 'entra' }),
        'OIDC_CLAIM_NOT_ADVERTISED',
      ),
    ).toEqual([
      {
        code: 'OIDC_CLAIM_NOT_ADVERTISED',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected: 'email', actual: ['sub', 'upn'], where: 'claims_supported' },
      },
    ])
  })
})

describe('client values the admin typed', () => {
  test.each([
    [
      '/oidc/callback',
      'OIDC_REDIRECT_URI_INVALID',
      {
        expected: 'an absolute https URL',
        actual: '/oidc/callback',
        where: 'redirect URI',
        reason: 'not an absolute URL',
      },
    ],
    [
      'https://app.example.com/cb#x',
      'OIDC_REDIRECT_URI_INVALID',
      {
        expected: 'https://app.example.com/cb',
        actual: 'https://app.example.com/cb#x',
        where: 'redirect URI',
        reason: 'fragment',
      },
    ],
    [
      'http://app.example.com/cb',
      'OIDC_REDIRECT_URI_NOT_HTTPS',
      { expected: 'https://app.example.com/cb', actual: 'http://app.example.com/cb', where: 'redirect URI' },
    ],
    [
      'https://*.example.com/cb',
      'OIDC_REDIRECT_URI_WILDCARD',
      { expected: 'an exact URL', actual: 'https://*.example.com/cb', where: 'redirect URI' },
    ],
  ])('redirect URI %s → %s', (redirectUri, code, evidence) => {
    const r = analyze(goodDiscovery(), { redirectUri, idp: 'entra' })
    expect(withCode(r, code)).toEqual([{ code, owner: 'idp', severity: 'error', evidence }])
    expect(r.findings.find((f) => f.code === code)?.fixAt).toBe(
      'Entra admin center › Entra ID › App registrations › (app) › Authentication › Redirect URIs',
    )
  })

  test('http is fine for localhost', () => {
    expect(analyze(goodDiscovery(), { redirectUri: 'http://localhost:3000/oidc/callback' }).findings).toEqual([])
  })

  test('OIDC_REDIRECT_URI_NOT_VENDOR when the profile has a pattern', () => {
    const profile = SpProfileSchema.parse({
      ...generic,
      oidc: { ...generic.oidc, redirectUriPattern: '^https://vendor\\.example\\.com/sso/' },
    })
    expect(
      withCode(
        analyze(goodDiscovery(), { profile, redirectUri: 'https://other.example.com/cb' }),
        'OIDC_REDIRECT_URI_NOT_VENDOR',
      ),
    ).toEqual([
      {
        code: 'OIDC_REDIRECT_URI_NOT_VENDOR',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: '^https://vendor\\.example\\.com/sso/',
          actual: 'https://other.example.com/cb',
          where: 'redirect URI',
        },
      },
    ])
  })

  test.each([
    ['entra', 'my-app', 'a GUID (00000000-0000-0000-0000-000000000000)'],
    ['okta', '0oa123', '20 characters starting with 0oa'],
  ] as const)('OIDC_CLIENT_ID_FORMAT for %s', (idp, clientId, expected) => {
    const r = analyze(goodDiscovery(), { idp, clientId })
    expect(withCode(r, 'OIDC_CLIENT_ID_FORMAT')).toEqual([
      {
        code: 'OIDC_CLIENT_ID_FORMAT',
        owner: 'idp',
        severity: 'warning',
        evidence: { expected, actual: clientId, where: 'client ID' },
      },
    ])
    expect(
      analyze(goodDiscovery(), {
        idp,
        clientId: idp === 'entra' ? '6731de76-14a6-49ae-97bc-6eba6914391e' : '0oa1b2c3d4e5f6g7h8i9',
      }).findings,
    ).toEqual([])
  })

  test('OIDC_CLIENT_ID_LOOKS_LIKE_SECRET never shows the value', () => {
    const secret = 'Xy28Q~abcdefghijklmnopqrstuvwxyz0123456789'
    const r = analyze(goodDiscovery(), { idp: 'entra', clientId: secret })
    expect(withCode(r, 'OIDC_CLIENT_ID_LOOKS_LIKE_SECRET')).toEqual([
      {
        code: 'OIDC_CLIENT_ID_LOOKS_LIKE_SECRET',
        owner: 'idp',
        severity: 'error',
        evidence: {
          expected: 'the Application (client) ID',
          actual: `a ${secret.length}-character secret-like value (not shown)`,
          where: 'client ID',
        },
      },
    ])
    expect(JSON.stringify(r)).not.toContain('Q~abc')
  })
})

describe('vendor profile', () => {
  test('OIDC_VENDOR_SAML_ONLY under vendorProfile, and the other checks still run', () => {
    const r = analyze(goodDiscovery({ issuer: 'http://example.okta.com' }), { profile: vendorProfile })
    expect(withCode(r, 'OIDC_VENDOR_SAML_ONLY')).toEqual([
      {
        code: 'OIDC_VENDOR_SAML_ONLY',
        owner: 'idp',
        severity: 'error',
        evidence: { expected: ['saml'], actual: 'oidc', profile: 'autodesk' },
      },
    ])
    // Issue 9: the next step (create a SAML app) is made in the IdP, so the IdP side owns it, with the screens to use.
    expect(r.findings.find((f) => f.code === 'OIDC_VENDOR_SAML_ONLY')?.fixAt).toMatch(
      /Okta Admin Console › Applications/,
    )
    expect(codes(r)).toContain('OIDC_ISSUER_NOT_HTTPS')
    expect(r.profile).toBe('autodesk')
  })
})

describe('hostile or odd input never throws', () => {
  const odd: unknown[] = [
    { issuer: 42 },
    { issuer: { a: 1 } },
    { issuer: '' },
    { issuer: 'https://x/{tenantid}', authorization_endpoint: ['a'], jwks_uri: null },
    { ...goodDiscovery(), response_types_supported: [1, null], mtls_endpoint_aliases: 'x' },
    { __proto__: { issuer: 'https://evil' } },
    { issuer: 'https://' + 'a'.repeat(100_000) + '{tenantid}' },
    JSON.parse('{"constructor": {"prototype": {"x": 1}}}'),
  ]
  test.each(odd.map((d, i) => [i, d] as const))('document %i', (_i, doc) => {
    const jwksVariants = [
      { keys: 'x' },
      {
        keys: [
          null,
          1,
          'k',
          [],
          { kty: 'RSA', n: 5, e: null, x5c: [1] },
          { kty: 'EC', crv: 5 },
          { kty: 'RSA', n: 'AQAB', e: 'AQAB', x5c: ['A'.repeat(200)] },
        ],
      },
      [],
      'null',
    ]
    for (const jwks of jwksVariants) {
      const r = analyze(JSON.stringify(doc), {
        jwks,
        clientId: '',
        redirectUri: 'javascript:alert(1)',
        expectedIssuer: 'not a url',
      })
      expect(r.summary.errors).toBeGreaterThan(0)
    }
  })
  test('deeply nested JSON is a finding, not a stack overflow', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(codes(analyze(deep))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(INPUT_NOT_JSON|OIDC_DISCOVERY_NOT_OBJECT)$/)]),
    )
  })
})
