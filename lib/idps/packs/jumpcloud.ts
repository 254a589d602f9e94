import { definePack } from '../schema'

const APP = 'JumpCloud Admin Portal › SSO Applications › (app)'
const SSO = `${APP} › SSO`

/**
 * JumpCloud SSO (custom SAML application connector). Fields from JumpCloud's own support pages (listed below). Not
 * listed: attribute mapping, signing options, user-group assignment and logs; only third-party guides describe those
 * screens in the pages seen.
 */
export const jumpcloud = definePack({
  id: 'jumpcloud',
  label: 'JumpCloud',
  docsUrl: 'https://jumpcloud.com/support/sso-application-connector-fields',
  docs: [
    'https://jumpcloud.com/support/sso-application-connector-fields',
    'https://jumpcloud.com/support/sso-using-custom-saml-application-connectors',
    'https://jumpcloud.com/support/improved-applications-experience',
  ],
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
    'saml.signingCertificate': `${APP} › Actions menu (certificate management; a certificate and key pair are generated when the app is activated)`,
  },
  variants: [{ id: 'custom-saml', label: 'custom SAML app', screens: {} }],
})
