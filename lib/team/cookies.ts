/*
 * The team-mode cookies. Behind https they get the `__Host-` prefix (the browser then insists on Secure, Path=/ and
 * no Domain, so no sibling host can set or shadow them); on plain http (a loopback test) the prefix is not allowed.
 */

export interface CookieNames {
  readonly session: string
  readonly signIn: string
  readonly setupLink: string
}

export function cookieNames(secure: boolean): CookieNames {
  const p = secure ? '__Host-' : ''
  return { session: `${p}preflight_session`, signIn: `${p}preflight_sign_in`, setupLink: `${p}preflight_setup_link` }
}

/** Every name either deployment may use, for the proxy's "has a credential" test. */
export const ALL_SESSION_COOKIES = [cookieNames(true).session, cookieNames(false).session] as const
export const ALL_SETUP_LINK_COOKIES = [cookieNames(true).setupLink, cookieNames(false).setupLink] as const

/** A Set-Cookie value: httpOnly, SameSite=Lax, Path=/, Secure when served over https. `maxAgeSeconds` 0 deletes. */
export function setCookie(name: string, value: string, o: { secure: boolean; maxAgeSeconds?: number }): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    ...(o.secure ? ['Secure'] : []),
    ...(o.maxAgeSeconds !== undefined ? [`Max-Age=${o.maxAgeSeconds}`] : []),
  ].join('; ')
}

/** One cookie's value from a Cookie header (the first of that name), or undefined. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
