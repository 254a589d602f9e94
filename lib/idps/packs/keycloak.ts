import { definePack } from '../schema'

const CLIENT = 'Keycloak admin console › (realm) › Clients › (client)'

/** Keycloak (and Red Hat build of Keycloak): the SP is a SAML client of a realm. */
export const keycloak = definePack({
  id: 'keycloak',
  label: 'Keycloak',
  docsUrl: 'https://www.keycloak.org/docs/latest/server_admin/index.html',
  docs: [
    'https://www.keycloak.org/docs/latest/server_admin/index.html',
    'https://docs.redhat.com/en/documentation/red_hat_build_of_keycloak/26.0/html/server_administration_guide/client-saml-configuration',
  ],
  detect: {
    // Every realm URL: https://<host>/realms/<realm> (older servers /auth/realms/<realm>). Real fixtures: 2 metadata, 1 response, 1 discovery.
    entityId: [{ pathContains: '/realms/' }],
    endpointHost: [{ pathContains: '/realms/' }],
    responseIssuer: [],
    oidcIssuer: [{ pathContains: '/realms/' }],
    errorPage: [],
    certificate: [],
  },
  screens: {
    'saml.identifier': `${CLIENT} › Settings › Client ID`,
    'saml.replyUrl': `${CLIENT} › Advanced › Assertion Consumer Service POST Binding URL`,
    'saml.nameId': `${CLIENT} › Settings › Name ID format`,
    'saml.signingOption': `${CLIENT} › Settings › Sign documents / Sign assertions / Signature algorithm`,
    'saml.signingCertificate': 'Keycloak admin console › (realm) › Realm settings › Keys',
    'saml.metadataUrl':
      'Keycloak admin console › (realm) › Realm settings › General › Endpoints › SAML 2.0 Identity Provider Metadata',
    'oidc.redirectUris': `${CLIENT} › Settings › Valid redirect URIs`,
  },
  variants: [{ id: 'client', label: 'SAML client', screens: {} }],
})
