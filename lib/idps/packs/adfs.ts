import { definePack } from '../schema'

const RPT = 'AD FS Management › Relying Party Trusts › (trust)'

/**
 * Active Directory Federation Services (on-premises). Who may use a relying party trust is its access control policy
 * (Microsoft Learn: select the application from Relying Party Trusts, then Edit Access Control Policy); OpenID Connect
 * clients live in application groups and are named here by the PowerShell that Microsoft documents for them.
 */
export const adfs = definePack({
  id: 'adfs',
  label: 'AD FS',
  docsUrl: 'https://learn.microsoft.com/powershell/module/adfs/set-adfsrelyingpartytrust',
  docs: [
    'https://learn.microsoft.com/powershell/module/adfs/set-adfsrelyingpartytrust',
    'https://learn.microsoft.com/powershell/module/adfs/add-adfsrelyingpartytrust',
    'https://learn.microsoft.com/windows-server/identity/ad-fs/operations/access-control-policies-in-ad-fs',
    'https://learn.microsoft.com/powershell/module/adfs/set-adfsserverapplication',
    'https://learn.microsoft.com/powershell/module/adfs/set-adfsnativeclientapplication',
  ],
  detect: {
    // entityID http(s)://<host>/adfs/services/trust on any host (real fixtures: 5 metadata, 5 responses).
    entityId: [{ contains: '/adfs/services/trust' }],
    endpointHost: [{ contains: '/adfs/ls' }],
    responseIssuer: [],
    // The OpenID Provider's issuer is https://<host>/adfs.
    oidcIssuer: [{ suffix: '/adfs' }, { suffix: '/adfs/' }],
    errorPage: [{ contains: '/adfs/ls' }],
    certificate: [{ contains: 'CN=ADFS Signing - ' }],
  },
  screens: {
    'saml.identifier': `${RPT} › Properties › Identifiers › Relying party identifier`,
    'saml.replyUrl': `${RPT} › Properties › Endpoints › SAML Assertion Consumer Endpoints`,
    'saml.claims': `${RPT} › Edit Claim Issuance Policy`,
    'saml.nameId': `${RPT} › Edit Claim Issuance Policy › (rule) › Outgoing claim type Name ID, Outgoing name ID format`,
    'saml.signingCertificate': 'AD FS Management › Service › Certificates › Token-signing',
    // What is signed has no field in the trust's Properties: the cmdlet sets it.
    'saml.signingOption':
      'PowerShell: Set-AdfsRelyingPartyTrust -TargetName (trust) -SamlResponseSignature … -SignatureAlgorithm …',
    'saml.metadataUrl':
      'https://<your AD FS host>/FederationMetadata/2007-06/FederationMetadata.xml (AD FS Management › Service › Endpoints › Metadata)',
    assignment: `${RPT} › Edit Access Control Policy (e.g. the built-in Permit specific group, the groups given as its parameter)`,
    'oidc.redirectUris':
      'PowerShell: Set-AdfsServerApplication -TargetName (app) -RedirectUri … (a native client: Set-AdfsNativeClientApplication -RedirectUri …)',
    'oidc.clientSecret': 'PowerShell: Set-AdfsServerApplication -TargetName (app) -ResetClientSecret',
    'logs.signIns':
      'Event Viewer › Applications and Services Logs › AD FS › Admin (event 364 names the relying party and the reason)',
    'logs.audit': 'Event Viewer › Applications and Services Logs › AD FS › Admin',
  },
  variants: [{ id: 'relying-party-trust', label: 'relying party trust', screens: {} }],
})
