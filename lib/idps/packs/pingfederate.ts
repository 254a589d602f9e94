import { definePack } from '../schema'

const CONSOLE = 'PingFederate administrative console'
const SP = `${CONSOLE} › Applications › Integration › SP Connections › (connection)`
const ASSERTION = `${SP} › Browser SSO › Configure Browser SSO › Assertion Creation › Configure Assertion Creation`
const LOG = '<pf_install>/pingfederate/log'

/**
 * PingFederate (Ping Identity's self-hosted federation server). The SP is an "SP connection", under Applications ›
 * Integration › SP Connections (PingFederate's docs, listed below): Partner's Entity ID on General Info; the ACS URL,
 * the Signature Policy and the attribute contract (SAML_SUBJECT with its Subject Name Format) under Browser SSO; the
 * signing certificate and algorithm under Credentials › Digital Signature Settings; metadata from System › Protocol
 * Metadata › Metadata Export; logs as files in the log directory. Not listed: who may use the connection (PingFederate
 * decides that by authentication policies, which the docs seen do not tie to one screen) and OIDC client screens.
 */
export const pingfederate = definePack({
  id: 'pingfederate',
  label: 'PingFederate',
  docsUrl:
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_servic_provid_sso_config.html',
  docs: [
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/help_spprotocolsettingstasklet_assertionconsumerservicestate.html',
    'https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/help_spbrowserssotasklet_assertioncreationstate.html',
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_servic_provid_sso_config.html',
    'https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/help_spconnectionconfigtasklet_spbrowserssostate.html',
    'https://docs.pingidentity.com/pingfederate/12.0/administrators_reference_guide/help_spconnectionconfigtasklet_generalinfostate.html',
    'https://docs.pingidentity.com/r/en-us/solution-guides/htg_provide_persistent_saml_nameid_format_in_pingfed',
    'https://docs.pingidentity.com/r/en-us/pingfederate-121/pf_attr_contract',
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_configuring_digital_signatures_service_provider_connections.html',
    'https://docs.pingidentity.com/r/en-us/solution-guides/syj1630352719339',
    'https://docs.pingidentity.com/r/en-us/pingfederate-103/help_exportmetadatatasklet_exportconnectionstate',
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_pf_log_files.html',
  ],
  detect: {
    entityId: [],
    // PingFederate's runtime paths: SAML SSO service and OAuth authorization endpoint (real fixture: PingLabs discovery).
    endpointHost: [{ pathPrefix: '/idp/SSO.saml2' }, { pathPrefix: '/as/authorization.oauth2' }],
    responseIssuer: [],
    oidcIssuer: [],
    errorPage: [],
    certificate: [],
  },
  screens: {
    'saml.identifier': `${SP} › General Info › Partner's Entity ID`,
    'saml.replyUrl': `${SP} › Browser SSO › Protocol Settings › Assertion Consumer Service URL`,
    'saml.claims': `${ASSERTION} › Attribute Contract (names) and Attribute Contract Fulfillment (values)`,
    'saml.nameId': `${ASSERTION} › Attribute Contract › SAML_SUBJECT › Subject Name Format (value: Attribute Contract Fulfillment)`,
    'saml.signingCertificate': `${SP} › Credentials › Configure Credentials › Digital Signature Settings › Signing Certificate (Manage Certificates)`,
    'saml.signingOption': `${SP} › Browser SSO › Protocol Settings › Signature Policy (sign the SAML assertion); algorithm: ${SP} › Credentials › Digital Signature Settings › signing algorithm`,
    'saml.metadataUrl': `${CONSOLE} › System › Protocol Metadata › Metadata Export › Use a connection for metadata generation`,
    'logs.signIns': `${LOG}/audit.log and transaction.log (runtime SSO transactions); details in server.log`,
    'logs.audit': `${LOG}/admin.log (actions by administrative console users)`,
  },
  variants: [{ id: 'sp-connection', label: 'SP connection', screens: {} }],
})
