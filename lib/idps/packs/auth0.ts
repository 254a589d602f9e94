import { definePack } from '../schema'

const APP = 'Auth0 Dashboard › Applications › Applications › (app)'
const ADDON = `${APP} › Addons › SAML2 Web App`

/**
 * Auth0 as a SAML IdP: the SAML2 Web App addon of an application; most settings are its Settings JSON. Logs, the
 * callback allow-list and the client secret are from Auth0's docs (listed below). Not listed: assignment (the docs
 * seen name no per-application user list).
 */
export const auth0 = definePack({
  id: 'auth0',
  label: 'Auth0',
  docsUrl: 'https://auth0.com/docs/authenticate/protocols/saml/saml-sso-integrations/enable-saml2-web-app-addon',
  docs: [
    'https://auth0.com/docs/authenticate/protocols/saml/saml-sso-integrations/enable-saml2-web-app-addon',
    'https://auth0.com/docs/authenticate/protocols/saml/saml-configuration/customize-saml-assertions',
    'https://auth0.com/docs/deploy-monitor/logs/view-log-events',
    'https://auth0.com/docs/deploy-monitor/logs/log-event-filters',
    'https://auth0.com/docs/users/redirecting-users',
    'https://auth0.com/docs/get-started/applications/rotate-client-secret',
  ],
  detect: {
    // entityID urn:<tenant>.auth0.com (real fixtures: metadata and response).
    entityId: [{ prefix: 'urn:', suffix: '.auth0.com' }],
    endpointHost: [{ host: '*.auth0.com' }],
    responseIssuer: [],
    oidcIssuer: [{ host: '*.auth0.com' }],
    errorPage: [],
    certificate: [{ suffix: '.auth0.com' }],
  },
  screens: {
    'saml.replyUrl': `${ADDON} › Settings › Application Callback URL`,
    'saml.identifier': `${ADDON} › Settings › Settings (JSON) › "audience"`,
    'saml.claims': `${ADDON} › Settings › Settings (JSON) › "mappings"`,
    'saml.nameId': `${ADDON} › Settings › Settings (JSON) › "nameIdentifierFormat" / "nameIdentifierProbes"`,
    'saml.signingOption': `${ADDON} › Settings › Settings (JSON) › "signResponse", "signatureAlgorithm", "digestAlgorithm"`,
    'saml.metadataUrl': `${ADDON} › Usage › Identity Provider Metadata`,
    'saml.signingCertificate': `${ADDON} › Usage › Identity Provider Certificate`,
    'oidc.redirectUris': `${APP} › Settings › Allowed Callback URLs`,
    'oidc.clientSecret': `${APP} › Credentials › Client Secret (rotate: ${APP} › Settings › Danger Zone › Rotate)`,
    'logs.signIns': 'Auth0 Dashboard › Monitoring › Logs › Filter: Failed Login',
    'logs.audit': 'Auth0 Dashboard › Monitoring › Logs (administrative actions appear as API Operation events)',
  },
  variants: [{ id: 'saml2-addon', label: 'SAML2 Web App addon', screens: {} }],
})
