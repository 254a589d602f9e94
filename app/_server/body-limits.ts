const MB = 1024 * 1024

/**
 * The one table of request body caps. Route handlers read their body through app/_server/read-capped-body.ts with
 * the cap named here, and the request proxy refuses a declared Content-Length above it before any byte is read.
 */
export const BODY_LIMITS = {
  /**
   * A HAR file (the largest input we take: 40 MB, DEFAULT_MAX_HAR_BYTES) plus IdP metadata, a JWKS and short
   * fields. A number here, not an import: the request proxy reads this table and must not load the checks.
   */
  triageAnalyze: 43 * MB,
  /** Up to 20 reports plus an attached SAMLResponse (2 MB). */
  triageBundle: 10 * MB,
  /** Two 5 MB documents plus options (/api/reports/*). */
  reportApi: 15 * MB,
  savedReports: 5 * MB,
  /** One metadata document (1 MB) plus a few values. */
  connections: 2 * MB,
  /** The IdP's form post: a SAMLResponse with certificates and a RelayState. */
  samlAcs: 2 * MB,
  /** Small forms: an OIDC client secret, an IdP error text. */
  smallForm: 64 * 1024,
  /**
   * Server actions (/check, new connection): two 5 MB documents and fields, encoded as multipart. Must equal
   * `experimental.serverActions.bodySizeLimit` in next.config.mjs (a test holds them together).
   */
  serverAction: 16 * MB,
  /** Anything else that carries a body. */
  other: 1 * MB,
} as const

/** Which cap applies to a request, by path (and whether it is a server action, sent with a `Next-Action` header). */
export function bodyLimitFor(pathname: string, isServerAction: boolean): number {
  if (isServerAction) return BODY_LIMITS.serverAction
  if (pathname === '/triage/analyze') return BODY_LIMITS.triageAnalyze
  if (pathname === '/triage/bundle') return BODY_LIMITS.triageBundle
  if (pathname.startsWith('/api/reports/')) return BODY_LIMITS.reportApi
  if (pathname === '/api/saved-reports') return BODY_LIMITS.savedReports
  if (pathname === '/api/connections') return BODY_LIMITS.connections
  if (pathname === '/saml/acs') return BODY_LIMITS.samlAcs
  if (/^\/connections\/[^/]+\/test-login\/start$/.test(pathname) || /^\/test-logins\/[^/]+\/idp-error$/.test(pathname))
    return BODY_LIMITS.smallForm
  return BODY_LIMITS.other
}

/** The cap in words for messages: "40 MB", "64 KB". */
export function formatBytes(n: number): string {
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`
}
