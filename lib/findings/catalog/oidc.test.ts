import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { namesIdpScreen } from '../testing/screens'
import { certCatalog } from './cert'
import { inputCatalog } from './input'
import { netCatalog } from './net'
import { oidcCatalog } from './oidc'
import { oidcTestLoginCatalog } from './oidc-test-login'
import { samlMetadataCatalog } from './saml-metadata'
import { samlResponseCatalog } from './saml-response'
import { testLoginCatalog } from './test-login'
import { triageCatalog } from './triage'

const mine = { OIDC: oidcCatalog, NET: netCatalog } as const
const others: Record<string, object> = {
  certCatalog,
  inputCatalog,
  oidcTestLoginCatalog,
  samlMetadataCatalog,
  samlResponseCatalog,
  testLoginCatalog,
  triageCatalog,
}

const testSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? testSources(join(dir, e.name))
      : e.name.endsWith('.test.ts')
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  )

describe.each(Object.entries(mine))('%s_ catalog', (prefix, entries) => {
  test('every code is prefixed, and every idp entry names the Entra and Okta screens', () => {
    for (const [code, entry] of Object.entries(entries)) {
      expect(code).toMatch(new RegExp(`^${prefix}_[A-Z0-9_]+$`))
      if (entry.owner === 'idp')
        expect([code, namesIdpScreen(entry, 'entra') && namesIdpScreen(entry, 'okta') ? 'ok' : 'missing']).toEqual([
          code,
          'ok',
        ])
      expect(
        entry.title.length && entry.symptom.length && entry.detail.length && entry.nextStep.length,
      ).toBeGreaterThan(0)
    }
  })

  test('no code is also defined in another area’s catalog (a spread would silently replace it)', () => {
    const clashes = Object.keys(entries).filter((code) => Object.values(others).some((c) => Object.hasOwn(c, code)))
    expect(clashes).toEqual([])
  })

  test('every code is triggered by a unit test', () => {
    const dir = fileURLToPath(new URL(prefix === 'NET' ? '../../net/' : '../../oidc/', import.meta.url))
    const sources = testSources(dir).join('\n')
    expect(Object.keys(entries).filter((code) => !sources.includes(code))).toEqual([])
  })
})
