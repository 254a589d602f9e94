import type { AppVariant } from './idp-choices'

/** The places in the IdP a setup step sends the admin to. */
export const SCREEN_KEYS = ['saml.identifier', 'saml.replyUrl', 'saml.claims', 'saml.signingCertificate', 'saml.metadata', 'assignment', 'logs.signIns'] as const
export type ScreenKey = (typeof SCREEN_KEYS)[number]

/** One IdP screen, or the honest "not known for this IdP" (then `path` is null and the IdP's guide is the way). */
export interface SetupScreen {
  readonly key: ScreenKey
  readonly path: string | null
}

const ENTRA_APP = 'Entra admin center › Entra ID › Enterprise apps › (app)'
const OKTA_APP = 'Okta Admin Console › Applications › Applications › (app)'

type ScreenTable = Partial<Record<ScreenKey, string>>

const ENTRA: ScreenTable = {
  'saml.identifier': `${ENTRA_APP} › Single sign-on › Basic SAML Configuration › Edit › Identifier (Entity ID)`,
  'saml.replyUrl': `${ENTRA_APP} › Single sign-on › Basic SAML Configuration › Edit › Reply URL (Assertion Consumer Service URL)`,
  'saml.claims': `${ENTRA_APP} › Single sign-on › Attributes & Claims › Edit`,
  'saml.signingCertificate': `${ENTRA_APP} › Single sign-on › SAML Certificates › Certificate (Base64) › Download`,
  'saml.metadata': `${ENTRA_APP} › Single sign-on › SAML Certificates › App Federation Metadata Url (or Federation Metadata XML › Download)`,
  assignment: `${ENTRA_APP} › Users and groups › Add user/group`,
  'logs.signIns': 'Entra admin center › Entra ID › Monitoring & health › Sign-in logs (filter: Application = the app)',
}

/** Per IdP and app variant; a variant that differs from the other only in some screens spreads the shared ones. */
const SCREENS: Record<string, Partial<Record<AppVariant, ScreenTable>>> = {
  entra: {
    // A gallery app and a non-gallery app show the same Single sign-on screens; the gallery app preconfigures claims.
    catalog: { ...ENTRA, 'saml.claims': `${ENTRA_APP} › Single sign-on › Attributes & Claims (preconfigured by the gallery app: check, do not rebuild)` },
    custom: ENTRA,
  },
  okta: {
    catalog: {
      'saml.identifier': `${OKTA_APP} › Sign On › Settings › Edit › Advanced Sign-on Settings (the SP entity ID field)`,
      'saml.replyUrl': `${OKTA_APP} › Sign On › Settings › Edit › Advanced Sign-on Settings (the ACS URL field)`,
      'saml.claims': `${OKTA_APP} › Sign On › Settings › Attributes (preconfigured by the catalog app; values come from Directory › Profile Editor › (app) › Mappings)`,
      'saml.signingCertificate': `${OKTA_APP} › Sign On › SAML Signing Certificates › Actions › Download certificate`,
      'saml.metadata': `${OKTA_APP} › Sign On › Settings › Metadata URL`,
      assignment: `${OKTA_APP} › Assignments › Assign › Assign to People`,
      'logs.signIns': 'Okta Admin Console › Reports › System Log (filter: target = the app)',
    },
    custom: {
      'saml.identifier': `${OKTA_APP} › General › SAML Settings › Edit › Configure SAML › Audience URI (SP Entity ID)`,
      'saml.replyUrl': `${OKTA_APP} › General › SAML Settings › Edit › Configure SAML › Single sign-on URL`,
      'saml.claims': `${OKTA_APP} › General › SAML Settings › Edit › Configure SAML › Attribute Statements`,
      'saml.signingCertificate': `${OKTA_APP} › Sign On › SAML Signing Certificates › Actions › Download certificate`,
      'saml.metadata': `${OKTA_APP} › Sign On › SAML 2.0 › Metadata details › Metadata URL`,
      assignment: `${OKTA_APP} › Assignments › Assign › Assign to People`,
      'logs.signIns': 'Okta Admin Console › Reports › System Log (filter: target = the app)',
    },
  },
  adfs: {
    custom: {
      'saml.identifier': 'AD FS Management › Relying Party Trusts › (trust) › Properties › Identifiers › Relying party identifier',
      'saml.replyUrl': 'AD FS Management › Relying Party Trusts › (trust) › Properties › Endpoints › Add SAML (SAML Assertion Consumer, POST)',
      'saml.claims': 'AD FS Management › Relying Party Trusts › (trust) › Edit Claim Issuance Policy',
      'saml.signingCertificate': 'AD FS Management › Service › Certificates › Token-signing › View Certificate › Details › Copy to File (Base-64)',
      'saml.metadata': 'https://(your AD FS host)/FederationMetadata/2007-06/FederationMetadata.xml',
      assignment: 'AD FS Management › Relying Party Trusts › (trust) › Edit Access Control Policy',
      'logs.signIns': 'Event Viewer › Applications and Services Logs › AD FS › Admin',
    },
  },
  google: {
    custom: {
      'saml.identifier': 'Google Admin console › Apps › Web and mobile apps › (app) › Service provider details › Entity ID',
      'saml.replyUrl': 'Google Admin console › Apps › Web and mobile apps › (app) › Service provider details › ACS URL',
      'saml.claims': 'Google Admin console › Apps › Web and mobile apps › (app) › SAML attribute mapping',
      'saml.signingCertificate': 'Google Admin console › Apps › Web and mobile apps › (app) › Download metadata › Certificate',
      'saml.metadata': 'Google Admin console › Apps › Web and mobile apps › (app) › Download metadata',
      assignment: 'Google Admin console › Apps › Web and mobile apps › (app) › User access › ON for everyone / the test group',
      'logs.signIns': 'Google Admin console › Reporting › Audit and investigation › SAML log events',
    },
  },
}

/**
 * The exact screen for an IdP, its app variant and a place where a setup step is done. The one lookup the setup
 * companion reads screens through, so the per-IdP screen packs can replace this table without touching the pages.
 * @example setupScreenFor('okta', 'catalog', 'saml.replyUrl').path // 'Okta Admin Console › … › Advanced Sign-on Settings …'
 */
export function setupScreenFor(idp: string, variant: AppVariant, key: ScreenKey): SetupScreen {
  const byVariant = SCREENS[idp]
  const table = byVariant?.[variant] ?? byVariant?.custom ?? byVariant?.catalog
  return { key, path: table?.[key] ?? null }
}
