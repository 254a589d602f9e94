import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { findScenario, OIDC_SCENARIOS, SAML_SCENARIOS } from '../../lib/mock-idp/scenarios'

// The README's demo instructions must match the demo IdP exactly: every user it names exists at the mock IdP for the
// protocol it names, since the mock refuses any other name.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const TABLES: Record<'SAML' | 'OIDC', readonly { readonly id: string }[]> = {
  SAML: SAML_SCENARIOS,
  OIDC: OIDC_SCENARIOS,
}

interface Row {
  users: string[]
  protocols: (keyof typeof TABLES)[]
  line: string
}

function demoUserRows(text: string): Row[] {
  return text
    .split('\n')
    .filter((l) => /^\|[^|]*@demo\.test/.test(l))
    .map((line) => {
      const [who = '', at = ''] = line
        .split('|')
        .slice(1)
        .map((c) => c.trim())
      return {
        users: [...who.matchAll(/`([^`]+@demo\.test)`/g)].map((m) => m[1]!),
        protocols: (['SAML', 'OIDC'] as const).filter((p) => new RegExp(`\\b${p}\\b`).test(at)),
        line,
      }
    })
}

describe('README demo users', () => {
  const rows = demoUserRows(readme)

  test('the README lists demo users for both protocols, each row naming its protocol', () => {
    expect(rows.length).toBeGreaterThanOrEqual(4)
    for (const r of rows) {
      expect(r.users.length, r.line).toBeGreaterThan(0)
      expect(r.protocols.length, `no protocol named in: ${r.line}`).toBeGreaterThan(0)
    }
    expect(rows.some((r) => r.protocols.includes('SAML'))).toBe(true)
    expect(rows.some((r) => r.protocols.includes('OIDC'))).toBe(true)
  })

  test('each listed user exists at the mock IdP for the protocol the README says', () => {
    const missing = rows.flatMap((r) =>
      r.users.flatMap((u) => r.protocols.filter((p) => !findScenario(u, TABLES[p])).map((p) => `${u} (${p})`)),
    )
    expect(missing).toEqual([])
  })

  test('every demo.test name anywhere in the README signs in at one of the two protocols at least', () => {
    const names = [...new Set([...readme.matchAll(/`([^`\s]+@demo\.test)`/g)].map((m) => m[1]!))]
    expect(names.length).toBeGreaterThan(0)
    expect(names.filter((u) => !findScenario(u, SAML_SCENARIOS) && !findScenario(u, OIDC_SCENARIOS))).toEqual([])
  })

  test('the parser catches a user listed under the wrong protocol', () => {
    const wrong = demoUserRows('| `aadsts50011@demo.test` | SAML | x |\n| `wrong-audience@demo.test` | OIDC | y |')
    expect(wrong.flatMap((r) => r.users.filter((u) => !r.protocols.some((p) => findScenario(u, TABLES[p]))))).toEqual([
      'aadsts50011@demo.test',
      'wrong-audience@demo.test',
    ])
  })
})
