import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Binds a test login's result to the browser that started it. The cookie is SameSite=Lax, so it does NOT come
 * with the IdP's cross-site POST to the ACS; it does come with the same-site GET redirect that follows (the claim
 * step), which is where the binding is checked.
 */
export const BROWSER_COOKIE = 'sso_preflight_browser'

export function newBrowserKey(): string {
  return randomBytes(24).toString('base64url')
}

/** Only a hash is kept server-side: the cookie value alone proves the browser. */
export function browserKeyHash(key: string): string {
  return createHash('sha256').update(`sso-preflight-browser:${key}`).digest('base64url')
}

export function sameBrowser(cookieValue: string | undefined, expectedHash: string | undefined): boolean {
  if (!cookieValue || !expectedHash) return false
  const a = Buffer.from(browserKeyHash(cookieValue))
  const b = Buffer.from(expectedHash)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function browserCookieHeader(value: string, secure: boolean): string {
  return `${BROWSER_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000${secure ? '; Secure' : ''}`
}
