import { isFindingCode, type FindingCode } from '../../findings/catalog/index'
import { finding } from '../../findings/finding'
import type { Finding, IdpKind } from '../../findings/types'
import { detectIdp } from '../../idps/detect'

/** AADSTS codes with a test-login finding of their own; other known AADSTS codes use the triage catalog's entry. */
const AADSTS: Record<string, FindingCode> = {
  '50011': 'OIDC_AUTHORIZE_REDIRECT_URI_MISMATCH',
  '700016': 'OIDC_AUTHORIZE_CLIENT_NOT_FOUND',
  '50105': 'OIDC_AUTHORIZE_USER_NOT_ASSIGNED',
  '65001': 'OIDC_AUTHORIZE_CONSENT_REQUIRED',
  '7000215': 'OIDC_CLIENT_SECRET_INVALID',
}

/** Okta's messages carry no number: match the sentence. */
const OKTA_TEXT: readonly [RegExp, FindingCode][] = [
  [/redirect_uri.{0,40}must be a Login redirect URI/i, 'OIDC_AUTHORIZE_REDIRECT_URI_MISMATCH'],
  [/not assigned to the client application/i, 'OIDC_AUTHORIZE_USER_NOT_ASSIGNED'],
  [/client authentication failed|invalid client credentials/i, 'OIDC_CLIENT_SECRET_INVALID'],
]

const BY_ERROR: Record<string, FindingCode> = {
  invalid_client: 'OIDC_CLIENT_SECRET_INVALID',
  consent_required: 'OIDC_AUTHORIZE_CONSENT_REQUIRED',
  access_denied: 'OIDC_AUTHORIZE_ACCESS_DENIED',
}

export interface ErrorRedirect {
  readonly error: string
  readonly error_description?: string
}

/**
 * An IdP's error redirect (error, error_description) as findings with their owner and the IdP screen to fix:
 * AADSTS codes first (Entra), then Okta's sentences, then the OAuth error code itself.
 */
export function errorRedirectFindings(e: ErrorRedirect, o: { idp: IdpKind; redirectUri: string; clientId?: string }): Finding[] {
  const description = e.error_description?.slice(0, 1000)
  const actual = { error: e.error.slice(0, 200), ...(description ? { error_description: description } : {}) }
  const aadsts = /AADSTS(\d{5,7})/.exec(description ?? '')?.[1]
  const okta = OKTA_TEXT.find(([re]) => re.test(description ?? ''))
  const idp: IdpKind = aadsts ? 'entra' : okta ? 'okta' : o.idp
  let code: FindingCode | undefined = aadsts ? AADSTS[aadsts] : undefined
  if (!code && aadsts && isFindingCode(`TRIAGE_AADSTS${aadsts}`)) code = `TRIAGE_AADSTS${aadsts}` as FindingCode
  code ??= okta?.[1] ?? BY_ERROR[e.error] ?? 'OIDC_AUTHORIZE_ERROR'
  const expected = code === 'OIDC_AUTHORIZE_REDIRECT_URI_MISMATCH' ? { redirectUri: o.redirectUri, registeredFor: o.clientId ?? null }
    : code === 'OIDC_AUTHORIZE_CLIENT_NOT_FOUND' ? { clientId: o.clientId ?? null }
    : 'an authorization code for the test user'
  return [finding(code, { expected, actual, where: 'authorization response (redirect to the callback)' }, { idp })]
}

/** Which IdP an issuer belongs to, for the "fix at" screens: a thin wrapper over lib/idps detectIdp. */
export function idpKindFromIssuer(issuer: string | undefined): IdpKind {
  return detectIdp({ oidcIssuers: [issuer] }).idp
}
