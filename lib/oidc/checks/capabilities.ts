import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { isStringArray } from '../parse'
import type { OidcCheckContext, OidcDiscovery } from '../types'

const HMAC = /^HS(256|384|512)$/

/** The authorization code flow is offered (response type `code`; `authorization_code` grant when grants are listed). */
export function checkCodeFlow(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const out: Finding[] = []
  const types = doc.response_types_supported
  if (isStringArray(types) && !types.includes('code'))
    out.push(
      finding(
        'OIDC_CODE_FLOW_UNSUPPORTED',
        { expected: 'code', actual: types, where: 'response_types_supported' },
        ctx,
      ),
    )
  const grants = doc.grant_types_supported
  if (isStringArray(grants) && !grants.includes('authorization_code'))
    out.push(
      finding(
        'OIDC_CODE_FLOW_UNSUPPORTED',
        { expected: 'authorization_code', actual: grants, where: 'grant_types_supported' },
        ctx,
      ),
    )
  return out
}

/** PKCE S256 advertised. Entra supports it without advertising, so absence is only a warning. @see RFC 7636 §4.2 */
export function checkPkce(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const methods = doc.code_challenge_methods_supported
  if (methods === undefined)
    return [
      finding(
        'OIDC_PKCE_NOT_ADVERTISED',
        {
          expected: ['S256'],
          actual: 'missing',
          where: 'code_challenge_methods_supported',
          ...(ctx.idp === 'entra' ? { note: 'Entra supports S256 without advertising it' } : {}),
        },
        ctx,
      ),
    ]
  if (isStringArray(methods) && !methods.includes('S256'))
    return [
      finding(
        'OIDC_PKCE_S256_UNSUPPORTED',
        { expected: 'S256', actual: methods, where: 'code_challenge_methods_supported' },
        ctx,
        { severity: ctx.profile.oidc?.pkce === 'recommended' ? 'warning' : 'error' },
      ),
    ]
  return []
}

/** ID tokens must be verifiable with the public JWKS: no `none`, not only HMAC. */
export function checkIdTokenAlgs(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const algs = doc.id_token_signing_alg_values_supported
  if (!isStringArray(algs)) return []
  const where = 'id_token_signing_alg_values_supported'
  const asymmetric = algs.filter((a) => a !== 'none' && !HMAC.test(a))
  const out: Finding[] = []
  if (algs.includes('none'))
    out.push(
      finding(
        'OIDC_ALG_NONE_ADVERTISED',
        { expected: 'no "none"', actual: algs, where },
        ctx,
        asymmetric.length === 0 ? { severity: 'error' } : {},
      ),
    )
  const hmac = algs.filter((a) => HMAC.test(a))
  if (hmac.length > 0)
    out.push(
      asymmetric.length === 0
        ? finding(
            'OIDC_ALG_ONLY_SYMMETRIC',
            { expected: 'RS256 (or another asymmetric algorithm)', actual: algs, where },
            ctx,
          )
        : finding(
            'OIDC_ALG_SYMMETRIC_ADVERTISED',
            { expected: 'asymmetric algorithms only (e.g. RS256)', actual: hmac, where },
            ctx,
          ),
    )
  else if (asymmetric.length > 0 && !algs.includes('RS256'))
    out.push(finding('OIDC_ALG_RS256_NOT_ADVERTISED', { expected: 'RS256', actual: algs, where }, ctx))
  return out
}

/** The scopes the vendor requests, and the claims it requires, are advertised (when the document lists them at all). */
export function checkScopesAndClaims(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const out: Finding[] = []
  const scopes = doc.scopes_supported
  if (isStringArray(scopes)) {
    for (const scope of ctx.profile.oidc?.scopes ?? ['openid', 'email', 'profile'])
      if (!scopes.includes(scope))
        out.push(
          finding(
            'OIDC_SCOPE_NOT_ADVERTISED',
            { expected: scope, actual: scopes, where: 'scopes_supported' },
            ctx,
            scope === 'openid' ? { severity: 'error' } : {},
          ),
        )
  }
  const claims = doc.claims_supported
  if (isStringArray(claims)) {
    const required = ctx.profile.oidc?.requiredClaims.filter((c) => c.level === 'required').map((c) => c.name) ?? [
      'email',
    ]
    for (const claim of required.length ? required : ['email'])
      if (!claims.includes(claim))
        out.push(
          finding('OIDC_CLAIM_NOT_ADVERTISED', { expected: claim, actual: claims, where: 'claims_supported' }, ctx),
        )
  }
  return out
}
