import { definePack } from '../schema'

const SP = 'PingFederate administrative console › SP Connections › (connection)'

/** PingFederate (Ping Identity's self-hosted federation server). The SP is an "SP connection". */
export const pingfederate = definePack({
  id: 'pingfederate',
  label: 'PingFederate',
  docsUrl:
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_servic_provid_sso_config.html',
  docs: [
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/help_spprotocolsettingstasklet_assertionconsumerservicestate.html',
    'https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/help_spbrowserssotasklet_assertioncreationstate.html',
    'https://docs.pingidentity.com/pingfederate/latest/administrators_reference_guide/pf_servic_provid_sso_config.html',
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
    'saml.replyUrl': `${SP} › Browser SSO › Protocol Settings › Assertion Consumer Service URL`,
    'saml.claims': `${SP} › Browser SSO › Assertion Creation › Configure Assertion Creation (attribute contract)`,
  },
  variants: [{ id: 'sp-connection', label: 'SP connection', screens: {} }],
})
