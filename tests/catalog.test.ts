// The one catalog: every code well-formed, every IdP-owned entry names the Entra and Okta screen, and every code is
// exercised by some test (the area tests assert the code, its owner and its evidence).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { catalog } from '../lib/findings/catalog/index'
import * as areaModules from './catalog-areas'
import type { CatalogEntry } from '../lib/findings/types'
import { namesIdpScreen } from '../lib/findings/testing/screens'
import { filesUnder } from './helpers'

const ROOT = join(__dirname, '..')
const entries = Object.entries(catalog) as [string, CatalogEntry][]

describe('finding catalog', () => {
  test('codes are AREA_SUBJECT_PROBLEM with a known area', () => {
    const bad = entries.map(([c]) => c).filter((c) => !/^(SAML|OIDC|CERT|INPUT|NET|TRIAGE)(_[A-Z0-9]+)+$/.test(c))
    expect(bad).toEqual([])
  })
  test("no area catalog silently overrides another area's code (the spread keeps the last one)", () => {
    const owners = new Map<string, string[]>()
    for (const [area, entries] of Object.entries(areaModules)) {
      for (const code of Object.keys(entries)) owners.set(code, [...(owners.get(code) ?? []), area])
    }
    expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([])
    expect(Object.keys(catalog).length).toBe(owners.size)
  })
  test('every entry has the triage-table columns filled', () => {
    for (const [code, e] of entries) {
      expect(e.title.trim(), code).not.toBe('')
      expect(e.symptom.trim(), code).not.toBe('')
      expect(e.detail.trim(), code).not.toBe('')
      expect(e.nextStep.trim(), code).not.toBe('')
    }
  })
  test('every idp-owned entry names the exact Entra and Okta screen (its own text, or a screen key both packs know)', () => {
    const missing = entries
      .filter(([, e]) => e.owner === 'idp' && !(namesIdpScreen(e, 'entra') && namesIdpScreen(e, 'okta')))
      .map(([c]) => c)
    expect(missing).toEqual([])
  })
  test('titles are unique, so a reader can tell findings apart', () => {
    const seen = new Map<string, string>()
    const dupes: string[] = []
    for (const [code, e] of entries) {
      const other = seen.get(e.title)
      if (other) dupes.push(`${other} / ${code}: ${e.title}`)
      seen.set(e.title, code)
    }
    expect(dupes).toEqual([])
  })
  test('every IdP code (AADSTS number, Okta E-code, SAML status URI) is described by exactly one entry', () => {
    const IDP_CODE = /^(AADSTS\d{5,7}|E\d{7}|urn:oasis:names:tc:SAML:2\.0:status:[A-Za-z]+)$/
    const describedBy = new Map<string, string[]>()
    for (const [code, e] of entries) {
      const keys = new Set(
        [e.idpCode, ...(e.aliases ?? [])].filter((k): k is string => k !== undefined && IDP_CODE.test(k)),
      )
      for (const k of keys) describedBy.set(k, [...(describedBy.get(k) ?? []), code])
    }
    // e.g. a configured-value check that lists AADSTS50011 as its symptom would be a second answer to "AADSTS50011".
    expect([...describedBy].filter(([, codes]) => codes.length > 1)).toEqual([])
    // The tables are big enough that this is not vacuous: ~80 Entra codes, Okta's E-codes, the 23 SAML statuses.
    expect([...describedBy.keys()].filter((k) => k.startsWith('AADSTS')).length).toBeGreaterThan(70)
    expect([...describedBy.keys()].filter((k) => k.startsWith('urn:')).length).toBe(23)
  })
  test('an entry that names an IdP code among its aliases is keyed by it, so every lookup finds that one entry', () => {
    const IDP_CODE = /^(AADSTS\d{5,7}|E\d{7}|urn:oasis:names:tc:SAML:2\.0:status:[A-Za-z]+)$/
    const unkeyed = entries
      .filter(([, e]) => (e.aliases ?? []).some((a) => IDP_CODE.test(a) && a !== e.idpCode))
      .map(([c]) => c)
    expect(unkeyed).toEqual([])
    const keys = entries.flatMap(([, e]) => (e.idpCode ? [e.idpCode] : []))
    expect(new Set(keys).size).toBe(keys.length)
  })
  test('every code is exercised by at least one test', () => {
    const sources = [
      ...filesUnder(join(ROOT, 'lib'), (n) => /\.test\.ts$/.test(n)),
      ...filesUnder(join(ROOT, 'tests'), (n) => /\.test\.ts$/.test(n) && n !== 'catalog.test.ts'),
      // e2e/ is test code throughout: the mock IdP's scenario → expected finding table drives both test suites.
      ...filesUnder(join(ROOT, 'e2e'), (n) => n.endsWith('.ts')),
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const untested = entries.map(([c]) => c).filter((c) => !sources.includes(c))
    expect(untested).toEqual([])
  })
})
