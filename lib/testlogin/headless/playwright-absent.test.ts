// Without Playwright installed, `--driver chromium` is a usage error that says what to install, and `--driver auto`
// keeps the HTTP driver's finding instead of failing.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, test, vi } from 'vitest'
import { testSite } from '../../../e2e/mock-idp/keys'
import { idpMetadataXml } from '../../mock-idp/saml/metadata'
import { allowLoopbackForTests } from '../../net/index'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { headlessSamlLogin } from './index'
import { PreflightError } from '../../errors'
import { loadPlaywright, playwrightAvailable } from './chromium-driver'

const { notFound } = vi.hoisted(() => ({
  notFound: () => {
    throw Object.assign(new Error("Cannot find package 'playwright-core'"), { code: 'ERR_MODULE_NOT_FOUND' })
  },
}))
vi.mock('playwright-core', notFound)
vi.mock('playwright', notFound)
vi.mock('@playwright/test', notFound)

describe('Playwright absent', () => {
  test('loading it is a usage error naming playwright-core and the HTTP driver', async () => {
    const err = await loadPlaywright().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PreflightError)
    expect((err as PreflightError).code).toBe('ERR_USAGE')
    expect((err as Error).message).toMatch(/npm install playwright-core.*--driver http/)
    expect(await playwrightAvailable()).toBe(false)
  })
})

test("--driver auto without Playwright: a page that needs script keeps the HTTP driver's interactive-step finding", async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<div id="app"></div><script>render()</script>')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const report = await headlessSamlLogin({
      idpMetadataXml: idpMetadataXml(testSite(base)),
      spEntityId: 'https://sp.example.com',
      acsUrl: 'https://sp.example.com/acs',
      profile: BUILTIN_PROFILES.generic,
      username: 'u',
      fetch: { [allowLoopbackForTests]: true },
      driver: 'auto',
      env: {},
    })
    expect(report.findings.map((f) => [f.code, f.evidence.actual])).toEqual([
      ['INPUT_LOGIN_INTERACTIVE_STEP', 'a page with 0 form(s) the script cannot fill'],
    ])
    expect(report.timeline?.map((s) => s.summary)).not.toContain('the login page needs script: continuing in Chromium')
  } finally {
    server.close()
  }
})
