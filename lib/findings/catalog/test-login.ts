import type { CatalogEntry, PerIdp } from '../types'

/* Problems specific to a live SAML test login: the run's lifecycle, the IdP's answer reaching us, the setup. */

const ENTRA = 'Entra admin center › Entra ID › Enterprise apps › (app) › '
const OKTA = 'Okta Admin Console › Applications › (app) › '

const REPLY_URL: PerIdp = {
  entra:
    ENTRA + 'Single sign-on › Basic SAML Configuration › Reply URL (Assertion Consumer Service URL) › Add reply URL',
  okta:
    OKTA +
    'General › SAML Settings › Edit › Show Advanced Settings › Other Requestable SSO URLs (custom SAML app; sources are silent on whether a catalog (OIN) app offers it)',
  other: 'the SAML app’s list of allowed Assertion Consumer Service (reply) URLs',
}
const SIGN_ON: PerIdp = {
  entra: ENTRA + 'Single sign-on › Basic SAML Configuration (Relay State) and Users and groups',
  okta:
    OKTA +
    'General › SAML Settings › Default RelayState (custom SAML app); catalog (OIN) app: Sign On › Settings › Edit',
}

export const testLoginCatalog = {
  SAML_TEST_LOGIN_RUN_NOT_FOUND: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'This SAML answer belongs to no test login in progress',
    symptom:
      'The result page says the response matches no test login: the login was started from the IdP (My Apps, the Okta dashboard), from another browser or app instance, or more than 15 minutes ago.',
    detail:
      'A test login is accepted only as the answer to an AuthnRequest this app sent (InResponseTo) or with the RelayState it set. Neither named a known run, so the response was not validated against a connection.',
    nextStep:
      'Start the test login again from the connection page (Run test login) and sign in within 10 minutes; do not start it from the IdP’s app portal.',
    important:
      'IdP-initiated logins go to the vendor, not here: to check one, paste the captured SAMLResponse on the check page instead.',
  },
  SAML_TEST_LOGIN_RUN_EXPIRED: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'The SAML test login took longer than allowed',
    symptom: 'The IdP answered more than 10 minutes after the test login started.',
    detail:
      'A test login is short-lived so a stolen or stale answer cannot be used later. The response was still checked, but a vendor would reject an answer this late.',
    nextStep: 'Run the test login again and sign in at the IdP right away.',
  },
  SAML_TEST_LOGIN_REPLAYED: {
    severity: 'error',
    owner: 'end-user',
    step: 'run',
    title: 'The same SAML answer arrived twice',
    symptom:
      'The browser posted a response that was already used: the back button, a page reload, or a copied request re-sent it.',
    detail:
      'Each SAML response is accepted once. This one answers a test login whose result already exists, so it was refused, exactly as a vendor refuses a replayed assertion.',
    nextStep:
      'Open the first result (link in the evidence) or run a new test login; do not reload the page that posts to the ACS.',
    important:
      'If nobody re-sent it, treat it as a replay attempt: the original result stays valid, this copy was ignored.',
  },
  SAML_TEST_LOGIN_NO_RESPONSE: {
    severity: 'error',
    owner: 'idp',
    step: 'run',
    title: 'The IdP posted to the ACS without a SAMLResponse',
    symptom:
      'The ACS received a request with no SAMLResponse form field (an empty POST, a GET, or a WS-Federation wresult).',
    detail:
      'Only the SAML 2.0 HTTP-POST binding delivers a response to the ACS. Without SAMLResponse there is nothing to validate.',
    nextStep:
      'Check that the IdP app uses SAML 2.0 (not WS-Federation) and posts to the reply URL shown on the setup page.',
    fixAt: REPLY_URL,
    screen: 'saml.replyUrl',
  },
  SAML_TEST_LOGIN_RELAY_STATE_MISMATCH: {
    severity: 'warning',
    owner: 'idp',
    step: 'run',
    title: 'The IdP did not return the RelayState unchanged',
    symptom: 'The RelayState posted back is missing or names another test login than the response’s InResponseTo.',
    detail:
      'An SP sends RelayState with the AuthnRequest and expects it back unchanged. A configured default RelayState in the IdP app overrides it, and the vendor may then send users to the wrong page.',
    nextStep:
      'Clear the app’s default Relay State in the IdP (or leave it empty) so SP-initiated logins keep the SP’s value.',
    fixAt: SIGN_ON,
  },
  SAML_TEST_LOGIN_METADATA_UNUSABLE: {
    severity: 'error',
    owner: 'idp',
    step: 'run',
    title: 'The saved IdP metadata cannot start a test login',
    symptom:
      'Run test login reports that the connection’s metadata has no IdP, no signing certificate, or could not be read.',
    detail:
      'A test login needs the IdP’s entity ID, an SSO endpoint and at least one signing certificate from its metadata. The static check of the connection lists what is wrong.',
    nextStep: 'Download the IdP’s federation metadata again, update the connection with it, then run the test login.',
    screen: 'saml.metadataUrl',
  },
  SAML_TEST_LOGIN_NO_SSO_ENDPOINT: {
    severity: 'error',
    owner: 'idp',
    step: 'run',
    title: 'The IdP metadata offers no SSO endpoint a browser can use',
    symptom:
      'The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding and an https (or loopback http) URL.',
    detail:
      'SP-initiated login sends the AuthnRequest to the IdP’s SingleSignOnService. Without a Redirect or POST endpoint there is nowhere to send it.',
    nextStep:
      'Use the metadata of the SAML app itself (not the tenant-wide document) and make sure it lists a SingleSignOnService.',
    screen: 'saml.metadataUrl',
  },
  SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING: {
    severity: 'error',
    owner: 'vendor',
    step: 'run',
    title: 'The connection has no vendor SP entity ID',
    symptom:
      'Run test login is refused because the connection does not say which SP entity ID (Identifier) the vendor uses.',
    detail:
      'The test login asks the IdP for the very app the vendor will use: the AuthnRequest’s Issuer must be the vendor’s SP entity ID (its form is the expected value in the evidence).',
    nextStep:
      'Copy the SP entity ID from the vendor’s SSO console (the screen is named in the evidence) into the connection, or paste the vendor’s SP metadata XML, then run the test login.',
  },
  SAML_TEST_LOGIN_VENDOR_ACS: {
    severity: 'info',
    owner: 'idp',
    step: 'run',
    title: 'This test used SSO Preflight’s reply URL; the vendor’s must stay configured too',
    symptom: 'The test login passed Recipient and Destination checks against the test reply URL.',
    detail:
      'The test login asks the IdP to answer SSO Preflight’s ACS, so Recipient and Destination were checked against it. For the real login the IdP must use the vendor’s ACS URL (in the evidence) as the default reply URL.',
    nextStep:
      'Keep the vendor’s ACS URL as the default reply URL; remove SSO Preflight’s reply URL when testing is done.',
    fixAt: REPLY_URL,
    screen: 'saml.replyUrl',
  },
  SAML_TEST_LOGIN_IDP_ERROR_PAGE: {
    severity: 'error',
    owner: 'idp',
    step: 'run',
    title: 'The IdP showed an error page instead of answering',
    symptom:
      'After Run test login the IdP displayed an error (for Entra an AADSTS code) and never returned to SSO Preflight.',
    detail:
      'The IdP refused the AuthnRequest or the user before issuing a response. The text the user reported is in the evidence; known error codes get their own finding.',
    nextStep: 'Look up the error in the IdP’s sign-in logs with the correlation ID and time shown on the error page.',
    fixAt: {
      entra: 'Entra admin center › Entra ID › Monitoring & health › Sign-in logs (filter by correlation ID)',
      okta: 'Okta Admin Console › Reports › System Log (filter by the user and time)',
    },
  },
} as const satisfies Record<`SAML_${string}`, CatalogEntry>
