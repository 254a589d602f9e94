import { definePack } from '../schema'

/**
 * PingOne (Ping Identity's cloud). Detected by its auth host. No admin-console screen is listed: the sources found
 * describe the SAML application only through the API (spEntityId, acsUrls, attribute mappings, accessControl), not the
 * console's labels.
 */
export const pingone = definePack({
  id: 'pingone',
  label: 'PingOne',
  docsUrl:
    'https://developer.pingidentity.com/pingone-api/platform/applications/applications-1/create-application-saml-protocol.html',
  docs: [
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
  screens: {},
  variants: [{ id: 'saml-app', label: 'SAML application', screens: {} }],
})
