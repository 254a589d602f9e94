import { definePack } from '../schema'

/** Shibboleth Identity Provider: configured in files, not a console; each SP is known from its metadata. */
export const shibboleth = definePack({
  id: 'shibboleth',
  label: 'Shibboleth IdP',
  docsUrl: 'https://wiki.shibboleth.net/confluence/display/IDP4/RelyingPartyConfiguration',
  docs: [
    'https://wiki.shibboleth.net/confluence/display/IDP4/RelyingPartyConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP4/AttributeFilterConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP30/MetadataConfiguration',
  ],
  detect: {
    // The default entityID https://<host>/idp/shibboleth and the /idp/profile/ endpoints (real fixtures: 5 metadata, 1 response).
    entityId: [{ suffix: '/idp/shibboleth' }],
    endpointHost: [{ pathPrefix: '/idp/profile/' }],
    responseIssuer: [],
    oidcIssuer: [],
    errorPage: [],
    certificate: [],
  },
  screens: {
    'saml.identifier': "conf/metadata-providers.xml › the MetadataProvider holding the SP's metadata (its entityID)",
    'saml.replyUrl': "conf/metadata-providers.xml › the SP's metadata › AssertionConsumerService Location",
    'saml.claims':
      'conf/attribute-resolver.xml (what is built) and conf/attribute-filter.xml (what is released to the SP)',
    'saml.signingOption':
      'conf/relying-party.xml › an override for the SP › SAML2.SSO profile (which layer is signed: responses or assertions; algorithms)',
  },
  variants: [{ id: 'relying-party', label: 'relying party (SP metadata)', screens: {} }],
})
