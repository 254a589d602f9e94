import type { CheckContext } from '../context'
import type { IdpKind } from '../findings/types'
import type { SpProfile } from '../profiles/schema'
import type { allowLoopbackForTests } from '../net/types'

/** A discovery document as received: members are checked one by one, never trusted by shape. */
export type OidcDiscovery = Readonly<Record<string, unknown>>
/** A JWKS as received. */
export type Jwks = Readonly<Record<string, unknown>>

export interface OidcInput {
  /** The text of <issuer>/.well-known/openid-configuration (a UTF-8 BOM is fine). */
  readonly discovery: string
  /** The text of the document at jwks_uri, when fetched or uploaded. */
  readonly jwks?: string
  /** Where the discovery document came from: a URL (its prefix is the expected issuer) or a file name. */
  readonly source?: string
}

export interface OidcOptions {
  readonly profile: SpProfile
  readonly now?: Date
  /** The issuer the admin configured (at the vendor); the document's issuer must equal it. */
  readonly expectedIssuer?: string
  readonly clientId?: string
  readonly redirectUri?: string
  /** Overrides detection from the issuer. */
  readonly idp?: IdpKind
  /** Tests: loopback endpoints are a warning (as under SSO_PREFLIGHT_ALLOW_LOOPBACK=1). A symbol, so no parsed JSON can set it. */
  readonly [allowLoopbackForTests]?: true
}

/** What the discovery checks know besides the document. */
export interface OidcCheckContext extends CheckContext {
  readonly expectedIssuer?: string
  readonly source?: string
  /** Loopback endpoints are a warning, not an error: the loopback test allowance is on (lib/net's symbol or env). */
  readonly allowLoopback?: boolean
}
