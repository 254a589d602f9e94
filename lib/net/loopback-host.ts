/**
 * A URL host that can only mean "this machine": a local test IdP (the demo, a developer's Keycloak). Plain http
 * there is a warning, not an error: nothing crosses a network, and no production IdP can live there anyway.
 */
export function isLoopbackHostname(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i.test(hostname)
}
