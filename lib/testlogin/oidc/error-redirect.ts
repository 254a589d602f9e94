import { idpCodesIn } from '../../findings/catalog/idp-error-codes'
import type { FindingCode } from '../../findings/catalog/index'
import { finding } from '../../findings/finding'
import type { Finding, IdpKind } from '../../findings/types'
import { detectIdp } from '../../idps/detect'

/** Okta's messages carry no number: match the sentence (the IdP error-code table's rows for them). */
const OKTA_TEXT: readonly [RegExp, FindingCode][] = [
  [/redirect_uri.{0,40}must be a Login redirect URI/i, 'TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED'],
  [/not assigned to the client application/i, 'TRIAGE_OKTA_USER_NOT_ASSIGNED'],
  [/client authentication failed|invalid client credentials/i, 'OIDC_CLIENT_SECRET_INVALID'],
]

/** OAuth error names with a row of their own in the IdP error-code table. */
const BY_ERROR: Record<string, FindingCode> = {
  invalid_client: 'OIDC_CLIENT_SECRET_INVALID',
  consent_required: 'OIDC_AUTHORIZE_CONSENT_REQUIRED',
  access_denied: 'OIDC_AUTHORIZE_ACCESS_DENIED',
  login_required: 'TRIAGE_OKTA_LOGIN_REQUIRED',
  invalid_scope: 'TRIAGE_OKTA_INVALID_SCOPE',
  unsupported_response_type: 'TRIAGE_OKTA_UNSUPPORTED_RESPONSE_TYPE',
}

const REDIRECT_URI_NOT_REGISTERED = new Set<FindingCode>(['TRIAGE_AADSTS50011', 'TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED'])

export interface ErrorRedirect {
  readonly error: string
  readonly error_description?: string
}

/**
 * An IdP's error redirect (error, error_description) as findings with their owner and the IdP screen to fix:
 * the IdP's own code first (AADSTS, Okta E-code: the IdP error-code table), then Okta's sentences, then the OAuth
 * error name itself.
 */
export function errorRedirectFindings(
  e: ErrorRedirect,
  o: { idp: IdpKind; redirectUri: string; clientId?: string },
): Finding[] {
  const description = e.error_description?.slice(0, 1000)
  const actual = { error: e.error.slice(0, 200), ...(description ? { error_description: description } : {}) }
  const mentions = idpCodesIn(description ?? '')
  const known = mentions.find((m) => m.code)
  const okta = OKTA_TEXT.find(([re]) => re.test(description ?? ''))
  const idp: IdpKind = (known ?? mentions[0])?.idp ?? (okta ? 'okta' : o.idp)
  const code: FindingCode = known?.code ?? okta?.[1] ?? BY_ERROR[e.error] ?? 'OIDC_AUTHORIZE_ERROR'
  const expected = REDIRECT_URI_NOT_REGISTERED.has(code)
    ? { redirectUri: o.redirectUri, registeredFor: o.clientId ?? null }
    : code === 'TRIAGE_AADSTS700016'
      ? { clientId: o.clientId ?? null }
      : 'an authorization code for the test user'
  return [finding(code, { expected, actual, where: 'authorization response (redirect to the callback)' }, { idp })]
}

/** Which IdP an issuer belongs to, for the "fix at" screens: a thin wrapper over lib/idps detectIdp. */
export function idpKindFromIssuer(issuer: string | undefined): IdpKind {
  return detectIdp({ oidcIssuers: [issuer] }).idp
}
