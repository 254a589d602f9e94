// Stands in for YOUR app in this example: a minimal SAML service provider with a "Sign in with SSO" link and an ACS
// that shows who signed in. It does not validate signatures: your real app does, and that is what the test exercises.
import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateRawSync } from 'node:zlib'

export interface YourApp {
  readonly url: string
  close(): Promise<void>
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export async function startYourApp(idpSsoUrl: string): Promise<YourApp> {
  const server: Server = createServer(async (req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    if (req.url === '/login') {
      const request = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomBytes(8).toString('hex')}" Version="2.0" IssueInstant="${new Date().toISOString()}" AssertionConsumerServiceURL="${base}/acs"><saml:Issuer>https://your-app.example/saml</saml:Issuer></samlp:AuthnRequest>`
      const target = new URL(idpSsoUrl)
      target.searchParams.set('SAMLRequest', deflateRawSync(request).toString('base64'))
      res.writeHead(302, { Location: target.href }).end()
      return
    }
    if (req.url === '/acs' && req.method === 'POST') {
      let body = ''
      for await (const chunk of req) body += chunk
      const xml = Buffer.from(new URLSearchParams(body).get('SAMLResponse') ?? '', 'base64').toString('utf8')
      const status =
        /StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:(\w+)"(?:>\s*<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:(\w+)")?/.exec(
          xml,
        )
      const nameId = /<saml:NameID[^>]*>([^<]*)</.exec(xml)?.[1]
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(
        status?.[1] === 'Success'
          ? `<h1>Signed in as ${esc(nameId ?? '?')}</h1>`
          : `<h1>Sign-in failed: ${esc(status?.[2] ?? status?.[1] ?? 'no status')}</h1>`,
      )
      return
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/login">Sign in with SSO</a>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
