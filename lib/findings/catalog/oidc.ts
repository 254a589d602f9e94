import type { CatalogEntry, PerIdp } from '../types'

const E_REG = 'Entra admin center › Entra ID › App registrations › (app) › '
const O_AS = 'Okta Admin Console › Security › API › Authorization Servers › (server) › '
const O_APP = 'Okta Admin Console › Applications › (app) › '

const ISSUER: PerIdp = {
  entra:
    E_REG +
    'Overview › Endpoints › OpenID Connect metadata document (use the tenant-specific one: https://login.microsoftonline.com/<tenant-id>/v2.0)',
  okta:
    O_AS +
    'Settings › Issuer / Metadata URI (the org server is https://<org>.okta.com; a custom one is https://<org>.okta.com/oauth2/<id>)',
  adfs: 'AD FS Management › Service › Federation Service Properties › Federation Service identifier (issuer https://<host>/adfs)',
  keycloak: 'Keycloak admin console › (realm) › Realm settings › General › Frontend URL (hostname and https)',
  google: 'Nothing to change at Google: configure the issuer exactly as https://accounts.google.com',
}
const METADATA: PerIdp = {
  entra: E_REG + 'Overview › Endpoints › OpenID Connect metadata document',
  okta: O_AS + 'Metadata URI (…/.well-known/openid-configuration, not …/oauth-authorization-server)',
  adfs: 'AD FS Management › Service › Endpoints › OpenID Connect Discovery (/adfs/.well-known/openid-configuration)',
  keycloak: 'Keycloak admin console › (realm) › Realm settings › Endpoints › OpenID Endpoint Configuration',
}
const GRANTS: PerIdp = {
  entra: E_REG + 'Authentication › Platform configurations › Web (authorization code flow)',
  okta: O_APP + 'General › General Settings › Grant type › Authorization Code',
  keycloak: 'Keycloak admin console › (realm) › Clients › (client) › Settings › Capability config › Standard flow',
}
const PKCE: PerIdp = {
  entra: E_REG + 'Authentication (PKCE with S256 is supported for every app; nothing to switch on)',
  okta: O_APP + 'General › Client Credentials › Require PKCE as additional verification',
  keycloak:
    'Keycloak admin console › (realm) › Clients › (client) › Advanced › Proof Key for Code Exchange Code Challenge Method › S256',
}
const SIGNING: PerIdp = {
  entra:
    E_REG +
    'Manifest (ID tokens are RS256-signed by Microsoft-managed keys) — or Enterprise apps › (app) › Single sign-on › SAML Certificates for a custom signing key',
  okta: O_AS + 'Keys (ID tokens are signed with the authorization server’s RS256 keys)',
  keycloak:
    'Keycloak admin console › (realm) › Clients › (client) › Advanced › Fine grain OpenID Connect configuration › ID token signature algorithm',
}
const SCOPES: PerIdp = {
  entra:
    E_REG +
    'API permissions › Microsoft Graph › openid, email, profile (and Token configuration › Add optional claim › email)',
  okta: O_AS + 'Scopes (openid, email, profile) and Claims',
  keycloak: 'Keycloak admin console › (realm) › Client scopes (email, profile) › Clients › (client) › Client scopes',
}
const KEYS: PerIdp = {
  entra:
    E_REG +
    'Overview › Endpoints (the signing keys are Microsoft-managed: check that jwks_uri is Microsoft’s https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys)',
  okta: O_AS + 'Keys › Rotate keys (and check that jwks_uri is …/v1/keys of the same server)',
  adfs: 'AD FS Management › Service › Certificates › Token-signing',
  keycloak: 'Keycloak admin console › (realm) › Realm settings › Keys › Providers',
}
const REDIRECT: PerIdp = {
  entra: E_REG + 'Authentication › Redirect URIs',
  okta: O_APP + 'General › Login › Sign-in redirect URIs',
  keycloak: 'Keycloak admin console › (realm) › Clients › (client) › Settings › Valid redirect URIs',
}
const CLIENT_ID: PerIdp = {
  entra: E_REG + 'Overview › Application (client) ID',
  okta: O_APP + 'General › Client Credentials › Client ID',
  keycloak: 'Keycloak admin console › (realm) › Clients › (client) › Settings › Client ID',
}

const DISCOVERY_SPEC = 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata'
const JWKS_SPEC = 'https://www.rfc-editor.org/rfc/rfc7517#section-4'

/** Static checks of an OpenID Provider's configuration: the discovery document, its JWKS and what the admin typed. */
export const oidcCatalog = {
  OIDC_DISCOVERY_NOT_OBJECT: {
    severity: 'error',
    owner: 'idp',
    title: 'The OpenID configuration is not a JSON object',
    symptom: 'The uploaded or fetched discovery document is JSON, but an array, string or number instead of an object.',
    detail:
      'An OpenID Provider configuration is a single JSON object of metadata members. Nothing else could be checked.',
    nextStep: 'Fetch <issuer>/.well-known/openid-configuration again and upload it unchanged.',
    fixAt: METADATA,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ISSUER_MISSING: {
    severity: 'error',
    owner: 'idp',
    title: 'The OpenID configuration has no issuer',
    symptom: 'The discovery document lacks the "issuer" member, or it is empty.',
    detail: 'Every ID token’s "iss" claim is compared with the issuer; without it no token can be validated.',
    nextStep: 'Use the discovery document the IdP itself publishes at <issuer>/.well-known/openid-configuration.',
    fixAt: ISSUER,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ISSUER_NOT_HTTPS: {
    severity: 'error',
    owner: 'idp',
    title: 'The issuer is not an https URL',
    symptom: 'The issuer starts with http://, or has no scheme at all (Google’s old "accounts.google.com").',
    detail:
      'OpenID Connect requires the issuer to be an https URL; clients compare it byte for byte with the ID token’s "iss", and refuse http issuers.',
    nextStep:
      'Serve the IdP over https with its public host name and use that issuer (e.g. set the realm’s Frontend URL in Keycloak).',
    fixAt: ISSUER,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ISSUER_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: 'The issuer has a query or fragment',
    symptom: 'The issuer URL contains "?" or "#".',
    detail: 'An issuer is an https URL with scheme, host and optional path only; a query or fragment is not allowed.',
    nextStep: 'Use the issuer exactly as the IdP publishes it, without query or fragment.',
    fixAt: ISSUER,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ISSUER_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: 'The issuer is not the one configured',
    symptom:
      'The document’s issuer differs from the issuer URL you configured or the URL the document was fetched from.',
    detail:
      'OpenID Connect Discovery requires the issuer to be identical to the URL the configuration was fetched for; the vendor compares ID tokens’ "iss" with the configured issuer and rejects every login otherwise.',
    nextStep:
      'Configure the issuer exactly as the document states it (copy it), or fetch the document of the issuer you meant.',
    fixAt: ISSUER,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ISSUER_TRAILING_SLASH: {
    severity: 'error',
    owner: 'idp',
    title: 'The issuer differs only by a trailing slash',
    symptom: 'The configured issuer and the document’s issuer are the same except for a final "/".',
    detail:
      'Issuers are compared as exact strings: "https://idp.example.com" and "https://idp.example.com/" are different issuers, so ID tokens are rejected.',
    nextStep:
      'Copy the issuer from the document character for character, including or omitting the final slash as it does.',
    fixAt: ISSUER,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ENTRA_ISSUER_TEMPLATE: {
    severity: 'error',
    owner: 'idp',
    title: 'The Entra issuer is the {tenantid} template of a multi-tenant endpoint',
    symptom:
      'The issuer is https://login.microsoftonline.com/{tenantid}/v2.0 (from the common or organizations endpoint).',
    detail:
      'The common / organizations documents describe every tenant at once; their issuer is a template, not a value a token can match. Configured like this, the vendor would either reject every token or accept tokens from any tenant.',
    nextStep:
      'Use your tenant-specific issuer https://login.microsoftonline.com/<your-tenant-id>/v2.0 and its discovery document.',
    important: 'Find the tenant ID in Entra admin center › Overview › Tenant ID.',
    fixAt: ISSUER,
    docs: [
      'https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri',
    ],
  },
  OIDC_ENTRA_ISSUER_VERSION_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: 'Entra v1 and v2 endpoints are mixed',
    symptom:
      'The issuer is the v1 form https://sts.windows.net/<tenant>/ while the endpoints are v2.0 (or the other way round), or the configured issuer is of the other version.',
    detail:
      'Entra issues v1 tokens (iss https://sts.windows.net/<tenant>/) from the v1 endpoints and v2 tokens (iss https://login.microsoftonline.com/<tenant>/v2.0) from the v2.0 endpoints. Mixing them makes the "iss" check fail.',
    nextStep:
      'Use the v2.0 set consistently: issuer https://login.microsoftonline.com/<tenant-id>/v2.0 and https://login.microsoftonline.com/<tenant-id>/v2.0/.well-known/openid-configuration.',
    fixAt: ISSUER,
    docs: ['https://learn.microsoft.com/entra/identity-platform/access-tokens#token-formats'],
  },
  OIDC_OKTA_AUTHORIZATION_SERVER_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: 'Okta org and custom authorization servers are mixed up',
    symptom:
      'The configured issuer is https://<org>.okta.com but the document is from /oauth2/default or /oauth2/aus…, or the other way round, or two different custom servers.',
    detail:
      'Each Okta authorization server has its own issuer, keys and policies. Tokens from one are rejected when the other is configured.',
    nextStep:
      'Pick the authorization server the app uses and configure its exact issuer (Security › API › Authorization Servers shows each server’s Issuer).',
    fixAt: ISSUER,
    docs: ['https://developer.okta.com/docs/concepts/auth-servers/'],
  },
  OIDC_METADATA_MEMBER_MISSING: {
    severity: 'error',
    owner: 'idp',
    title: 'A required member is missing from the OpenID configuration',
    symptom:
      'The discovery document lacks authorization_endpoint, token_endpoint, jwks_uri, response_types_supported, subject_types_supported or id_token_signing_alg_values_supported.',
    detail:
      'OpenID Connect Discovery requires these members. A document without the OIDC ones (subject types, ID token algorithms) is often OAuth authorization-server metadata (/.well-known/oauth-authorization-server) rather than the OpenID configuration.',
    nextStep: 'Use <issuer>/.well-known/openid-configuration of the authorization server the app uses.',
    fixAt: METADATA,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_METADATA_MEMBER_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: 'A member of the OpenID configuration has the wrong type',
    symptom: 'A *_supported member is not a list of strings, or an endpoint is not a string.',
    detail:
      'The member’s value does not have the type OpenID Connect Discovery defines, so clients ignore or reject it.',
    nextStep:
      'Use the document exactly as the IdP serves it; if the IdP serves it like this, report it to the IdP’s vendor.',
    fixAt: METADATA,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ENDPOINT_NOT_HTTPS: {
    severity: 'error',
    owner: 'idp',
    title: 'An endpoint is not https',
    symptom:
      'authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint or another endpoint starts with http://.',
    detail:
      'Codes, tokens and signing keys travel over these endpoints; over http anyone on the path can read or replace them. Clients refuse http endpoints.',
    nextStep: 'Serve the IdP over https with its public host name, so that every endpoint in the document is https.',
    fixAt: ISSUER,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_ENDPOINT_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: 'An endpoint is not a usable URL',
    symptom: 'An endpoint is relative, uses javascript:, data: or another non-http scheme, or has a fragment.',
    detail:
      'Endpoints must be absolute https URLs. A javascript: or data: endpoint is an injection attempt; a relative one (e.g. a file name) was edited by hand.',
    nextStep:
      'Use the document exactly as the IdP publishes it; if it was edited or came from a third party, fetch it again from the issuer.',
    fixAt: METADATA,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_CODE_FLOW_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    title: 'The authorization code flow is not offered',
    symptom: 'response_types_supported lacks "code", or grant_types_supported lacks "authorization_code".',
    detail:
      'The vendor signs users in with the authorization code flow (with PKCE). An IdP configuration that does not offer it cannot be used.',
    nextStep: 'Enable the authorization code grant for the app.',
    fixAt: GRANTS,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_PKCE_S256_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    title: 'PKCE with S256 is not supported',
    symptom: 'code_challenge_methods_supported lists only "plain" or other methods, not "S256".',
    detail:
      'The vendor protects the code flow with PKCE using S256; "plain" gives no protection against code interception.',
    nextStep: 'Enable PKCE with S256 for the app.',
    fixAt: PKCE,
    docs: ['https://www.rfc-editor.org/rfc/rfc7636#section-4.2'],
  },
  OIDC_PKCE_NOT_ADVERTISED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The configuration does not say whether PKCE is supported',
    symptom: 'code_challenge_methods_supported is absent from the discovery document.',
    detail:
      'Without the member a client cannot tell whether PKCE works. Entra supports S256 without advertising it; other IdPs that omit it often do not support PKCE.',
    nextStep: 'Run a test login: it uses PKCE S256 and shows whether the IdP honours it.',
    fixAt: PKCE,
    docs: ['https://www.rfc-editor.org/rfc/rfc8414#section-2'],
  },
  OIDC_ALG_NONE_ADVERTISED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The IdP offers unsigned ID tokens (alg "none")',
    symptom: 'id_token_signing_alg_values_supported contains "none".',
    detail:
      'An unsigned ID token can be forged by anyone. The vendor never accepts one, but a client registered for "none" would receive them.',
    nextStep:
      'Make sure the app’s ID token signing algorithm is RS256 (or another asymmetric algorithm), never "none".',
    fixAt: SIGNING,
    docs: ['https://openid.net/specs/openid-connect-core-1_0.html#Signing'],
  },
  OIDC_ALG_SYMMETRIC_ADVERTISED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The IdP offers HMAC-signed ID tokens (HS256/384/512)',
    symptom: 'id_token_signing_alg_values_supported contains HS256, HS384 or HS512 next to asymmetric algorithms.',
    detail:
      'HMAC ID tokens are signed with the client secret, so whoever holds the secret can mint tokens, and the public JWKS cannot verify them.',
    nextStep: 'Set the app’s ID token signing algorithm to RS256 (asymmetric).',
    fixAt: SIGNING,
    docs: ['https://openid.net/specs/openid-connect-core-1_0.html#Signing'],
  },
  OIDC_ALG_ONLY_SYMMETRIC: {
    severity: 'error',
    owner: 'idp',
    title: 'ID tokens can only be HMAC-signed',
    symptom: 'id_token_signing_alg_values_supported lists only HS* algorithms (or only HS* and "none").',
    detail:
      'No ID token can be verified with the IdP’s public keys: the vendor requires asymmetric signatures (RS256 or better).',
    nextStep: 'Enable RS256 ID token signing for the app.',
    fixAt: SIGNING,
    docs: ['https://openid.net/specs/openid-connect-core-1_0.html#Signing'],
  },
  OIDC_ALG_RS256_NOT_ADVERTISED: {
    severity: 'warning',
    owner: 'idp',
    title: 'RS256 is not among the ID token algorithms',
    symptom: 'id_token_signing_alg_values_supported lists asymmetric algorithms, but not RS256.',
    detail:
      'OpenID Connect Discovery requires RS256 to be included; it is the one algorithm every client supports. Clients without the listed algorithms cannot verify the ID tokens.',
    nextStep:
      'Enable RS256 ID token signing for the app (or confirm with the vendor that it accepts the listed algorithm).',
    fixAt: SIGNING,
    docs: [DISCOVERY_SPEC],
  },
  OIDC_SCOPE_NOT_ADVERTISED: {
    severity: 'warning',
    owner: 'idp',
    title: 'A scope the vendor requests is not advertised',
    symptom: 'scopes_supported lacks openid, email or profile.',
    detail:
      'The vendor requests these scopes to receive the user’s identity, e-mail and name. A scope the IdP does not support is ignored or rejected, and the claims behind it are missing.',
    nextStep:
      'Add the missing scope to the authorization server (or grant it to the app), then run a test login to see the claims.',
    fixAt: SCOPES,
    docs: ['https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims'],
  },
  OIDC_CLAIM_NOT_ADVERTISED: {
    severity: 'warning',
    owner: 'idp',
    title: 'A claim the vendor needs is not advertised',
    symptom: 'claims_supported lacks email (or another claim the vendor requires).',
    detail:
      'The vendor identifies users by these claims. If the IdP does not list them it may not send them; a test login shows whether they arrive.',
    nextStep:
      'Add the claim to the ID token (Entra: Token configuration › optional claim email; Okta: Claims), then run a test login.',
    fixAt: SCOPES,
    docs: ['https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims'],
  },
  OIDC_JWKS_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: 'The JWKS is not a key set',
    symptom: 'The document at jwks_uri is JSON but has no "keys" list, or a key is not an object.',
    detail:
      'A JSON Web Key Set is an object with a "keys" array of JWK objects; the vendor cannot find the ID token signing keys in anything else.',
    nextStep:
      'Check that jwks_uri points at the IdP’s key set (Entra …/discovery/v2.0/keys, Okta …/v1/keys) and upload that document.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_EMPTY: {
    severity: 'error',
    owner: 'idp',
    title: 'The JWKS has no keys',
    symptom: 'jwks_uri returns {"keys": []}.',
    detail: 'Without a public key no ID token signature can be verified, so every login fails.',
    nextStep: 'Create or activate a signing key on the authorization server.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_PRIVATE_KEY: {
    severity: 'error',
    owner: 'idp',
    title: 'The JWKS publishes private key material',
    symptom: 'A key in the public JWKS has "d", "p", "q", "dp", "dq", "qi" or "k" members.',
    detail:
      'These members are the private (or secret) part of the key. Anyone who fetched the JWKS can sign tokens as your IdP.',
    nextStep: 'Remove the key from the JWKS and rotate it at once: treat every token it signed as untrustworthy.',
    important: 'The key is compromised: rotating is required, removing it from the document is not enough.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_SYMMETRIC_KEY: {
    severity: 'error',
    owner: 'idp',
    title: 'The JWKS contains a symmetric (oct) key',
    symptom: 'A key has "kty": "oct".',
    detail:
      'Symmetric keys are secrets; they never belong in a published key set and cannot verify an asymmetric signature.',
    nextStep: 'Remove the symmetric key from the JWKS and rotate it; publish only RSA or EC public keys.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_RSA_TOO_SMALL: {
    severity: 'error',
    owner: 'idp',
    title: 'An RSA signing key is too short',
    symptom: 'A JWKS key’s modulus is shorter than 2048 bits (e.g. Google’s 1024-bit keys of 2015).',
    detail: 'RSA keys under 2048 bits are considered breakable; the vendor refuses signatures made with them.',
    nextStep: 'Rotate to an RSA key of at least 2048 bits.',
    fixAt: KEYS,
    docs: ['https://www.rfc-editor.org/rfc/rfc7518#section-3.3'],
  },
  OIDC_JWKS_KEY_MALFORMED: {
    severity: 'error',
    owner: 'idp',
    title: 'A JWKS key is malformed',
    symptom:
      'A key’s "n", "e", "x" or "y" is missing or not base64url (e.g. standard base64 with "+" and "/"), or its curve is unknown.',
    detail:
      'JWK members are base64url without padding. Strict clients (and the vendor) reject keys encoded otherwise, so tokens signed with them fail.',
    nextStep:
      'Publish the key set the IdP generates, unedited; if the IdP produces it like this, report it to the IdP’s vendor.',
    fixAt: KEYS,
    docs: ['https://www.rfc-editor.org/rfc/rfc7518#section-6.3.1'],
  },
  OIDC_JWKS_KID_DUPLICATE: {
    severity: 'error',
    owner: 'idp',
    title: 'Two keys share the same kid',
    symptom: 'Several signing keys in the JWKS have the same "kid".',
    detail:
      'Clients pick the verification key by the token’s "kid"; with duplicates they may pick the wrong one and reject valid tokens.',
    nextStep: 'Give every key a unique kid (rotate one of them).',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_KID_MISSING: {
    severity: 'warning',
    owner: 'idp',
    title: 'A key has no kid',
    symptom: 'A key in a JWKS with several keys has no "kid".',
    detail:
      'With several keys, clients match the ID token header’s "kid" to find the key; a key without one is only found by trying each key.',
    nextStep: 'Publish keys with a "kid" (the IdP’s default); check the key set was not edited by hand.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_NO_SIGNING_KEY: {
    severity: 'error',
    owner: 'idp',
    title: 'The JWKS has no signing key',
    symptom: 'Every key in the JWKS has "use": "enc".',
    detail:
      'Encryption keys cannot verify ID token signatures. The key set needs at least one key for "sig" (or without "use").',
    nextStep: 'Add (or activate) a signing key on the authorization server.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_UNKNOWN_KTY: {
    severity: 'warning',
    owner: 'idp',
    title: 'A key has an unknown key type',
    symptom: 'A key’s "kty" is missing or not RSA, EC or OKP.',
    detail: 'Clients skip keys of a type they do not know; if the IdP signs with it, tokens fail.',
    nextStep: 'Sign ID tokens with an RSA (RS256) key.',
    fixAt: KEYS,
    docs: [JWKS_SPEC],
  },
  OIDC_JWKS_NO_KEY_FOR_ALG: {
    severity: 'error',
    owner: 'idp',
    title: 'No key in the JWKS fits the advertised ID token algorithms',
    symptom: 'The configuration advertises RS256 (or ES256, …) but the JWKS holds no signing key of that type.',
    detail:
      'ID tokens signed with an advertised algorithm can only be verified with a key of the matching type (RSA for RS*/PS*, EC for ES*, OKP for EdDSA). With none, every signature check fails.',
    nextStep:
      'Check that jwks_uri points at the key set of the same authorization server, and that its signing key is active.',
    fixAt: KEYS,
    docs: ['https://www.rfc-editor.org/rfc/rfc7518#section-3.1'],
  },
  OIDC_JWKS_CERT_KEY_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: 'A key’s certificate does not match the key',
    symptom: 'The certificate in a key’s "x5c" holds a different public key than the key’s "n" and "e".',
    detail:
      'RFC 7517 requires the x5c certificate’s key to be the JWK’s key. Clients that verify with the certificate and clients that verify with n/e disagree: some logins fail.',
    nextStep: 'Publish the key set the IdP generates, unedited; rotate the key if it was assembled by hand.',
    fixAt: KEYS,
    docs: ['https://www.rfc-editor.org/rfc/rfc7517#section-4.7'],
  },
  OIDC_REDIRECT_URI_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: 'The redirect URI is not a valid absolute URL',
    symptom: 'The redirect URI is relative, mistyped, or has a #fragment.',
    detail:
      'A redirect URI must be an absolute URL without fragment (OAuth 2.0 §3.1.2); the IdP compares it exactly with the one the vendor sends.',
    nextStep: 'Copy the vendor’s redirect URI exactly into the app registration.',
    fixAt: REDIRECT,
    docs: ['https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2'],
  },
  OIDC_REDIRECT_URI_NOT_HTTPS: {
    severity: 'error',
    owner: 'idp',
    title: 'The redirect URI is not https',
    symptom: 'The redirect URI starts with http:// for a host other than localhost.',
    detail:
      'Authorization codes travel to the redirect URI; over http they can be intercepted. IdPs allow http only for localhost.',
    nextStep: 'Use the vendor’s https redirect URI.',
    fixAt: REDIRECT,
    docs: ['https://www.rfc-editor.org/rfc/rfc9700#section-4.1'],
  },
  OIDC_REDIRECT_URI_WILDCARD: {
    severity: 'error',
    owner: 'idp',
    title: 'The redirect URI contains a wildcard',
    symptom: 'The redirect URI contains "*".',
    detail:
      'Wildcard redirect URIs let an attacker receive authorization codes on a URL of their choosing; Entra refuses them for most apps.',
    nextStep: 'Register the exact redirect URI the vendor uses.',
    fixAt: REDIRECT,
    docs: ['https://www.rfc-editor.org/rfc/rfc9700#section-4.1'],
  },
  OIDC_REDIRECT_URI_NOT_VENDOR: {
    severity: 'error',
    owner: 'idp',
    title: 'The redirect URI is not the vendor’s',
    symptom: 'The redirect URI does not have the form the vendor’s profile expects.',
    detail:
      'The IdP only returns codes to registered redirect URIs; one that is not the vendor’s sends the user elsewhere.',
    nextStep: 'Register the redirect URI shown in the vendor’s console, exactly.',
    screen: 'oidc.redirectUris',
  },
  OIDC_CLIENT_ID_FORMAT: {
    severity: 'warning',
    owner: 'idp',
    title: 'The client ID does not look like one from this IdP',
    symptom: 'An Entra client ID that is not a GUID, or an Okta client ID that is not 20 characters starting with 0oa.',
    detail:
      'Entra application (client) IDs are GUIDs; Okta client IDs are 20 characters starting with "0oa". Another value is often the object ID, the tenant ID, the app name or the secret.',
    nextStep: 'Copy the client ID from the app’s overview page.',
    fixAt: CLIENT_ID,
  },
  OIDC_CLIENT_ID_LOOKS_LIKE_SECRET: {
    severity: 'error',
    owner: 'idp',
    title: 'The client ID looks like a client secret',
    symptom:
      'The value entered as client ID looks like an Entra client secret value (contains "~") or a long random secret.',
    detail: 'A secret in the client-ID field is sent in URLs and logs. The value was not stored or shown.',
    nextStep:
      'Enter the Application (client) ID as client ID; if the secret was shared, create a new secret and delete this one.',
    important: 'Treat the secret as exposed: rotate it.',
    fixAt: CLIENT_ID,
  },
  // Owned by the IdP side: the vendor being SAML-only is a fact, the fix (a SAML app) is made in the IdP (issue 9).
  OIDC_VENDOR_SAML_ONLY: {
    severity: 'error',
    owner: 'idp',
    title: 'This vendor accepts SAML 2.0 only, not OpenID Connect',
    symptom: 'An OIDC configuration was checked against a vendor profile whose SSO is SAML-only.',
    detail:
      'The vendor’s SSO cannot use an OpenID Connect app. The other findings still describe the OIDC configuration, but the vendor needs a SAML 2.0 app.',
    nextStep:
      'Create a SAML 2.0 app for the vendor in your IdP (Entra: Entra ID › Enterprise apps › New application › the vendor’s gallery app; Okta: Applications › Browse App Catalog) and check its metadata instead.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › New application › (the vendor’s gallery app, or Create your own application › non-gallery) › Single sign-on › SAML',
      okta: 'Okta Admin Console › Applications › Browse App Catalog (or Create App Integration › SAML 2.0)',
    },
  },
  OIDC_ENDPOINT_INTERNAL_ADDRESS: {
    severity: 'error',
    owner: 'idp',
    title: 'An endpoint points at a private, loopback or link-local address',
    symptom:
      'jwks_uri, token_endpoint, authorization_endpoint or another endpoint names localhost, 127.0.0.1, 10.x, 192.168.x, 169.254.x or another internal address.',
    detail:
      'The vendor’s servers and the users’ browsers reach these endpoints over the internet; an internal address cannot be reached from there, and a client that follows it would call into its own network. Reported even when nothing is fetched. A loopback endpoint is a warning only when loopback test IdPs are allowed (the demo).',
    nextStep:
      'Publish the IdP under its public https host name, so that every endpoint in the discovery document uses it (the IdP’s frontend / public URL setting).',
    fixAt: ISSUER,
    docs: [
      DISCOVERY_SPEC,
      'https://www.rfc-editor.org/rfc/rfc6761#section-6.3',
      'https://www.rfc-editor.org/rfc/rfc1918',
      'https://www.rfc-editor.org/rfc/rfc3927',
    ],
  },
} as const satisfies Record<`OIDC_${string}`, CatalogEntry>
