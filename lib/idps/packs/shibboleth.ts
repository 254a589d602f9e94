import { definePack } from '../schema'

/**
 * Shibboleth Identity Provider: configured in files, not a console; each SP is known from its metadata. Every place
 * below is a file or endpoint the Shibboleth wiki names (listed in `docs`). Not listed: assignment (who may use an SP
 * is a matter of the IdP's access-control and attribute-release policies, not one place) and an audit of
 * configuration changes (the files are edited directly; the IdP keeps no record of that).
 */
export const shibboleth = definePack({
  id: 'shibboleth',
  label: 'Shibboleth IdP',
  docsUrl: 'https://wiki.shibboleth.net/confluence/display/IDP4/RelyingPartyConfiguration',
  docs: [
    'https://wiki.shibboleth.net/confluence/display/IDP4/RelyingPartyConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP4/AttributeFilterConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP30/MetadataConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP4/NameIDGenerationConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP4/SecurityConfiguration',
    'https://wiki.shibboleth.net/confluence/display/KB/Manage+or+Disable+IdP+Metadata+Publishing+Endpoint',
    'https://wiki.shibboleth.net/confluence/display/IDP4/LoggingConfiguration',
    'https://wiki.shibboleth.net/confluence/display/IDP4/AuditLoggingConfiguration',
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
    'saml.nameId':
      'conf/saml-nameid.xml (the NameID generators, per SAML version, in order) and conf/saml-nameid.properties',
    'saml.signingCertificate':
      'conf/credentials.xml › shibboleth.DefaultSigningCredential (key and certificate files named in conf/idp.properties)',
    'saml.metadataUrl':
      'https://<IdP host>/idp/shibboleth: serves the file idp.entityID.metadataFile names (default metadata/idp-metadata.xml), built at install and not updated from the running configuration',
    'logs.signIns':
      'idp-process.log (diagnostic log, which records authentication results) and idp-audit.log (every request and response), as conf/logback.xml configures them',
    'saml.signingOption':
      'conf/relying-party.xml › an override for the SP › SAML2.SSO profile (which layer is signed: responses or assertions; algorithms)',
  },
  variants: [{ id: 'relying-party', label: 'relying party (SP metadata)', screens: {} }],
})
