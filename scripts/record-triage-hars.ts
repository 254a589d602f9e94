/**
 * Records the HAR fixtures of lib/triage/har/testdata/recorded/ from real browser logins (Debian chromium, Playwright
 * recordHar) against the mock IdP, with a tiny loopback SP in front of it. Run: npx tsx scripts/record-triage-hars.ts
 * Scenarios: ok (success), status-authnfailed (failure status), missing-email (an assertion the vendor rejects),
 * loop (the SP's ACS sends the browser back to its login page, which goes to the IdP again: a redirect loop).
 */
import { createServer } from 'node:http'
import { writeFile } from 'node:fs/promises'
import { deflateRawSync } from 'node:zlib'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { startMockIdp } from '../e2e/mock-idp/server'

const OUT = new URL('../lib/triage/har/testdata/recorded/', import.meta.url)
const SP_ENTITY = 'https://www.okta.com/saml2/service-provider/spexample123'

async function main() {
  const idp = await startMockIdp({ port: 0 })
  let loopCount = 0
  const sp = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    const base = `http://127.0.0.1:${(sp.address() as { port: number }).port}`
    if (u.pathname === '/login') {
      const id = '_' + Math.random().toString(16).slice(2) + Date.now().toString(16)
      const xml = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${idp.base}/saml/sso" AssertionConsumerServiceURL="${base}/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${SP_ENTITY}</saml:Issuer></samlp:AuthnRequest>`
      const q = new URLSearchParams({
        SAMLRequest: deflateRawSync(Buffer.from(xml)).toString('base64'),
        RelayState: 'relay-' + id,
      })
      res
        .writeHead(302, {
          location: `${idp.base}/saml/sso?${q}`,
          'set-cookie': `spsession=${id}; Path=/; HttpOnly; SameSite=None`,
        })
        .end()
      return
    }
    if (u.pathname === '/acs' && req.method === 'POST') {
      req.resume()
      req.on('end', () => {
        if (u.searchParams.get('loop') === '1' || loopMode) {
          loopCount++
          res.writeHead(302, { location: '/login' }).end()
        } else {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Signed in</h1>')
        }
      })
      return
    }
    res.writeHead(404).end()
  })
  let loopMode = false
  await new Promise<void>((r) => sp.listen(0, '127.0.0.1', r))
  const spBase = `http://127.0.0.1:${(sp.address() as { port: number }).port}`
  const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium'
  const browser = await chromium.launch({
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    for (const scenario of ['ok', 'status-authnfailed', 'missing-email', 'loop'] as const) {
      loopMode = scenario === 'loop'
      loopCount = 0
      const path = new URL(`${scenario}.har`, OUT)
      const context = await browser.newContext({ recordHar: { path: path.pathname, content: 'embed' } })
      const page = await context.newPage()
      const user = `${scenario === 'loop' ? 'ok' : scenario}@demo.test`
      await page.goto(`${spBase}/login`)
      for (let round = 0; round < (scenario === 'loop' ? 3 : 1); round++) {
        await page.getByLabel('Username').fill(user)
        await page.getByRole('button', { name: 'Sign in' }).click()
        await page.waitForLoadState('load')
        if (scenario !== 'loop') await page.waitForURL(`${spBase}/acs`)
        else await page.waitForURL(/\/saml\/sso/)
      }
      await context.close()
      console.log('recorded', path.pathname, scenario === 'loop' ? `(${loopCount} loops)` : '')
    }
    const md = await (await fetch(idp.samlMetadataUrl)).text()
    await writeFile(new URL('mock-idp-metadata.xml', OUT), md)
    await writeFile(
      new URL('README.md', OUT),
      `HAR files recorded by scripts/record-triage-hars.ts on ${new Date().toISOString()}: Debian chromium (Playwright recordHar)\n` +
        `signing in at the mock IdP (e2e/mock-idp) through a tiny loopback SP (entity ID ${SP_ENTITY}). mock-idp-metadata.xml is the mock\n` +
        'IdP\'s metadata at that time (its test keys sign the responses). Tests pin "now" to each HAR\'s own time.\n',
    )
  } finally {
    await browser.close()
    sp.close()
    await idp.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
