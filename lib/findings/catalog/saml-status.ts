import type { CatalogEntry } from '../types'
import { LOGS, SAML_CORE, SCREEN } from './error-screens'

/*
 * The SAML status table: one row per SAML 2.0 StatusCode URI (OASIS SAML 2.0 Core §3.2.2.2). The response check
 * (lib/saml/response/check-status.ts), the SAML test login, HAR triage and `explain` all read these rows, so a
 * status is the same finding wherever it is seen.
 */

export const SAML_STATUS_PREFIX = 'urn:oasis:names:tc:SAML:2.0:status:'
const STATUS = SAML_STATUS_PREFIX
/**
 * One SAML 2.0 status code, keyed by its URI. The URN and its short name are both aliases, so either pasted form
 * matches exactly. In a test login it belongs to the Status check.
 */
function status(
  name: string,
  e: Omit<CatalogEntry, 'docs' | 'aliases' | 'logs' | 'idpCode' | 'step'> & { aliases?: readonly string[] },
): CatalogEntry {
  return {
    ...e,
    logs: LOGS,
    docs: SAML_CORE,
    aliases: [STATUS + name, name, ...(e.aliases ?? [])],
    idpCode: STATUS + name,
    step: 'saml.status',
  }
}

export const samlStatusCatalog = {
  SAML_STATUS_SUCCESS: status('Success', {
    severity: 'info',
    owner: 'idp',
    title: 'SAML status Success: the IdP authenticated the user',
    symptom:
      'The SAML response says urn:oasis:names:tc:SAML:2.0:status:Success, yet sign-in still fails at the service provider.',
    detail:
      "The IdP did its part; the failure lies in the assertion's content (audience, recipient, attributes, signature, time) or at the SP.",
    nextStep:
      'Paste the whole SAMLResponse (or run a test login) so each of those checks can run with the IdP metadata.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_REQUESTER: status('Requester', {
    severity: 'error',
    owner: 'vendor',
    title: "SAML status Requester: the IdP rejected the SP's request",
    symptom:
      'The SAML response carries urn:oasis:names:tc:SAML:2.0:status:Requester (often with a second-level code and a StatusMessage).',
    detail:
      'The IdP considers the AuthnRequest wrong: unknown issuer, bad ACS URL, unsupported NameID policy, request signature missing.',
    nextStep:
      'Read the second-level code and StatusMessage (or the AADSTS code in it) and fix that setting; when it points at the request itself, send it to the vendor.',
    important:
      "With Entra and Okta the StatusMessage usually carries the real reason (AADSTS code, or Okta's text): paste it too.",
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_RESPONDER: status('Responder', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status Responder: the IdP failed to answer',
    symptom: 'The SAML response carries urn:oasis:names:tc:SAML:2.0:status:Responder.',
    detail:
      'The IdP could not process the request on its side: missing user attribute, policy, assignment, certificate or an internal error.',
    nextStep:
      "Look up the failed sign-in in the IdP's log at the time of the response; the StatusMessage or second-level code names the reason.",
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_VERSION_MISMATCH: status('VersionMismatch', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status VersionMismatch: wrong SAML protocol version',
    symptom: 'The SAML response carries urn:oasis:names:tc:SAML:2.0:status:VersionMismatch.',
    detail: "The request's SAML version is not supported by the IdP (e.g. a SAML 1.1 or malformed request).",
    nextStep: 'Send the request (HAR) to the vendor: it must send SAML 2.0 AuthnRequests.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_AUTHN_FAILED: status('AuthnFailed', {
    severity: 'error',
    owner: 'end-user',
    title: 'SAML status AuthnFailed: the user could not be authenticated',
    symptom:
      'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed — the IdP could not authenticate the user (wrong password, MFA failed, cancelled).',
    detail: 'The IdP was unable to authenticate the principal.',
    nextStep: 'Sign in again with the company credentials and complete MFA; reset the company password if needed.',
    important: "If every user gets it, the IdP's sign-on policy is the cause: your IT team checks the IdP log.",
  }),
  SAML_STATUS_INVALID_ATTR_NAME_OR_VALUE: status('InvalidAttrNameOrValue', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status InvalidAttrNameOrValue: an attribute is invalid',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:InvalidAttrNameOrValue',
    detail: 'Unexpected or invalid content in an Attribute or AttributeValue.',
    nextStep: "Check the app's attribute mappings (names and value sources) against the vendor's expected attributes.",
    fixAt: SCREEN.claims,
  }),
  SAML_STATUS_INVALID_NAMEID_POLICY: status('InvalidNameIDPolicy', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status InvalidNameIDPolicy: the requested NameID format is not supported',
    symptom:
      'urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy — the IdP cannot produce the NameID format the SP asked for (Entra: AADSTS75016, Saml2AuthenticationRequestInvalidNameIDPolicy).',
    detail: "The AuthnRequest's NameIDPolicy Format does not match what the app is set to send.",
    nextStep: "Set the app's Name ID format to the one the vendor requests (e.g. emailAddress) or to unspecified.",
    fixAt: {
      entra: SCREEN.claims.entra + ' › Unique User Identifier (Name ID) › Name identifier format',
      okta: SCREEN.nameId.okta,
    },
  }),
  // The fix is in the SP's request (RequestedAuthnContext), not in a Conditional Access policy: no IdP screen.
  SAML_STATUS_NO_AUTHN_CONTEXT: status('NoAuthnContext', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status NoAuthnContext: the requested authentication context cannot be met',
    symptom:
      'urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext (Entra: AADSTS75011, the authentication method does not match the requested one).',
    detail:
      'The vendor’s request demands an authentication method (RequestedAuthnContext) the user’s session did not use.',
    nextStep:
      'Sign out of the IdP and sign in again; ask vendor support whether its request can omit or relax RequestedAuthnContext.',
  }),
  SAML_STATUS_NO_AVAILABLE_IDP: status('NoAvailableIDP', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status NoAvailableIDP: no IdP is available (proxying)',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:NoAvailableIDP',
    detail: "Used by an intermediary: none of the IdPs in the request's IDPList is available.",
    nextStep: 'Send the response and the request to the vendor.',
    fixAt: SCREEN.statusGeneric,
  }),
  // An error, not a warning: SAML 2.0 Core §3.2.2.2 defines NoPassive as a second-level code under a failure
  // top-level status (Responder), and a failed Response carries no assertion (§3.3.3 / §3.4.1.4): the sign-in did not
  // happen. It is the expected answer to a passive probe, but a vendor login (and a test login, which never asks for
  // IsPassive) that gets it cannot continue, so it blocks like any other failed status.
  SAML_STATUS_NO_PASSIVE: status('NoPassive', {
    severity: 'error',
    owner: 'end-user',
    title: 'SAML status NoPassive: the IdP would have to show a page',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:NoPassive — a passive (silent) sign-in needed user interaction.',
    detail: 'The SP asked for IsPassive=true and the user has no IdP session.',
    nextStep: "Sign in interactively at the IdP (or start from the vendor's normal sign-in), then retry.",
  }),
  SAML_STATUS_NO_SUPPORTED_IDP: status('NoSupportedIDP', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status NoSupportedIDP: no supported IdP (proxying)',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:NoSupportedIDP',
    detail: 'Used by an intermediary: none of the IdPs it knows is supported by the request.',
    nextStep: 'Send the response and request to the vendor.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_PARTIAL_LOGOUT: status('PartialLogout', {
    severity: 'warning',
    owner: 'end-user',
    title: 'SAML status PartialLogout: not every session was signed out',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout',
    detail: 'Single logout reached only some of the session participants.',
    nextStep: 'Close the browser (or clear cookies for the IdP and the vendor) to end the remaining sessions.',
  }),
  SAML_STATUS_PROXY_COUNT_EXCEEDED: status('ProxyCountExceeded', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status ProxyCountExceeded: the request may not be proxied further',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:ProxyCountExceeded',
    detail: "The request's ProxyCount forbids the IdP from proxying it to another IdP.",
    nextStep: 'Send the request to the vendor (its Scoping/ProxyCount), or authenticate the user directly at this IdP.',
    fixAt: SCREEN.federation,
  }),
  SAML_STATUS_REQUEST_DENIED: status('RequestDenied', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status RequestDenied: the IdP refused to answer',
    symptom:
      'urn:oasis:names:tc:SAML:2.0:status:RequestDenied — the IdP chose not to respond (often: user not assigned, or access policy).',
    detail: 'The IdP refused the request by policy.',
    nextStep: "Check the user's assignment to the app and the access policies in the IdP log for this sign-in.",
    fixAt: SCREEN.assignment,
  }),
  SAML_STATUS_REQUEST_UNSUPPORTED: status('RequestUnsupported', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status RequestUnsupported: the IdP does not support this request',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:RequestUnsupported',
    detail: 'The IdP does not support the request (an option, binding or element in it).',
    nextStep: 'Send the request (HAR) to the vendor together with the IdP product name.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_REQUEST_VERSION_DEPRECATED: status('RequestVersionDeprecated', {
    severity: 'error',
    owner: 'vendor',
    title: "SAML status RequestVersionDeprecated: the request's protocol version is deprecated",
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:RequestVersionDeprecated',
    detail: "The IdP no longer accepts the request's protocol version.",
    nextStep: 'Send the request to the vendor: it must use SAML 2.0.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_REQUEST_VERSION_TOO_HIGH: status('RequestVersionTooHigh', {
    severity: 'error',
    owner: 'vendor',
    title: "SAML status RequestVersionTooHigh: the request's protocol version is too high",
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooHigh',
    detail: "The request's major version is higher than the IdP supports.",
    nextStep: 'Send the request to the vendor: it must use SAML 2.0.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_REQUEST_VERSION_TOO_LOW: status('RequestVersionTooLow', {
    severity: 'error',
    owner: 'vendor',
    title: "SAML status RequestVersionTooLow: the request's protocol version is too low",
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:RequestVersionTooLow',
    detail: "The request's major version is lower than the IdP supports.",
    nextStep: 'Send the request to the vendor: it must use SAML 2.0.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_RESOURCE_NOT_RECOGNIZED: status('ResourceNotRecognized', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status ResourceNotRecognized: the IdP does not know the resource',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:ResourceNotRecognized',
    detail: 'The IdP does not recognise the resource (often the SP entity ID) in the request.',
    nextStep: "Check that the app's Identifier (Entity ID) is exactly the vendor's SP entity ID.",
    fixAt: SCREEN.identifier,
  }),
  SAML_STATUS_TOO_MANY_RESPONSES: status('TooManyResponses', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status TooManyResponses: too many responses',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:TooManyResponses',
    detail: 'The response would hold more elements than the requester can accept.',
    nextStep: 'Send the request and response to the vendor.',
    fixAt: SCREEN.statusGeneric,
  }),
  SAML_STATUS_UNKNOWN_ATTR_PROFILE: status('UnknownAttrProfile', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status UnknownAttrProfile: unknown attribute profile',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:UnknownAttrProfile',
    detail: 'An attribute profile in the request is not known to the responder.',
    nextStep: 'Check the attribute name formats configured for the app against what the vendor expects.',
    fixAt: SCREEN.claims,
  }),
  SAML_STATUS_UNKNOWN_PRINCIPAL: status('UnknownPrincipal', {
    severity: 'error',
    owner: 'idp',
    title: 'SAML status UnknownPrincipal: the user is unknown to the IdP',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal — the IdP does not know the user in the request.',
    detail: 'The principal named in the request (Subject / NameID) is not known to the IdP.',
    nextStep:
      'Check that the user exists and is active in the IdP, and that the vendor sends the identifier your IdP uses.',
    fixAt: SCREEN.userAccount,
  }),
  SAML_STATUS_UNSUPPORTED_BINDING: status('UnsupportedBinding', {
    severity: 'error',
    owner: 'vendor',
    title: 'SAML status UnsupportedBinding: the requested binding is not supported',
    symptom: 'urn:oasis:names:tc:SAML:2.0:status:UnsupportedBinding',
    detail: 'The IdP cannot send the response with the binding the request asked for (ProtocolBinding).',
    nextStep: 'The vendor should request HTTP-POST for responses; send it the request (HAR).',
    fixAt: SCREEN.statusGeneric,
  }),
} as const satisfies Record<`SAML_STATUS_${string}`, CatalogEntry>

export type SamlStatusCode = keyof typeof samlStatusCatalog

const BY_URI: ReadonlyMap<string, SamlStatusCode> = new Map(
  (Object.entries(samlStatusCatalog) as [SamlStatusCode, CatalogEntry][]).map(
    ([code, e]) => [e.idpCode!, code] as const,
  ),
)

/** The row for a status URI (urn:oasis:names:tc:SAML:2.0:status:Requester) or its short name (Requester). */
export function samlStatusEntryCode(status: string): SamlStatusCode | undefined {
  const s = status.trim()
  return BY_URI.get(s.startsWith(STATUS) ? s : STATUS + s)
}
