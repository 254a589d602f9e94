import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { handleAdmin } from './admin'
import { esc, page } from './html'
import type { MockIdpKeys, PublishedKeys } from './keys'
import { NextScenario } from './next-scenario'
import { mockIdpSite, type MockIdpSite, type Personality } from './personality'
import { idpMetadataXml } from './saml/metadata'
import { handleSaml } from './saml/routes'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../testlogin/demo'

export interface MockIdp {
  readonly server: Server
  /** The public base URL, e.g. http://127.0.0.1:3200 (or `issuerUrl`). */
  readonly base: string
  readonly port: number
  readonly personality: Personality
  readonly samlEntityId: string
  readonly samlMetadataUrl: string
  readonly samlSsoUrl: string
  readonly oidcIssuer: string
  readonly oidcDiscoveryUrl: string
  readonly adminUrl: string
  /** Scripts the next login (what `POST /_admin/scenario` does), for callers in the same process. */
  readonly nextScenario: NextScenario
  /** Settles when the OIDC provider is up (OIDC requests that come earlier wait for it). */
  waitForOidc(): Promise<void>
  close(): Promise<void>
}

export interface MockIdpOptions {
  readonly port?: number
  readonly host?: string
  /** Public base URL when the mock sits behind a proxy or a container port map; default http://host:port. */
  readonly issuerUrl?: string
  readonly personality?: Personality
  /** The signing, expired and rogue keys; a promise lets key generation overlap with loading the OIDC provider. */
  readonly keys: MockIdpKeys | Promise<MockIdpKeys>
  /** The published keys when they are ready before `keys` (generated keys): metadata answers as soon as they are. */
  readonly publishedKeys?: Promise<PublishedKeys>
  /** Register any http(s) redirect URI for the demo client (the shipped command); default: the app's own callbacks. */
  readonly acceptAnyRedirectUri?: boolean
}

const MAX_FORM_BYTES = 512 * 1024

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body)
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (req.method !== 'POST') return new URLSearchParams()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_FORM_BYTES) throw new Error('form too large')
    chunks.push(chunk as Buffer)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

type OidcModule = typeof import('./oidc/provider')
type OidcInteractions = typeof import('./oidc/interactions')

/** Starts the mock IdP (SAML + OIDC) on host:port. Port 0 picks a free one. */
export async function startMockIdp(o: MockIdpOptions): Promise<MockIdp> {
  const host = o.host ?? '127.0.0.1'
  // oidc-provider (Koa and friends) is the slowest thing to load: start loading it while keys are made and the port opens.
  const oidcModules = Promise.all([import('./oidc/provider'), import('./oidc/interactions')] as const)
  const next = new NextScenario()
  // SAML and admin requests wait only for the keys; OIDC requests also for the provider (Koa and friends load in
  // parallel), so metadata answers as early as it can and nothing that arrives early hangs unanswered.
  type Oidc = {
    provider: Awaited<ReturnType<OidcModule['createOidcProvider']>>['provider']
    interactions: OidcInteractions
    oidcCallback: (req: IncomingMessage, res: ServerResponse) => void
  }
  let siteReady!: (v: { early: MockIdpSite<PublishedKeys>; full: Promise<MockIdpSite> }) => void
  const siteSetup = new Promise<{ early: MockIdpSite<PublishedKeys>; full: Promise<MockIdpSite> }>((resolve) => {
    siteReady = resolve
  })
  let oidcSetup!: Promise<Oidc> // assigned before siteSetup settles
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const { early, full } = await siteSetup
      const url = new URL(req.url ?? '/', early.listenBase)
      // Behind `--issuer-url https://host/prefix`, requests may arrive with the prefix still on: strip it.
      const prefix = new URL(early.base).pathname.replace(/\/$/, '')
      const path = prefix && url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname
      try {
        // Admin and metadata need only the published keys; everything else waits for all of them.
        if (await handleAdmin(req, res, path, early, next)) return
        if (path === '/saml/metadata' && req.method === 'GET') {
          send(res, 200, 'application/samlmetadata+xml; charset=utf-8', idpMetadataXml(early))
          return
        }
        const site = await full
        if (path.startsWith(`${site.oidcPath}/interaction/`)) {
          const { provider, interactions } = await oidcSetup
          const form = await readForm(req)
          if (
            await interactions.handleInteraction(
              provider,
              site.oidcIssuer,
              req,
              res,
              path.slice(site.oidcPath.length),
              `${prefix}${site.oidcPath}`,
              form,
              next,
              send,
            )
          )
            return
        }
        const below = oidcProviderPath(site, path)
        if (below !== undefined) {
          const { oidcCallback } = await oidcSetup
          // Mount oidc-provider on a plain node:http server: it derives its mount path from originalUrl minus url.
          Object.assign(req, { originalUrl: `${prefix}${site.oidcMount}${below}${url.search}` })
          req.url = `${below}${url.search}`
          oidcCallback(req, res)
          return
        }
        const form = await readForm(req)
        const samlUrl = new URL(`${path}${url.search}`, site.listenBase)
        if (await handleSaml(req, res, samlUrl, form, site, next, send)) return
        if (path === '/' && req.method === 'GET') {
          send(
            res,
            200,
            'text/html; charset=utf-8',
            page(
              'Mock IdP',
              `<h1>SSO Preflight mock IdP (${esc(site.personality)})</h1><ul>
<li>SAML metadata: <a href="${esc(site.base)}/saml/metadata">${esc(site.base)}/saml/metadata</a> (entity ID <code>${esc(site.samlEntityId)}</code>)</li>
<li>OIDC issuer: <code>${esc(site.oidcIssuer)}</code> (client ID <code>${esc(DEMO_CLIENT_ID)}</code>, secret <code>${esc(DEMO_CLIENT_SECRET)}</code>)</li>
<li>Admin: <code>GET /_admin/health</code>, <code>GET /_admin/scenarios</code>, <code>POST /_admin/scenario</code></li></ul>`,
            ),
          )
          return
        }
        send(res, 404, 'text/plain; charset=utf-8', 'not found')
      } catch (err) {
        console.error('mock-idp: request failed', req.method, url.pathname, err instanceof Error ? err.message : err)
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'mock IdP error')
      }
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (o.port ?? 0)
  const listenBase = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const siteOf = <K extends PublishedKeys>(keys: K) =>
    mockIdpSite({ base: o.issuerUrl ?? listenBase, listenBase, personality: o.personality ?? 'generic', keys })
  const full = Promise.resolve(o.keys).then(siteOf)
  let early: MockIdpSite<PublishedKeys>
  try {
    early = siteOf(await (o.publishedKeys ?? o.keys))
  } catch (err) {
    server.close()
    throw err
  }
  oidcSetup = Promise.all([oidcModules, full]).then(async ([[oidcModule, interactions], site]) => {
    const { provider } = await oidcModule.createOidcProvider(site, {
      acceptAnyRedirectUri: o.acceptAnyRedirectUri ?? false,
    })
    return { provider, interactions, oidcCallback: provider.callback() }
  })
  // `startMockIdp` resolves when SAML answers; `waitForOidc` (and any OIDC request) when the provider does too. A
  // provider that fails to start answers each OIDC request with a 500 (the handler's catch), never a hang.
  const oidc = oidcSetup.then(() => undefined)
  oidc.catch((err: unknown) =>
    console.error('mock-idp: the OIDC provider did not start:', err instanceof Error ? err.message : err),
  )
  full.catch(() => undefined) // a failure surfaces on the requests that wait for it
  siteReady({ early, full })

  return {
    server,
    base: early.base,
    port,
    personality: early.personality,
    samlEntityId: early.samlEntityId,
    samlMetadataUrl: `${early.base}/saml/metadata`,
    samlSsoUrl: `${early.base}${early.samlSsoPath}`,
    oidcIssuer: early.oidcIssuer,
    oidcDiscoveryUrl: `${early.oidcIssuer}/.well-known/openid-configuration`,
    adminUrl: `${early.base}/_admin`,
    nextScenario: next,
    waitForOidc: () => oidc,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The path below the provider's mount for a request the OIDC provider answers; undefined for any other request. */
function oidcProviderPath(site: MockIdpSite, path: string): string | undefined {
  const discovery = '/.well-known/openid-configuration'
  if (path === `${site.oidcPath}${discovery}`) return discovery
  if (site.oidcMount === '') {
    const routes = Object.values(site.oidcRoutes ?? {})
    return routes.some((r) => path === r || path.startsWith(`${r}/`)) ? path : undefined
  }
  if (path === site.oidcMount || path.startsWith(`${site.oidcMount}/`)) return path.slice(site.oidcMount.length) || '/'
  return undefined
}
