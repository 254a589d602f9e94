import { definePack } from '../schema'

const APP = 'Google Admin console › Apps › Web and mobile apps › (app)'

/** Google Workspace / Cloud Identity as a SAML IdP (custom SAML app), and Google as an OpenID Provider. */
export const google = definePack({
  id: 'google',
  label: 'Google Workspace',
  docsUrl: 'https://support.google.com/a/answer/6087519',
  docs: [
    'https://support.google.com/a/answer/6087519',
    'https://support.google.com/a/answer/6330801',
    'https://support.google.com/a/answer/7007375',
    'https://support.google.com/a/answer/4579579',
  ],
  detect: {
    // entityID https://accounts.google.com/o/saml2?idpid=<id> (real fixtures: 4 of 4).
    entityId: [{ host: 'accounts.google.com', pathPrefix: '/o/saml2' }],
    endpointHost: [{ host: 'accounts.google.com', pathPrefix: '/o/saml2' }],
    responseIssuer: [],
    // Google's issuer, with and without the scheme (the 2015 discovery document has none).
    oidcIssuer: [
      { equals: 'https://accounts.google.com' },
      { equals: 'accounts.google.com' },
      { equals: 'https://accounts.google.com/' },
    ],
    errorPage: [],
    certificate: [],
  },
  screens: {
    'saml.identifier': `${APP} › Service provider details › Entity ID`,
    'saml.replyUrl': `${APP} › Service provider details › ACS URL`,
    'saml.signOnUrl': `${APP} › Service provider details › Start URL`,
    'saml.nameId': `${APP} › Service provider details › Name ID format / Name ID`,
    'saml.claims': `${APP} › SAML attribute mapping`,
    'saml.signingOption': `${APP} › Service provider details › Signed response`,
    'saml.signingCertificate': `${APP} › Google Identity Provider details › Certificate`,
    'saml.metadataUrl': `${APP} › Download metadata`,
    assignment: `${APP} › User access`,
    'logs.signIns':
      'Google Admin console › Reporting › Audit and investigation › SAML log events › Add a filter: Application name, Event (failed sign-in) › Failure type',
    'logs.audit': 'Google Admin console › Reporting › Audit and investigation › Admin log events',
  },
  variants: [{ id: 'custom-saml', label: 'custom SAML app', screens: {} }],
})
