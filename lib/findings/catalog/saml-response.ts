import type { CatalogEntry } from '../types'

/*
 * Captured SAML response validation (lib/saml/response). Every code here is emitted by a check in that folder and
 * triggered by a test in lib/saml/response/*.test.ts.
 */

const ENTRA_APP = 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on'
// Okta has two kinds of SAML app: a custom one (App Integration Wizard, General › SAML Settings) and the vendor's
// catalog (OIN) app, whose values sit under Sign On › Settings › Edit › Advanced Sign-on Settings. Both are named.
const OKTA_SAML =
  'Okta Admin Console › Applications › Applications › (app) › General › SAML Settings › Edit › Configure SAML (custom SAML app; in a catalog (OIN) app: Sign On › Settings › Edit › Advanced Sign-on Settings)'
const OKTA_ADV = `${OKTA_SAML} › Show Advanced Settings`
const ENTRA_LOGS =
  'Entra admin center › Entra ID › Monitoring & health › Sign-in logs › (the sign-in) › Basic info / Authentication details'
const OKTA_LOGS = 'Okta Admin Console › Reports › System Log, filter: eventType eq "user.authentication.sso"'

const ENTRA_CERT = `${ENTRA_APP} › SAML Certificates › Token signing certificate`
const OKTA_CERT = 'Okta Admin Console › Applications › (app) › Sign On › SAML Signing Certificates'
const ENTRA_CLAIMS = `${ENTRA_APP} › Attributes & Claims`
const OKTA_CLAIMS = `${OKTA_SAML} › Attribute Statements`
const ENTRA_REPLY = `${ENTRA_APP} › Basic SAML Configuration › Reply URL (Assertion Consumer Service URL)`
const OKTA_ACS = `${OKTA_SAML} › Single sign-on URL`
const ENTRA_NAMEID = `${ENTRA_CLAIMS} › Required claim › Unique User Identifier (Name ID) › Choose name identifier format`
const OKTA_NAMEID = `${OKTA_SAML} › Name ID format / Application username`
const ENTRA_ENCRYPTION = 'Entra admin center › Entra ID › Enterprise apps › (app) › Security › Token encryption'
const OKTA_ENCRYPTION = `${OKTA_ADV} › Assertion Encryption`
const TAMPER = {
  entra: `${ENTRA_APP} › Test single sign-on (capture a fresh response)`,
  okta: 'Okta Admin Console › Applications › (app) › Sign On (capture a fresh response)',
} as const

export const samlResponseCatalog = {
  // ── what was uploaded ────────────────────────────────────────────────────────────────────────────────────────
  SAML_RESPONSE_WRONG_MESSAGE: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.message',
    title: 'This is not a SAML login response',
    symptom:
      'An AuthnRequest, a LogoutRequest / LogoutResponse, IdP metadata or another XML document was pasted where the SAMLResponse belongs.',
    detail:
      'The root element is not samlp:Response (nor a bare saml:Assertion), so there is no login answer to check. The evidence names what the document is.',
    nextStep:
      'Capture the POST from the IdP to the ACS URL (browser dev tools › Network › the POST › Payload › SAMLResponse, or SAML-tracer) and paste that value. Metadata belongs in the metadata check.',
    fixAt: TAMPER,
  },
  SAML_RESPONSE_CHECK_FAILED: {
    severity: 'error',
    owner: 'vendor',
    step: 'saml.message',
    title: 'The response could not be checked completely',
    symptom: 'An unexpected condition stopped the validator on this input.',
    detail: 'This is a limitation of SSO Preflight, not a verdict on the response. The evidence names the step.',
    nextStep:
      'Report it with the finding’s evidence (not the response itself) so the check can be fixed; meanwhile test the login directly.',
  },
  SAML_RESPONSE_BARE_ASSERTION: {
    severity: 'info',
    owner: 'vendor',
    step: 'saml.message',
    title: 'A bare Assertion was checked, without its Response',
    symptom: 'The pasted XML starts with saml:Assertion rather than samlp:Response.',
    detail:
      'The assertion was validated on its own. Response-level checks (Status, Destination, the Response InResponseTo and signature) were not possible.',
    nextStep: 'For a complete check, paste the whole SAMLResponse the IdP posted to the ACS URL.',
  },
  SAML_RESPONSE_VERSION_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.message',
    title: 'The response is not SAML 2.0',
    symptom: 'The IdP sends SAML 1.1 (or a message without Version="2.0").',
    detail: 'The vendor accepts SAML 2.0 responses only.',
    nextStep: 'Configure the application in the IdP as a SAML 2.0 application (not SAML 1.1 / WS-Federation).',
    fixAt: {
      entra: `${ENTRA_APP} › Select a single sign-on method › SAML`,
      okta: 'Okta Admin Console › Applications › Create App Integration › SAML 2.0',
    },
  },
  SAML_RESPONSE_ID_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.message',
    title: 'The response or assertion has no ID',
    symptom: 'samlp:Response or saml:Assertion lacks its required ID attribute.',
    detail:
      'SAML 2.0 requires an ID on both; signatures refer to it and replay protection keys on it. A real IdP always sets it, so the message was altered or hand-made.',
    nextStep: 'Capture a fresh, unaltered response from the IdP.',
    fixAt: TAMPER,
  },
  SAML_RESPONSE_DUPLICATE_ID: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'Two elements in the response share the same ID',
    symptom: 'The same ID value appears on several elements.',
    detail:
      'Duplicate IDs are how signature-wrapping attacks make a verifier check one element while the application reads another. The response is refused.',
    nextStep: 'Capture a fresh response. If this one came from a third party, treat it as tampered.',
    important: 'A real IdP never emits duplicate IDs.',
    fixAt: TAMPER,
  },
  SAML_RESPONSE_NO_ASSERTION: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.message',
    title: 'A successful response carries no assertion',
    symptom: 'StatusCode is Success but there is no saml:Assertion or EncryptedAssertion.',
    detail: 'Without an assertion there is no user to sign in.',
    nextStep:
      'Capture the response again; if the IdP really sends no assertion, check the app’s SAML configuration and the IdP sign-in log.',
    fixAt: { entra: ENTRA_APP, okta: OKTA_SAML },
    logs: { entra: ENTRA_LOGS, okta: OKTA_LOGS },
    logsScreen: 'logs.signIns',
  },
  SAML_RESPONSE_MULTIPLE_ASSERTIONS: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.message',
    title: 'The response carries more than one assertion',
    symptom: 'Two or more saml:Assertion (or EncryptedAssertion) elements outside Advice.',
    detail:
      'The vendor expects exactly one assertion. Extra assertions are the classic shape of a signature-wrapping attack, so the response is refused.',
    nextStep: 'Capture a fresh response. Real IdPs send one assertion per response.',
    fixAt: TAMPER,
  },
  SAML_ASSERTION_ENCRYPTED: {
    severity: 'warning',
    owner: 'vendor',
    step: 'saml.message',
    title: 'The assertion is encrypted: its contents cannot be checked here',
    symptom: 'The response carries saml:EncryptedAssertion.',
    detail:
      'Only the service provider holds the private key that decrypts it, so audience, subject, attributes and times were not checked.',
    nextStep:
      'Validate the decrypted assertion on the vendor side, or turn assertion encryption off for a test login to check it here.',
  },
  SAML_ASSERTION_ENCRYPTED_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.message',
    title: 'The IdP encrypts the assertion, which the vendor does not support',
    symptom:
      'The response carries saml:EncryptedAssertion and the vendor profile does not accept encrypted assertions.',
    detail: 'The vendor cannot decrypt the assertion, so the login fails.',
    nextStep: 'Turn assertion (token) encryption off in the IdP application, then test again.',
    fixAt: { entra: ENTRA_ENCRYPTION, okta: OKTA_ENCRYPTION },
  },

  // ── signature ────────────────────────────────────────────────────────────────────────────────────────────────
  SAML_SIGNATURE_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'Neither the response nor the assertion is signed',
    symptom: 'No ds:Signature on samlp:Response or saml:Assertion.',
    detail: 'An unsigned assertion can be forged by anyone, so the vendor refuses it. Nothing in it was read.',
    nextStep: 'Make the IdP sign the assertion (and optionally the response) with SHA-256.',
    screen: 'saml.signingOption',
  },
  SAML_ASSERTION_NOT_COVERED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'No valid signature covers the assertion',
    symptom: 'The response is signed somewhere, but not over the assertion that would be used.',
    detail:
      'Only the assertion’s own signature or a valid signature on its enclosing Response protect it. Anything else can be a signature-wrapping attack, so its contents were not read.',
    nextStep: 'Make the IdP sign the assertion, then capture a fresh response.',
    screen: 'saml.signingOption',
  },
  SAML_ASSERTION_SIGNATURE_REQUIRED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The vendor requires the assertion itself to be signed',
    symptom: 'Only the Response is signed; the Assertion carries no signature of its own.',
    detail: 'Under this vendor profile a signed Response alone is not enough.',
    nextStep:
      'Set the IdP to sign the assertion (Entra: “Sign SAML assertion” or “Sign SAML response and assertion”; Okta: Assertion Signature “Signed”).',
    screen: 'saml.signingOption',
  },
  SAML_SIGNATURE_INVALID: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The signature does not verify with the IdP’s certificate',
    symptom: 'Signature check fails; the certificate in the response matches the metadata certificate.',
    detail: 'The SignatureValue does not verify with any signing certificate from the IdP metadata.',
    nextStep:
      'Capture a fresh response unchanged (no re-formatting). If it still fails, download the current metadata from the IdP and test again.',
    fixAt: { entra: ENTRA_CERT, okta: OKTA_CERT },
    screen: 'saml.signingCertificate',
  },
  SAML_SIGNATURE_CERT_NOT_TRUSTED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The response is signed with a certificate that is not in the IdP metadata',
    symptom:
      'Signature check fails; the certificate in the response’s KeyInfo differs from every metadata certificate — typically after a certificate rollover.',
    detail:
      'The IdP signs with a certificate the vendor does not know (its KeyInfo certificate is never trusted on its own). Compare the fingerprints in the evidence.',
    nextStep:
      'Make the IdP’s active signing certificate the one in the metadata, and upload the current metadata (or certificate) at the vendor’s SSO settings.',
    important:
      'The certificate uploaded at the vendor is set by the company admin: update it there after every rollover.',
    fixAt: { entra: `${ENTRA_CERT} (the Active one)`, okta: `${OKTA_CERT} (the Active one)` },
    screen: 'saml.signingCertificate',
  },
  SAML_SIGNATURE_NO_TRUSTED_CERT: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The IdP metadata has no usable signing certificate',
    symptom: 'The metadata given for the check holds no signing certificate that can be read.',
    detail: 'Without a certificate from the metadata no signature can be verified.',
    nextStep: 'Download the IdP metadata again (it must contain a signing X509Certificate) and run the check with it.',
    fixAt: {
      entra: `${ENTRA_APP} › SAML Certificates › Federation Metadata XML`,
      okta: `${OKTA_CERT} › Actions › View IdP metadata`,
    },
    screen: 'saml.metadataUrl',
  },
  SAML_SIGNATURE_DIGEST_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The signed content was changed after signing',
    symptom: 'The digest of the signed element differs from the DigestValue.',
    detail:
      'Something altered the XML after the IdP signed it: a proxy, a copy-paste that re-formatted it, or tampering.',
    nextStep: 'Capture the base64 SAMLResponse value directly from the browser, unchanged, and check again.',
    fixAt: TAMPER,
  },
  SAML_SIGNATURE_REFERENCE_INVALID: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The signature does not point at the element it sits in',
    symptom: 'The Reference URI is not “#” + the ID of the signed element, or there is not exactly one Reference.',
    detail:
      'A signature must cover exactly its enclosing Response or Assertion; anything else is the shape of a signature-wrapping attack.',
    nextStep: 'Capture a fresh response; if it came from a third party, treat it as tampered.',
    fixAt: TAMPER,
  },
  SAML_SIGNATURE_ALGORITHM_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The signature uses an algorithm or transform that is not accepted',
    symptom: 'Unknown SignatureMethod, DigestMethod, CanonicalizationMethod or Transform.',
    detail:
      'Only RSA / ECDSA with SHA-256 or stronger (SHA-1 per policy), exclusive or inclusive C14N and the enveloped-signature transform are accepted.',
    nextStep: 'Set the IdP’s signing algorithm to RSA-SHA256 with SHA-256 digests.',
    screen: 'saml.signingOption',
  },
  SAML_SIGNATURE_MALFORMED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The signature element is malformed',
    symptom: 'ds:Signature lacks SignedInfo, SignatureValue or has undecodable values.',
    detail: 'The signature cannot be processed.',
    nextStep: 'Capture a fresh, unaltered response from the IdP.',
    fixAt: TAMPER,
  },
  SAML_SIGNATURE_SHA1: {
    severity: 'warning',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The response is signed with SHA-1',
    symptom: 'SignatureMethod rsa-sha1 or DigestMethod sha1.',
    detail: 'SHA-1 is deprecated for signatures; the vendor may refuse it.',
    nextStep: 'Switch the IdP’s signing algorithm to SHA-256.',
    fixAt: {
      entra: `${ENTRA_APP} › SAML Certificates › Edit › Signing Algorithm: SHA-256`,
      okta: `${OKTA_ADV} › Signature Algorithm RSA_SHA256, Digest Algorithm SHA256`,
    },
    screen: 'saml.signingOption',
  },
  SAML_RESPONSE_SIGNATURE_INVALID_IGNORED: {
    severity: 'warning',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The Response signature does not verify (the assertion’s own signature does)',
    symptom: 'The outer Response signature fails, but the assertion carries its own valid signature.',
    detail:
      'Everything used from the response comes from the validly signed assertion, so the login can work; the failing outer signature usually means the XML was re-formatted after signing. Response-level values (Destination, InResponseTo, Status) are then unauthenticated.',
    nextStep:
      'Capture the SAMLResponse unchanged; if the Response signature still fails, check the IdP’s signing settings.',
    screen: 'saml.signingOption',
  },
  SAML_RESPONSE_SIGNING_CERT_EXPIRED: {
    severity: 'warning',
    owner: 'idp',
    step: 'saml.signature',
    title: 'The certificate that signed the response has expired',
    symptom: 'The signature verifies, but the IdP signing certificate’s validity ended before now.',
    detail:
      'Many service providers refuse a response signed with an expired certificate, and the IdP should have rolled over.',
    nextStep:
      'Create a new signing certificate in the IdP, make it active, and upload it (or the new metadata) at the vendor.',
    fixAt: { entra: ENTRA_CERT, okta: OKTA_CERT },
    screen: 'saml.signingCertificate',
  },

  // ── issuer and status ────────────────────────────────────────────────────────────────────────────────────────
  SAML_ISSUER_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.issuer',
    title: 'The response comes from a different IdP entity ID',
    symptom: 'The Issuer of the Response or Assertion is not the entity ID in the IdP metadata the vendor has.',
    detail: 'The vendor matches the Issuer against the IdP entity ID it was configured with.',
    nextStep:
      'Upload the metadata of the IdP app that actually answers (or fix the IdP entity ID at the vendor); for Entra, each tenant has its own https://sts.windows.net/<tenant-id>/.',
    fixAt: {
      entra: `${ENTRA_APP} › Set up (app) › Microsoft Entra Identifier`,
      okta: `${OKTA_CERT} › View IdP metadata › entityID`,
    },
  },
  SAML_ISSUER_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.issuer',
    title: 'The assertion has no Issuer',
    symptom: 'saml:Assertion without saml:Issuer.',
    detail: 'SAML 2.0 requires the assertion to name its issuer; the vendor cannot tell which IdP sent it.',
    nextStep: 'Capture a fresh response from the IdP; a real IdP always sets the Issuer.',
    fixAt: TAMPER,
  },
  SAML_STATUS_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.status',
    title: 'The response has no Status',
    symptom: 'samlp:Response without samlp:Status / StatusCode.',
    detail: 'SAML 2.0 requires a Status with a StatusCode; without it success cannot be told from failure.',
    nextStep: 'Capture a fresh response from the IdP.',
    fixAt: TAMPER,
  },
  SAML_STATUS_ERROR: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.status',
    title: 'The IdP answered with an error status',
    symptom:
      'A StatusCode other than Success (e.g. RequestUnsupported, UnsupportedBinding, or a product-specific value).',
    detail: 'The IdP did not issue an assertion. The evidence carries both status levels and the StatusMessage.',
    nextStep: 'Look up the sign-in in the IdP log and fix the reason it names.',
    fixAt: { entra: ENTRA_APP, okta: OKTA_SAML },
    logs: { entra: ENTRA_LOGS, okta: OKTA_LOGS },
    logsScreen: 'logs.signIns',
  },
  SAML_STATUS_NOT_URI: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.status',
    title: 'The StatusCode is not a SAML status URI',
    symptom: 'StatusCode Value such as "main status" instead of urn:oasis:names:tc:SAML:2.0:status:….',
    detail: 'The status value is not one SAML 2.0 defines, so the response cannot be treated as a success.',
    nextStep: 'Check the IdP’s sign-in log for this attempt; a standard IdP sends SAML status URIs.',
    fixAt: { entra: ENTRA_APP, okta: OKTA_SAML },
    logs: { entra: ENTRA_LOGS, okta: OKTA_LOGS },
    logsScreen: 'logs.signIns',
  },

  // ── addressing ───────────────────────────────────────────────────────────────────────────────────────────────
  SAML_AUDIENCE_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.audience',
    title: 'The assertion is addressed to another service provider',
    symptom: 'Audience is not the vendor’s SP entity ID (Entra AADSTS700016 / Okta “audience” errors at the vendor).',
    detail:
      'The Audience must be the vendor’s SP entity ID exactly (scheme, host, path, no trailing slash); otherwise the vendor rejects the login.',
    nextStep: 'Set the app’s Identifier / Audience URI to the expected value, then test again.',
    screen: 'saml.identifier',
  },
  SAML_AUDIENCE_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.audience',
    title: 'The assertion names no audience',
    symptom: 'No Conditions or no AudienceRestriction / Audience.',
    detail:
      'The Web SSO profile requires an AudienceRestriction naming the SP; without it the assertion could be replayed to any SP.',
    nextStep: 'Set the app’s Identifier / Audience URI to the vendor’s SP entity ID.',
    screen: 'saml.identifier',
  },
  SAML_AUDIENCE_PLACEHOLDER: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.audience',
    title: 'The Identifier is still the placeholder value',
    symptom: 'The Audience equals a placeholder from the vendor docs or gallery template.',
    detail: 'The placeholder must be replaced by your own connection’s SP entity ID from the vendor console.',
    nextStep: 'Copy the SP entity ID from the vendor’s SSO setup page into the IdP app’s Identifier / Audience URI.',
    screen: 'saml.identifier',
  },
  SAML_RECIPIENT_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.recipient',
    title: 'The assertion is meant for another ACS URL (Recipient)',
    symptom: 'SubjectConfirmationData Recipient is not the vendor’s ACS (Reply) URL.',
    detail: 'The IdP sends to the Reply URL configured in the app; it must be the vendor’s ACS URL exactly.',
    nextStep: 'Set the Reply URL / Single sign-on URL to the expected value.',
    screen: 'saml.replyUrl',
  },
  SAML_RECIPIENT_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.recipient',
    title: 'The bearer confirmation has no Recipient',
    symptom: 'SubjectConfirmationData without a Recipient attribute.',
    detail: 'The Web SSO profile requires Recipient (the ACS URL) on the bearer confirmation.',
    nextStep: 'Set the Reply URL / Single sign-on URL of the app; the IdP copies it into Recipient.',
    screen: 'saml.replyUrl',
  },
  SAML_ACS_PLACEHOLDER: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.recipient',
    title: 'The Reply URL is still the placeholder value',
    symptom: 'Recipient / Destination equals the placeholder ACS URL from the gallery template (e.g. …/sso/saml2/1).',
    detail: 'The placeholder must be replaced by your own connection’s ACS URL from the vendor console.',
    nextStep: 'Copy the ACS URL from the vendor’s SSO setup page into the Reply URL / Single sign-on URL.',
    screen: 'saml.replyUrl',
  },
  SAML_DESTINATION_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.recipient',
    title: 'The response was sent to another URL (Destination)',
    symptom: 'The Response Destination is not the vendor’s ACS URL.',
    detail:
      'Destination states where the IdP meant to post the response; the vendor refuses one meant for another endpoint.',
    nextStep:
      'Set the Reply URL / Single sign-on URL (and Okta’s Recipient / Destination if set separately) to the expected value.',
    fixAt: {
      entra: ENTRA_REPLY,
      okta: `${OKTA_ACS} (and Recipient URL / Destination URL when “Use this for Recipient URL and Destination URL” is off)`,
    },
    screen: 'saml.replyUrl',
  },
  SAML_IN_RESPONSE_TO_MISMATCH: {
    severity: 'error',
    owner: 'end-user',
    step: 'saml.inResponseTo',
    title: 'The response answers a different login request',
    symptom:
      'InResponseTo is not the ID of the request that started this login (stale tab, second login started, back button).',
    detail: 'The response belongs to another sign-in attempt, so it is refused.',
    nextStep: 'Close other sign-in tabs and start the sign-in again from the vendor’s page.',
  },
  SAML_UNSOLICITED_RESPONSE: {
    severity: 'error',
    owner: 'end-user',
    step: 'saml.inResponseTo',
    title: 'The response was not requested (IdP-initiated)',
    symptom:
      'A request ID was expected but the response carries no InResponseTo: the login was started from the IdP portal (My Apps, Okta dashboard).',
    detail: 'An SP-initiated login must answer the request that started it.',
    nextStep: 'Start the test from the vendor’s (or this tool’s) sign-in page, not from the IdP’s app tile.',
  },

  // ── time ─────────────────────────────────────────────────────────────────────────────────────────────────────
  SAML_ASSERTION_EXPIRED: {
    severity: 'error',
    owner: 'end-user',
    step: 'saml.times',
    title: 'The assertion has expired',
    symptom:
      'Now is past Conditions NotOnOrAfter (plus the allowed clock skew): an old captured response, a slow login, or a clock difference.',
    detail: 'The evidence carries now, the tolerance and the window.',
    nextStep:
      'Sign in again and check the fresh response right away. If fresh responses are already expired, the IdP’s or the vendor’s clock is wrong.',
  },
  SAML_ASSERTION_NOT_YET_VALID: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.times',
    title: 'The assertion is not valid yet',
    symptom: 'Now is before Conditions NotBefore (minus the allowed clock skew): the IdP’s clock runs ahead.',
    detail: 'The evidence carries now, the tolerance and the window.',
    nextStep:
      'Check the clock of the IdP (on-premises AD FS / Shibboleth servers especially); cloud IdPs keep time, so check this machine’s clock too.',
    fixAt: {
      entra: 'No setting in Entra: check the clock of the machine that ran this check',
      okta: 'No setting in Okta: check the clock of the machine that ran this check',
    },
  },
  SAML_CONDITIONS_NO_EXPIRY: {
    severity: 'warning',
    owner: 'idp',
    step: 'saml.times',
    title: 'The assertion never expires',
    symptom: 'Conditions has no NotOnOrAfter.',
    detail: 'Without an end of validity the assertion can be replayed for ever; many SPs refuse it.',
    nextStep: 'Use the IdP’s default assertion lifetime (do not remove the validity window).',
    fixAt: { entra: 'Entra admin center › (token lifetime policy assigned to the app)', okta: OKTA_SAML },
  },
  SAML_SUBJECT_CONFIRMATION_EXPIRED: {
    severity: 'error',
    owner: 'end-user',
    step: 'saml.times',
    title: 'The bearer confirmation has expired',
    symptom: 'Now is past SubjectConfirmationData NotOnOrAfter (plus skew).',
    detail: 'The response had to reach the vendor before this time.',
    nextStep: 'Sign in again and check the fresh response right away; if fresh ones fail too, compare the clocks.',
  },
  SAML_SUBJECT_CONFIRMATION_NOT_YET_VALID: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.times',
    title: 'The bearer confirmation is not valid yet',
    symptom: 'Now is before SubjectConfirmationData NotBefore (minus skew).',
    detail: 'The IdP’s clock runs ahead, or the value is wrong.',
    nextStep: 'Check the IdP’s clock and this machine’s clock.',
    fixAt: {
      entra: 'No setting in Entra: check the clock of the machine that ran this check',
      okta: 'No setting in Okta: check the clock of the machine that ran this check',
    },
  },
  SAML_SUBJECT_CONFIRMATION_NO_EXPIRY: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.times',
    title: 'The bearer confirmation has no NotOnOrAfter',
    symptom: 'SubjectConfirmationData without NotOnOrAfter.',
    detail: 'The Web SSO profile requires the bearer confirmation to expire.',
    nextStep: 'Capture a fresh response; real IdPs always set it.',
    fixAt: TAMPER,
  },
  SAML_ISSUE_INSTANT_IN_FUTURE: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.times',
    title: 'The response was issued in the future',
    symptom: 'IssueInstant is later than now plus the allowed clock skew.',
    detail: 'The IdP’s clock (or this machine’s) is off.',
    nextStep: 'Check the IdP’s clock and this machine’s clock.',
    fixAt: {
      entra: 'No setting in Entra: check the clock of the machine that ran this check',
      okta: 'No setting in Okta: check the clock of the machine that ran this check',
    },
  },
  SAML_SESSION_EXPIRED: {
    severity: 'error',
    owner: 'end-user',
    step: 'saml.times',
    title: 'The IdP session in the assertion has ended',
    symptom: 'AuthnStatement SessionNotOnOrAfter is in the past.',
    detail: 'The IdP says the session behind this login has already ended.',
    nextStep: 'Sign out of the IdP, sign in again and retry.',
  },
  SAML_TIME_INVALID: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.times',
    title: 'A timestamp is not a valid xs:dateTime',
    symptom: 'IssueInstant, NotBefore or NotOnOrAfter cannot be read as a UTC date-time.',
    detail: 'SAML times must be xs:dateTime in UTC (e.g. 2024-04-25T20:31:55Z).',
    nextStep: 'Capture a fresh, unaltered response from the IdP.',
    fixAt: TAMPER,
  },

  // ── subject and attributes ───────────────────────────────────────────────────────────────────────────────────
  SAML_AUTHN_STATEMENT_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.authnStatement',
    title: 'The assertion has no AuthnStatement',
    symptom: 'No saml:AuthnStatement in the assertion.',
    detail:
      'The Web SSO profile requires an authentication statement; without it the assertion does not say the user signed in.',
    nextStep: 'Capture a fresh response from the IdP; a SAML SSO app always includes one.',
    fixAt: TAMPER,
  },
  SAML_SUBJECT_CONFIRMATION_NOT_BEARER: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.recipient',
    title: 'The assertion has no bearer subject confirmation',
    symptom: 'No SubjectConfirmation with Method urn:oasis:names:tc:SAML:2.0:cm:bearer.',
    detail: 'Browser SSO needs a bearer confirmation; holder-of-key or sender-vouches are not accepted.',
    nextStep: 'Configure the app as a standard SAML 2.0 browser (Web SSO) app.',
    fixAt: { entra: ENTRA_APP, okta: OKTA_SAML },
  },
  SAML_SUBJECT_CONFIRMATION_DATA_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.recipient',
    title: 'The bearer confirmation has no SubjectConfirmationData',
    symptom: 'SubjectConfirmation without SubjectConfirmationData (no Recipient, no expiry).',
    detail: 'The Web SSO profile requires SubjectConfirmationData with Recipient and NotOnOrAfter.',
    nextStep: 'Capture a fresh response; real IdPs always include it.',
    fixAt: TAMPER,
  },
  SAML_NAMEID_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.nameId',
    title: 'The assertion has no NameID (or it is empty)',
    symptom: 'No saml:Subject / saml:NameID, or an empty NameID.',
    detail: 'The vendor identifies the user by NameID.',
    nextStep: 'Set the Name ID source (user identifier) of the app.',
    fixAt: { entra: ENTRA_NAMEID, okta: OKTA_NAMEID },
    screen: 'saml.nameId',
  },
  SAML_NAMEID_FORMAT_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.nameId',
    title: 'The NameID format is not one the vendor accepts',
    symptom: 'NameID Format differs from the formats the vendor expects (e.g. transient).',
    detail: 'The evidence lists the accepted formats.',
    nextStep: 'Set the Name ID format to an accepted one (usually emailAddress).',
    fixAt: { entra: ENTRA_NAMEID, okta: OKTA_NAMEID },
    screen: 'saml.nameId',
  },
  SAML_NAMEID_COMMENT: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.nameId',
    title: 'The NameID contains an XML comment',
    symptom: 'A <!-- --> comment inside the NameID text.',
    detail:
      'Comments inside NameID make some SPs read a different user than the one signed (CVE-2017-11427 family). The response is treated as tampered.',
    nextStep: 'Capture a fresh response; if it came from a third party, treat it as an attack.',
    important: 'A real IdP never puts a comment inside NameID.',
    fixAt: TAMPER,
  },
  SAML_ATTRIBUTE_COMMENT: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'An attribute value contains an XML comment',
    symptom: 'A <!-- --> comment inside an AttributeValue (email, objectGUID or any other attribute).',
    detail:
      'As inside NameID, a comment splits the value: an SP that reads only the first text node sees another value (another e-mail address, another user) than the one signed (CVE-2017-11427 family). The response is treated as tampered.',
    nextStep: 'Capture a fresh response; if it came from a third party, treat it as an attack.',
    important: 'A real IdP never puts a comment inside an attribute value.',
    fixAt: TAMPER,
    docs: [
      'https://duo.com/blog/duo-finds-saml-vulnerabilities-affecting-multiple-implementations',
      'https://nvd.nist.gov/vuln/detail/CVE-2017-11427',
    ],
  },
  SAML_NAMEID_SP_NAME_QUALIFIER_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.nameId',
    title: 'The NameID is qualified for another service provider',
    symptom: 'NameID SPNameQualifier differs from the vendor’s SP entity ID.',
    detail: 'The identifier was issued for another SP.',
    nextStep: 'Set the app’s Identifier / Audience URI to the vendor’s SP entity ID.',
    screen: 'saml.identifier',
  },
  SAML_ATTRIBUTE_MISSING: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'A required attribute is missing',
    symptom:
      'The vendor needs an attribute (e.g. firstName, lastName, email, objectGUID) that the assertion does not carry.',
    detail: 'The evidence names the expected attribute and the attribute names that were sent.',
    nextStep:
      'Add a claim / attribute statement with exactly the expected name, mapped from the source in the evidence.',
    fixAt: { entra: `${ENTRA_CLAIMS} › Add new claim`, okta: OKTA_CLAIMS },
    screen: 'saml.claims',
  },
  SAML_ATTRIBUTE_RECOMMENDED_MISSING: {
    severity: 'warning',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'A recommended attribute is missing',
    symptom: 'An attribute the vendor uses when present (e.g. first or last name) is not sent.',
    detail: 'Login works, but the user’s profile at the vendor stays incomplete.',
    nextStep: 'Add a claim / attribute statement with the expected name.',
    fixAt: { entra: `${ENTRA_CLAIMS} › Add new claim`, okta: OKTA_CLAIMS },
    screen: 'saml.claims',
  },
  SAML_ATTRIBUTE_EMPTY: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'A required attribute is empty',
    symptom: 'The attribute is sent but its value is blank (e.g. a blank objectGUID or a user without a surname).',
    detail: 'The vendor treats an empty value as missing.',
    nextStep: 'Map the claim to a source attribute that is filled for every user (and fill it for this user).',
    fixAt: { entra: `${ENTRA_CLAIMS} › (the claim) › Source attribute`, okta: `${OKTA_CLAIMS} › Value` },
    screen: 'saml.claims',
  },
  SAML_ATTRIBUTE_ALIAS: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'An attribute is sent under another name',
    symptom: 'The value is there, but under a name the vendor does not read (e.g. givenName instead of firstName).',
    detail: 'The vendor matches attribute names exactly, including case.',
    nextStep: 'Rename the claim / attribute to the expected name shown in the evidence.',
    fixAt: { entra: `${ENTRA_CLAIMS} › (the claim) › Name`, okta: `${OKTA_CLAIMS} › Name` },
    screen: 'saml.claims',
  },
  SAML_ATTRIBUTE_NAMESPACED: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'An attribute name carries Entra’s claim namespace',
    symptom:
      'Attribute names like http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress instead of email.',
    detail: 'Entra prefixes claim names with a namespace by default; the vendor expects the bare name.',
    nextStep: 'Edit the claim, clear the Namespace field and set the Name to the expected value.',
    fixAt: { entra: `${ENTRA_CLAIMS} › (the claim) › Namespace (clear it) / Name`, okta: `${OKTA_CLAIMS} › Name` },
    screen: 'saml.claims',
  },
  SAML_ATTRIBUTE_DUPLICATE: {
    severity: 'warning',
    owner: 'idp',
    step: 'saml.attributes',
    title: 'An attribute is sent twice',
    symptom: 'Two Attribute elements with the same Name.',
    detail: 'The vendor may read either one; values should be in one Attribute with several AttributeValue elements.',
    nextStep: 'Remove the duplicate claim / attribute statement.',
    screen: 'saml.claims',
  },
  SAML_AUTHN_CONTEXT_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    step: 'saml.authnStatement',
    title: 'The authentication method is not one the vendor accepts',
    symptom: 'AuthnContextClassRef differs from the classes the vendor requires (e.g. MFA).',
    detail: 'The evidence lists the accepted classes and the one sent.',
    nextStep: 'Require the matching authentication method (e.g. MFA) for the app in the IdP.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Conditional Access › (policy for the app) › Grant',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › User authentication policy',
    },
  },
} as const satisfies Record<`SAML_${string}`, CatalogEntry>
