import type { IdpKind } from '../findings/types'

const RULES: ReadonlyArray<readonly [RegExp, IdpKind]> = [
  [/^(https?:\/\/)?(sts\.windows\.net|login\.microsoftonline\.(com|us)|login\.windows\.net|login\.partner\.microsoftonline\.cn|login\.chinacloudapi\.cn)(\/|$)/i, 'entra'],
  [/^(https?:\/\/)?[^/]+\.(okta|oktapreview|okta-emea|okta-gov|okta-mil)\.com(\/|$)/i, 'okta'],
  [/^(https?:\/\/)?accounts\.google\.com(\/|$)/i, 'google'],
  [/\/realms\/[^/]+\/?$/i, 'keycloak'],
  [/\/adfs\/?$/i, 'adfs'],
]

/**
 * Which IdP product an OpenID Provider is, from its issuer (or, when that is missing, the configured issuer).
 * @example detectOidcIdp('https://login.microsoftonline.com/{tenantid}/v2.0') // 'entra'
 */
export function detectOidcIdp(...issuers: ReadonlyArray<string | undefined>): IdpKind {
  for (const issuer of issuers) {
    if (!issuer) continue
    for (const [re, kind] of RULES) if (re.test(issuer.trim())) return kind
  }
  return 'other'
}
