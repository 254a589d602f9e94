import type { IdpKind } from '../findings/types'
import { detectIdp } from '../idps/detect'

/**
 * Which IdP product an OpenID Provider is, from its issuer (or, when that is missing, the configured issuer), and
 * from its endpoints when no issuer tells. A thin wrapper over lib/idps detectIdp, kept for its many callers.
 * @example detectOidcIdp('https://login.microsoftonline.com/{tenantid}/v2.0') // 'entra'
 */
export function detectOidcIdp(...issuers: ReadonlyArray<string | undefined>): IdpKind {
  return detectIdp({ oidcIssuers: issuers }).idp
}

/** The same, with the discovery document's endpoints as a second signal (e.g. PingFederate's /as/authorization.oauth2). */
export function detectOidcProvider(
  issuers: ReadonlyArray<string | undefined>,
  endpoints: ReadonlyArray<string | undefined>,
): IdpKind {
  return detectIdp({ oidcIssuers: issuers, endpoints }).idp
}
