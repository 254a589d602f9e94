export {
  buildAuthnRequest,
  newRequestId,
  postBindingFields,
  redirectBindingUrl,
  BINDING_POST,
  BINDING_REDIRECT,
} from './saml/authn-request'
export type { AuthnRequestInput } from './saml/authn-request'
export { samlIdpEndpoint } from './saml/idp-endpoint'
export type { SamlIdpEndpoint } from './saml/idp-endpoint'
export { startSamlTestLogin, SAML_RUN_TTL_MS } from './saml/start'
export type { SamlDispatch, SamlPending, StartResult } from './saml/start'
export { completeSamlTestLogin, PRIVATE_VIEW_TTL_MS, samlViewKey } from './saml/complete'
export type { AcsInput, AcsOutcome, PrivateSamlView } from './saml/complete'
export { buildSpMetadata } from './saml/sp-metadata'
export { startOidcTestLogin, OIDC_RUN_TTL_MS, oidcRunSecretKey } from './oidc/start'
export type { OidcPending, OidcStartResult } from './oidc/start'
export { completeOidcTestLogin, oidcViewKey } from './oidc/callback'
export type { PrivateOidcView } from './oidc/callback'
export { errorRedirectFindings, idpKindFromIssuer } from './oidc/error-redirect'
export { oidcErrorToFindings } from './oidc/to-findings'
export { checkRequiredClaims } from './oidc/claims'
export { BROWSER_COOKIE, browserCookieHeader, browserKeyHash, newBrowserKey, sameBrowser } from './browser-binding'
export { privateViewFor, revealedUser } from './private-view'
export type { PrivateView } from './private-view'
export { runExportReport } from './export'
export { claimPath, ourAcsUrl, ourOidcRedirectUri, runPath, spMetadataUrl } from './urls'
export { idpErrorCodeFindings } from './idp-error-codes'
export { reportIdpErrorPage } from './idp-error-page'
export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, isDemoOidcClient } from './demo'
