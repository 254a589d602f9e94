/**
 * One switch per fault, chosen by the username typed on the mock IdP's login page (`<scenario>@demo.test`).
 * The login pages list these tables, so a newcomer can try every outcome without reading code; any other name is refused.
 */

export interface SamlScenario {
  readonly id: string
  readonly label: string
}

export const SAML_SCENARIOS = [
  { id: 'ok', label: 'Everything right: a signed response the vendor accepts' },
  { id: 'expired-cert', label: 'Signed with an expired certificate (still listed in the metadata)' },
  { id: 'cert-not-in-metadata', label: 'Signed with a certificate that is not in the metadata' },
  { id: 'wrong-audience', label: 'Audience is another SP entity ID (wrong Identifier)' },
  { id: 'wrong-recipient', label: 'Recipient and Destination name another ACS URL (wrong Reply URL)' },
  { id: 'wrong-inresponseto', label: 'InResponseTo does not match the AuthnRequest ID' },
  { id: 'assertion-unsigned', label: 'Only the Response is signed, the Assertion is not' },
  { id: 'unsigned', label: 'Neither the Response nor the Assertion is signed' },
  { id: 'sha1', label: 'Signed with RSA-SHA1 and SHA-1 digests' },
  { id: 'clock-ahead', label: 'IdP clock 10 minutes ahead (NotBefore in the future)' },
  { id: 'clock-behind', label: 'IdP clock 10 minutes behind (assertion already expired)' },
  { id: 'missing-email', label: 'No email attribute' },
  { id: 'empty-objectguid', label: 'objectGUID attribute sent empty' },
  { id: 'entra-claims', label: 'Entra namespaced claim names (http://schemas.xmlsoap.org/...)' },
  { id: 'missing-name', label: 'No firstName / lastName attributes' },
  { id: 'status-responder', label: 'Status Responder (the IdP failed), no assertion' },
  { id: 'status-requester', label: 'Status Requester (the IdP rejected the request), no assertion' },
  { id: 'status-authnfailed', label: 'Status Responder / AuthnFailed (the user could not sign in)' },
  { id: 'authncontext-mismatch', label: 'Status NoAuthnContext with AADSTS75011 (authentication method mismatch)' },
] as const satisfies readonly SamlScenario[]

export type SamlScenarioId = (typeof SAML_SCENARIOS)[number]['id']

export interface OidcErrorRedirect {
  readonly error: string
  readonly description: string
}

export interface OidcScenario {
  readonly id: string
  readonly label: string
  /** When set, the IdP redirects back with this error instead of issuing a code. */
  readonly errorRedirect?: OidcErrorRedirect
}

export const OIDC_SCENARIOS = [
  { id: 'ok', label: 'Everything right: a signed ID token with email, given_name, family_name' },
  { id: 'wrong-aud', label: 'ID token aud is another client ID' },
  { id: 'wrong-iss', label: 'ID token iss is another issuer' },
  { id: 'expired', label: 'ID token already expired (exp in the past)' },
  { id: 'bad-signature', label: 'ID token signed with a key that is not in the JWKS' },
  { id: 'missing-email', label: 'No email claim in the ID token or userinfo' },
  { id: 'userinfo-fails', label: 'Tokens are fine, but the userinfo endpoint answers 500' },
  {
    id: 'aadsts50011',
    label: 'Entra AADSTS50011: redirect URI mismatch',
    errorRedirect: {
      error: 'invalid_request',
      description:
        "AADSTS50011: The redirect URI 'REDIRECT' specified in the request does not match the redirect URIs configured for the application 'CLIENT'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.",
    },
  },
  {
    id: 'aadsts700016',
    label: 'Entra AADSTS700016: application not found in the directory',
    errorRedirect: {
      error: 'unauthorized_client',
      description:
        "AADSTS700016: Application with identifier 'CLIENT' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
    },
  },
  {
    id: 'aadsts50105',
    label: 'Entra AADSTS50105: user not assigned to the application',
    errorRedirect: {
      error: 'access_denied',
      description:
        "AADSTS50105: Your administrator has configured the application SSO Preflight ('CLIENT') to block users unless they are specifically granted ('assigned') access to the application.",
    },
  },
  {
    id: 'aadsts65001',
    label: 'Entra AADSTS65001: consent missing',
    errorRedirect: {
      error: 'consent_required',
      description:
        "AADSTS65001: The user or administrator has not consented to use the application with ID 'CLIENT' named 'SSO Preflight'. Send an interactive authorization request for this user and resource.",
    },
  },
  {
    id: 'aadsts7000215',
    label: 'Entra AADSTS7000215: invalid client secret',
    errorRedirect: {
      error: 'invalid_client',
      description:
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'CLIENT'.",
    },
  },
  {
    id: 'okta-redirect-uri',
    label: 'Okta: redirect_uri is not a Login redirect URI',
    errorRedirect: {
      error: 'invalid_request',
      description:
        "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: https://example-admin.okta.com/admin/app/oidc_client/instance/CLIENT#tab-general",
    },
  },
  {
    id: 'okta-user-not-assigned',
    label: 'Okta: user is not assigned to the client application',
    errorRedirect: { error: 'access_denied', description: 'User is not assigned to the client application.' },
  },
  {
    id: 'okta-invalid-client',
    label: 'Okta: invalid_client (client authentication failed)',
    errorRedirect: {
      error: 'invalid_client',
      description: 'Client authentication failed. Either the client or the client credentials are invalid.',
    },
  },
] as const satisfies readonly OidcScenario[]

export type OidcScenarioId = (typeof OIDC_SCENARIOS)[number]['id']

export const DEMO_DOMAIN = 'demo.test'

/**
 * The test users the mock IdP knows: `<scenario>@demo.test`, or `<scenario>+<tag>@demo.test` for another user with the
 * same outcome (`ok+alice@demo.test`: distinct test users for the go / no-go). Any other name is refused at the login
 * page with the list, so a typo never passes silently as `ok`.
 */
export const USERNAME_TAG = /^[a-z0-9._-]{1,40}$/

/** The scenario a username picks, or undefined when the name is not one of this table's test users. */
export function findScenario<T extends { readonly id: string }>(username: string, table: readonly T[]): T | undefined {
  const m = /^([^@+]+)(?:\+([^@]*))?@([^@]+)$/.exec(username.trim().toLowerCase())
  if (!m || m[3] !== DEMO_DOMAIN) return undefined
  if (m[2] !== undefined && !USERNAME_TAG.test(m[2])) return undefined
  return table.find((s) => s.id === m[1])
}

/** The scenario of a name the login page already accepted (the OIDC token and userinfo hooks see only those). */
export function scenarioFromUsername<T extends { readonly id: string }>(username: string, table: readonly T[]): T {
  return findScenario(username, table) ?? (table[0] as T)
}

/** Why the login page refuses a name, with the names it takes: shown above the form. */
export function unknownUserMessage(username: string, table: readonly { readonly id: string }[]): string {
  const shown = username.trim() === '' ? 'An empty username' : `“${username.trim().slice(0, 80)}”`
  return (
    `${shown} is not a test user of this mock IdP. Sign in as one of: ${table.map((s) => usernameFor(s.id)).join(', ')} ` +
    `(or add a tag for another user with the same outcome, e.g. ok+alice@${DEMO_DOMAIN}).`
  )
}

export function usernameFor(scenarioId: string, tag?: string): string {
  return `${scenarioId}${tag ? `+${tag}` : ''}@${DEMO_DOMAIN}`
}
