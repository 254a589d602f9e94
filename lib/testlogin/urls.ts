/** Our own endpoints as the admin registers them in the IdP. `origin` is e.g. http://localhost:3000. */
export function ourAcsUrl(origin: string): string {
  return `${trim(origin)}/saml/acs`
}

export function ourOidcRedirectUri(origin: string): string {
  return `${trim(origin)}/oidc/callback`
}

export function spMetadataUrl(origin: string, connectionId: string): string {
  return `${trim(origin)}/saml/metadata/${encodeURIComponent(connectionId)}`
}

export function runPath(runId: string): string {
  return `/test-logins/${encodeURIComponent(runId)}`
}

export function claimPath(runId: string): string {
  return `/test-logins/${encodeURIComponent(runId)}/claim`
}

const trim = (o: string) => o.replace(/\/+$/, '')
