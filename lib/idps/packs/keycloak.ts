import { definePack } from '../schema'

const CLIENT = 'Keycloak admin console › (realm) › Clients › (client)'

/**
 * Keycloak (and Red Hat build of Keycloak): the SP is a SAML client of a realm. Screens from Keycloak's Server
 * Administration Guide (its source in the keycloak/keycloak repository, docs/documentation/server_admin): a client's
 * own mappers sit in its dedicated client scope ("myclient-dedicated", first under the client's Client scopes tab),
 * others come from linked client scopes; a confidential client's secret is on its Credentials tab; user and admin
 * events are under Events once Save events is on (error events show by default). Not listed: assignment (the guide names
 * no per-client screen for which users may sign in).
 */
export const keycloak = definePack({
  id: 'keycloak',
  label: 'Keycloak',
  docsUrl: 'https://www.keycloak.org/docs/latest/server_admin/index.html',
  docs: [
    'https://www.keycloak.org/docs/latest/server_admin/index.html',
    'https://docs.redhat.com/en/documentation/red_hat_build_of_keycloak/26.0/html/server_administration_guide/client-saml-configuration',
    'https://github.com/keycloak/keycloak/blob/main/docs/documentation/server_admin/topics/clients/con-client-scopes.adoc',
    'https://github.com/keycloak/keycloak/blob/main/docs/documentation/server_admin/topics/clients/con-protocol-mappers.adoc',
    'https://github.com/keycloak/keycloak/blob/main/docs/documentation/server_admin/topics/clients/oidc/con-confidential-client-credentials.adoc',
    'https://github.com/keycloak/keycloak/blob/main/docs/documentation/server_admin/topics/events/login.adoc',
    'https://github.com/keycloak/keycloak/blob/main/docs/documentation/server_admin/topics/events/admin.adoc',
    'https://docs.redhat.com/en/documentation/red_hat_build_of_keycloak/26.2/html/server_administration_guide/configuring_auditing_to_track_events',
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
    'saml.claims': `${CLIENT} › Client scopes › (client)-dedicated › Mappers (plus mappers of the linked client scopes)`,
    'oidc.claims': `${CLIENT} › Client scopes › (client)-dedicated › Mappers (plus mappers of the linked client scopes)`,
    'oidc.clientSecret': `${CLIENT} › Credentials › Client Authenticator: Client ID and Secret › Regenerate`,
    'logs.signIns':
      'Keycloak admin console › (realm) › Events › User events › Search user event (only error events unless Realm settings › Events › User events settings › Save events is ON)',
    'logs.audit':
      'Keycloak admin console › (realm) › Events › Admin events (recorded once Realm settings › Events › Admin events settings › Save events is ON)',
  },
  variants: [{ id: 'client', label: 'SAML client', screens: {} }],
})
