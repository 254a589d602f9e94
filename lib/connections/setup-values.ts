import type { Connection } from '../store/types'

/** The app's own URLs for a connection: what the admin adds in the IdP and where the test login starts. */
export interface ConnectionUrls {
  readonly testLoginUrl: string
  /** The validator's ACS: added once as an extra Reply URL (Entra) / Other Requestable SSO URL (Okta). */
  readonly acsUrl: string
  readonly spMetadataUrl: string
  /** The validator's OIDC redirect URI, added to the app registration. */
  readonly redirectUri: string
}

export function connectionUrls(origin: string, id: string): ConnectionUrls {
  const base = origin.replace(/\/+$/, '')
  return {
    testLoginUrl: `${base}/connections/${encodeURIComponent(id)}/test-login`,
    acsUrl: `${base}/saml/acs`,
    spMetadataUrl: `${base}/saml/metadata/${encodeURIComponent(id)}`,
    redirectUri: `${base}/oidc/callback`,
  }
}

/** One value to copy into the IdP, with the exact place it goes. */
export interface SetupValue {
  readonly label: string
  readonly value: string
  readonly where: string
}

/** The values to copy, in the order the admin enters them. Missing vendor values are simply not listed. */
export function setupValues(c: Pick<Connection, 'id' | 'protocol' | 'config'>, origin: string): SetupValue[] {
  const urls = connectionUrls(origin, c.id)
  if (c.protocol === 'oidc') {
    return [
      {
        label: 'Redirect URI',
        value: urls.redirectUri,
        where:
          'Entra: Entra ID › App registrations › (app) › Authentication › Web › Redirect URIs. Okta: Applications › Applications › (app) › General › Sign-in redirect URIs',
      },
    ]
  }
  const out: SetupValue[] = []
  if (c.config.spEntityId)
    out.push({
      label: 'Identifier (SP entity ID)',
      value: c.config.spEntityId,
      where:
        'Entra: Entra ID › Enterprise apps › (app) › Single sign-on › Basic SAML Configuration › Identifier (Entity ID). Okta catalog (OIN) app: Sign On › Settings › Edit › Advanced Sign-on Settings; custom SAML app: General › SAML Settings › Audience URI (SP Entity ID)',
    })
  if (c.config.acsUrl)
    out.push({
      label: 'Reply URL (the vendor’s ACS, default)',
      value: c.config.acsUrl,
      where:
        'Entra: Basic SAML Configuration › Reply URL (mark it Default). Okta catalog (OIN) app: Sign On › Settings › Edit › Advanced Sign-on Settings; custom SAML app: General › SAML Settings › Single sign-on URL',
    })
  out.push({
    label: 'Extra Reply URL for test logins (this validator’s ACS)',
    value: urls.acsUrl,
    where:
      'Entra: Basic SAML Configuration › Reply URL › Add reply URL (not default). Okta custom SAML app: General › SAML Settings › Other Requestable SSO URLs (custom SAML app; sources are silent on catalog apps)',
  })
  out.push({
    label: 'SP metadata (for IdPs that import it)',
    value: urls.spMetadataUrl,
    where: 'Entra: Single sign-on › Upload metadata file. Okta: not needed (enter the values above)',
  })
  return out
}
