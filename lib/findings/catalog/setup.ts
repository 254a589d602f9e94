import type { CatalogEntry, PerIdp } from '../types'

/*
 * What the vendor's own setup flow requires before SSO is turned on, and nothing else checked: verified domains, the
 * email claim against the user's existing account, an immutable user ID, the certificate held at the vendor, the
 * test-user cap. The vendor's facts (its cap, its console screens, its docs) come from the profile; these entries hold
 * only what is true of any SP that links users by email and an immutable ID. The vendor's pages behind each entry are
 * listed in the profile's `vendor.docs` (lib/profiles/*.json), the IdP vendors' pages in `docs` below.
 */

const ENTRA_APP = 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on'
const OKTA_APP = 'Okta Admin Console › Applications › Applications › (app)'

/** Where the claims / attribute statements are mapped. */
const CLAIMS: PerIdp = {
  entra: `${ENTRA_APP} › Attributes & Claims › Edit`,
  okta: `${OKTA_APP} › Sign On › Settings › Edit › Attributes (catalog (OIN) app: the attribute mappings it preconfigures under Directory › Profile Editor › (app) › Mappings); custom SAML app: General › SAML Settings › Edit › Attribute Statements`,
  adfs: 'AD FS Management › Relying Party Trusts › (trust) › Edit Claim Issuance Policy',
  google: 'Google Admin console › Apps › Web and mobile apps › (app) › SAML attribute mapping',
}

/** Where the IdP's current signing certificate is shown (to compare with the one held at the vendor). */
const ACTIVE_CERT: PerIdp = {
  entra: `${ENTRA_APP} › SAML Certificates › Token signing certificate (Status Active) › Thumbprint · Certificate (Base64) › Download`,
  okta: `${OKTA_APP} › Sign On › SAML Signing Certificates (the one marked Active) › Actions › Download certificate`,
  adfs: 'AD FS Management › Service › Certificates › Token-signing (Primary)',
  google: 'Google Admin console › Apps › Web and mobile apps › (app) › Service provider details › Certificate',
}

const IMMUTABLE_ID_DOCS = [
  'https://learn.microsoft.com/entra/identity/hybrid/connect/plan-connect-design-concepts#sourceanchor',
  'https://learn.microsoft.com/entra/identity/enterprise-apps/customize-saml-token-claims',
]

export const setupCatalog = {
  SAML_SETUP_NO_VERIFIED_DOMAINS: {
    severity: 'warning',
    owner: 'vendor',
    title: 'No verified domains were given, so test users’ domains were not checked',
    symptom:
      'The connection lists no verified domains: whether each test user signs in with a domain the service provider has verified cannot be told.',
    detail:
      'A service provider that links users by email turns SSO on per verified domain: a user whose email domain is not verified and linked to the connection keeps signing in the old way, or is refused. Without the list of verified, linked domains this check did not run.',
    nextStep:
      'Add the domains you verified and linked to this connection at the service provider (Verified domains on the setup page or the connection form).',
  },
  SAML_SETUP_DOMAIN_NOT_VERIFIED: {
    severity: 'error',
    owner: 'vendor',
    title: 'A test user’s email domain is not one of the connection’s verified domains',
    symptom:
      'A test user signed in with an email address whose domain is not in the connection’s list of verified, linked domains.',
    detail:
      'The service provider sends a user to this connection by the domain of their email address, and only for domains that are verified and linked to it. A user of another domain is not covered when SSO is turned on. The evidence lists the domains seen and the verified ones.',
    nextStep:
      'Add and verify the domain at the service provider and link it to this connection, or test with users of a verified domain (a sub-domain must be verified on its own).',
    important: 'Every domain your users sign in with must be verified before SSO can be turned on.',
  },
  SAML_SETUP_ACCOUNT_EMAIL_MISMATCH: {
    severity: 'error',
    owner: 'idp',
    title: 'The email claim differs from the user’s existing account at the service provider',
    symptom:
      'A test user signed in, but the email the IdP sent is not the address of their existing account at the service provider.',
    detail:
      'The service provider matches a federated sign-in to an existing account by email address. A different address (a UPN instead of the mail address, an alias, an old domain) finds no account, so the user gets a new, empty one and loses access to what the old one had.',
    nextStep:
      'Map the email claim from the attribute that holds the address the user’s existing account uses (often user.mail, not user.userprincipalname), or change the account’s email at the service provider first.',
    fixAt: CLAIMS,
    docs: ['https://learn.microsoft.com/entra/identity/enterprise-apps/customize-saml-token-claims'],
  },
  SAML_SETUP_IMMUTABLE_ID_CHANGED: {
    severity: 'warning',
    owner: 'idp',
    title: 'The same test user’s immutable ID changed between test logins',
    symptom:
      'Two test logins of the same user carried different values in the attribute that must never change (e.g. objectGUID).',
    detail:
      'The service provider links the account to this value. When it changes, the provider sees a new person: the user loses the account they had. A change between two test logins means the claim is mapped from a source that is not stable, or the mapping was changed in between.',
    nextStep:
      'Map the immutable ID from one attribute that never changes for a person (e.g. Entra: user.objectid) and keep that mapping; then run the test login again for this user.',
    important:
      'If the mapping was changed on purpose between the runs, the newer value is the one the provider will keep: change it before SSO is turned on, never after.',
    fixAt: CLAIMS,
    docs: IMMUTABLE_ID_DOCS,
  },
  SAML_SETUP_IMMUTABLE_ID_MUTABLE_SOURCE: {
    severity: 'warning',
    owner: 'idp',
    title: 'The immutable ID looks like an email address or UPN',
    symptom: 'The attribute that must never change (e.g. objectGUID) carries an address of the form name@domain.',
    detail:
      'Email addresses and user principal names change when a person is renamed or the company changes domain. The service provider would then see a new person and the user would lose their account.',
    nextStep:
      'Map the immutable ID from the directory’s object identifier instead (Entra: user.objectid; Okta: user.id or an immutable directory attribute).',
    fixAt: CLAIMS,
    docs: IMMUTABLE_ID_DOCS,
  },
  SAML_SETUP_IMMUTABLE_ID_MIGRATION_SOURCE: {
    severity: 'warning',
    owner: 'idp',
    title: 'The immutable ID is an on-premises objectGUID, which changes on a directory migration',
    symptom:
      'The immutable ID is 16 bytes in base64 (the form of an on-premises Active Directory objectGUID or an ImmutableID derived from it).',
    detail:
      'An on-premises objectGUID changes when the user is moved to another forest, and it differs from the cloud directory’s object ID (Entra user.objectid): moving from AD FS to Entra ID, or re-creating users, changes every user’s value unless the same source is mapped on the new IdP. The provider would see new people.',
    nextStep:
      'Decide now which source you will keep across IdP migrations (for example ms-DS-ConsistencyGuid synced as the source anchor) and map the same one on every IdP you will use.',
    fixAt: CLAIMS,
    docs: IMMUTABLE_ID_DOCS,
  },
  SAML_SETUP_TEST_USERS_OVER_CAP: {
    severity: 'warning',
    owner: 'vendor',
    title: 'More test users were tested than the service provider lets you add before turn-on',
    symptom:
      'The number of distinct test users who signed in is above the provider’s cap of test users for a connection before SSO is turned on.',
    detail:
      'The cap is a maximum, not a target: one passing user can be enough. Only the users added as test users at the provider (at most the cap) can use SSO before it is turned on; the others here were tested against the IdP only.',
    nextStep:
      'Add at most the cap of these users as test users at the service provider; you do not need more passes to turn SSO on.',
  },
  CERT_SETUP_VENDOR_CERT_NOT_IN_METADATA: {
    severity: 'error',
    owner: 'vendor',
    title: 'The certificate held at the service provider is not one the IdP publishes',
    symptom:
      'The certificate (or thumbprint) uploaded at the service provider matches none of the IdP’s signing certificates.',
    detail:
      'The service provider verifies every assertion with the one IdP certificate it holds. A certificate the IdP no longer publishes (an old one, another app’s, a test tenant’s) makes every sign-in fail once SSO is on. The evidence lists both thumbprints.',
    nextStep:
      'Download the active signing certificate (Base64) from the IdP app and upload it at the service provider’s identity provider certificate setting.',
    fixAt: ACTIVE_CERT,
  },
  CERT_SETUP_VENDOR_CERT_NOT_ACTIVE: {
    severity: 'error',
    owner: 'vendor',
    title: 'The certificate held at the service provider is not the one the IdP signs with',
    symptom:
      'The certificate uploaded at the service provider is published by the IdP, but the IdP signs with another one (a rollover in progress, or an inactive certificate).',
    detail:
      'The IdP signs with its active certificate only. The evidence names the one that signed the latest test login (or, without one, the newest valid certificate the metadata lists) and the one the provider holds: they differ, so the provider would refuse the signature.',
    nextStep:
      'Upload the IdP’s active certificate at the service provider, or make the uploaded one active in the IdP, in the order the provider documents (it holds one certificate, so sign-ins fail between the two changes).',
    fixAt: ACTIVE_CERT,
  },
  CERT_SETUP_VENDOR_CERT_UNREADABLE: {
    severity: 'error',
    owner: 'end-user',
    title: 'The certificate entered for the service provider could not be read',
    symptom:
      'The text given as the certificate held at the service provider is neither a PEM / Base64 certificate nor a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint.',
    detail: 'Nothing was compared. The evidence says what the text looked like.',
    nextStep:
      'Paste the certificate file (-----BEGIN CERTIFICATE----- … ) or its thumbprint as the IdP or the service provider shows it.',
  },
} as const satisfies Record<string, CatalogEntry>
