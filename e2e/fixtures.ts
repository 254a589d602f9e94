import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { test as base, expect } from '@playwright/test'
import { CheckPage } from './pages/check-page'

/** The shared real fixtures, beside the repository (CI clones shared/ next to it). */
export const REAL_FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'real')
export const realFixture = (rel: string) => path.join(REAL_FIXTURES, rel)

/** A tiny HTTP server on 127.0.0.1 that serves the real fixtures, standing in for an IdP's metadata URL. */
export interface FixtureServer {
  /** URL of a file under shared/fixtures/real, e.g. url('saml-metadata/okta/x.xml'). */
  url(rel: string): string
  /** URL that answers with the given status and body. */
  statusUrl(status: number): string
  /**
   * An issuer on this server whose /.well-known/openid-configuration is the given real discovery document with its
   * jwks_uri pointed at the given real JWKS here, so the whole issuer flow stays on loopback.
   */
  issuer(discoveryRel: string, jwksRel: string): string
}

async function startFixtureServer(): Promise<{ server: Server; api: FixtureServer }> {
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    const status = /^\/status\/(\d{3})$/.exec(u.pathname)
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end('fixture server status')
      return
    }
    const issuer = /^\/issuer\/(.+)\/\.well-known\/openid-configuration$/.exec(u.pathname)
    if (issuer) {
      const [discoveryRel, jwksRel] = JSON.parse(Buffer.from(issuer[1] ?? '', 'base64url').toString('utf8')) as [
        string,
        string,
      ]
      const doc = JSON.parse(
        await readFile(path.join(REAL_FIXTURES, path.normalize(discoveryRel)), 'utf8').then((t) =>
          t.replace(/^\uFEFF/, ''),
        ),
      ) as Record<string, unknown>
      doc.jwks_uri = `http://127.0.0.1:${(server.address() as { port: number }).port}/${jwksRel}`
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc))
      return
    }
    const file = path.resolve(REAL_FIXTURES, '.' + decodeURIComponent(u.pathname))
    if (!file.startsWith(REAL_FIXTURES + path.sep)) {
      res.writeHead(403).end()
      return
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/xml' }).end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return {
    server,
    api: {
      url: (rel) => `${origin}/${rel}`,
      statusUrl: (s) => `${origin}/status/${s}`,
      issuer: (discoveryRel, jwksRel) =>
        `${origin}/issuer/${Buffer.from(JSON.stringify([discoveryRel, jwksRel])).toString('base64url')}`,
    },
  }
}

export const test = base.extend<{ checkPage: CheckPage }, { fixtureServer: FixtureServer }>({
  checkPage: async ({ page }, use) => {
    const checkPage = new CheckPage(page)
    await checkPage.goto()
    await use(checkPage)
  },
  // One per worker: tests only read from it, so sharing is safe.
  fixtureServer: [
    async ({}, use) => {
      const { server, api } = await startFixtureServer()
      await use(api)
      await new Promise((resolve) => server.close(resolve))
    },
    { scope: 'worker' },
  ],
})

export { expect }
