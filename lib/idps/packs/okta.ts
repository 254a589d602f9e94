import { definePack } from '../schema'

const APP = 'Okta Admin Console › Applications › Applications › (app)'
const AIW = `${APP} › General › SAML Settings › Edit › Configure SAML`
const OIN = `${APP} › Sign On › Settings › Edit › Advanced Sign-on Settings`
const OKTA_ORG_HOSTS = ['*.okta.com', '*.oktapreview.com', '*.okta-emea.com', '*.okta-gov.com', '*.okta-mil.com']

/**
 * Okta. Two kinds of SAML app with different screens: a catalog (OIN) app, whose values sit under Sign On ›
 * Settings with attributes preconfigured, and a custom SAML app made with the App Integration Wizard.
 */
export const okta = definePack({
  id: 'okta',
  label: 'Okta',
  docsUrl: 'https://help.okta.com/en-us/Content/Topics/Apps/aiw-saml-reference.htm',
  docs: [
    'https://help.okta.com/en-us/Content/Topics/Apps/aiw-saml-reference.htm',
    'https://support.okta.com/help/s/article/common-okta-login-failures',
  ],
  detect: {
    // App metadata: entityID http://www.okta.com/<app id> (real fixtures: 7 of 7).
    entityId: [{ host: 'www.okta.com' }, ...OKTA_ORG_HOSTS.map((host) => ({ host }))],
    endpointHost: OKTA_ORG_HOSTS.map((host) => ({ host })),
    responseIssuer: [],
    oidcIssuer: OKTA_ORG_HOSTS.map((host) => ({ host })),
    // Okta's own error pages name Okta ("…you are not assigned this app in Okta"); an org URL says it too.
    errorPage: [{ contains: 'okta' }, ...OKTA_ORG_HOSTS.map((host) => ({ host }))],
    // Okta's app signing certificates name Okta as their organisation (real fixtures: both Okta .pem files).
    certificate: [{ contains: 'O=Okta, OU=SSOProvider' }],
  },
  screens: {
    'saml.signingCertificate': `${APP} › Sign On › SAML Signing Certificates`,
    'saml.metadataUrl': `${APP} › Sign On › SAML 2.0 › Metadata details › Metadata URL`,
    'oidc.redirectUris': `${APP} › General › Login › Sign-in redirect URIs`,
    'oidc.clientSecret': `${APP} › General › Client Credentials`,
    'oidc.claims': 'Okta Admin Console › Security › API › Authorization Servers › (server) › Claims',
    assignment: `${APP} › Assignments`,
    'logs.signIns':
      'Okta Admin Console › Reports › System Log › filter: eventType eq "user.authentication.sso" and outcome.result eq "FAILURE" (target = the app)',
    'logs.audit':
      'Okta Admin Console › Reports › System Log › filter: eventType eq "app.lifecycle.update" (target = the app)',
  },
  variants: [
    {
      id: 'custom',
      label: 'custom SAML app (App Integration Wizard)',
      screens: {
        'saml.identifier': `${AIW} › Audience URI (SP Entity ID)`,
        'saml.replyUrl': `${AIW} › Single sign-on URL`,
        'saml.claims': `${AIW} › Attribute Statements`,
        'saml.nameId': `${AIW} › Name ID format / Application username`,
        'saml.signingOption': `${AIW} › Show Advanced Settings › Response / Assertion Signature, Signature Algorithm, Digest Algorithm`,
      },
    },
    {
      id: 'catalog',
      label: 'catalog (OIN) app',
      screens: {
        'saml.identifier': OIN,
        'saml.replyUrl': OIN,
        'saml.claims': `attributes are preconfigured: check their sources under ${APP} › Sign On › Settings`,
        'saml.nameId': `${APP} › Sign On › Settings › Edit › Application username format`,
      },
    },
  ],
})
