import { definePack } from '../schema'

const CONSOLE = 'PingOne admin console'
const APP = `${CONSOLE} › Applications › Applications › (app)`
const CONFIG = `${APP} › Configuration`
// A SAML app added from the Application Catalog shows its SAML settings only after this button.
const CATALOG_CONFIG = `${APP} › Overview › Enable Advanced Configuration, then Configuration`

/**
 * PingOne (Ping Identity's cloud platform, its "PingOne admin console"; not the older PingOne for Enterprise, whose
 * console path was Applications › My Applications › SAML). Detected by its auth host.
 *
 * Verified against Ping's own docs (docs.pingidentity.com, listed below): the app's details panel under Applications ›
 * Applications with its Overview (Signon URL, Download Metadata), Configuration (ACS URLs, Signing key with what is
 * signed and the algorithm, Client Secret, Redirect URIs), Attribute Mappings and Access tabs; key pairs under
 * Settings › Certificates and Key Pairs; logs under Monitoring › Audit. Older pages say "Connections › Applications";
 * the current ones say "Applications › Applications". The Entity ID's place is taken from Ping's add-a-SAML-app
 * tutorial (entered with the ACS URL as the SAML configuration); the edit page's excerpt seen lists ACS URLs and
 * Signing key on the Configuration tab. Not verified, so left out: the Subject NameID format field.
 */
export const pingone = definePack({
  id: 'pingone',
  label: 'PingOne',
  docsUrl: 'https://docs.pingidentity.com/pingone/applications/p1_edit_application_saml.html',
  docs: [
    'https://docs.pingidentity.com/pingone/applications/p1_edit_application_saml.html',
    'https://docs.pingidentity.com/r/en-us/pingone/pingone_p1tutorial_add_a_saml_app',
    'https://docs.pingidentity.com/pingone/applications/p1_edit_application_oidc.html',
    'https://docs.pingidentity.com/pingone/applications/p1_map_app_attributes.html',
    'https://docs.pingidentity.com/pingone/directory/p1_editsamlattributemapping.html',
    'https://docs.pingidentity.com/pingone/applications/p1_application_access_control.html',
    'https://docs.pingidentity.com/r/en-us/solution-guides/htg_configuring_new_app',
    'https://docs.pingidentity.com/pingoneadvancedservices/configuring_connections_for_sso/p1as_env_external_idp.html',
    'https://prod-docs.pingidentity.com/pingone/applications/p1_downloadidpmetadataapps.html',
    'https://prod-docs.pingidentity.com/pingone/settings/p1_assign_keypair_to_an_application.html',
    'https://docs.pingidentity.com/pingone/monitoring/p1_running_audit_report.html',
    'https://docs.pingidentity.com/pingone/ai_agents/p1_ai_agent_logging.html',
    'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1/create-application-saml-protocol.html',
    'https://developer.pingidentity.com/pingone-api/platform/applications/application-attribute-mapping.html',
  ],
  detect: {
    // entityID https://auth.pingone.com/<environment id> (real fixtures: metadata and response).
    entityId: [{ host: 'auth.pingone.com' }],
    endpointHost: [{ host: 'auth.pingone.com' }],
    responseIssuer: [],
    oidcIssuer: [{ host: 'auth.pingone.com' }],
    errorPage: [],
    certificate: [{ contains: 'CN=PingOne SSO Certificate' }],
  },
  screens: {
    'saml.signOnUrl': `${APP} › Overview › Signon URL`,
    'saml.claims': `${APP} › Attribute Mappings`,
    'saml.nameId': `${APP} › Attribute Mappings (the PingOne attribute mapped to NameID)`,
    'saml.metadataUrl': `${APP} › Overview › Download Metadata (or copy the IdP metadata URL)`,
    'oidc.redirectUris': `${CONFIG} › Redirect URIs`,
    'oidc.clientSecret': `${CONFIG} › Client Secret (Generate New Secret)`,
    'oidc.claims': `${APP} › Attribute Mappings`,
    assignment: `${APP} › Access (group membership: Any / All of the groups; Admin Only Access)`,
    'logs.signIns': `${CONSOLE} › Monitoring › Audit › Filter Type: Application = (app), or Event Type`,
    'logs.audit': `${CONSOLE} › Monitoring › Audit › Filter Type: Event Type = Application Updated`,
  },
  variants: [
    { id: 'saml-app', label: 'SAML application', screens: samlScreens(CONFIG) },
    { id: 'catalog', label: 'Application Catalog app', screens: samlScreens(CATALOG_CONFIG) },
  ],
})

/** The SAML settings of both app kinds: the same fields, under the configuration screen each kind has. */
function samlScreens(config: string) {
  return {
    'saml.identifier': `${config} › Entity ID`,
    'saml.replyUrl': `${config} › ACS URLs`,
    'saml.signingCertificate': `${config} › Signing key (key pairs: ${CONSOLE} › Settings › Certificates and Key Pairs)`,
    'saml.signingOption': `${config} › Signing key › sign assertions, responses, or both; signing algorithm`,
  }
}
