import type { JWK } from 'jose'
import { esc } from '../html'
import { signingJwkOf } from '../keys'
import type { MockIdpSite } from '../personality'
import { OIDC_SCENARIOS, scenarioFromUsername } from '../scenarios'
import { tamperIdToken } from './faults'
import type { OidcKoaContext, OidcProvider, OidcProviderConstructor } from './types'

import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../testlogin/demo'

export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET }

/** Redirect URIs the demo client accepts: the app's callback on the demo and e2e ports (any localhost port 3000–3199). */
function demoRedirectUris(): string[] {
  const extra = (process.env.MOCK_IDP_REDIRECT_URIS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const ports = Array.from({ length: 200 }, (_, i) => 3000 + i)
  return [
    ...ports.flatMap((p) => [`http://localhost:${p}/oidc/callback`, `http://127.0.0.1:${p}/oidc/callback`]),
    ...extra,
  ]
}

export interface MockOidc {
  readonly provider: OidcProvider
  readonly issuer: string
}

/** The OIDC half of the mock IdP: oidc-provider with its own login page (interactions) and ID-token faults. */
export async function createOidcProvider(
  site: MockIdpSite,
  o: { acceptAnyRedirectUri?: boolean } = {},
): Promise<MockOidc> {
  const issuer = site.oidcIssuer
  // The SAML signing key signs ID tokens too: one stable key per `--keys` directory; `rogue` forges `bad-signature`.
  const signingJwk = signingJwkOf(site.keys.signing, 'mock-idp-oidc-1') as JWK
  const rogueJwk = signingJwkOf(site.keys.rogue, 'mock-idp-oidc-1') as JWK
  const configuration = {
    ...(site.oidcRoutes ? { routes: site.oidcRoutes } : {}),
    // `scenario` on the authorization URL picks the outcome of that login (read by the interaction).
    extraParams: ['scenario'],
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: DEMO_CLIENT_SECRET,
        redirect_uris: demoRedirectUris(),
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingJwk] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, AuthorizationCode: 120, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    cookies: { keys: ['mock-idp-cookie-key-for-tests-only'] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `${new URL(site.base).pathname.replace(/\/$/, '')}${site.oidcPath}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => {
        const scenario = scenarioFromUsername(id, OIDC_SCENARIOS).id
        const local = id.split('@')[0] ?? id
        return {
          sub: id,
          name: `${local} User`,
          given_name: local,
          family_name: 'User',
          ...(scenario === 'missing-email' ? {} : { email: id, email_verified: true }),
        }
      },
    }),
    // First-party demo client: grant the requested scopes without a consent screen.
    loadExistingGrant: async (ctx: OidcKoaContext) => {
      const accountId = ctx.oidc.session?.accountId
      const clientId = ctx.oidc.client?.clientId
      if (!accountId || !clientId) return undefined
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
    renderError: (ctx: OidcKoaContext, out: { error?: unknown; error_description?: unknown }) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><title>Mock IdP error</title><h1>Mock IdP error</h1><pre>${esc(String(out.error))}: ${esc(String(out.error_description ?? ''))}</pre>`
    },
  }
  // Imported here, not at the top: the bundled CLI keeps oidc-provider a package, and a static import of a package
  // is hoisted to the top of the bundle, loading Koa and friends for every command.
  // @ts-expect-error oidc-provider ships no type declarations; ./types.ts describes the slice used here.
  const Provider = (await import('oidc-provider')).default as OidcProviderConstructor
  const provider = new Provider(issuer, configuration)
  // Behind a proxy (`--issuer-url`), the provider builds its URLs from X-Forwarded-Host / -Proto.
  if (site.base !== site.listenBase) provider.proxy = true
  // The shipped command serves whatever SP points at it: any http(s) redirect URI is registered (oidc-provider's
  // own recipe for wildcard redirect URIs). The repo's tests keep the fixed list above.
  if (o.acceptAnyRedirectUri) {
    provider.Client.prototype.redirectUriAllowed = (uri: string) => /^https?:\/\//i.test(uri)
  }
  // Faulty ID tokens: the provider issues a correct token, then this re-signs it the way the scenario says.
  provider.use(async (ctx, next) => {
    await next()
    if (ctx.path === (site.oidcRoutes?.userinfo ?? '/me') && ctx.status === 200) {
      const sub = (ctx.body as { sub?: unknown } | undefined)?.sub
      if (scenarioFromUsername(String(sub ?? ''), OIDC_SCENARIOS).id === 'userinfo-fails') {
        ctx.status = 500
        ctx.body = { error: 'server_error', error_description: 'mock: userinfo is down' }
      }
      return
    }
    if (ctx.path !== (site.oidcRoutes?.token ?? '/token') || ctx.status !== 200) return
    const body = ctx.body as { id_token?: unknown } | undefined
    if (!body || typeof body.id_token !== 'string') return
    ctx.body = { ...body, id_token: await tamperIdToken(body.id_token, { signingJwk, rogueJwk, issuer }) }
  })
  return { provider, issuer }
}
