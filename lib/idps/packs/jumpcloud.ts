import { definePack } from '../schema'

const SSO = 'JumpCloud Admin Portal › SSO Applications › (app) › SSO'

/** JumpCloud SSO (custom SAML application connector). */
export const jumpcloud = definePack({
  id: 'jumpcloud',
  label: 'JumpCloud',
  docsUrl: 'https://jumpcloud.com/support/sso-application-connector-fields',
  docs: ['https://jumpcloud.com/support/sso-application-connector-fields'],
  detect: {
    // The IdP URL https://sso.jumpcloud.com/saml2/<app> (real fixture); its entityID is admin-chosen, so no entityID rule.
    entityId: [],
    endpointHost: [{ host: 'sso.jumpcloud.com' }],
    responseIssuer: [],
    oidcIssuer: [],
    errorPage: [],
    // JumpCloud's generated signing certificate (real fixtures: metadata and response).
    certificate: [{ contains: 'OU=JumpCloudSAMLIdP' }],
  },
  screens: {
    'saml.identifier': `${SSO} › SP Entity ID`,
    'saml.replyUrl': `${SSO} › ACS URLs`,
    'saml.nameId': `${SSO} › SAMLSubject NameID / SAMLSubject NameID Format`,
    'saml.metadataUrl': `${SSO} › Export Metadata`,
  },
  variants: [{ id: 'custom-saml', label: 'custom SAML app', screens: {} }],
})
