import { generateKeyPairSync } from 'node:crypto'
import type { Report } from '../findings/report'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../profiles/index'
import type { SpProfile } from '../profiles/schema'

/** Test helpers for lib/oidc: a clean Okta-like custom authorization server and keys made on the spot. */
export const ISSUER = 'https://example.okta.com/oauth2/default'
export const NOW = new Date('2026-11-22T00:00:00Z')
export const generic: SpProfile = BUILTIN_PROFILES.generic
/** The default (vendor) profile: SAML only, so OIDC input gets its "SAML only" finding. */
export const vendorProfile: SpProfile = BUILTIN_PROFILES[DEFAULT_PROFILE_ID]

export function goodDiscovery(over: Record<string, unknown> = {}, issuer = ISSUER): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    userinfo_endpoint: `${issuer}/v1/userinfo`,
    jwks_uri: `${issuer}/v1/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'email', 'profile', 'offline_access'],
    claims_supported: ['iss', 'sub', 'aud', 'email', 'given_name', 'family_name'],
    ...over,
  }
}

let rsa2048: Record<string, unknown> | undefined
/** A fresh RSA public JWK (2048 bits unless asked), as an IdP publishes it. */
export function rsaJwk(kid = 'k1', bits = 2048, over: Record<string, unknown> = {}): Record<string, unknown> {
  if (bits === 2048 && rsa2048) return { ...rsa2048, kid, ...over }
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits })
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), use: 'sig', alg: 'RS256' }
  if (bits === 2048) rsa2048 = jwk
  return { ...jwk, kid, ...over }
}

export function ecJwk(kid = 'ec1', over: Record<string, unknown> = {}): Record<string, unknown> {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), use: 'sig', alg: 'ES256', kid, ...over }
}

export const json = (v: unknown) => JSON.stringify(v)

/** code, owner and evidence of the findings with this code: what a test asserts. */
export function withCode(report: Report, code: string) {
  return report.findings
    .filter((f) => f.code === code)
    .map(({ code: c, owner, severity, evidence }) => ({ code: c, owner, severity, evidence }))
}

export const codes = (report: Report) => report.findings.map((f) => f.code)
