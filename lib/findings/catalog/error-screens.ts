import type { PerIdp } from '../types'

// Screens and log views shared by the error-knowledge tables (IdP error codes, SAML statuses) and the triage catalog.

export const ENTRA = 'Entra admin center › '
export const OKTA = 'Okta Admin Console › '
export const E_APP = ENTRA + 'Entra ID › Enterprise apps › (app) › '
export const E_REG = ENTRA + 'Entra ID › App registrations › (app) › '
export const O_APP = OKTA + 'Applications › Applications › (app) › '
// Two kinds of Okta app exist in the field: the catalog (Okta Integration Network) app a vendor publishes, whose SAML
// values sit under Sign On › Settings › Edit › Advanced Sign-on Settings with attributes preconfigured, and a custom
// SAML app made with the App Integration Wizard (General › SAML Settings). Okta screens name both.
export const O_OIN = 'catalog (OIN) app: ' + O_APP + 'Sign On › Settings › Edit › Advanced Sign-on Settings'
export const O_AIW = 'custom SAML app (App Integration Wizard): ' + O_APP + 'General › SAML Settings › Edit'

export const SCREEN = {
  replyUrl: {
    entra:
      E_APP +
      'Single sign-on › Basic SAML Configuration › Reply URL (Assertion Consumer Service URL) — for OIDC: ' +
      E_REG +
      'Authentication › Redirect URIs',
    okta:
      O_OIN +
      ' (ACS URL field); ' +
      O_AIW +
      ' › Single sign-on URL (and Other Requestable SSO URLs) — for OIDC: ' +
      O_APP +
      'General › Login › Sign-in redirect URIs',
  },
  identifier: {
    entra: E_APP + 'Single sign-on › Basic SAML Configuration › Identifier (Entity ID)',
    okta: O_OIN + ' (SP entity ID field); ' + O_AIW + ' › Audience URI (SP Entity ID)',
  },
  assignment: {
    entra: E_APP + 'Users and groups › Add user/group (or Properties › Assignment required? = No)',
    okta: O_APP + 'Assignments › Assign › Assign to People / Groups',
  },
  claims: {
    entra: E_APP + 'Single sign-on › Attributes & Claims',
    okta:
      'catalog (OIN) app: attributes are preconfigured, check their sources under ' +
      O_APP +
      'Sign On › Settings; ' +
      O_AIW +
      ' › Attribute Statements',
  },
  signingCert: {
    entra: E_APP + 'Single sign-on › SAML Certificates › Token signing certificate',
    okta: O_APP + 'Sign On › SAML Signing Certificates (both catalog and custom SAML apps)',
  },
  requestCert: {
    entra:
      E_APP +
      'Single sign-on › SAML Certificates › Verification certificates (optional) › Require verification certificates',
    okta:
      O_AIW +
      " › Show Advanced Settings › Signed Requests (and the SP's Signature Certificate); a catalog (OIN) app: " +
      O_APP +
      'Sign On › Settings › Edit',
  },
  userAccount: {
    entra: ENTRA + 'Entra ID › Users › All users › (user) › Edit properties › Account enabled / Settings',
    okta: OKTA + 'Directory › People › (user) › Profile / Activate / Unlock',
  },
  conditionalAccess: {
    entra: ENTRA + 'Entra ID › Conditional Access › Policies (use What If with the user and the app)',
    okta:
      O_APP +
      'Sign On › User authentication (authentication policy) and ' +
      OKTA +
      'Security › Authentication Policies',
  },
  consent: {
    entra: E_REG + 'API permissions › Grant admin consent (or ' + E_APP + 'Permissions)',
    okta:
      O_APP + 'Okta API Scopes / ' + OKTA + 'Security › API › Authorization Servers › (server) › Scopes (User consent)',
  },
  clientSecret: {
    entra: E_REG + 'Certificates & secrets › Client secrets › New client secret (copy the Value, not the Secret ID)',
    okta: O_APP + 'General › Client Credentials › Client secrets',
  },
  certCredential: {
    entra:
      E_REG +
      'Certificates & secrets › Certificates (the public key of the certificate the client signs its assertion with)',
    okta: O_APP + 'General › Client Credentials › Public keys',
  },
  nameId: {
    entra: E_APP + 'Single sign-on › Attributes & Claims › Unique User Identifier (Name ID) › Source attribute',
    okta: O_OIN + ' › Application username format; ' + O_AIW + ' › Name ID format and Application username',
  },
  immutableId: {
    entra:
      ENTRA +
      'Entra ID › Users › (user) › Properties › On-premises immutable ID, compared with the sourceAnchor Microsoft Entra Connect writes',
    okta:
      OKTA +
      'Directory › People › (user) › Profile (Okta does not raise AADSTS codes: this applies when Okta is federated to Entra)',
  },
  tenantRestrictions: {
    entra:
      ENTRA +
      'Entra ID › External Identities › Cross-tenant access settings (and the Restrict-Access-To-Tenants proxy header your network adds)',
    okta: "Not an Okta setting: the Entra tenant's cross-tenant access settings and your network proxy",
  },
  securityDefaults: {
    entra: ENTRA + 'Entra ID › Overview › Properties › Manage security defaults',
    okta: "Not an Okta setting: the Entra tenant's security defaults",
  },
  grantTypes: {
    entra: E_REG + 'Authentication › Implicit grant and hybrid flows (ID tokens / Access tokens)',
    okta: O_APP + 'General › General Settings › Grant type',
  },
  authzPolicy: {
    entra: E_REG + 'API permissions and ' + E_REG + 'Expose an API › Scopes',
    okta: OKTA + 'Security › API › Authorization Servers › (server) › Access Policies › Rules',
  },
  tenant: {
    entra:
      ENTRA +
      'Overview › Tenant ID (compare with the tenant in the Login URL / issuer the vendor uses) and ' +
      E_APP +
      'Properties › Application ID',
    okta: O_APP + 'General › Client ID, and ' + OKTA + 'Security › API › Authorization Servers › Issuer URI',
  },
  federation: {
    entra: ENTRA + 'Entra ID › Domain names › (domain) › federation settings (Get-MgDomainFederationConfiguration)',
    okta: OKTA + 'Security › Identity Providers › (IdP) › Configure',
  },
  statusGeneric: {
    entra: E_APP + 'Single sign-on (check Basic SAML Configuration, Attributes & Claims, Users and groups)',
    okta: O_OIN + ' or ' + O_AIW + ', and ' + O_APP + 'Assignments',
  },
  mfaMethods: {
    entra: ENTRA + "Entra ID › Authentication methods › Policies, and the user's Authentication methods",
    okta: OKTA + 'Security › Authenticators and ' + OKTA + 'Directory › People › (user) › Reset Authenticators',
  },
} as const satisfies Record<string, PerIdp>

export const LOGS: PerIdp = {
  entra:
    ENTRA +
    'Entra ID › Monitoring & health › Sign-in logs › filter by Correlation ID / Request ID and the time (UTC) from the error page › Basic info, Authentication details, Conditional Access',
  okta:
    OKTA +
    'Reports › System Log › search the user and time; filter outcome.result eq "FAILURE" and eventType sw "user.authentication"',
  other: "The IdP's sign-in / audit log, filtered by the user and the time of the failure",
}
export const VENDOR_LOGS: PerIdp = {
  entra:
    "The vendor's sign-in log (only the vendor's Support can see it): give them the time (UTC), the user's email and the errorId",
  okta: "The vendor's sign-in log (only the vendor's Support can see it): give them the time (UTC), the user's email and the errorId",
  other:
    "The vendor's sign-in log (only the vendor's Support can see it): give them the time (UTC), the user's email and the errorId",
}
export const AADSTS_DOCS = [
  'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  'https://login.microsoftonline.com/error',
]
export const OKTA_DOCS = ['https://developer.okta.com/docs/reference/error-codes/']
export const SAML_CORE = ['OASIS SAML 2.0 Core §3.2.2.2 (StatusCode)']
export const ENTRA_SUPPORT =
  'Keep the Request ID, Correlation ID and Timestamp shown under the error: they find the exact sign-in in the Entra sign-in logs.'
