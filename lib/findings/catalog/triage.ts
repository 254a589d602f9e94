import type { CatalogEntry } from '../types'
import { E_APP, LOGS, O_APP, SCREEN, VENDOR_LOGS } from './error-screens'

// Support triage: what the vendor's Okta broker shows and HAR observations. The IdP's own error codes live in
// idp-error-codes.ts, SAML statuses in saml-status.ts, ID token checks in oidc-id-token.ts (one entry per fact).
// `aliases` hold the exact texts users paste; `explain()` (lib/triage/explain) searches them.

/** What a user sees when the vendor's sign-in service (its Okta broker) rejects the assertion. */
const vendorEntries = {
  TRIAGE_VENDOR_BROKER_ASSERTION_REJECTED: {
    severity: 'error',
    owner: 'idp',
    title: "The vendor's sign-in service could not process the SAML assertion",
    symptom:
      'After the company sign-in succeeds, the vendor\'s page shows "Unable to process the SAML assertion" (also when testing the connection during setup), "There was an error processing the SAML response" or a generic error with an errorId.',
    detail:
      "Your IdP answered and the vendor refused the assertion. The vendor's own troubleshooting names four causes, all fixed by the company's SSO admin: attributes not mapped with the exact, case-sensitive names (or empty), the wrong signing option or algorithm on the IdP's signing certificate, the wrong IdP certificate uploaded at the vendor (at setup or at renewal), and, rarely, a clock out of sync.",
    nextStep:
      "Check the attribute names and values (paste the SAMLResponse here or run a test login), set the signing option to sign the SAML assertion with SHA-256, and upload the IdP's active signing certificate in the vendor's SSO console (Identity provider certificate); check the clocks last. If everything passes, open a case with the vendor with the errorId, time (UTC) and user email.",
    important: 'Only an SSO or primary admin can fix this: a user who sees it passes the error to their SSO admin.',
    fixAt: {
      entra:
        SCREEN.claims.entra +
        '; ' +
        E_APP +
        'Single sign-on › SAML Certificates › Edit › Signing Option (Sign SAML assertion) and Signing Algorithm (SHA-256)',
      okta: SCREEN.claims.okta + '; ' + SCREEN.signingCert.okta,
    },
    logs: VENDOR_LOGS,
    aliases: [
      'Unable to process the SAML assertion',
      'There was an error processing the SAML response',
      'Unable to validate incoming SAML Assertion',
      'SAML assertion validation failed',
      'Unable to sign in',
      'Invalid SAML response',
      'errorId',
    ],
  },
  TRIAGE_VENDOR_BROKER_SIGNATURE_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: "The vendor rejected the signature: the certificate uploaded there is not the IdP's current one",
    symptom:
      'The vendor\'s sign-in page says the SAML signature or certificate is invalid ("The signature is invalid", "Invalid signature", "could not validate signature").',
    detail:
      "The vendor verifies with the certificate you uploaded in its SSO console; your IdP signs with another (rolled over, or a different app's).",
    nextStep:
      "Download the IdP's current signing certificate (Base64) and upload it in the vendor's SSO settings, replacing the old one.",
    important:
      "This setting is in the vendor's console, but it mirrors your IdP: your SSO admin changes it, not the vendor.",
    fixAt: SCREEN.signingCert,
    logs: VENDOR_LOGS,
    aliases: [
      'The signature in the SAML response is invalid',
      'Invalid signature',
      'could not validate signature',
      'signature validation failed',
    ],
  },
  TRIAGE_VENDOR_BROKER_AUDIENCE_INVALID: {
    severity: 'error',
    owner: 'idp',
    title: "The vendor rejected the assertion's audience",
    symptom: 'The vendor\'s sign-in page mentions an invalid audience, "AudienceRestriction" or a wrong recipient.',
    detail:
      "The assertion's Audience (your app's Identifier) or Recipient (Reply URL) is not the vendor's entity ID / ACS URL.",
    nextStep: "Set the app's Identifier and Reply URL to the exact values from the vendor's SSO console.",
    fixAt: SCREEN.identifier,
    logs: VENDOR_LOGS,
    aliases: ['Audience restriction', 'invalid audience', 'AudienceRestriction', 'Invalid recipient'],
  },
  TRIAGE_VENDOR_BROKER_ATTRIBUTE_MISSING: {
    severity: 'error',
    owner: 'idp',
    title: 'The vendor could not create or match the user: an attribute is missing',
    symptom:
      "The vendor's page says the user could not be provisioned or matched, or a required attribute (email, firstName, lastName, objectGUID) is missing or empty.",
    detail: 'The vendor needs specific attribute names with non-empty values to create (JIT) or match the user.',
    nextStep:
      "Add the missing claims with the exact names the vendor expects (short names, not Entra's namespaced URIs), mapped from attributes every user has.",
    fixAt: SCREEN.claims,
    logs: VENDOR_LOGS,
    aliases: [
      'required attribute is missing',
      'could not be provisioned',
      'JIT provisioning failed',
      'objectGUID',
      'missing attribute',
    ],
  },
  TRIAGE_VENDOR_SSO_ALREADY_ON: {
    severity: 'error',
    owner: 'vendor',
    title: 'SSO is already on at the vendor and only its Support can undo it',
    symptom:
      "Users are sent to the company IdP, it fails, and there is no way back to the vendor's own password sign-in.",
    detail: "Turning SSO on at the vendor is immediate and can only be reverted by the vendor's Support.",
    nextStep:
      "Fix the IdP side with this validator's findings; if sign-in must work now, open an urgent case with the vendor to turn SSO off.",
    logs: VENDOR_LOGS,
    aliases: ['cannot turn off SSO', 'SSO enabled locked out'],
  },
} as const satisfies Record<`TRIAGE_VENDOR_${string}`, CatalogEntry>

/** Observations from HAR files and the triage page itself. */
const harEntries = {
  TRIAGE_UNKNOWN_ERROR: {
    severity: 'info',
    owner: 'idp',
    title: 'This error is not in the knowledge base yet',
    symptom: 'A pasted code or message that does not match any known Entra, Okta, SAML or vendor error.',
    detail: 'Nothing matched exactly or closely. The error may come from another system, or be paraphrased.',
    nextStep:
      "Collect: the exact error text (screenshot), the time (UTC), the user's email, the Correlation ID / Request ID (Entra) or errorId (vendor), and a HAR of the sign-in; paste the HAR or the SAMLResponse here. If it is not a company sign-in (a forgotten password, codes by email, an authenticator app), use the sign-in guide instead.",
    fixAt: LOGS,
    logs: LOGS,
  },
  TRIAGE_HAR_INVALID: {
    severity: 'error',
    owner: 'end-user',
    title: 'The file is not a readable HAR',
    symptom: 'A .har file that is truncated, not JSON, or not in HAR 1.2 format.',
    detail: 'The file could not be parsed as a HAR (HTTP Archive) log.',
    nextStep:
      'Record the HAR again: DevTools › Network › tick Preserve log › reproduce the sign-in › right-click › Save all as HAR.',
  },
  TRIAGE_HAR_TOO_LARGE: {
    severity: 'error',
    owner: 'end-user',
    title: 'The HAR file is larger than the limit',
    symptom: 'A HAR of many tens of megabytes, recorded over a long session.',
    detail: 'The file exceeds the size limit and was not read.',
    nextStep:
      'Record only the sign-in: clear the Network tab, tick Preserve log, reproduce the sign-in once, then export.',
  },
  TRIAGE_HAR_NO_SSO: {
    severity: 'info',
    owner: 'end-user',
    title: 'No SSO traffic in the HAR',
    symptom: 'The HAR holds requests, but none to an IdP or carrying SAML / OIDC messages.',
    detail: 'No SAMLRequest, SAMLResponse, OIDC authorize, callback or token request was found.',
    nextStep: 'Record again with Preserve log ticked, starting before the sign-in and ending after the error appears.',
  },
  TRIAGE_HAR_REDIRECT_LOOP: {
    severity: 'error',
    owner: 'end-user',
    title: 'The sign-in loops between the same pages',
    symptom: 'The sign-in page loops, spins, redirects or gets stuck; you repeatedly return to the sign-in screen.',
    aliases: [
      'The sign-in page loops',
      'redirect loop',
      'sign-in page never finishes loading',
      'keeps returning to the sign-in screen',
    ],
    detail:
      'The same request was repeated several times in one redirect chain: the session is never established (blocked or stale cookies, a clock problem, or a misconfigured sign-on URL).',
    nextStep:
      'Try a private or incognito window, clear cookies for the IdP and the vendor, disable extensions, or try another browser or network.',
    important: "If it affects several users or devices, contact your IT team or the vendor's Support with this HAR.",
  },
  TRIAGE_HAR_COOKIE_SAMESITE_NONE_INSECURE: {
    severity: 'error',
    owner: 'vendor',
    title: 'A cookie is set with SameSite=None but without Secure, so browsers drop it',
    symptom: 'Sign-in returns to the start because the session cookie is never kept.',
    detail:
      'Browsers reject SameSite=None cookies that lack the Secure attribute; the cross-site return from the IdP then arrives without a session.',
    nextStep:
      'Send the HAR to the party that owns the host in the evidence: its Set-Cookie must add Secure (and be served over https).',
  },
  TRIAGE_HAR_COOKIES_NOT_SENT: {
    severity: 'warning',
    owner: 'end-user',
    title: 'Cookies set during sign-in were not sent back',
    symptom: "The sign-in page loops; the browser blocks third-party cookies or the site's cookies.",
    detail:
      'A host set cookies, but later requests to the same host carried none: the browser (privacy settings, extensions, tracking protection) blocked them.',
    nextStep:
      'Allow cookies for the IdP and the vendor (or turn off strict tracking protection for them), then retry in a fresh window.',
  },
  TRIAGE_HAR_OIDC_ERROR: {
    severity: 'error',
    owner: 'idp',
    title: 'The IdP answered the OIDC request with an error',
    symptom: 'The redirect back from the IdP carries error= and error_description= instead of a code.',
    detail: 'The authorization server refused the request; error and error_description say why.',
    nextStep:
      'Paste the error_description here (or look it up in the IdP log): it usually names the setting to change.',
    fixAt: SCREEN.statusGeneric,
    logs: LOGS,
  },
  TRIAGE_HAR_HTTP_ERROR: {
    severity: 'warning',
    owner: 'vendor',
    title: 'An SSO request failed with an HTTP error',
    symptom: 'A step of the sign-in returned a 4xx or 5xx page.',
    detail:
      'A request in the sign-in chain got an HTTP error status; the host in the evidence says whose server answered.',
    nextStep:
      "Open the response body of that request in the HAR for the error text and paste it here; if it is the vendor's host, send it to the vendor.",
  },
  TRIAGE_HAR_TIMING_GAP: {
    severity: 'info',
    owner: 'end-user',
    title: 'A long pause in the sign-in',
    symptom: 'The sign-in spins or waits a long time before continuing.',
    detail:
      'More than the threshold passed between two sign-in steps: the user waited at a prompt (MFA), or a server was slow.',
    nextStep:
      'If nobody was typing at that moment, note the hosts on both sides of the pause and report it to their owner.',
  },
  TRIAGE_HAR_SAML_NOT_VALIDATED: {
    severity: 'info',
    owner: 'idp',
    title: 'The SAML response was decoded but not validated',
    symptom: 'A HAR with a SAMLResponse, analysed without the IdP metadata.',
    detail:
      "Without the IdP's metadata there is no certificate to check the signature with, so audience, attributes and times were not checked either.",
    nextStep: 'Upload the IdP metadata with the HAR to validate the response as the vendor would.',
    fixAt: {
      entra: E_APP + 'Single sign-on › SAML Certificates › Federation Metadata XML › Download',
      okta: O_APP + 'Sign On › SAML 2.0 › Metadata details › Metadata URL',
    },
  },
  TRIAGE_HAR_SAML_UNREADABLE: {
    severity: 'error',
    owner: 'idp',
    title: 'A SAML message in the HAR could not be decoded',
    symptom: 'The HAR has a SAMLRequest / SAMLResponse parameter that is not valid base64, deflate or XML.',
    detail: 'The message was damaged (truncated or altered) or is not SAML.',
    nextStep:
      'Record the HAR again; if the value is truncated, the browser export may have cut it — export with content.',
    fixAt: SCREEN.statusGeneric,
  },
  TRIAGE_BUNDLE_INVALID: {
    severity: 'error',
    owner: 'end-user',
    title: 'The support bundle or report could not be read',
    symptom: 'An exported report or support bundle that was edited, truncated or comes from another tool.',
    detail: 'The JSON does not match the support bundle or report schema.',
    nextStep: 'Export the bundle again from SSO Preflight and attach the file unchanged.',
  },
  TRIAGE_HAR_HOPS_NOT_ANALYSED: {
    severity: 'warning',
    owner: 'end-user',
    title: 'The HAR holds more SAML messages than are analysed',
    symptom: 'A HAR recorded over a long session, or one that repeats the sign-in hundreds of times.',
    detail:
      'Only the first and the last SAML messages up to the limit were decoded and checked (the evidence says how many); the ones in between were not analysed. A real sign-in has a handful.',
    nextStep:
      'Record only the failing sign-in: clear the Network tab, tick Preserve log, reproduce the sign-in once, then export the HAR.',
  },
} as const satisfies Record<`TRIAGE_${string}`, CatalogEntry>

/** A SAMLResponse pasted into triage without the IdP's metadata (issue 9): checked as far as it can be. */
const pastedResponseEntries = {
  TRIAGE_SAML_SIGNATURE_NOT_VERIFIED: {
    severity: 'info',
    owner: 'idp',
    title: 'The pasted SAML response was checked without its signature',
    symptom: 'A SAMLResponse pasted into triage without the IdP metadata.',
    detail:
      "Without the IdP's metadata there is no certificate to verify the signature with. Status, addressing (audience, recipient, destination), times, NameID and attributes were read from the unverified XML, so they describe what was sent, not what the vendor would trust: there is no GO without the signature.",
    nextStep:
      'Add the IdP metadata (federation metadata XML) to the triage to verify the signature as the vendor would.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML › Download',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Metadata URL',
    },
  },
} as const satisfies Record<`TRIAGE_${string}`, CatalogEntry>

export const triageCatalog = {
  ...vendorEntries,
  ...harEntries,
  ...pastedResponseEntries,
} as const satisfies Record<`TRIAGE_${string}`, CatalogEntry>

export type TriageCode = keyof typeof triageCatalog
