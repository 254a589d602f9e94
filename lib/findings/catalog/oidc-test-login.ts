import type { CatalogEntry, PerIdp } from '../types'

/*
 * Problems specific to a live OpenID Connect test login: the run, the IdP's error redirects, the code exchange. The
 * IdP's own error codes and the OAuth error names (invalid_client, access_denied, consent_required) are rows of the
 * IdP error-code table (idp-error-codes.ts).
 */

const E_REG = 'Entra admin center › Entra ID › App registrations › (app) › '
const O_APP = 'Okta Admin Console › Applications › (app) › '

const REDIRECT_URIS: PerIdp = {
  entra: E_REG + 'Authentication › Platform configurations › Web › Redirect URIs',
  okta: O_APP + 'General › General Settings › Edit › Sign-in redirect URIs',
}
const LOGS: PerIdp = {
  entra:
    'Entra admin center › Entra ID › Monitoring & health › Sign-in logs (filter by application and correlation ID)',
  okta: 'Okta Admin Console › Reports › System Log (eventType eq "app.oauth2.authorize" or "app.oauth2.token.grant")',
}

export const oidcTestLoginCatalog = {
  OIDC_TEST_LOGIN_RUN_NOT_FOUND: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'This callback belongs to no test login in progress',
    symptom:
      'The result page says the callback matches no test login: it was started in another browser or app instance, more than 15 minutes ago, or the state parameter was lost.',
    detail:
      'Each test login is found by the state it sent to the IdP. The callback’s state named no run, so nothing was exchanged.',
    nextStep: 'Start the test login again from the connection page and sign in within 10 minutes.',
  },
  OIDC_TEST_LOGIN_REPLAYED: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'The same authorization response arrived twice',
    symptom:
      'The callback URL was opened again (reload, back button, a copied link) after the test login had completed.',
    detail:
      'An authorization code and its state are accepted once. This second arrival was refused; the first result stays valid.',
    nextStep: 'Open the first result or run a new test login; do not reload the callback page.',
  },
  OIDC_TEST_LOGIN_RUN_EXPIRED: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'The OIDC test login took longer than allowed',
    symptom: 'The IdP redirected back more than 10 minutes after the test login started.',
    detail: 'Test logins are short-lived so that a stale code cannot be used later.',
    nextStep: 'Run the test login again and sign in at the IdP right away.',
  },
  OIDC_TEST_LOGIN_SECRET_UNAVAILABLE: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'The client secret for this test login is no longer available',
    symptom:
      'The callback arrived more than 10 minutes after the test login started, a second time, or in another browser than the one that started it.',
    detail:
      'The client secret typed for a run is kept encrypted (AES-256-GCM) for at most 10 minutes, bound to the browser that started the run, and deleted when the callback uses it. Without it the code cannot be exchanged.',
    nextStep:
      'Run the test login again in one browser and enter the client secret again. Several app instances must share SSO_PREFLIGHT_ENCRYPTION_KEY (or the session secret it derives from).',
  },
  OIDC_TEST_LOGIN_DISCOVERY_FAILED: {
    severity: 'error',
    owner: 'idp',
    step: 'run',
    title: 'The issuer’s OpenID configuration could not be loaded for the test login',
    symptom:
      'Run test login fails before the browser leaves: the discovery document at the issuer is unreachable, refused, or invalid.',
    detail:
      'The test login reads the authorization, token and JWKS endpoints from <issuer>/.well-known/openid-configuration. The static check of the connection says more.',
    nextStep:
      'Check the issuer URL saved with the connection (Entra: https://login.microsoftonline.com/<tenant-id>/v2.0; Okta: https://<org>.okta.com or the custom authorization server).',
    fixAt: {
      entra: E_REG + 'Endpoints › OpenID Connect metadata document',
      okta: 'Okta Admin Console › Security › API › Authorization Servers › (server) › Issuer URI / Metadata URI',
    },
  },
  OIDC_TEST_LOGIN_CALLBACK_INVALID: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.authorize',
    title: 'The IdP redirected back with neither a code nor an error',
    symptom:
      'The callback URL has no code and no error parameter (or the answer came as a fragment / form_post the callback cannot read).',
    detail:
      'With the authorization code flow the IdP must append code and state (or error) to the redirect URI as query parameters.',
    nextStep:
      'Make sure the app allows the authorization code flow and that the redirect URI is registered as a Web redirect URI.',
    fixAt: REDIRECT_URIS,
    screen: 'oidc.redirectUris',
  },
  OIDC_AUTHORIZE_ERROR: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.authorize',
    title: 'The IdP redirected back with an error',
    symptom: 'The callback carried error / error_description that SSO Preflight does not know more about.',
    detail:
      'The IdP refused the authorization request. The error and its description are in the evidence; an AADSTS or Okta code in it points to the IdP’s documentation.',
    nextStep:
      'Look the error up in the IdP’s sign-in log (correlation ID and time are in the description) and fix what it names.',
    fixAt: { entra: LOGS.entra!, okta: LOGS.okta! },
    logs: LOGS,
  },
  OIDC_TOKEN_EXCHANGE_FAILED: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.codeExchange',
    title: 'The token endpoint refused the authorization code',
    symptom:
      'The IdP redirected back with a code, but exchanging it for tokens failed (invalid_grant, unauthorized_client, ...).',
    detail:
      'The code, the PKCE verifier, the redirect URI or the client did not match what the IdP expected. The token endpoint’s error is in the evidence.',
    nextStep:
      'Check that the app allows the authorization code grant and PKCE, then run the test login again; the IdP’s log has the exact reason.',
    fixAt: {
      entra: E_REG + 'Authentication (platform Web, redirect URI) and Certificates & secrets',
      okta: O_APP + 'General › General Settings › Grant type (Authorization Code) and Client Credentials (PKCE)',
    },
    logs: LOGS,
    logsScreen: 'logs.signIns',
  },
  OIDC_TOKEN_NO_ID_TOKEN: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.codeExchange',
    title: 'The token response has no ID token',
    symptom: 'The code exchange succeeded but returned only an access token.',
    detail:
      'An OpenID Connect login needs an ID token; without the openid scope, or for a plain OAuth 2.0 authorization server, none is issued.',
    nextStep: 'Make sure the app is an OpenID Connect app and that the openid scope is allowed for it.',
    fixAt: {
      entra: E_REG + 'API permissions (Microsoft Graph › openid)',
      okta: 'Okta Admin Console › Security › API › Authorization Servers › (server) › Scopes (openid)',
    },
  },
  OIDC_STATE_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.authorize',
    title: 'The state parameter came back changed',
    symptom: 'The callback’s state differs from the one sent with the authorization request.',
    detail:
      'state binds the answer to the browser that started the login; a changed state means the answer cannot be trusted (CSRF protection).',
    nextStep: 'Check for a proxy or IdP rule that rewrites the redirect; run the test login again.',
    fixAt: REDIRECT_URIS,
    screen: 'oidc.redirectUris',
  },
  OIDC_USERINFO_FAILED: {
    severity: 'warning',
    owner: 'idp',
    step: 'oidc.userinfo',
    title: 'The userinfo endpoint did not answer',
    symptom: 'Tokens were issued, but GET userinfo with the access token failed.',
    detail: 'Some vendors read profile claims from userinfo. The ID token was still checked.',
    nextStep:
      'Check that the access token is issued for the OpenID userinfo endpoint (Entra: Microsoft Graph; Okta: the same authorization server).',
    fixAt: {
      entra: E_REG + 'API permissions (Microsoft Graph › openid, email, profile)',
      okta: 'Okta Admin Console › Security › API › Authorization Servers › (server) › Access Policies',
    },
  },
  OIDC_CLIENT_REJECTED: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.codeExchange',
    title: 'The IdP’s answer failed an OpenID Connect check',
    symptom:
      'The test login stopped with a protocol error that has no more specific finding (the code is in the evidence).',
    detail:
      'openid-client refused the IdP’s answer. The error code and the claim or field involved are in the evidence.',
    nextStep: 'Compare the evidence with the app’s settings in the IdP; the IdP’s log shows the same request.',
    fixAt: {
      entra: E_REG + 'Authentication and Token configuration',
      okta: O_APP + 'General and Sign On › OpenID Connect ID Token',
    },
    logs: LOGS,
    logsScreen: 'logs.signIns',
  },
} as const satisfies Record<`OIDC_${string}`, CatalogEntry>
