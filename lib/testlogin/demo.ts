/**
 * The demo (mock) IdP's OIDC client: public test values, shown on the mock's pages and prefilled on the start page
 * only for a loopback issuer. Never a real secret.
 */
export const DEMO_CLIENT_ID = 'sso-preflight-demo'
export const DEMO_CLIENT_SECRET = 'demo-secret-not-a-secret'

export function isDemoOidcClient(issuer: string | undefined, clientId: string | undefined): boolean {
  if (clientId !== DEMO_CLIENT_ID || !issuer) return false
  try {
    const u = new URL(issuer)
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
  } catch {
    return false
  }
}
