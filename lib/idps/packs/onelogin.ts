import { definePack } from '../schema'

/**
 * OneLogin. Detection is by the hosts and names OneLogin puts in its metadata, responses and certificates. No screen
 * is listed: OneLogin's own help pages on its SAML connector screens could not be checked, and third-party guides are
 * not a source for a screen path (every key falls back to "not known" with the link below).
 */
export const onelogin = definePack({
  id: 'onelogin',
  label: 'OneLogin',
  docsUrl: 'https://onelogin.service-now.com/support',
  docs: ['https://onelogin.service-now.com/support', 'https://developers.onelogin.com/api-docs/2/apps/create-app'],
  detect: {
    // entityID https://app.onelogin.com/saml/metadata/<app id> (real fixtures: 3 metadata, 2 responses).
    entityId: [{ host: 'app.onelogin.com', pathPrefix: '/saml/metadata/' }],
    endpointHost: [{ host: '*.onelogin.com', pathPrefix: '/trust/saml2/' }],
    responseIssuer: [],
    oidcIssuer: [{ host: '*.onelogin.com', pathPrefix: '/oidc/' }],
    errorPage: [],
    certificate: [{ contains: 'OU=OneLogin IdP' }, { contains: 'CN=OneLogin Account ' }],
  },
  screens: {},
  variants: [{ id: 'saml-connector', label: 'SAML connector app', screens: {} }],
})
