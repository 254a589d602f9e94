import { definePack } from '../schema'

const SSO = 'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on'
const REG = 'Entra admin center › Entra ID › App registrations › (app)'
const ENTRA_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.windows.net',
]

/** Microsoft Entra ID. Screen names as Microsoft Learn writes them today ("Entra ID › Enterprise apps"). */
export const entra = definePack({
  id: 'entra',
  label: 'Microsoft Entra ID',
  docsUrl: 'https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal-setup-sso',
  docs: [
    'https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal-setup-sso',
    'https://learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal',
    'https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri',
    'https://learn.microsoft.com/entra/identity/monitoring-health/quickstart-analyze-sign-in',
    'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  ],
  detect: {
    // Tenant metadata and per-app metadata alike: entityID https://sts.windows.net/<tenant>/ (real fixtures: 6 of 6).
    entityId: [{ host: 'sts.windows.net' }, ...ENTRA_HOSTS.map((host) => ({ host }))],
    endpointHost: ENTRA_HOSTS.map((host) => ({ host })),
    responseIssuer: [],
    // Entra External ID tenants issue from <tenant>.ciamlogin.com.
    oidcIssuer: [{ host: 'sts.windows.net' }, { host: '*.ciamlogin.com' }, ...ENTRA_HOSTS.map((host) => ({ host }))],
    errorPage: [{ contains: 'AADSTS' }, ...ENTRA_HOSTS.map((host) => ({ host }))],
    // The names Entra gives the certificates it makes (per-app SAML signing; tenant token signing).
    certificate: [
      { contains: 'CN=Microsoft Azure Federated SSO Certificate' },
      { suffix: 'CN=accounts.accesscontrol.windows.net' },
      { suffix: 'CN=login.microsoftonline.us' },
    ],
  },
  screens: {
    'saml.identifier': `${SSO} › Basic SAML Configuration › Edit › Identifier (Entity ID)`,
    'saml.replyUrl': `${SSO} › Basic SAML Configuration › Edit › Reply URL (Assertion Consumer Service URL)`,
    'saml.signOnUrl': `${SSO} › Basic SAML Configuration › Edit › Sign on URL`,
    'saml.claims': `${SSO} › Attributes & Claims`,
    'saml.nameId': `${SSO} › Attributes & Claims › Unique User Identifier (Name ID)`,
    'saml.signingCertificate': `${SSO} › SAML Certificates`,
    'saml.signingOption': `${SSO} › SAML Certificates › Edit › Signing Option / Signing Algorithm`,
    'saml.metadataUrl': `${SSO} › SAML Certificates › Federation Metadata XML › Download (or App Federation Metadata Url)`,
    'oidc.redirectUris': `${REG} › Authentication › Redirect URIs`,
    'oidc.clientSecret': `${REG} › Certificates & secrets`,
    'oidc.claims': `${REG} › Token configuration › Add optional claim (ID token)`,
    assignment: 'Entra admin center › Entra ID › Enterprise apps › (app) › Users and groups',
    'logs.signIns':
      'Entra admin center › Entra ID › Monitoring & health › Sign-in logs › filter Application = (app), Status = Failure › Basic info › Sign-in error code (AADSTS…) and Correlation ID',
    'logs.audit':
      'Entra admin center › Entra ID › Monitoring & health › Audit logs › filter Service = Core Directory, Activity = Update application (or Update service principal) › the app',
  },
  // Both are enterprise apps with the same Single sign-on screens; they differ in what is pre-filled.
  variants: [
    { id: 'gallery', label: 'gallery app (added from the Entra gallery)', screens: {} },
    { id: 'non-gallery', label: 'non-gallery app (Create your own application)', screens: {} },
  ],
})
