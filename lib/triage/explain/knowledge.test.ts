import { describe, expect, test } from 'vitest'
import { triageCatalog } from '../../findings/catalog/triage'
import { explain } from './index'

/** Every error-knowledge entry: its code, owner, what a user pastes as the code, and a typical message text. */
const KNOWLEDGE: ReadonlyArray<readonly [code: string, owner: string, pastedCode: string, message: string]> = [
  ["TRIAGE_AADSTS50011", "idp", "AADSTS50011", "The redirect URI specified in the request does not match the redirect URIs configured for the application"],
  ["TRIAGE_AADSTS700016", "idp", "AADSTS700016", "This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant"],
  ["TRIAGE_AADSTS650056", "idp", "AADSTS650056", "in the requested permissions in the client's application registration"],
  ["TRIAGE_AADSTS50105", "idp", "AADSTS50105", "Your administrator has configured the application to block users unless they are specifically granted"],
  ["TRIAGE_AADSTS501241", "idp", "AADSTS501241", "Mandatory Input missing from transformation ID"],
  ["TRIAGE_AADSTS50003", "idp", "AADSTS50003", "missing signing key or certificate"],
  ["TRIAGE_AADSTS76021", "idp", "AADSTS76021", "The request sent by client is not signed while the application required signed requests"],
  ["TRIAGE_AADSTS75011", "vendor", "AADSTS75011", "requested authentication method AuthnContextClassRef"],
  ["TRIAGE_AADSTS750054", "vendor", "AADSTS750054", "SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding"],
  ["TRIAGE_AADSTS75005", "vendor", "AADSTS75005", "The request is not a valid Saml2 protocol message"],
  ["TRIAGE_AADSTS7500529", "vendor", "AADSTS7500529", "ID must not begin with a number"],
  ["TRIAGE_AADSTS50008", "idp", "AADSTS50008", "SAML assertion is missing or misconfigured in the token"],
  ["TRIAGE_AADSTS50020", "end-user", "AADSTS50020", "The account needs to be added as an external user in the tenant first"],
  ["TRIAGE_AADSTS50034", "end-user", "AADSTS50034", "To sign into this application, the account must be added to the directory"],
  ["TRIAGE_AADSTS50126", "end-user", "AADSTS50126", "Error validating credentials due to invalid username or password"],
  ["TRIAGE_AADSTS50053", "end-user", "AADSTS50053", "account is locked because the user tried to sign in too many times"],
  ["TRIAGE_AADSTS50055", "end-user", "AADSTS50055", "InvalidPasswordExpiredPassword"],
  ["TRIAGE_AADSTS50057", "idp", "AADSTS50057", "The user account is disabled"],
  ["TRIAGE_AADSTS50076", "end-user", "AADSTS50076", "you must use multi-factor authentication to access"],
  ["TRIAGE_AADSTS50079", "end-user", "AADSTS50079", "you must enroll in multi-factor authentication"],
  ["TRIAGE_AADSTS53003", "idp", "AADSTS53003", "Access has been blocked by Conditional Access policies"],
  ["TRIAGE_AADSTS53000", "idp", "AADSTS53000", "Conditional Access policy requires a compliant device"],
  ["TRIAGE_AADSTS65001", "idp", "AADSTS65001", "Send an interactive authorization request for this user and resource"],
  ["TRIAGE_AADSTS7000215", "idp", "AADSTS7000215", "Ensure the secret being sent in the request is the client secret value, not the client secret ID"],
  ["TRIAGE_AADSTS7000222", "idp", "AADSTS7000222", "The provided client secret keys are expired"],
  ["TRIAGE_AADSTS700054", "idp", "AADSTS700054", "response_type 'id_token' is not enabled for the application"],
  ["TRIAGE_AADSTS90014", "vendor", "AADSTS90014", "is missing from the credential"],
  ["TRIAGE_AADSTS54005", "vendor", "AADSTS54005", "OAuth2 Authorization code was already redeemed"],
  ["TRIAGE_AADSTS501481", "vendor", "AADSTS501481", "The Code_Verifier does not match the code_challenge supplied in the authorization request"],
  ["TRIAGE_AADSTS50058", "end-user", "AADSTS50058", "A silent sign-in request was sent but no user is signed in"],
  ["TRIAGE_AADSTS50072", "end-user", "AADSTS50072", "User needs to enroll for second factor authentication"],
  ["TRIAGE_AADSTS50074", "end-user", "AADSTS50074", "UserStrongAuthClientAuthNRequiredInterrupt"],
  ["TRIAGE_AADSTS50097", "end-user", "AADSTS50097", "Device authentication is required"],
  ["TRIAGE_AADSTS50107", "idp", "AADSTS50107", "The requested federation realm object does not exist"],
  ["TRIAGE_AADSTS50128", "idp", "AADSTS50128", "No tenant-identifying information found in either the request or implied by any provided credentials"],
  ["TRIAGE_AADSTS50158", "end-user", "AADSTS50158", "External security challenge not satisfied"],
  ["TRIAGE_AADSTS51004", "end-user", "AADSTS51004", "The user account doesn't exist in the directory"],
  ["TRIAGE_AADSTS700051", "idp", "AADSTS700051", "response_type 'token' is not enabled for the application"],
  ["TRIAGE_AADSTS90072", "end-user", "AADSTS90072", "The external account that the user signs in with doesn't exist on the tenant that they signed into"],
  ["TRIAGE_AADSTS90094", "idp", "AADSTS90094", "The grant requires admin permission"],
  ["TRIAGE_AADSTS500011", "idp", "AADSTS500011", "The resource principal named was not found in the tenant"],
  ["TRIAGE_AADSTS500113", "idp", "AADSTS500113", "No reply address is registered for the application"],
  ["TRIAGE_AADSTS50059", "idp", "AADSTS50059", "MissingTenantRealmAndNoUserInformationProvided"],
  ["TRIAGE_AADSTS50012", "idp", "AADSTS50012", "Client assertion contains an invalid signature"],
  ["TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED", "idp", "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings", "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings"],
  ["TRIAGE_OKTA_USER_NOT_ASSIGNED", "idp", "User is not assigned to the client application", "User is not assigned to the client application"],
  ["TRIAGE_OKTA_INVALID_CLIENT", "idp", "invalid_client", "The client secret supplied for a confidential client is invalid"],
  ["TRIAGE_OKTA_NO_MATCHING_POLICY", "idp", "no_matching_policy", "Policy evaluation failed for this request, please check the policy configurations"],
  ["TRIAGE_OKTA_ACCESS_DENIED", "idp", "access_denied", "The resource owner or authorization server denied the request"],
  ["TRIAGE_OKTA_E0000015", "idp", "E0000015", "You do not have permission to access the feature you are requesting"],
  ["TRIAGE_OKTA_E0000004", "end-user", "E0000004", "Authentication failed"],
  ["TRIAGE_OKTA_E0000011", "idp", "E0000011", "Invalid token provided"],
  ["TRIAGE_OKTA_E0000022", "vendor", "E0000022", "The endpoint does not support the provided HTTP method"],
  ["TRIAGE_OKTA_E0000006", "idp", "E0000006", "You do not have permission to perform the requested action"],
  ["TRIAGE_OKTA_INVALID_SCOPE", "idp", "invalid_scope", "The authorization server resource does not have any configured default scopes"],
  ["TRIAGE_OKTA_LOGIN_REQUIRED", "end-user", "login_required", "The client specified not to prompt, but the user is not logged in"],
  ["TRIAGE_OKTA_CONSENT_REQUIRED", "idp", "consent_required", "requires user consent to accept the requested scopes"],
  ["TRIAGE_OKTA_UNSUPPORTED_RESPONSE_TYPE", "idp", "unsupported_response_type", "The response type is not supported by the authorization server"],
  ["TRIAGE_SAML_STATUS_SUCCESS", "idp", "urn:oasis:names:tc:SAML:2.0:status:Success", "urn:oasis:names:tc:SAML:2.0:status:Success"],
  ["TRIAGE_SAML_STATUS_REQUESTER", "vendor", "urn:oasis:names:tc:SAML:2.0:status:Requester", "urn:oasis:names:tc:SAML:2.0:status:Requester"],
  ["TRIAGE_SAML_STATUS_RESPONDER", "idp", "urn:oasis:names:tc:SAML:2.0:status:Responder", "urn:oasis:names:tc:SAML:2.0:status:Responder"],
  ["TRIAGE_SAML_STATUS_VERSION_MISMATCH", "vendor", "urn:oasis:names:tc:SAML:2.0:status:VersionMismatch", "urn:oasis:names:tc:SAML:2.0:status:VersionMismatch"],
  ["TRIAGE_SAML_STATUS_AUTHN_FAILED", "end-user", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"],
  ["TRIAGE_SAML_STATUS_INVALID_ATTR_NAME_OR_VALUE", "idp", "urn:oasis:names:tc:SAML:2.0:status:InvalidAttrNameOrValue", "urn:oasis:names:tc:SAML:2.0:status:InvalidAttrNameOrValue"],
  ["TRIAGE_SAML_STATUS_INVALID_NAMEID_POLICY", "idp", "urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy", "urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy"],
  ["TRIAGE_SAML_STATUS_NO_AUTHN_CONTEXT", "vendor", "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext", "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext"],
  ["TRIAGE_SAML_STATUS_NO_AVAILABLE_IDP", "vendor", "urn:oasis:names:tc:SAML:2.0:status:NoAvailableIDP", "urn:oasis:names:tc:SAML:2.0:status:NoAvailableIDP"],
  ["TRIAGE_SAML_STATUS_NO_PASSIVE", "end-user", "urn:oasis:names:tc:SAML:2.0:status:NoPassive", "urn:oasis:names:tc:SAML:2.0:status:NoPassive"],
  ["TRIAGE_SAML_STATUS_NO_SUPPORTED_IDP", "vendor", "urn:oasis:names:tc:SAML:2.0:status:NoSupportedIDP", "urn:oasis:names:tc:SAML:2.0:status:NoSupportedIDP"],
  ["TRIAGE_SAML_STATUS_PARTIAL_LOGOUT", "end-user", "urn:oasis:names:tc:SAML:2.0:status:PartialLogout", "urn:oasis:names:tc:SAML:2.0:status:PartialLogout"],
  ["TRIAGE_SAML_STATUS_PROXY_COUNT_EXCEEDED", "vendor", "urn:oasis:names:tc:SAML:2.0:status:ProxyCountExceeded", "urn:oasis:names:tc:SAML:2.0:status:ProxyCountExceeded"],
  ["TRIAGE_SAML_STATUS_REQUEST_DENIED", "idp", "urn:oasis:names:tc:SAML:2.0:status:RequestDenied", "urn:oasis:names:tc:SAML:2.0:status:RequestDenied"],
  ["TRIAGE_SAML_STATUS_REQUEST_UNSUPPORTED", "vendor", "urn:oasis:names:tc:SAML:2.0:status:RequestUnsupported", "urn:oasis:names:tc:SAML:2.0:status:RequestUnsupported"],
  ["TRIAGE_SAML_STATUS_REQUEST_VERSION_DEPRECATED", "vendor", "urn:oasis:names:tc:SAML:2.0:status:RequestVersionDeprecated", "urn:oasis:names:tc:SAML:2.0:status:RequestVersionDeprecated"],
  ["TRIAGE_SAML_STATUS_REQUEST_VERSION_TOO_HIGH", "vendor", "urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooHigh", "urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooHigh"],
  ["TRIAGE_SAML_STATUS_REQUEST_VERSION_TOO_LOW", "vendor", "urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooLow", "urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooLow"],
  ["TRIAGE_SAML_STATUS_RESOURCE_NOT_RECOGNIZED", "idp", "urn:oasis:names:tc:SAML:2.0:status:ResourceNotRecognized", "urn:oasis:names:tc:SAML:2.0:status:ResourceNotRecognized"],
  ["TRIAGE_SAML_STATUS_TOO_MANY_RESPONSES", "vendor", "urn:oasis:names:tc:SAML:2.0:status:TooManyResponses", "urn:oasis:names:tc:SAML:2.0:status:TooManyResponses"],
  ["TRIAGE_SAML_STATUS_UNKNOWN_ATTR_PROFILE", "idp", "urn:oasis:names:tc:SAML:2.0:status:UnknownAttrProfile", "urn:oasis:names:tc:SAML:2.0:status:UnknownAttrProfile"],
  ["TRIAGE_SAML_STATUS_UNKNOWN_PRINCIPAL", "idp", "urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal", "urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal"],
  ["TRIAGE_SAML_STATUS_UNSUPPORTED_BINDING", "vendor", "urn:oasis:names:tc:SAML:2.0:status:UnsupportedBinding", "urn:oasis:names:tc:SAML:2.0:status:UnsupportedBinding"],
  ["TRIAGE_VENDOR_BROKER_ASSERTION_REJECTED", "vendor", "There was an error processing the SAML response", "There was an error processing the SAML response"],
  ["TRIAGE_VENDOR_BROKER_SIGNATURE_INVALID", "idp", "The signature in the SAML response is invalid", "The signature in the SAML response is invalid"],
  ["TRIAGE_VENDOR_BROKER_AUDIENCE_INVALID", "idp", "Audience restriction", "Audience restriction"],
  ["TRIAGE_VENDOR_BROKER_ATTRIBUTE_MISSING", "idp", "required attribute is missing", "required attribute is missing"],
  ["TRIAGE_VENDOR_SSO_ALREADY_ON", "vendor", "cannot turn off SSO", "SSO enabled locked out"],
]

describe('error knowledge: each entry by its code and by a typical message, with its owner', () => {
  test('the table covers every knowledge entry in the catalog', () => {
    const inCatalog = Object.keys(triageCatalog).filter((c) => /^TRIAGE_(AADSTS|OKTA_|SAML_STATUS_|VENDOR_)/.test(c)).sort()
    expect(KNOWLEDGE.map(([c]) => c).sort()).toEqual(inCatalog)
  })
  test.each(KNOWLEDGE)('%s (%s) by its code', (code, owner, pastedCode) => {
    const f = explain(pastedCode).findings.find((x) => x.code === code)
    expect(f && { code: f.code, owner: f.owner, matched: f.evidence.actual }).toEqual({ code, owner, matched: expect.any(String) })
  })
  test.each(KNOWLEDGE)('%s (%s) by a typical message', (code, owner, _pastedCode, message) => {
    const f = explain(`Error: ${message}.`).findings.find((x) => x.code === code)
    expect(f && { code: f.code, owner: f.owner }).toEqual({ code, owner })
  })
})
