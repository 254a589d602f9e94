import { definePack } from '../schema'

const PORTAL = 'OneLogin admin portal'
const APP = `${PORTAL} › Apps › (app)`

/**
 * OneLogin. Detection is by the hosts and names OneLogin puts in its metadata, responses and certificates.
 *
 * Verified against OneLogin's own pages (listed below): certificates under Security › Certificates and changed on the
 * app's SSO tab; an OpenID Connect app's Redirect URI on its Configuration tab and its Client Secret on its SSO tab;
 * apps assigned on the user's Applications tab or through a role; events under Activity › Events.
 * Not verified, so left out (every such key says "not known" with the link below): the SAML connector's Configuration
 * tab fields (Audience, Recipient, ACS (Consumer) URL, ACS (Consumer) URL Validator, SAML nameID format, SAML
 * signature element), its Parameters tab and the SSO tab's SAML Signature Algorithm and metadata download. Only
 * third-party setup guides describe those, and they are not a source for a screen path.
 */
export const onelogin = definePack({
  id: 'onelogin',
  label: 'OneLogin',
  docsUrl: 'https://onelogin.service-now.com/support',
  docs: [
    'https://onelogin.service-now.com/support',
    'https://onelogin.service-now.com/kb_view_customer.do?sysparm_article=KB0010585',
    'https://support.onelogin.com/kb/4266990/creating-and-applying-certificates',
    'https://developers.onelogin.com/openid-connect/connect-to-onelogin',
    'https://onelogin.service-now.com/kb_view_customer.do?sysparm_article=KB0010641',
    'https://onelogin.service-now.com/kb_view_customer.do?sysparm_article=KB0010422',
    'https://developers.onelogin.com/api-docs/2/apps/create-app',
  ],
  detect: {
    // entityID https://app.onelogin.com/saml/metadata/<app id> (real fixtures: 3 metadata, 2 responses).
    entityId: [{ host: 'app.onelogin.com', pathPrefix: '/saml/metadata/' }],
    endpointHost: [{ host: '*.onelogin.com', pathPrefix: '/trust/saml2/' }],
    responseIssuer: [],
    oidcIssuer: [{ host: '*.onelogin.com', pathPrefix: '/oidc/' }],
    errorPage: [],
    certificate: [{ contains: 'OU=OneLogin IdP' }, { contains: 'CN=OneLogin Account ' }],
  },
  screens: {
    'saml.signingCertificate': `${APP} › SSO › X.509 Certificate › Change (certificates: ${PORTAL} › Security › Certificates)`,
    'oidc.redirectUris': `${APP} › Configuration › Redirect URI`,
    'oidc.clientSecret': `${APP} › SSO › Client Secret (Regenerate client secret)`,
    assignment: `${PORTAL} › Users › (user) › Applications › +, or a role that holds the app`,
    'logs.signIns': `${PORTAL} › Activity › Events › filter by user, event type, status`,
    'logs.audit': `${PORTAL} › Activity › Events › filter by event type`,
  },
  variants: [{ id: 'saml-connector', label: 'SAML connector app', screens: {} }],
})
