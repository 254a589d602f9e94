/**
 * IdP hosts that resolve worldwide with no tenant in the name: when one of them fails DNS, the network running the
 * check is at fault (offline, DNS blocked), not the IdP. Tenant subdomains (<org>.okta.com) are not here: a typo in
 * the org name fails DNS too, and that is the admin's to fix.
 */
const WELL_KNOWN_IDP_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.partner.microsoftonline.cn',
  'accounts.google.com',
  'auth.pingone.com',
  'auth.pingone.eu',
  'auth.pingone.asia',
])

export function isWellKnownIdpHost(host: string): boolean {
  return WELL_KNOWN_IDP_HOSTS.has(host.toLowerCase().replace(/\.$/, ''))
}
