import { createHash } from 'node:crypto'
import type { MockIdpKeys, PublishedKeys } from './keys'

/**
 * Which IdP the mock looks like. `generic` is the mock's own shape; `entra` and `okta` reproduce the entity ID and
 * issuer forms those IdPs publish (tenant GUID, `http://www.okta.com/<app id>`, Okta's custom authorization server
 * `/oauth2/default` or, with `okta-org`, its org authorization server at the root, with their /v1/ endpoint paths), so an SP's IdP-specific handling is exercised. The SSO and metadata URLs stay on the
 * mock's own base URL, but their paths are the IdP's (Entra `/<tenant>/saml2`, Okta `/app/<org>_<app>_1/<app id>/sso/saml`):
 * the SP reaches the mock, the names and paths look like the real IdP's.
 */
export const PERSONALITIES = ['generic', 'entra', 'okta', 'okta-org'] as const
export type Personality = (typeof PERSONALITIES)[number]

/** Everything the routes need to know about the IdP they pretend to be. */
export interface MockIdpSite<K extends PublishedKeys = MockIdpKeys> {
  /** The public base URL, without a trailing slash (`--issuer-url`, or the listening address). */
  readonly base: string
  /** Where the server really listens (http://host:port); differs from `base` behind a proxy. */
  readonly listenBase: string
  readonly personality: Personality
  readonly keys: K
  readonly samlEntityId: string
  /**
   * The SAML SSO endpoint's path on the base URL, in the IdP's own form (the metadata's SingleSignOnService and, for
   * Entra, SingleLogoutService): generic `/saml/sso`; Entra `/<tenant>/saml2`; Okta `/app/<org>_<app>_1/<app id>/sso/saml`.
   */
  readonly samlSsoPath: string
  /** The issuer's path on the base URL, e.g. `/oidc`: discovery is below it, and so is the mock's login page. */
  readonly oidcPath: string
  readonly oidcIssuer: string
  /**
   * Where oidc-provider is mounted ('' = the root) and its `routes` below that mount. Usually the mount is the
   * issuer path; Entra's endpoints are not below its issuer (`/<tenant>/v2.0` vs `/<tenant>/oauth2/v2.0/authorize`),
   * so there the provider sits at the root and discovery is passed to it from below the issuer.
   */
  readonly oidcMount: string
  readonly oidcRoutes?: Readonly<Record<string, string>>
}

/** Stable per signing key: the same `--keys` directory gives the same tenant / app IDs on every run. */
function idSeed(keys: PublishedKeys): Buffer {
  return createHash('sha256').update(keys.signing.certBase64).digest()
}

function guid(seed: Buffer): string {
  const h = seed.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Okta IDs: a 3-letter kind prefix (exk = SAML app) and 17 base62 characters. */
function oktaId(prefix: string, seed: Buffer): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  return prefix + Array.from(seed.subarray(0, 17), (b) => alphabet[b % 62]).join('')
}

/**
 * Okta's SAML app endpoint: /app/<org name>_<app name>_<n>/<app id>/sso/saml, as in Okta's app metadata (e.g.
 * https://trial-6536592.okta.com/app/trial-6536592_jacksondemo5225_1/exkymhf9ve6PI9KfY696/sso/saml in
 * /work/shared/fixtures/real/saml-metadata/okta, the app metadata Okta publishes; every Okta SAML metadata there has
 * this form, with the entity ID http://www.okta.com/<app id>).
 */
function oktaSsoPath(appId: string): string {
  return `/app/mock_ssopreflight_1/${appId}/sso/saml`
}

export function mockIdpSite<K extends PublishedKeys>(o: {
  base: string
  listenBase: string
  personality: Personality
  keys: K
}): MockIdpSite<K> {
  const base = o.base.replace(/\/+$/, '')
  const listenBase = o.listenBase
  const seed = idSeed(o.keys)
  switch (o.personality) {
    case 'entra': {
      const tenant = guid(seed)
      // Entra: SAML entity ID https://sts.windows.net/<tenant>/, OIDC v2.0 issuer https://login.microsoftonline.com/<tenant>/v2.0.
      return {
        base,
        listenBase,
        personality: 'entra',
        keys: o.keys,
        samlEntityId: `https://sts.windows.net/${tenant}/`,
        // Entra's SAML endpoint is https://login.microsoftonline.com/<tenant>/saml2, sign-on and logout alike (every
        // federation metadata in /work/shared/fixtures/real/saml-metadata/entra lists it so).
        samlSsoPath: `/${tenant}/saml2`,
        oidcPath: `/${tenant}/v2.0`,
        oidcIssuer: `${base}/${tenant}/v2.0`,
        oidcMount: '',
        oidcRoutes: {
          authorization: `/${tenant}/oauth2/v2.0/authorize`,
          token: `/${tenant}/oauth2/v2.0/token`,
          jwks: `/${tenant}/discovery/v2.0/keys`,
          end_session: `/${tenant}/oauth2/v2.0/logout`,
          userinfo: '/oidc/userinfo',
          pushed_authorization_request: `/${tenant}/oauth2/v2.0/par`,
        },
      }
    }
    case 'okta': {
      // Okta: SAML entity ID http://www.okta.com/<app id>; OIDC on the custom authorization server "default"
      // (issuer <org>/oauth2/default, endpoints <issuer>/v1/authorize, /v1/token, /v1/keys, /v1/userinfo).
      const appId = oktaId('exk', seed)
      return {
        base,
        listenBase,
        personality: 'okta',
        keys: o.keys,
        samlEntityId: `http://www.okta.com/${appId}`,
        samlSsoPath: oktaSsoPath(appId),
        oidcPath: '/oauth2/default',
        oidcIssuer: `${base}/oauth2/default`,
        oidcMount: '/oauth2/default',
        oidcRoutes: {
          authorization: '/v1/authorize',
          token: '/v1/token',
          userinfo: '/v1/userinfo',
          jwks: '/v1/keys',
          end_session: '/v1/logout',
          revocation: '/v1/revoke',
          introspection: '/v1/introspect',
        },
      }
    }
    case 'okta-org': {
      // Okta's org authorization server: issuer https://<org>.okta.com (the root), endpoints /oauth2/v1/...
      const appId = oktaId('exk', seed)
      return {
        base,
        listenBase,
        personality: 'okta-org',
        keys: o.keys,
        samlEntityId: `http://www.okta.com/${appId}`,
        samlSsoPath: oktaSsoPath(appId),
        oidcPath: '',
        oidcIssuer: base,
        oidcMount: '',
        oidcRoutes: {
          authorization: '/oauth2/v1/authorize',
          token: '/oauth2/v1/token',
          userinfo: '/oauth2/v1/userinfo',
          jwks: '/oauth2/v1/keys',
          end_session: '/oauth2/v1/logout',
          pushed_authorization_request: '/oauth2/v1/par',
        },
      }
    }
    default:
      return {
        base,
        listenBase,
        personality: 'generic',
        keys: o.keys,
        samlEntityId: `${base}/saml/metadata`,
        samlSsoPath: '/saml/sso',
        oidcPath: '/oidc',
        oidcIssuer: `${base}/oidc`,
        oidcMount: '/oidc',
      }
  }
}
