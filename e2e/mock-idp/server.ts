import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { pathToFileURL } from 'node:url'
import { esc, page } from './html'
import { handleInteraction } from './oidc/interactions'
import { createOidcProvider, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './oidc/provider'
import { handleSaml } from './saml/routes'

export interface MockIdp {
  readonly server: Server
  /** e.g. http://127.0.0.1:3200 */
  readonly base: string
  readonly samlMetadataUrl: string
  readonly oidcIssuer: string
  close(): Promise<void>
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

/** Starts the mock IdP (SAML + OIDC) on host:port. Port 0 picks a free one. */
export async function startMockIdp(o: { port?: number; host?: string } = {}): Promise<MockIdp> {
  const host = o.host ?? '127.0.0.1'
  // Requests that arrive while the OIDC provider is still being set up wait for it instead of hanging unanswered.
  let ready!: (v: { base: string; provider: Awaited<ReturnType<typeof createOidcProvider>>['provider']; issuer: string; oidcCallback: ReturnType<Awaited<ReturnType<typeof createOidcProvider>>['provider']['callback']> }) => void
  const setup = new Promise<Parameters<typeof ready>[0]>((resolve) => { ready = resolve })
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const { base, provider, issuer, oidcCallback } = await setup
      const url = new URL(req.url ?? '/', base)
      try {
        if (url.pathname.startsWith('/oidc/interaction/')) {
          const form = await readForm(req)
          if (await handleInteraction(provider, issuer, req, res, url, form, send)) return
        }
        if (url.pathname === '/oidc' || url.pathname.startsWith('/oidc/')) {
          // Mount oidc-provider under /oidc on a plain node:http server: it derives its mount path from originalUrl.
          Object.assign(req, { originalUrl: req.url })
          req.url = (req.url ?? '/').slice('/oidc'.length) || '/'
          oidcCallback(req, res)
          return
        }
        const form = await readForm(req)
        if (await handleSaml(req, res, url, form, base, send)) return
        if (url.pathname === '/' && req.method === 'GET') {
          send(res, 200, 'text/html; charset=utf-8', page('Mock IdP', `<h1>SSO Preflight mock IdP</h1><ul>
<li>SAML metadata: <a href="/saml/metadata">${esc(base)}/saml/metadata</a></li>
<li>OIDC issuer: <code>${esc(issuer)}</code> (client ID <code>${DEMO_CLIENT_ID}</code>, secret <code>${DEMO_CLIENT_SECRET}</code>)</li></ul>`))
          return
        }
        send(res, 404, 'text/plain; charset=utf-8', 'not found')
      } catch (err) {
        console.error('mock-idp: request failed', req.method, url.pathname, err instanceof Error ? err.message : err)
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'mock IdP error')
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : o.port ?? 0
  const base = `http://${host}:${port}`
  const { provider, issuer } = await createOidcProvider(base)
  ready({ base, provider, issuer, oidcCallback: provider.callback() })

  return {
    server, base, samlMetadataUrl: `${base}/saml/metadata`, oidcIssuer: issuer,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.MOCK_IDP_PORT ?? 3200)
  const idp = await startMockIdp({ port, host: process.env.MOCK_IDP_HOST ?? '127.0.0.1' })
  console.log(`mock IdP listening on ${idp.base} (SAML metadata ${idp.samlMetadataUrl}, OIDC issuer ${idp.oidcIssuer})`)
  const stop = () => { void idp.close().then(() => process.exit(0)) }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
