import type { CatalogEntry, CheckStep, PerIdp } from '../types'
import { AADSTS_DOCS, E_APP, E_REG, ENTRA, ENTRA_SUPPORT, LOGS, O_APP, OKTA, OKTA_DOCS, SCREEN } from './error-screens'

/*
 * The IdP error-code table: one row per Entra AADSTS code and per Okta error (E0000… codes, and the sentences Okta
 * shows without a number). Each row's `idpCode` is the key the SAML test login (StatusMessage), the OIDC error
 * redirect, the IdP error page, HAR triage and `explain` all look it up by, so the same IdP code is always the same
 * finding. `aliases` hold the exact texts users paste.
 */

// Codes Entra answers at the token endpoint (the code exchange), not on its sign-in pages.
const TOKEN_ENDPOINT = new Set(['7000215', '7000222', '54005', '501481', '7000218', '50012'])

/**
 * Builds an Entra entry keyed by its AADSTS code; the code is an alias too so "50011" and "AADSTS50011" both match.
 * In a test login it belongs to the IdP's answer (SAML Status / OIDC authorization response) unless Entra answers it
 * at the token endpoint.
 */
function aadsts(
  n: string,
  e: Omit<CatalogEntry, 'logs' | 'docs' | 'aliases' | 'idpCode' | 'step'> & {
    aliases?: readonly string[]
    docs?: readonly string[]
  },
): CatalogEntry {
  const step: CheckStep = TOKEN_ENDPOINT.has(n) ? 'oidc.codeExchange' : 'idp-answer'
  return {
    ...e,
    important: e.important ?? ENTRA_SUPPORT,
    logs: LOGS,
    docs: [...AADSTS_DOCS, ...(e.docs ?? [])],
    aliases: [`AADSTS${n}`, ...(e.aliases ?? [])],
    idpCode: `AADSTS${n}`,
    step,
  }
}

const aadstsEntries = {
  TRIAGE_AADSTS50011: aadsts('50011', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the reply URL (redirect URI) is not configured for the app',
    symptom:
      'AADSTS50011 after being sent to Microsoft: the redirect URI or reply URL in the request does not match the ones configured for the application.',
    detail:
      "The SP asked Entra to send the response to an address that is not in the app's Reply URL / Redirect URI list, so Entra refuses to send it.",
    nextStep:
      'Copy the exact URL from the error message and add it as a Reply URL (SAML) or Redirect URI (OIDC) of the app, character for character (scheme, host, path, trailing slash).',
    fixAt: SCREEN.replyUrl,
    aliases: [
      'The redirect URI specified in the request does not match the redirect URIs configured for the application',
      'The reply URL specified in the request does not match the reply URLs configured for the application',
      'reply url mismatch',
    ],
  }),
  TRIAGE_AADSTS700016: aadsts('700016', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: no application with this identifier in the tenant',
    symptom: 'AADSTS700016: Application with identifier ... was not found in the directory ...',
    detail:
      "The SP's entity ID (SAML Issuer) or client ID is not registered in the tenant the request went to: the Identifier differs, the app was deleted, or the vendor points at another tenant.",
    nextStep:
      "Compare the identifier in the message with the app's Identifier (Entity ID) / Application ID, and the tenant in the message with your tenant ID; fix whichever differs.",
    // The OIDC half carries over the test login's own entry for this code (OIDC_AUTHORIZE_CLIENT_NOT_FOUND).
    fixAt: {
      entra:
        SCREEN.identifier.entra +
        ' — for OIDC: ' +
        E_REG +
        'Overview › Application (client) ID, and the tenant in Directory (tenant) ID',
      okta:
        SCREEN.identifier.okta +
        ' — for OIDC: ' +
        OKTA +
        'Applications › (app) › General › Client Credentials › Client ID',
    },
    aliases: [
      'Application with identifier was not found in the directory',
      'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant',
      'You may have sent your authentication request to the wrong tenant',
    ],
  }),
  TRIAGE_AADSTS650056: aadsts('650056', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the application is misconfigured',
    symptom:
      "AADSTS650056: Misconfigured application. For SAML: the Issuer in the SP's request is not the app's Identifier; for OIDC: permissions not listed or not consented.",
    detail:
      'For SAML sign-in, the Issuer the SP sends in its AuthnRequest must equal the Identifier (Entity ID) of the enterprise app; when it does not, Entra reports the app as misconfigured. For OIDC the client lists no permissions for the resource, or nobody granted consent.',
    nextStep:
      "For SAML: set the app's Identifier (Entity ID) to exactly the Issuer of the SP's request (the vendor's SP entity ID); capture the SAMLRequest (HAR) if unsure what it sends. For OIDC: list the permissions and grant admin consent.",
    fixAt: { entra: SCREEN.identifier.entra + ' — for OIDC: ' + SCREEN.consent.entra, okta: SCREEN.identifier.okta },
    docs: ['https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts650056-misconfigured-app'],
    aliases: [
      'Misconfigured application',
      'The client has not listed any permissions for',
      "in the requested permissions in the client's application registration",
    ],
  }),
  TRIAGE_AADSTS50105: aadsts('50105', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the user is not assigned to the app',
    symptom:
      'AADSTS50105: Your administrator has configured the application to block users unless they are specifically granted (assigned) access.',
    detail: 'The app requires assignment and neither the user nor a group they belong to is assigned.',
    nextStep: 'Assign the user (or a group containing them) to the enterprise application, then sign in again.',
    important:
      'Assigning a group needs Microsoft Entra ID P1 or P2; without it, assign users one by one. Nested groups are not honoured: assign the group the user is a direct member of.',
    fixAt: SCREEN.assignment,
    docs: ['https://learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal'],
    aliases: [
      'The signed in user is not assigned to a role for the application',
      'Your administrator has configured the application to block users unless they are specifically granted',
      'user not assigned',
      'EntitlementGrantsNotFound',
    ],
  }),
  TRIAGE_AADSTS501241: aadsts('501241', {
    severity: 'error',
    owner: 'idp',
    title: "Entra: the Name ID claim's source attribute is empty for this user",
    symptom: 'AADSTS501241: Mandatory Input ... missing from transformation ID ...',
    detail:
      'The NameID is mandatory in a SAML response; Entra could not read the source attribute of the Unique User Identifier (Name ID) claim (or of its transformation) for this user, so it cannot build the response.',
    nextStep:
      'Open Attributes & Claims › Unique User Identifier (Name ID) and map it from an attribute every user has (e.g. user.userprincipalname), or fill the attribute for this user.',
    fixAt: SCREEN.nameId,
    aliases: ['Mandatory Input missing from transformation ID', 'missing from transformation id'],
  }),
  TRIAGE_AADSTS50003: aadsts('50003', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the app has no signing key or certificate',
    symptom: 'AADSTS50003: Sign-in failed because of a missing signing key or certificate.',
    detail: 'No active token signing certificate is configured for the SAML app, so Entra cannot sign the response.',
    nextStep:
      "Create (or make active) a token signing certificate for the app, then upload its Base64 certificate to the vendor's SSO settings.",
    fixAt: SCREEN.signingCert,
    aliases: ['MissingSigningKey', 'missing signing key or certificate', 'No signing key configured'],
  }),
  TRIAGE_AADSTS76021: aadsts('76021', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the app requires signed requests, and this one is not signed',
    symptom:
      'AADSTS76021: ApplicationRequiresSignedRequests — the request sent by the client is not signed while the application requires signed requests.',
    detail:
      '"Require verification certificates" is on for the app (in Okta: Signed Requests), but the SP\'s AuthnRequest carries no signature.',
    nextStep:
      'Turn off "Require verification certificates" (Okta: Signed Requests) unless the vendor signs its AuthnRequests and gave you its certificate.',
    fixAt: SCREEN.requestCert,
    docs: ['https://help.okta.com/en-us/Content/Topics/Apps/aiw-saml-reference.htm'],
    aliases: [
      'ApplicationRequiresSignedRequests',
      'The request sent by client is not signed while the application required signed requests',
    ],
  }),
  TRIAGE_AADSTS75011: aadsts('75011', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the authentication method does not match what the SP requested',
    symptom:
      "AADSTS75011: Authentication method by which the user authenticated with the service doesn't match requested authentication method AuthnContextClassRef.",
    detail:
      "The SP's AuthnRequest carries a RequestedAuthnContext (often PasswordProtectedTransport) while the user's existing session used another method (MFA, certificate, Windows). Entra reuses the session rather than authenticating afresh, so the methods differ. Conditional Access is not the cause.",
    nextStep:
      'The fix is in the SP\'s request: ask the vendor to drop RequestedAuthnContext (it is optional) or to send ForceAuthn="true" so Entra authenticates afresh. Meanwhile the user signs out (or uses a private window) and signs in again.',
    docs: [
      'https://learn.microsoft.com/troubleshoot/azure/active-directory/error-code-aadsts75011-auth-method-mismatch',
    ],
    aliases: [
      'NoMatchedAuthnContextInOutputClaims',
      "doesn't match requested authentication method",
      'requested authentication method AuthnContextClassRef',
    ],
  }),
  TRIAGE_AADSTS750054: aadsts('750054', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: no SAMLRequest reached the SAML endpoint',
    symptom:
      'AADSTS750054: SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
    detail:
      "The browser opened Entra's SAML endpoint without a SAML message: a bookmark of the Entra URL, a Sign on URL pointing at Entra, or a broken SP redirect.",
    nextStep:
      "Start the sign-in at the vendor (or from My Apps), not from a bookmarked login.microsoftonline.com URL; if it persists, the vendor's redirect is broken.",
    important:
      "If the app's Sign on URL in Entra is the Entra login URL itself, change it to the vendor's sign-in URL (that one is in your hands).",
    fixAt: {
      entra: E_APP + 'Single sign-on › Basic SAML Configuration › Sign on URL',
      okta: O_APP + 'General › App Embed Link / Login page URL',
    },
    aliases: [
      'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding',
    ],
  }),
  TRIAGE_AADSTS75005: aadsts('75005', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the SAML request is not valid',
    symptom: "AADSTS75005: Saml2MessageInvalid — Microsoft Entra ID doesn't support the SAML request sent by the app.",
    detail:
      'The AuthnRequest could not be read: wrong encoding or binding, a missing required element, or an unsupported feature.',
    nextStep: 'Capture the SAMLRequest (HAR) and paste it here; send the decoded request and the error to the vendor.',
    fixAt: SCREEN.statusGeneric,
    aliases: ['Saml2MessageInvalid', 'The request is not a valid Saml2 protocol message'],
  }),
  TRIAGE_AADSTS7500529: aadsts('7500529', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the AuthnRequest ID is not a valid SAML ID',
    symptom:
      'AADSTS7500529: The value ... is not a valid SAML ID. Microsoft Entra ID uses this attribute to populate the InResponseTo attribute of the returned response.',
    detail: 'A SAML ID must be an XML NCName: it must not start with a digit. The SP generated an ID that does.',
    nextStep:
      'Send the error to the vendor: its AuthnRequest IDs must start with a letter or underscore (e.g. "_" + a GUID).',
    fixAt: SCREEN.statusGeneric,
    aliases: ['is not a valid SAML ID', 'ID must not begin with a number'],
  }),
  TRIAGE_AADSTS50008: aadsts('50008', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the SAML token from your federated IdP is missing or invalid',
    symptom: 'AADSTS50008: InvalidSamlToken — SAML assertion is missing or misconfigured in the token.',
    detail:
      'The domain is federated (AD FS, Okta, PingFederate...) and the token it gave Entra could not be used: wrong signing certificate, issuer or NameID.',
    nextStep:
      "Check the federation settings of the domain against the federated IdP's current signing certificate and issuer URI.",
    fixAt: SCREEN.federation,
    aliases: ['InvalidSamlToken', 'SAML assertion is missing or misconfigured in the token'],
  }),
  TRIAGE_AADSTS50020: aadsts('50020', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: this account is not part of the company tenant',
    symptom:
      'AADSTS50020: User account from identity provider does not exist in tenant and cannot access the application.',
    detail:
      'The person signed in with an account (personal Microsoft account, another company) that is not a member or guest of the tenant.',
    nextStep: 'Sign out of every Microsoft account and sign in with the company account (private window helps).',
    important:
      'If this person should use an outside account, your IT team must invite them as a guest and assign the app.',
    aliases: [
      'does not exist in tenant and cannot access the application',
      'The account needs to be added as an external user in the tenant first',
      'UserUnauthorized',
    ],
  }),
  TRIAGE_AADSTS50034: aadsts('50034', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the user account does not exist in this directory',
    symptom:
      'AADSTS50034: The user account does not exist in the directory. To sign into this application, the account must be added to the directory.',
    detail: 'No user with the typed name exists in the tenant: a typo, an old address, or the wrong tenant.',
    nextStep: 'Check the user name for typos and use the company sign-in name (UPN).',
    important:
      'If the name is right, your IT team must create the account or check that the app points at the right tenant.',
    aliases: [
      'UserAccountNotFound',
      'To sign into this application, the account must be added to the directory',
      'The user account does not exist in the directory',
    ],
  }),
  TRIAGE_AADSTS50126: aadsts('50126', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: wrong user name or password',
    symptom: 'AADSTS50126: Error validating credentials due to invalid username or password.',
    detail: 'The password (or user name) is wrong, or the on-premises password has not synced yet.',
    nextStep: "Reset the company password with your organisation's self-service password reset, then try again.",
    important:
      "This is your company password, not the vendor's password: reset it with your company, not at the vendor.",
    aliases: [
      'Error validating credentials due to invalid username or password',
      'InvalidUserNameOrPassword',
      'invalid username or password',
    ],
  }),
  TRIAGE_AADSTS50053: aadsts('50053', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the account is locked or the sign-in was blocked as suspicious',
    symptom:
      'AADSTS50053: The account is locked because the user tried to sign in too many times with an incorrect user ID or password, or sign-in was blocked from a malicious IP.',
    detail: 'Smart lockout or IP protection stopped the sign-in.',
    nextStep:
      'Wait for the lockout to expire (usually a few minutes), then sign in once with the right password; reset it if unsure.',
    important: 'If it keeps happening, your IT team should look for password-spray attempts in the sign-in logs.',
    aliases: [
      'IdsLocked',
      'Your account is locked',
      'account is locked because the user tried to sign in too many times',
    ],
  }),
  TRIAGE_AADSTS50055: aadsts('50055', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the password has expired',
    symptom: 'AADSTS50055: The password is expired.',
    detail: 'The company password reached its maximum age.',
    nextStep:
      'Change the company password (Entra prompts for it, or use self-service password reset), then sign in again.',
    aliases: ['InvalidPasswordExpiredPassword', 'The password is expired'],
  }),
  TRIAGE_AADSTS50057: aadsts('50057', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the user account is disabled',
    symptom: 'AADSTS50057: The user account is disabled.',
    detail:
      'The account exists but sign-in is blocked. For a user synced from on-premises Active Directory the user object there is disabled, and Entra follows it.',
    nextStep:
      'Cloud-only user: enable the account in Entra (Account enabled). Synced user: enable it in on-premises Active Directory (Active Directory Users and Computers) and let Microsoft Entra Connect sync it; the Entra setting is read-only for synced users.',
    fixAt: {
      entra: SCREEN.userAccount.entra + ' (cloud-only users); synced users: on-premises Active Directory',
      okta: SCREEN.userAccount.okta,
    },
    aliases: ['UserDisabled', 'The user account is disabled'],
  }),
  TRIAGE_AADSTS50076: aadsts('50076', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: multi-factor authentication is required',
    symptom:
      'AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.',
    detail:
      'A policy requires MFA for this sign-in and it was not completed (often a silent or embedded sign-in that cannot prompt).',
    nextStep: 'Sign in interactively in a normal browser window and complete the MFA prompt.',
    aliases: ['UserStrongAuthClientAuthNRequired', 'you must use multi-factor authentication to access'],
  }),
  TRIAGE_AADSTS50079: aadsts('50079', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the user must register for multi-factor authentication',
    symptom:
      'AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication.',
    detail: 'The user has no MFA method registered and policy requires one.',
    nextStep: 'Register an authentication method at https://aka.ms/mysecurityinfo, then sign in again.',
    aliases: ['UserStrongAuthEnrollmentRequired', 'you must enroll in multi-factor authentication'],
  }),
  TRIAGE_AADSTS53003: aadsts('53003', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: Conditional Access blocked the sign-in',
    symptom:
      'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    detail: 'A Conditional Access policy applies to this user, app, location or device and blocks access.',
    nextStep:
      'Open the failed sign-in (Correlation ID) › Conditional Access tab to see which policy failed, then exclude the app or change the policy.',
    fixAt: SCREEN.conditionalAccess,
    aliases: [
      'BlockedByConditionalAccess',
      'Access has been blocked by Conditional Access policies',
      'The access policy does not allow token issuance',
    ],
  }),
  TRIAGE_AADSTS53000: aadsts('53000', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: Conditional Access requires a compliant or managed device',
    symptom:
      'AADSTS53000: Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant.',
    detail:
      'The user is on an unmanaged or non-compliant device (or a browser that does not pass the device identity).',
    nextStep:
      'Have the user sign in from a managed device with a supported browser (Edge, or Chrome with the Microsoft SSO extension); or adjust the policy for this app.',
    fixAt: SCREEN.conditionalAccess,
    aliases: [
      'DeviceNotCompliant',
      'Device is not in required device state',
      'Conditional Access policy requires a compliant device',
    ],
  }),
  TRIAGE_AADSTS65001: aadsts('65001', {
    severity: 'error',
    owner: 'idp',
    title: "Entra: consent to the app's permissions is missing",
    symptom: 'AADSTS65001: The user or administrator has not consented to use the application.',
    detail: 'The app asks for permissions (scopes) nobody consented to, and users may not consent themselves.',
    nextStep: "An administrator grants admin consent for the app's permissions.",
    fixAt: SCREEN.consent,
    aliases: [
      'DelegationDoesNotExist',
      'The user or administrator has not consented to use the application',
      'Send an interactive authorization request for this user and resource',
    ],
  }),
  TRIAGE_AADSTS7000215: aadsts('7000215', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the client secret is wrong',
    symptom:
      'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
    detail:
      "The secret entered in the vendor's (or validator's) settings does not match any secret of the app registration.",
    nextStep: 'Create a new client secret and paste its Value (not the Secret ID) where the client is configured.',
    fixAt: SCREEN.clientSecret,
    aliases: [
      'Invalid client secret provided',
      'Ensure the secret being sent in the request is the client secret value, not the client secret ID',
    ],
  }),
  TRIAGE_AADSTS7000222: aadsts('7000222', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the client secret has expired',
    symptom: 'AADSTS7000222: The provided client secret keys for app are expired.',
    detail: 'Every client secret of the app registration is past its expiry date.',
    nextStep: 'Create a new client secret, paste its Value into the client, and note the new expiry date.',
    fixAt: SCREEN.clientSecret,
    aliases: [
      'InvalidClientSecretExpiredKeysProvided',
      'The provided client secret keys are expired',
      'client secret keys for app are expired',
    ],
  }),
  TRIAGE_AADSTS700054: aadsts('700054', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: response_type id_token is not enabled for the app',
    symptom: "AADSTS700054: response_type 'id_token' is not enabled for the application.",
    detail: 'The client uses the implicit or hybrid flow, which needs ID token issuance enabled.',
    nextStep: 'Prefer the authorization code flow; otherwise tick "ID tokens" under Implicit grant and hybrid flows.',
    fixAt: SCREEN.grantTypes,
    aliases: ["response_type 'id_token' is not enabled for the application"],
  }),
  TRIAGE_AADSTS90014: aadsts('90014', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: a required field is missing from the request',
    symptom: 'AADSTS90014: The required field ... is missing from the credential / request.',
    detail: 'The client sent a request without a mandatory parameter (client_id, redirect_uri, code, grant_type...).',
    nextStep: 'Capture the request (HAR) and send the missing field name to the vendor.',
    fixAt: SCREEN.statusGeneric,
    aliases: ['is missing from the credential', 'The required field is missing', 'MissingRequiredField'],
  }),
  TRIAGE_AADSTS54005: aadsts('54005', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the authorization code was already redeemed',
    symptom: 'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code.',
    detail: 'A code is single-use; the client exchanged it twice (retry, double submit, browser back button).',
    nextStep:
      'Start the sign-in again from the beginning; if it repeats, send the HAR to the vendor (its callback redeems codes twice).',
    fixAt: SCREEN.statusGeneric,
    aliases: ['OAuth2 Authorization code was already redeemed', 'code was already redeemed'],
  }),
  TRIAGE_AADSTS501481: aadsts('501481', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the PKCE code verifier does not match',
    symptom: 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    detail:
      'The client lost or mixed up the PKCE verifier between the authorization request and the token request (often two tabs or a lost session cookie).',
    nextStep: 'Close other sign-in tabs and start again in one window; if it repeats, send the HAR to the vendor.',
    fixAt: SCREEN.statusGeneric,
    aliases: [
      'The Code_Verifier does not match the code_challenge supplied in the authorization request',
      'code_verifier does not match',
    ],
  }),
  TRIAGE_AADSTS50058: aadsts('50058', {
    severity: 'warning',
    owner: 'end-user',
    title: 'Entra: no signed-in session for a silent sign-in',
    symptom: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
    detail:
      'The app tried to sign in without showing a page (prompt=none / iframe) and the browser had no Entra session — often because third-party cookies are blocked.',
    nextStep:
      'Sign in interactively; allow cookies for login.microsoftonline.com or try a browser without strict third-party cookie blocking.',
    aliases: [
      'UserInformationNotProvided',
      'A silent sign-in request was sent but no user is signed in',
      'Session information is not sufficient for single-sign-on',
    ],
  }),
  TRIAGE_AADSTS50072: aadsts('50072', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the user must enrol a second factor',
    symptom: 'AADSTS50072: User needs to enroll for second factor authentication (interactive).',
    detail: 'Policy asks this user to register MFA before the sign-in can continue.',
    nextStep: 'Complete the registration prompt (or https://aka.ms/mysecurityinfo) and sign in again.',
    aliases: ['UserStrongAuthEnrollmentRequiredInterrupt', 'User needs to enroll for second factor authentication'],
  }),
  TRIAGE_AADSTS50074: aadsts('50074', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: strong authentication is required and was not completed',
    symptom: 'AADSTS50074: Strong Authentication is required and the user did not pass the MFA challenge.',
    detail: 'The MFA challenge was cancelled, timed out or failed.',
    nextStep: 'Sign in again and approve the MFA prompt (check the authenticator app shows the right account).',
    aliases: [
      'UserStrongAuthClientAuthNRequiredInterrupt',
      'Strong Authentication is required',
      'did not pass the MFA challenge',
    ],
  }),
  TRIAGE_AADSTS50097: aadsts('50097', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: device authentication is required',
    symptom: 'AADSTS50097: Device authentication is required.',
    detail:
      'Policy needs the device identity and the browser did not present it (unregistered device, or a browser without the SSO extension).',
    nextStep: 'Use a company-registered device with Edge (or Chrome with the Microsoft SSO extension).',
    important: 'If the device should already be registered, your IT team checks it in Entra › Devices.',
    aliases: ['DeviceAuthenticationRequired', 'Device authentication is required'],
  }),
  TRIAGE_AADSTS50107: aadsts('50107', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the federation realm does not exist',
    symptom: 'AADSTS50107: The requested federation realm object ... does not exist.',
    detail: 'The domain is set up for federation, but the realm (issuer) the federated IdP sends is not configured.',
    nextStep: "Check that the domain's federation IssuerUri matches what the federated IdP sends.",
    fixAt: SCREEN.federation,
    aliases: ['InvalidRealmUri', 'The requested federation realm object does not exist'],
  }),
  TRIAGE_AADSTS50128: aadsts('50128', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: no tenant could be identified',
    symptom:
      'AADSTS50128: Invalid domain name — no tenant-identifying information found in either the request or implied by any provided credentials.',
    detail:
      'The request went to a /common endpoint with an account Entra does not know, or the Login URL given to the vendor lacks your tenant ID.',
    nextStep:
      "Use the tenant-specific Login URL (with your tenant ID) in the vendor's SSO settings; users sign in with their company account.",
    fixAt: SCREEN.tenant,
    aliases: [
      'Invalid domain name',
      'No tenant-identifying information found in either the request or implied by any provided credentials',
    ],
  }),
  TRIAGE_AADSTS50158: aadsts('50158', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: an external security challenge was not satisfied',
    symptom: 'AADSTS50158: External security challenge not satisfied.',
    detail:
      'A third-party MFA or device check (external authentication method, Duo, device compliance partner) did not complete.',
    nextStep: 'Sign in again and complete the external MFA or device check.',
    aliases: ['ExternalSecurityChallenge', 'External security challenge not satisfied'],
  }),
  TRIAGE_AADSTS51004: aadsts('51004', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the user account is not in the directory',
    symptom: "AADSTS51004: The user account doesn't exist in the directory.",
    detail: 'The account used is not part of the tenant the app lives in.',
    nextStep: 'Sign in with the company account that belongs to this tenant.',
    important: 'If the account is right, your IT team must add it (or invite it as a guest) and assign the app.',
    aliases: ['UserAccountNotInDirectory', "The user account doesn't exist in the directory"],
  }),
  TRIAGE_AADSTS700051: aadsts('700051', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: response_type token is not enabled for the app',
    symptom: "AADSTS700051: response_type 'token' is not enabled for the application.",
    detail: 'The client asked for an access token through the implicit flow, which is disabled.',
    nextStep:
      'Prefer the authorization code flow; otherwise tick "Access tokens" under Implicit grant and hybrid flows.',
    fixAt: SCREEN.grantTypes,
    aliases: ["response_type 'token' is not enabled for the application"],
  }),
  TRIAGE_AADSTS90072: aadsts('90072', {
    severity: 'error',
    owner: 'idp',
    title:
      "Entra: the account cannot satisfy the tenant's MFA (external account, or a synced user's immutable ID mismatch)",
    symptom:
      "AADSTS90072: PassThroughUserMfaError — the external account that the user signs in with doesn't exist on the tenant that they signed into.",
    detail:
      'Either the person signed in with an external account that is not in the tenant, or the user is synced and the ImmutableID (sourceAnchor) differs between Active Directory and Entra ID.',
    nextStep:
      "If the user signed in with another account, sign out and use the company account (or invite the account as a guest). If the user is synced, the IdP admin compares the on-premises sourceAnchor with the Entra user's on-premises immutable ID and fixes the mismatch in Microsoft Entra Connect.",
    fixAt: SCREEN.immutableId,
    aliases: [
      'PassThroughUserMfaError',
      "The external account that the user signs in with doesn't exist on the tenant that they signed into",
      'mismatch in the ImmutableID',
    ],
  }),
  TRIAGE_AADSTS500011: aadsts('500011', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the resource principal was not found in the tenant',
    symptom: 'AADSTS500011: The resource principal named ... was not found in the tenant named ...',
    detail:
      'The app (resource) is not installed in the tenant: no admin consent, or the request names another tenant or a wrong resource URI.',
    nextStep: 'Grant admin consent for the app in this tenant and check the resource / scope URI the client asks for.',
    fixAt: SCREEN.consent,
    aliases: ['InvalidResourceServicePrincipalNotFound', 'The resource principal named was not found in the tenant'],
  }),
  TRIAGE_AADSTS500113: aadsts('500113', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: no reply address is registered for the app',
    symptom: 'AADSTS500113: No reply address is registered for the application.',
    detail: 'The app has no Reply URL / Redirect URI at all.',
    nextStep: "Add the vendor's ACS URL (SAML) or redirect URI (OIDC) to the app.",
    fixAt: SCREEN.replyUrl,
    aliases: ['No reply address is registered for the application'],
  }),
  TRIAGE_AADSTS50059: aadsts('50059', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: no tenant information in the request',
    symptom:
      'AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.',
    detail:
      'The SP sent the request to a multi-tenant endpoint (/common) and Entra cannot tell which tenant the app lives in.',
    nextStep: "Copy the tenant-specific Login URL from the app's Single sign-on page into the vendor's SSO settings.",
    fixAt: SCREEN.tenant,
    aliases: ['MissingTenantRealmAndNoUserInformationProvided'],
  }),
  TRIAGE_AADSTS90094: aadsts('90094', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: an administrator must consent to the app',
    symptom: 'AADSTS90094: The grant requires admin permission. / Need admin approval.',
    detail:
      'The app asks for permissions that only an administrator may grant, and users may not consent for themselves.',
    nextStep:
      'An administrator grants tenant-wide admin consent for the app (or approves the pending admin consent request).',
    fixAt: SCREEN.consent,
    aliases: ['The grant requires admin permission', 'Need admin approval', 'AdminConsentRequired'],
  }),
  TRIAGE_AADSTS50012: aadsts('50012', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the client authentication or assertion failed',
    symptom:
      'AADSTS50012: Authentication failed — the signing certificate is not authorised or not valid, or the client assertion contains an invalid signature.',
    detail:
      "The client authenticated with a certificate-signed assertion Entra could not verify: the certificate's subject or thumbprint is not authorised for the app, its chain is not valid, or the signature does not match.",
    nextStep:
      "Upload the public key of the certificate the client signs with under the app registration's Certificates (not Client secrets), and check its thumbprint against what the client uses.",
    fixAt: SCREEN.certCredential,
    aliases: [
      'AuthenticationFailed',
      'Client assertion contains an invalid signature',
      "Thumbprint of the signing certificate isn't authorized",
    ],
  }),
  TRIAGE_AADSTS50056: aadsts('50056', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: no password exists for this user',
    symptom: "AADSTS50056: Invalid or null password: password doesn't exist in the directory for this user.",
    detail:
      'The sign-in came without a usable password for this user (empty, or the user has no password in the directory).',
    nextStep:
      'Enter the company password again; if the account has no password (passwordless or newly created), use the method your IT team set up or ask them to set one.',
    aliases: ['Invalid or null password', "password doesn't exist in the directory for this user"],
  }),
  TRIAGE_AADSTS50140: aadsts('50140', {
    severity: 'info',
    owner: 'end-user',
    title: 'Entra: the "Keep me signed in?" prompt interrupted the sign-in',
    symptom: 'AADSTS50140: KmsiInterrupt — shown while the user was asked whether to stay signed in.',
    detail:
      'An expected part of the sign-in flow, not a failure: Entra asked "Stay signed in?" and logged the interrupt.',
    nextStep:
      'Answer the prompt and continue; nothing to fix. If sign-in fails afterwards, look for the next error code.',
    aliases: ['KmsiInterrupt', 'Keep me signed in interrupt'],
  }),
  TRIAGE_AADSTS7000218: aadsts('7000218', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the token request carries no client secret or assertion',
    symptom:
      "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    detail: 'A confidential OIDC client redeemed the code without authenticating itself.',
    nextStep:
      'The client must send its client secret (or a certificate assertion) with the token request; send the error to whoever configures the client (the vendor, or the secret field of this test login).',
    aliases: ["The request body must contain the following parameter: 'client_assertion' or 'client_secret'"],
  }),
  TRIAGE_AADSTS50013: aadsts('50013', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the assertion presented by the client is invalid',
    symptom:
      "AADSTS50013: InvalidAssertion — the token issuer doesn't match the API version, or the assertion is expired or malformed.",
    detail:
      "The client presented an assertion (on-behalf-of or a refresh) that Entra cannot accept. Microsoft's reference says to contact the app developer.",
    nextStep: 'Send the error with its Correlation ID to the vendor; the user can retry with a fresh sign-in.',
    aliases: ['InvalidAssertion', 'Assertion is invalid because of various reasons'],
  }),
  TRIAGE_AADSTS9002313: aadsts('9002313', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the request is malformed or invalid',
    symptom: 'AADSTS9002313: Invalid request. Request is malformed or invalid.',
    detail:
      'Something in the request to the endpoint is wrong (a parameter, its format, or a token the client reuses).',
    nextStep:
      'Capture the request (HAR) and check how it is formatted; send it to the vendor if its client built the request.',
    aliases: ['Request is malformed or invalid'],
  }),
  TRIAGE_AADSTS700082: aadsts('700082', {
    severity: 'warning',
    owner: 'end-user',
    title: 'Entra: the refresh token expired after inactivity',
    symptom: 'AADSTS700082: The refresh token has expired due to inactivity.',
    detail:
      'An expected part of the token lifecycle: the app was not used for a long time, so its stored sign-in expired.',
    nextStep: 'Sign in again.',
    aliases: ['ExpiredOrRevokedGrantInactiveToken', 'The refresh token has expired due to inactivity'],
  }),
  TRIAGE_AADSTS80014: aadsts('80014', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the pass-through authentication agent answered too late',
    symptom:
      'AADSTS80014: OnPremisePasswordValidationAuthenticationAgentTimeout — validation request responded after maximum elapsed time exceeded.',
    detail:
      'The tenant checks passwords on premises (pass-through authentication) and the agent did not answer in time.',
    nextStep:
      "Check the health of the pass-through authentication agents and their link to Active Directory; Microsoft's reference says to open a support ticket with the error code, correlation ID and time if it persists.",
    fixAt: {
      entra: ENTRA + 'Entra ID › Entra Connect › Connect Sync › Pass-through authentication (agent status)',
      okta: "Not an Okta setting: the Entra tenant's pass-through authentication agents",
    },
    aliases: ['OnPremisePasswordValidationAuthenticationAgentTimeout'],
  }),
  TRIAGE_AADSTS75016: aadsts('75016', {
    severity: 'error',
    owner: 'idp',
    title: "Entra: the SAML request's NameIDPolicy is not valid for the app",
    symptom:
      'AADSTS75016: Saml2AuthenticationRequestInvalidNameIDPolicy — SAML2 Authentication Request has invalid NameIdPolicy.',
    detail:
      'The SP asked for a NameID format (NameIDPolicy) the app is not set to issue. This is the Entra code behind the SAML status InvalidNameIDPolicy.',
    nextStep:
      "Set the Name ID format of the app's Unique User Identifier claim to the format the SP requests (or to unspecified); if the SP requests a format the vendor does not need, ask the vendor to drop NameIDPolicy Format.",
    fixAt: { entra: SCREEN.nameId.entra + ' › Name identifier format', okta: SCREEN.nameId.okta },
    aliases: ['Saml2AuthenticationRequestInvalidNameIDPolicy', 'SAML2 Authentication Request has invalid NameIdPolicy'],
  }),
  TRIAGE_AADSTS75008: aadsts('75008', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the SAML request went to an unexpected destination',
    symptom:
      'AADSTS75008: RequestDeniedError — the request from the app was denied since the SAML request had an unexpected destination.',
    detail:
      "The Destination in the SP's AuthnRequest is not this tenant's SAML endpoint: the vendor holds the Login URL or metadata of another tenant or app. Microsoft's reference gives no more detail.",
    nextStep:
      "Give the vendor this app's own Login URL / Federation Metadata XML; if it already has them, send the captured SAMLRequest (HAR) to the vendor.",
    fixAt: SCREEN.tenant,
    aliases: ['RequestDeniedError', 'the SAML request had an unexpected destination'],
  }),
  TRIAGE_AADSTS76026: aadsts('76026', {
    severity: 'error',
    owner: 'vendor',
    title: 'Entra: the SAML request is too old',
    symptom: 'AADSTS76026: RequestIssueTimeExpired — IssueTime in an SAML2 Authentication Request is expired.',
    detail:
      "The AuthnRequest's IssueInstant is too far in the past: a replayed or bookmarked request, or the SP's clock is wrong.",
    nextStep:
      "Start the sign-in again from the vendor, not from a bookmark; if every fresh attempt fails, the vendor's clock or request is at fault: send it the HAR.",
    aliases: ['RequestIssueTimeExpired', 'IssueTime in an SAML2 Authentication Request is expired'],
  }),
  TRIAGE_AADSTS50010: aadsts('50010', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: no audience (Identifier) is configured for the app',
    symptom:
      'AADSTS50010: AudienceUriValidationFailed — audience URI validation for the app failed since no token audiences were configured.',
    detail: 'The app has no Identifier (Entity ID), so Entra has no audience to put in the token.',
    nextStep: "Enter the vendor's SP entity ID as the app's Identifier (Entity ID).",
    fixAt: SCREEN.identifier,
    aliases: ['AudienceUriValidationFailed', 'no token audiences were configured'],
  }),
  TRIAGE_AADSTS50146: aadsts('50146', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the app needs its own signing key and has no valid one',
    symptom:
      'AADSTS50146: MissingCustomSigningKey — this app is required to be configured with an app-specific signing key.',
    detail: 'The app must sign with an app-specific key, and it has none, or its key expired or is not valid yet.',
    nextStep:
      "Create (or renew) the app's signing certificate and make it active; then give the vendor the new certificate.",
    fixAt: SCREEN.signingCert,
    aliases: ['MissingCustomSigningKey', 'This app is required to be configured with an app-specific signing key'],
  }),
  TRIAGE_AADSTS500021: aadsts('500021', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: tenant restrictions deny access to this tenant',
    symptom: "AADSTS500021: Access to '{tenant}' tenant is denied — the tenant restriction feature is configured.",
    detail: 'A network proxy adds the Restrict-Access-To-Tenants header and this tenant is not in its allowed list.',
    nextStep:
      "The company's network or IdP admin adds the tenant to the allowed list (or the user signs in from a network without the restriction).",
    fixAt: SCREEN.tenantRestrictions,
    aliases: ['Restrict-Access-To-Tenant', 'the tenant restriction feature is configured'],
  }),
  TRIAGE_AADSTS500022: aadsts('500022', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: tenant restrictions deny access (500022)',
    symptom:
      "AADSTS500022: Access to '{tenant}' tenant is denied — the user is trying to access a tenant that isn't in the list of allowed tenants.",
    detail: 'Same cause as 500021: the tenant restriction header of the company network does not allow this tenant.',
    nextStep: "The company's network or IdP admin adds the tenant to the allowed list.",
    fixAt: SCREEN.tenantRestrictions,
    aliases: ["isn't in the list of allowed tenants specified in the header"],
  }),
  TRIAGE_AADSTS500212: aadsts('500212', {
    severity: 'error',
    owner: 'idp',
    title: "Entra: the user's own tenant blocks access to the resource tenant (outbound policy)",
    symptom:
      "AADSTS500212: NotAllowedByOutboundPolicyTenant — the user's administrator has set an outbound access policy that doesn't allow access to the resource tenant.",
    detail: "A cross-tenant access setting in the user's home tenant forbids going out to the tenant of the app.",
    nextStep: "The user's home-tenant admin allows outbound access to the resource tenant for this user or app.",
    fixAt: SCREEN.tenantRestrictions,
    aliases: ['NotAllowedByOutboundPolicyTenant'],
  }),
  TRIAGE_AADSTS500213: aadsts('500213', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the resource tenant does not let this user in (inbound policy)',
    symptom:
      "AADSTS500213: NotAllowedByInboundPolicyTenant — the resource tenant's cross-tenant access policy doesn't allow this user to access this tenant.",
    detail: "A cross-tenant access setting in the tenant of the app forbids users from the user's home tenant.",
    nextStep:
      "The resource tenant's admin allows inbound access for the user's tenant (or the user signs in with an account of the resource tenant).",
    fixAt: SCREEN.tenantRestrictions,
    aliases: ['NotAllowedByInboundPolicyTenant'],
  }),
  TRIAGE_AADSTS530035: aadsts('530035', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: security defaults blocked the sign-in',
    symptom: 'AADSTS530035: BlockedBySecurityDefaults — access has been blocked by security defaults.',
    detail: "The request used legacy authentication or was judged unsafe by the tenant's security defaults.",
    nextStep:
      'Use modern authentication (a browser sign-in); if the block is wrong for this app, the admin reviews security defaults (or replaces them with Conditional Access policies).',
    fixAt: SCREEN.securityDefaults,
    aliases: ['BlockedBySecurityDefaults', 'Access has been blocked by security defaults'],
  }),
  TRIAGE_AADSTS53001: aadsts('53001', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: Conditional Access requires a domain-joined device',
    symptom:
      "AADSTS53001: DeviceNotDomainJoined — Conditional Access policy requires a domain joined device, and the device isn't domain joined.",
    detail: 'A Conditional Access policy for this app requires a (hybrid) domain-joined device.',
    nextStep: 'Have the user sign in from a domain-joined device, or change the policy for this app.',
    fixAt: SCREEN.conditionalAccess,
    aliases: ['DeviceNotDomainJoined', 'Conditional Access policy requires a domain joined device'],
  }),
  TRIAGE_AADSTS53002: aadsts('53002', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: Conditional Access requires an approved client app',
    symptom:
      "AADSTS53002: ApplicationUsedIsNotAnApprovedApp — the app used isn't an approved app for Conditional Access.",
    detail: 'A Conditional Access policy requires an approved client app and the one used is not on the list.',
    nextStep: 'Use an approved app, or change the policy for this app.',
    fixAt: SCREEN.conditionalAccess,
    aliases: ['ApplicationUsedIsNotAnApprovedApp', "The app used isn't an approved app for Conditional Access"],
  }),
  TRIAGE_AADSTS53004: aadsts('53004', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the user must finish MFA registration first (blocked due to risk)',
    symptom:
      'AADSTS53004: ProofUpBlockedDueToRisk — user needs to complete the multifactor authentication registration process before accessing this content.',
    detail:
      'Entra requires MFA registration before access, and the code name says registration is blocked because the sign-in was judged risky.',
    nextStep: 'Register for multifactor authentication as prompted; if registration is refused, contact your IT team.',
    important:
      "If registration stays blocked, the IT team reviews the user's risk in Entra ID Protection before the user can register.",
    aliases: [
      'ProofUpBlockedDueToRisk',
      'User needs to complete the multifactor authentication registration process before accessing this content',
    ],
  }),
  TRIAGE_AADSTS50131: aadsts('50131', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: a Conditional Access check failed',
    symptom:
      'AADSTS50131: ConditionalAccessFailed — bad Windows device state, request blocked due to suspicious activity, access policy, or security policy decisions.',
    detail: 'One of several Conditional Access conditions failed; the sign-in log says which.',
    nextStep: 'Open the failed sign-in (Correlation ID) › Conditional Access and fix the condition it names.',
    fixAt: SCREEN.conditionalAccess,
    aliases: ['ConditionalAccessFailed'],
  }),
  TRIAGE_AADSTS16000: aadsts('16000', {
    severity: 'error',
    owner: 'end-user',
    title: "Entra: the signed-in account does not exist in the app's tenant",
    symptom:
      "AADSTS16000: InteractionRequired — user account from identity provider doesn't exist in tenant and can't access the application.",
    detail:
      'The browser is signed in with an account (often a personal Microsoft account) that is not in the tenant of the app.',
    nextStep: 'Sign out and sign in again with the company account (a private window helps).',
    important: 'If this account should have access, your IT team must add it to the tenant as an external user first.',
    aliases: ['This account needs to be added as an external user in the tenant first'],
  }),
  TRIAGE_AADSTS90002: aadsts('90002', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the tenant in the request does not exist',
    symptom: "AADSTS90002: InvalidTenantName — the tenant name wasn't found in the data store.",
    detail:
      'The Login URL or issuer the vendor holds names a tenant Entra cannot find (a typo, a deleted tenant, or another cloud).',
    nextStep: 'Give the vendor the Login URL / metadata copied from this app, with your tenant ID.',
    fixAt: SCREEN.tenant,
    aliases: ['InvalidTenantName', "The tenant name wasn't found in the data store"],
  }),
  TRIAGE_AADSTS7000112: aadsts('7000112', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the application is disabled',
    symptom: 'AADSTS7000112: UnauthorizedClientApplicationDisabled — the application is disabled.',
    detail: 'The app (its service principal) is disabled for sign-in in the tenant.',
    nextStep: 'Set "Enabled for users to sign-in?" to Yes on the enterprise app.',
    fixAt: {
      entra: E_APP + 'Properties › Enabled for users to sign-in?',
      okta: OKTA + 'Applications › Applications › (app) › Activate (for an inactive app)',
    },
    aliases: ['UnauthorizedClientApplicationDisabled'],
  }),
  TRIAGE_AADSTS50144: aadsts('50144', {
    severity: 'error',
    owner: 'end-user',
    title: 'Entra: the on-premises Active Directory password has expired',
    symptom: "AADSTS50144: InvalidPasswordExpiredOnPremPassword — user's Active Directory password has expired.",
    detail: 'The company password in on-premises Active Directory reached its maximum age.',
    nextStep:
      'Reset the company password with the self-service reset tool (or ask IT for a new one), then sign in again.',
    aliases: ['InvalidPasswordExpiredOnPremPassword', "User's Active Directory password has expired"],
  }),
  TRIAGE_AADSTS50132: aadsts('50132', {
    severity: 'warning',
    owner: 'end-user',
    title: 'Entra: the session ended after a password change or expiry',
    symptom:
      "AADSTS50132: SsoArtifactInvalidOrExpired — the session isn't valid due to password expiration or recent password change.",
    detail: "The browser's Entra session predates a password change or expiry.",
    nextStep: 'Sign in again with the current password.',
    aliases: ['SsoArtifactInvalidOrExpired'],
  }),
  TRIAGE_AADSTS50133: aadsts('50133', {
    severity: 'warning',
    owner: 'end-user',
    title: 'Entra: the session was revoked after a password change or expiry',
    symptom:
      "AADSTS50133: SsoArtifactRevoked — the session isn't valid due to password expiration or recent password change.",
    detail: "The browser's Entra session was revoked after a password change or expiry.",
    nextStep: 'Sign in again with the current password.',
    aliases: ['SsoArtifactRevoked'],
  }),
  TRIAGE_AADSTS50173: aadsts('50173', {
    severity: 'warning',
    owner: 'end-user',
    title: 'Entra: the sign-in was revoked and a fresh one is needed',
    symptom:
      'AADSTS50173: FreshTokenNeeded — the provided grant has expired due to it being revoked, and a fresh auth token is needed.',
    detail:
      "An admin or the user revoked the user's sessions (often after a password reset), so stored sign-ins no longer work.",
    nextStep: 'Sign in again.',
    aliases: ['FreshTokenNeeded', 'The provided grant has expired due to it being revoked'],
  }),
  TRIAGE_AADSTS50194: aadsts('50194', {
    severity: 'error',
    owner: 'idp',
    title: 'Entra: the /common endpoint is used with a single-tenant app',
    symptom:
      "AADSTS50194: Application isn't configured as a multitenant application. Usage of the /common endpoint isn't supported.",
    detail: 'The client was given a /common issuer or Login URL, but the app is single-tenant.',
    nextStep: 'Give the client the tenant-specific issuer / Login URL (with your tenant ID).',
    fixAt: SCREEN.tenant,
    aliases: ["isn't configured as a multitenant application", "Usage of the /common endpoint isn't supported"],
  }),
} as const satisfies Record<`TRIAGE_AADSTS${number}`, CatalogEntry>

/** Okta sign-in and OAuth errors: the message texts Okta shows on its error page or sends in error_description. */
function okta(
  e: Omit<CatalogEntry, 'logs' | 'docs' | 'idpCode' | 'step'> & { docs?: readonly string[] },
): CatalogEntry {
  const idpCode = e.aliases?.find((a) => /^E\d{7}$/.test(a))
  return {
    ...e,
    logs: LOGS,
    docs: [...OKTA_DOCS, ...(e.docs ?? [])],
    ...(idpCode ? { idpCode } : {}),
    step: 'idp-answer',
  }
}

const oktaEntries = {
  TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta: the redirect_uri is not a Sign-in redirect URI of the app',
    symptom: "Okta error page: The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.",
    detail: 'The client asked Okta to send the user back to a URL that is not listed on the app.',
    nextStep:
      "Add the exact redirect URI from the request (HAR, or the URL in the address bar) to the app's Sign-in redirect URIs.",
    fixAt: SCREEN.replyUrl,
    aliases: [
      "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings",
      'redirect_uri parameter must be a Login redirect URI',
      'must be a Login redirect URI',
    ],
  }),
  TRIAGE_OKTA_USER_NOT_ASSIGNED: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta: the user is not assigned to the app',
    symptom:
      "User is not assigned to the client application. / Sorry, you can't access ... because you are not assigned this app in Okta.",
    detail: 'Neither the user nor one of their groups is assigned to the app integration.',
    nextStep: 'Assign the user or a group containing them to the app, then sign in again.',
    fixAt: SCREEN.assignment,
    aliases: [
      'User is not assigned to the client application',
      'you are not assigned this app in Okta',
      'not assigned this app',
    ],
  }),
  TRIAGE_OKTA_NO_MATCHING_POLICY: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta: no access policy rule matches this client / user / grant',
    symptom: 'no_matching_policy: Policy evaluation failed for this request, please check the policy configurations.',
    detail:
      'The custom authorization server has no access policy (or rule) covering this client, user, grant type or scopes.',
    nextStep:
      'Add an access policy for the client, with a rule allowing the grant type (Authorization Code) and the scopes it asks for.',
    fixAt: SCREEN.authzPolicy,
    aliases: [
      'no_matching_policy',
      'Policy evaluation failed for this request, please check the policy configurations',
    ],
  }),
  TRIAGE_OKTA_E0000015: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta E0000015: the feature is not available to you',
    symptom: 'E0000015: You do not have permission to access the feature you are requesting.',
    detail:
      'The org lacks the feature (e.g. a custom authorization server or a licensed product), or the token lacks the admin role for it.',
    nextStep: 'Check that the feature is enabled for the org and the caller has the right admin role or API scope.',
    fixAt: {
      entra: ENTRA + 'Roles and administrators',
      okta: OKTA + 'Settings › Features and ' + OKTA + 'Security › Administrators',
    },
    aliases: ['E0000015', 'You do not have permission to access the feature you are requesting'],
  }),
  TRIAGE_OKTA_E0000004: okta({
    severity: 'error',
    owner: 'end-user',
    title: 'Okta E0000004: authentication failed',
    symptom: 'E0000004: Authentication exception — Authentication failed (the user name or password is wrong).',
    detail:
      'The primary authentication failed: Okta reports INVALID_CREDENTIALS. A locked account is a different code (E0000069).',
    nextStep:
      "Type the company user name and password again by hand (pasted values can carry stray characters); reset the company (Okta) password with your organisation's self-service reset if needed.",
    important: "This is your company password, not the vendor's: reset it with your company.",
    docs: ['https://support.okta.com/help/s/article/common-okta-login-failures'],
    aliases: ['E0000004', 'Authentication failed', 'Authentication exception', 'INVALID_CREDENTIALS'],
  }),
  TRIAGE_OKTA_E0000069: okta({
    severity: 'error',
    owner: 'end-user',
    title: 'Okta E0000069: the account is locked',
    symptom:
      'E0000069: User Locked — the user exceeded the allowed failed sign-in attempts or did not satisfy MFA (LOCKED_OUT).',
    detail: 'Okta locked the account after too many failed attempts.',
    nextStep:
      'Wait for the lockout to end or use self-service unlock if your organisation offers it; otherwise your IT team unlocks the account.',
    important: 'Your IT team unlocks it under Okta Admin Console › Directory › People › (user) › Unlock.',
    docs: ['https://support.okta.com/help/s/article/common-okta-login-failures'],
    aliases: ['E0000069', 'LOCKED_OUT', 'User Locked'],
  }),
  TRIAGE_OKTA_E0000011: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta E0000011: invalid token',
    symptom: 'E0000011: Invalid token provided.',
    detail: 'The API token or session token is wrong, expired or revoked.',
    nextStep: 'Create a new API token (or start a new session) and update the integration that uses it.',
    fixAt: { entra: E_REG + 'Certificates & secrets', okta: OKTA + 'Security › API › Tokens' },
    aliases: ['E0000011', 'Invalid token provided'],
  }),
  TRIAGE_OKTA_E0000022: okta({
    severity: 'error',
    owner: 'vendor',
    title: 'Okta E0000022: the endpoint does not support this HTTP method',
    symptom: 'E0000022: The endpoint does not support the provided HTTP method.',
    detail: 'A client called an Okta endpoint with the wrong method (GET vs POST) — a client bug, not a configuration.',
    nextStep: 'Send the HAR to the party whose client made the call (the vendor, for its Okta broker).',
    aliases: ['E0000022', 'The endpoint does not support the provided HTTP method'],
  }),
  TRIAGE_OKTA_E0000006: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta E0000006: not allowed to perform the action',
    symptom: 'E0000006: You do not have permission to perform the requested action.',
    detail: 'The caller lacks the admin role or grant needed.',
    nextStep: 'Grant the needed admin role or API scope to the caller.',
    fixAt: { entra: ENTRA + 'Roles and administrators', okta: OKTA + 'Security › Administrators' },
    aliases: ['E0000006', 'You do not have permission to perform the requested action'],
  }),
  TRIAGE_OKTA_INVALID_SCOPE: okta({
    severity: 'error',
    owner: 'idp',
    title: 'Okta / OAuth: a requested scope is not allowed',
    symptom:
      "invalid_scope: One or more scopes are not configured for the authorization server resource, or the server has no default scopes and 'scope' must be provided.",
    detail: 'The client asked for a scope the authorization server does not define or the policy does not grant.',
    nextStep:
      "Add the scope to the authorization server (or allow it in the access policy rule), or remove it from the client's request.",
    fixAt: SCREEN.authzPolicy,
    aliases: [
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource',
      'The authorization server resource does not have any configured default scopes',
    ],
  }),
  TRIAGE_OKTA_LOGIN_REQUIRED: okta({
    severity: 'warning',
    owner: 'end-user',
    title: 'OAuth: the user must sign in (no session for prompt=none)',
    symptom: 'login_required: The client specified not to prompt, but the user is not logged in.',
    detail: 'A silent sign-in found no IdP session — often because third-party cookies are blocked.',
    nextStep: "Sign in interactively in a normal window; allow the IdP's cookies.",
    aliases: ['login_required', 'The client specified not to prompt, but the user is not logged in'],
  }),
  TRIAGE_OKTA_UNSUPPORTED_RESPONSE_TYPE: okta({
    severity: 'error',
    owner: 'idp',
    title: 'OAuth: the response type is not allowed for the app',
    symptom:
      'unsupported_response_type: The response type is not supported by the authorization server. Configured response types: [code].',
    detail: "The client asked for a response_type (token, id_token) that the app's grant types do not allow.",
    nextStep: 'Allow the grant type in the app, or (better) make the client use the authorization code flow.',
    fixAt: SCREEN.grantTypes,
    aliases: ['unsupported_response_type', 'The response type is not supported by the authorization server'],
  }),
} as const satisfies Record<`TRIAGE_OKTA_${string}`, CatalogEntry>

/*
 * OAuth 2.0 / OpenID Connect error names (RFC 6749 §4.1.2.1, §5.2; OIDC Core §3.1.2.6) that carry no IdP code of
 * their own: any IdP sends them, in the error redirect or from the token endpoint.
 */
const CLIENT_SECRET: PerIdp = {
  entra: E_REG + 'Certificates & secrets › Client secrets › New client secret (copy the Value, not the Secret ID)',
  okta:
    OKTA +
    'Applications › (app) › General › Client Credentials › Client secrets (and Client authentication: Client secret)',
}
const CONSENT: PerIdp = {
  entra: E_REG + 'API permissions › Grant admin consent for (tenant)',
  okta:
    OKTA +
    'Applications › (app) › Okta API Scopes, and Security › API › Authorization Servers › (server) › Scopes › User consent',
}

const oauthEntries = {
  OIDC_CLIENT_SECRET_INVALID: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.codeExchange',
    title: 'The client ID or client secret was rejected (invalid_client)',
    symptom:
      "invalid_client: Invalid value for 'client_id' parameter, or client authentication failed (a wrong or expired client secret, the Secret ID copied instead of its Value).",
    detail:
      'The authorization server does not know the client, or refused its credentials: the secret expired, the Secret ID was copied instead of its Value, or the app expects another client authentication method.',
    nextStep:
      "Copy the Client ID and a new client secret's Value from the app, enter them where the client is configured (for a test login: run it again with them), and check the client authentication method.",
    fixAt: CLIENT_SECRET,
    logs: LOGS,
    docs: OKTA_DOCS,
    aliases: [
      'invalid_client',
      "Invalid value for 'client_id' parameter",
      'Client authentication failed',
      'The client secret supplied for a confidential client is invalid',
    ],
  },
  // Owner idp: the IdP admin fixes the usual cause (a sign-on policy or a missing assignment, named in the IdP log);
  // a user who cancelled knows it and simply signs in again.
  OIDC_AUTHORIZE_ACCESS_DENIED: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.authorize',
    title: 'The sign-in was denied or cancelled (access_denied)',
    symptom:
      'access_denied without a more specific IdP code: the resource owner or authorization server denied the request (a sign-on policy, no assignment, or the user cancelled or refused consent).',
    detail:
      'The authorization server ended the sign-in without issuing a code. The error description in the evidence says why, if the IdP gave a reason.',
    nextStep:
      'Unless the user cancelled, look up the failed event in the IdP log for the exact reason (policy name, assignment) and fix that policy or assignment; then sign in again.',
    fixAt: SCREEN.conditionalAccess,
    logs: LOGS,
    aliases: ['access_denied', 'The resource owner or authorization server denied the request'],
  },
  OIDC_AUTHORIZE_CONSENT_REQUIRED: {
    severity: 'error',
    owner: 'idp',
    step: 'oidc.authorize',
    title: "Nobody has consented to the app's permissions (consent_required)",
    symptom:
      'consent_required: The client specified not to prompt, but the client app requires user consent to accept the requested scopes; or the scopes (openid, email, profile) need consent users may not give.',
    detail:
      'The app asks for scopes that need user or admin consent, users may not consent themselves, and a silent request cannot show the consent page.',
    nextStep:
      "Grant admin consent for the app's permissions (or turn off User consent for a trusted first-party app), then sign in again.",
    fixAt: CONSENT,
    logs: LOGS,
    aliases: ['consent_required', 'requires user consent to accept the requested scopes'],
  },
} as const satisfies Record<`OIDC_${string}`, CatalogEntry>

export const idpErrorCodeCatalog = {
  ...aadstsEntries,
  ...oktaEntries,
  ...oauthEntries,
} as const satisfies Record<string, CatalogEntry>

export type IdpErrorCode = keyof typeof idpErrorCodeCatalog

const BY_IDP_CODE: ReadonlyMap<string, IdpErrorCode> = new Map(
  (Object.entries(idpErrorCodeCatalog) as [IdpErrorCode, CatalogEntry][]).flatMap(([code, e]) =>
    e.idpCode ? [[e.idpCode, code] as const] : [],
  ),
)

/** The table's row for an IdP code ("AADSTS50011", "50011", "E0000004"), if there is one. */
export function idpErrorEntryCode(idpCode: string): IdpErrorCode | undefined {
  const c = idpCode.trim().toUpperCase()
  return BY_IDP_CODE.get(/^\d{5,7}$/.test(c) ? `AADSTS${c}` : c)
}

export interface IdpCodeMention {
  /** The code as written in the text, normalised (AADSTS50011, E0000004). */
  readonly idpCode: string
  readonly idp: 'entra' | 'okta'
  /** The table's row, when the table knows the code. */
  readonly code: IdpErrorCode | undefined
}

/** Every AADSTS / Okta E-code a message mentions, in order, each once (one linear scan). */
export function idpCodesIn(text: string): IdpCodeMention[] {
  const seen = new Set<string>()
  const out: IdpCodeMention[] = []
  for (const m of text.matchAll(/AADSTS(\d{5,7})|\b(E\d{7})\b/gi)) {
    const idpCode = m[1] ? `AADSTS${m[1]}` : m[2]!.toUpperCase()
    if (seen.has(idpCode)) continue
    seen.add(idpCode)
    out.push({ idpCode, idp: m[1] ? 'entra' : 'okta', code: BY_IDP_CODE.get(idpCode) })
  }
  return out
}
