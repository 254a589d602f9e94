import type { CatalogEntry, PerIdp } from '../types'

/** Both values at once, for findings that may concern either (evidence.field says which). */
const BASIC_CONFIG_SCREENS: PerIdp = {
  entra:
    'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Basic SAML Configuration › Edit › Identifier (Entity ID) / Reply URL (Assertion Consumer Service URL)',
  okta: 'Okta Admin Console › Applications › Applications › (app) › General › SAML Settings › Edit › Configure SAML › Audience URI (SP Entity ID) / Single sign-on URL (custom SAML app); catalog (OIN) app: Sign On › Settings › Edit › Advanced Sign-on Settings',
  adfs: 'AD FS Management › Relying Party Trusts › (trust) › Properties › Identifiers / Endpoints',
  google: 'Google Admin console › Apps › Web and mobile apps › (app) › Service provider details › Entity ID / ACS URL',
  keycloak:
    'Keycloak admin console › (realm) › Clients › (client) › Settings › Client ID / Advanced › Assertion Consumer Service POST Binding URL',
}
const NAMEID_SCREENS: PerIdp = {
  entra:
    'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Attributes & Claims › Unique User Identifier (Name ID) › Choose name identifier format',
  okta: 'Okta Admin Console › Applications › Applications › (app) › General › SAML Settings › Edit › Configure SAML › Name ID format (custom SAML app); catalog (OIN) app: Sign On › Settings › Edit › Application username format',
  adfs: 'AD FS Management › Relying Party Trusts › (trust) › Edit Claim Issuance Policy › (rule) › Outgoing claim type Name ID, Outgoing name ID format',
  google: 'Google Admin console › Apps › Web and mobile apps › (app) › Service provider details › Name ID format',
  keycloak: 'Keycloak admin console › (realm) › Clients › (client) › Settings › Name ID format',
}
const SSO_SETTINGS_SCREENS: PerIdp = {
  entra:
    'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Set up (app) › Login URL (copy it, and the metadata, from here)',
  okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Sign on URL',
  adfs: 'AD FS Management › Service › Endpoints › SAML 2.0/WS-Federation (/adfs/ls/) › Enabled',
  google: 'Google Admin console › Apps › Web and mobile apps › (app) › Google Identity Provider details › SSO URL',
  keycloak:
    'Keycloak admin console › (realm) › Realm settings › General › Frontend URL (and the hostname the server runs with)',
}

/** Findings about an IdP's SAML metadata document, and about what the admin typed into the IdP for the vendor's app. */
export const samlMetadataCatalog = {
  // ── what kind of document this is ───────────────────────────────────────────────────────────────────────────
  SAML_METADATA_NOT_METADATA: {
    severity: 'error',
    owner: 'idp',
    title: 'The document is XML, but not SAML metadata',
    symptom:
      'A SAML response, a certificate, a WS-Federation document or some other XML was uploaded instead of the metadata.',
    detail:
      'SAML metadata has an <EntityDescriptor> (or <EntitiesDescriptor>) root in the namespace urn:oasis:names:tc:SAML:2.0:metadata. The evidence shows the root element found instead.',
    nextStep: "Download the IdP's federation metadata XML for the vendor's app and upload that file.",
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_WRONG_NAMESPACE: {
    severity: 'error',
    owner: 'idp',
    title: "The metadata's elements are not in the SAML metadata namespace",
    symptom:
      'The file looks like metadata (EntityDescriptor, IDPSSODescriptor...) but prefixes such as md: or ds: were stripped or changed, e.g. by an editor or a script.',
    detail:
      'Every element must be in urn:oasis:names:tc:SAML:2.0:metadata (certificates in the XML-DSig namespace). Strict SAML software refuses this document. What could still be read was checked and reported, but the vendor may refuse the file.',
    nextStep: 'Download the metadata again from the IdP and upload it unchanged (do not re-format or edit it).',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_AGGREGATE_MULTIPLE_IDPS: {
    severity: 'error',
    owner: 'idp',
    title: "This is a federation aggregate with several IdPs, not your IdP's metadata",
    symptom: 'An <EntitiesDescriptor> file (e.g. a research-federation feed) with many entities was uploaded.',
    detail:
      'The aggregate holds several identity providers, so it is not clear which one signs in to the vendor. The evidence lists their entity IDs.',
    nextStep:
      'Upload the metadata of your own IdP only (one <EntityDescriptor>), or pick its entity ID from the list and download just that entity.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_AGGREGATE_SINGLE_IDP: {
    severity: 'info',
    owner: 'idp',
    title: 'The aggregate holds exactly one IdP: that one was checked',
    symptom: 'An <EntitiesDescriptor> with one identity provider and other (service provider) entities was uploaded.',
    detail: 'Only the single IdP entity in the aggregate was analysed; the other entities were ignored.',
    nextStep:
      'Nothing to do if the entity ID in the evidence is your IdP. Vendors usually want the single <EntityDescriptor>, so upload that at the vendor.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_IS_SP_METADATA: {
    severity: 'error',
    owner: 'idp',
    title: "This is service provider (vendor) metadata, not your IdP's",
    symptom:
      'The uploaded file describes the vendor / SP side: it has an SPSSODescriptor with AssertionConsumerService URLs and no IDPSSODescriptor.',
    detail:
      "This file is what the vendor gives to the IdP (or what the IdP generates for the app), not the IdP's own metadata. It holds no IdP sign-on URL and no IdP signing certificate.",
    nextStep:
      "This is the vendor's/SP metadata: upload your IdP's metadata instead (the federation metadata XML of the vendor's app in your IdP).",
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_NO_IDP_DESCRIPTOR: {
    severity: 'error',
    owner: 'idp',
    title: 'The metadata describes no SAML identity provider',
    symptom:
      'The metadata has an EntityDescriptor but no IDPSSODescriptor (e.g. only WS-Federation or attribute-authority roles).',
    detail:
      'Without an IDPSSODescriptor there is no SAML sign-on URL and no signing certificate for the vendor to use.',
    nextStep:
      "Download the SAML 2.0 metadata of the vendor's app from the IdP (not a WS-Federation or generic tenant document).",
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_NO_SAML2_PROTOCOL: {
    severity: 'error',
    owner: 'idp',
    title: 'The IdP does not announce SAML 2.0 support',
    symptom: 'protocolSupportEnumeration lists only SAML 1.x or Shibboleth protocols.',
    detail:
      "The IDPSSODescriptor's protocolSupportEnumeration must contain urn:oasis:names:tc:SAML:2.0:protocol; the vendor speaks SAML 2.0 only.",
    nextStep: 'Enable SAML 2.0 for the app in the IdP and download its metadata again.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_EXPIRED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The metadata is past its validUntil date',
    symptom: 'An old copy of the metadata; SAML software that honours validUntil refuses it.',
    detail:
      'The metadata says it must not be used after validUntil. Old copies often carry old certificates and URLs too.',
    nextStep: 'Download a fresh copy of the metadata from the IdP and check it again.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_VALID_UNTIL_INVALID: {
    severity: 'warning',
    owner: 'idp',
    title: 'validUntil is not a valid date-time',
    symptom: 'The validUntil attribute holds something other than an xs:dateTime.',
    detail: 'Software that reads validUntil may refuse the whole document when the value cannot be parsed.',
    nextStep: 'Download the metadata again from the IdP; if the IdP produces this value, report it to its vendor.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_CACHE_DURATION_INVALID: {
    severity: 'warning',
    owner: 'idp',
    title: 'cacheDuration is not a valid duration',
    symptom: 'The cacheDuration attribute holds something other than an xs:duration such as PT1H.',
    detail:
      'cacheDuration tells consumers how long they may cache the metadata; an unreadable value may make strict software refuse the document.',
    nextStep: 'Download the metadata again from the IdP; if the IdP produces this value, report it to its vendor.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_WANT_AUTHN_REQUESTS_SIGNED: {
    severity: 'info',
    owner: 'vendor',
    title: 'The IdP requires signed authentication requests',
    symptom:
      'WantAuthnRequestsSigned="true" in the IdP metadata; SP-initiated sign-in fails with a message about an unsigned request.',
    detail:
      "The IdP will refuse AuthnRequests that are not signed, so the vendor's SP must sign its requests and the IdP must know the vendor's signing certificate.",
    nextStep:
      'Confirm with the vendor that its SP signs AuthnRequests (and get its SP signing certificate), or turn the requirement off in the IdP if your policy allows.',
    important: 'IdP-initiated sign-in (from the My Apps / dashboard tile) is not affected.',
  },
  SAML_METADATA_NO_SIGNING_CERT: {
    severity: 'error',
    owner: 'idp',
    title: 'The metadata has no signing certificate',
    symptom:
      'No <KeyDescriptor use="signing"> (or KeyDescriptor without use) with an X509Certificate in the IDPSSODescriptor.',
    detail:
      "The vendor verifies every SAML response with the IdP's signing certificate; without one in the metadata it has nothing to verify against.",
    nextStep:
      'Make sure the app has an active SAML signing certificate in the IdP, then download the metadata again (or download the Base64 certificate and upload it at the vendor).',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Edit › New Certificate › Make certificate active',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML Signing Certificates',
      adfs: 'AD FS Management › Service › Certificates › Token-signing',
      google:
        'Google Admin console › Apps › Web and mobile apps › (app) › Google Identity Provider details › Certificate',
      keycloak: 'Keycloak admin console › (realm) › Realm settings › Keys',
    },
  },

  // ── entity ID ───────────────────────────────────────────────────────────────────────────────────────────────
  SAML_ENTITY_ID_MISSING: {
    severity: 'error',
    owner: 'idp',
    title: 'The metadata has no entity ID',
    symptom: 'The EntityDescriptor has no entityID attribute, or it is empty.',
    detail: "The entity ID is the IdP's name (the Issuer of every response); the vendor needs it to accept responses.",
    nextStep: 'Download the metadata again from the IdP; do not build it by hand.',
    screen: 'saml.metadataUrl',
  },
  SAML_ENTITY_ID_PLACEHOLDER: {
    severity: 'error',
    owner: 'idp',
    title: 'The IdP entity ID is a placeholder',
    symptom:
      'The entity ID is a template or default such as "https://sts.windows.net/{tenantid}/", "IdP Entity ID", "https://..." or an example.com address.',
    detail:
      'Responses from the real IdP carry its real entity ID as Issuer, so a placeholder never matches and the vendor refuses every response.',
    nextStep:
      "Set the IdP's real entity ID (Entra: the Microsoft Entra Identifier; Okta: Identity Provider Issuer) in the IdP and download the metadata again.",
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Set up (app) › Microsoft Entra Identifier',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Issuer',
      adfs: 'AD FS Management › Service › Edit Federation Service Properties › Federation Service identifier',
      google:
        'Google Admin console › Apps › Web and mobile apps › (app) › Google Identity Provider details › Entity ID',
      keycloak: 'Keycloak admin console › (realm) › Realm settings › General › Frontend URL',
    },
  },
  SAML_ENTITY_ID_ENTRA_MULTI_TENANT: {
    severity: 'error',
    owner: 'idp',
    title: "This is Entra's multi-tenant (common / organizations) metadata, not your app's",
    symptom:
      'The entity ID is https://sts.windows.net/{tenantid}/ and the endpoints use /common/ or /organizations/; it was downloaded from a generic Microsoft URL.',
    detail:
      "The multi-tenant document is a template: its entity ID has a literal {tenantid}, so no response ever matches it, and its certificates are not necessarily the app's signing certificate.",
    nextStep:
      "Download the app's own Federation Metadata XML (it has your tenant ID and the app's signing certificate) from the enterprise application's Single sign-on page.",
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Federation Metadata XML › Download (or App Federation Metadata Url)',
      okta: 'Not an Okta document: if your IdP is Okta, use Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Metadata URL',
    },
  },
  SAML_ENTITY_ID_NOT_URI: {
    severity: 'warning',
    owner: 'idp',
    title: 'The IdP entity ID is not a URI',
    symptom: 'The entity ID is a bare word such as "evaluation" rather than a URL or URN.',
    detail:
      'SAML 2.0 requires the entity ID to be an absolute URI of at most 1024 characters. Some SPs refuse other values.',
    nextStep:
      "Set a URI entity ID (usually the IdP's base URL) in the IdP, download the metadata again, and update it at the vendor too.",
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Set up (app) › Microsoft Entra Identifier',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML 2.0 › Metadata details › Issuer',
      adfs: 'AD FS Management › Service › Edit Federation Service Properties › Federation Service identifier',
    },
  },

  // ── single sign-on endpoints ────────────────────────────────────────────────────────────────────────────────
  SAML_SSO_ENDPOINT_MISSING: {
    severity: 'error',
    owner: 'idp',
    title: 'The metadata has no single sign-on URL',
    symptom: 'The IDPSSODescriptor has no SingleSignOnService element.',
    detail:
      "The vendor sends users to the IdP's SingleSignOnService Location; without one, SP-initiated sign-in cannot start.",
    nextStep: 'Download the metadata again from the IdP; check that SAML sign-on is enabled for the app.',
    fixAt: SSO_SETTINGS_SCREENS,
  },
  SAML_SSO_ENDPOINT_NOT_HTTPS: {
    severity: 'error',
    owner: 'idp',
    title: 'A single sign-on URL uses http instead of https',
    symptom: 'The SingleSignOnService Location starts with http://.',
    detail:
      "Sign-in requests and the user's credentials would travel unencrypted, and browsers and SPs refuse to send users to an insecure IdP. Loopback addresses (test IdPs) are reported as a warning.",
    nextStep:
      'Serve the IdP over https (configure its public hostname / frontend URL) and download the metadata again.',
    fixAt: SSO_SETTINGS_SCREENS,
  },
  SAML_SSO_ENDPOINT_UNSAFE_SCHEME: {
    severity: 'error',
    owner: 'idp',
    title: 'A single sign-on URL has a dangerous scheme',
    symptom: 'A SingleSignOnService Location starts with javascript:, data:, file: or another non-web scheme.',
    detail:
      'Following such a URL runs script or reads local data instead of reaching an IdP. This is never legitimate; the document was altered or is hostile.',
    nextStep: 'Do not use this document. Download the metadata directly from the IdP.',
    screen: 'saml.metadataUrl',
  },
  SAML_SSO_ENDPOINT_INVALID_URL: {
    severity: 'error',
    owner: 'idp',
    title: 'A single sign-on URL is not a valid URL',
    symptom:
      'The SingleSignOnService Location is empty, relative, redacted ("https://...") or otherwise not an absolute URL.',
    detail: 'The vendor cannot send users to a location that is not an absolute URL.',
    nextStep: 'Download the metadata again from the IdP instead of using an edited or redacted copy.',
    screen: 'saml.metadataUrl',
  },
  SAML_SSO_BINDING_UNSUPPORTED: {
    severity: 'error',
    owner: 'idp',
    title: 'No single sign-on URL uses a browser binding the vendor supports',
    symptom: 'The SingleSignOnService elements use only SOAP, Artifact, SAML 1.x or Shibboleth bindings.',
    detail: 'Web SSO needs a SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
    nextStep: 'Enable the HTTP-Redirect (or HTTP-POST) SAML 2.0 endpoint in the IdP and download the metadata again.',
    fixAt: SSO_SETTINGS_SCREENS,
  },
  SAML_SSO_ONE_BINDING_ONLY: {
    severity: 'info',
    owner: 'idp',
    title: 'The IdP offers only one of HTTP-Redirect and HTTP-POST',
    symptom: 'The metadata lists a SingleSignOnService for HTTP-Redirect or for HTTP-POST, not both.',
    detail:
      'The vendor must send its AuthnRequest with the binding the IdP offers. Most SPs can be set to either; the evidence shows which one is available.',
    nextStep: 'When configuring the IdP at the vendor, choose the request binding listed in the evidence.',
    fixAt: SSO_SETTINGS_SCREENS,
  },

  // ── NameID ──────────────────────────────────────────────────────────────────────────────────────────────────
  SAML_METADATA_NAMEID_FORMATS_UNSUPPORTED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The IdP offers no NameID format the vendor accepts',
    symptom:
      'The NameIDFormat elements in the metadata list only formats the vendor does not use (e.g. transient only).',
    detail:
      "The metadata announces the NameID formats the IdP can send. None of them is in the vendor's list, so responses will probably carry a NameID the vendor refuses or cannot match to a user.",
    nextStep:
      "Configure the app's NameID (Unique User Identifier) with one of the expected formats, usually emailAddress with the user's email.",
    fixAt: NAMEID_SCREENS,
    screen: 'saml.nameId',
  },

  // ── the metadata's own signature ────────────────────────────────────────────────────────────────────────────
  SAML_METADATA_SIGNATURE_VALID: {
    severity: 'info',
    owner: 'idp',
    title: 'The metadata signature verifies with a trusted certificate',
    symptom: 'The metadata is signed and a certificate you supplied verifies the signature.',
    detail: 'The document is unchanged since the IdP signed it, and it was signed by a certificate you trust.',
    nextStep: 'Nothing to do.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_SIGNATURE_INTEGRITY_ONLY: {
    severity: 'info',
    owner: 'idp',
    title: 'The metadata signature verifies with its own certificate (integrity only, not trust)',
    symptom:
      'The metadata is signed; no trusted certificate was supplied, so it was checked against the certificate the document itself carries.',
    detail:
      'This proves only that the document was not changed after signing. It does not prove who signed it: anyone can sign a document with a certificate they put inside it. No trust anchor was configured.',
    nextStep:
      "If the document did not come straight from the IdP (HTTPS metadata URL or admin portal download), compare the signing certificate's SHA-256 with the one the IdP shows.",
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_SIGNATURE_INVALID: {
    severity: 'warning',
    owner: 'idp',
    title: 'The metadata signature does not verify',
    symptom:
      'The metadata is signed, but the digest or signature value does not match (it was re-formatted, edited or damaged after signing), or the signature uses an algorithm or form that cannot be verified.',
    detail:
      'Software that checks metadata signatures refuses this document, and its contents may not be what the IdP published. The evidence gives the reason (digest mismatch, bad signature value, unsupported algorithm...).',
    nextStep: 'Download the metadata again from the IdP and upload it unchanged (no re-indenting, no editing).',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_SIGNATURE_UNTRUSTED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The metadata is not signed by a certificate you trust',
    symptom: 'Trusted certificates were supplied, but none of them verifies the metadata signature.',
    detail: 'The document may be intact, but it was signed with a certificate other than the ones you supplied.',
    nextStep:
      "Check that you supplied the IdP's current metadata-signing certificate, or download the metadata directly from the IdP.",
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_SIGNATURE_WEAK_ALGORITHM: {
    severity: 'warning',
    owner: 'idp',
    title: 'The metadata is signed with SHA-1',
    symptom: 'The metadata signature uses rsa-sha1 or a sha1 digest.',
    detail: 'SHA-1 signatures are deprecated and refused by strict software.',
    nextStep:
      'Configure the IdP to sign with RSA-SHA256 where it allows; otherwise take the metadata from its HTTPS URL.',
    screen: 'saml.metadataUrl',
  },
  SAML_METADATA_SIGNED_WITH_EXPIRED_CERT: {
    severity: 'warning',
    owner: 'idp',
    title: 'The metadata is signed with an expired certificate',
    symptom:
      'The metadata signature verifies, but with a certificate whose validity has ended (seen during Entra certificate rollovers).',
    detail:
      "Software that checks the metadata signature together with the certificate's validity refuses this document. It also shows that the rollover to the new certificate is not finished.",
    nextStep:
      'Finish the certificate rollover in the IdP (make the new certificate active, remove the expired one) and download the metadata again.',
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › SAML Certificates › Edit (make the valid certificate active, delete the expired one)',
      okta: 'Okta Admin Console › Applications › (app) › Sign On › SAML Signing Certificates › Actions › Activate',
      adfs: 'AD FS Management › Service › Certificates › Token-signing › Set as Primary',
    },
  },
  SAML_METADATA_SIGNER_NOT_LISTED: {
    severity: 'info',
    owner: 'idp',
    title: 'The metadata is signed with a certificate that is not one of its signing certificates',
    symptom: "The certificate inside the metadata's signature differs from every KeyDescriptor certificate.",
    detail:
      'Some IdPs and federations sign metadata with a separate key; documents re-signed by a third party look like this too. It does not change which certificate signs SAML responses.',
    nextStep: 'If the document did not come straight from your IdP, download it from the IdP instead.',
    screen: 'saml.metadataUrl',
  },

  // ── what the admin typed into the IdP for the vendor's app ──────────────────────────────────────────────────
  SAML_CONFIG_IDENTIFIER_PLACEHOLDER: {
    severity: 'error',
    owner: 'idp',
    title: "The Identifier (Entity ID) is the vendor's placeholder",
    symptom: "The app's Identifier is still the example value from the gallery app or the vendor's guide.",
    detail:
      "The vendor's SP only accepts assertions addressed to its real entity ID for your connection; the placeholder matches nobody.",
    nextStep: "Copy the SP Entity ID from the vendor's SSO setup page into the Identifier field.",
    screen: 'saml.identifier',
  },
  SAML_CONFIG_IDENTIFIER_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: "The Identifier (Entity ID) is not the vendor's entity ID",
    symptom:
      'AADSTS700016 / "Audience is invalid", or the vendor refuses the response; the Identifier does not have the vendor\'s form.',
    detail:
      "The Identifier becomes the Audience of every assertion. It must be exactly the vendor's SP entity ID (expected form in the evidence).",
    nextStep: "Copy the SP Entity ID from the vendor's SSO setup page into the Identifier field, exactly.",
    screen: 'saml.identifier',
    logsScreen: 'logs.signIns',
    aliases: ['audience invalid', 'invalid audience'],
  },
  SAML_CONFIG_IDENTIFIER_IS_IDP_ENTITY_ID: {
    severity: 'error',
    owner: 'idp',
    title: "The Identifier was set to the IdP's own entity ID",
    symptom:
      "The value typed as the app's Identifier (SP Entity ID) is the IdP's entity ID / issuer from the metadata.",
    detail:
      "The Identifier names the vendor's service provider, not the IdP. With the IdP's own entity ID the assertions are addressed to the wrong party and the vendor refuses them.",
    nextStep:
      "Replace the Identifier with the SP Entity ID from the vendor's SSO setup page; the IdP entity ID goes into the vendor's settings instead.",
    screen: 'saml.identifier',
  },
  SAML_CONFIG_REPLY_URL_PLACEHOLDER: {
    severity: 'error',
    owner: 'idp',
    title: "The Reply URL (ACS URL) is the vendor's placeholder",
    symptom:
      "The Reply URL is still the example (dummy) value from the gallery app or the vendor's guide (the evidence shows it).",
    detail:
      'The IdP posts the response to this URL. The placeholder belongs to no connection, so sign-in ends in an error at the vendor.',
    nextStep: "Copy the ACS URL from the vendor's SSO setup page into the Reply URL field and delete the placeholder.",
    screen: 'saml.replyUrl',
  },
  SAML_CONFIG_REPLY_URL_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: "The Reply URL (ACS URL) is not the vendor's",
    symptom:
      'AADSTS50011 "The reply URL specified in the request does not match", or the response goes to the wrong place; the Reply URL does not have the vendor\'s form.',
    detail:
      "The Reply URL must be exactly the vendor's Assertion Consumer Service URL (expected form in the evidence).",
    nextStep: "Copy the ACS URL from the vendor's SSO setup page into the Reply URL field, exactly.",
    screen: 'saml.replyUrl',
    logsScreen: 'logs.signIns',
    aliases: ['reply URL does not match'],
  },
  SAML_CONFIG_SIGN_ON_URL_PLACEHOLDER: {
    severity: 'info',
    owner: 'idp',
    title: "The Sign on URL is the value from the vendor's own guide",
    symptom: "The Sign on URL is the value the vendor's setup guide enters (the evidence shows it).",
    detail:
      "The Sign on URL is where the My Apps tile sends users, to start an SP-initiated sign-in at the vendor. The vendor's own Entra guide enters this value, and the vendor supports SP-initiated sign-in only, so it is correct as it is. Do not clear it: an empty Sign on URL makes the tile try IdP-initiated sign-in, which the vendor does not support.",
    nextStep: "Nothing to change. Keep the Sign on URL from the vendor's guide.",
    docs: [
      'https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal-setup-sso',
      "The vendor profile's setup guide for Entra (profile docs)",
    ],
    fixAt: {
      entra:
        'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Basic SAML Configuration › Edit › Sign on URL',
      okta: 'Okta has no Sign on URL for SAML apps; check Okta Admin Console › Applications › (app) › General › App Embed Link instead',
      google: 'Google Admin console › Apps › Web and mobile apps › (app) › Service provider details › Start URL',
    },
  },
  SAML_CONFIG_TRAILING_SLASH: {
    severity: 'error',
    owner: 'idp',
    title: "A value differs from the vendor's only by a trailing slash",
    symptom: 'The Identifier or Reply URL ends with "/" where the vendor\'s does not (or the other way round).',
    detail: 'Entity IDs and ACS URLs are compared as exact strings, so one slash makes them different.',
    nextStep: "Remove (or add) the trailing slash so the value is exactly the vendor's.",
    fixAt: BASIC_CONFIG_SCREENS,
  },
  SAML_CONFIG_NOT_HTTPS: {
    severity: 'error',
    owner: 'idp',
    title: "A value uses http where the vendor's uses https",
    symptom: "The Identifier or Reply URL starts with http:// but the vendor's value starts with https://.",
    detail:
      'Entity IDs and ACS URLs are compared as exact strings, and an http ACS URL would send the response unencrypted.',
    nextStep: "Change http:// to https:// so the value is exactly the vendor's.",
    fixAt: BASIC_CONFIG_SCREENS,
  },
} as const satisfies Record<`SAML_${string}`, CatalogEntry>
