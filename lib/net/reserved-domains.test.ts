import { describe, expect, test } from 'vitest'
import { reservedExampleDomain } from './reserved-domains'

describe('reservedExampleDomain (RFC 2606 / RFC 6761)', () => {
  test.each([
    ['idp.example.test', 'test'],
    ['example.com', 'example.com'],
    ['sso.EXAMPLE.org.', 'example.org'],
    ['a.b.example.net', 'example.net'],
    ['idp.example', 'example'],
    ['sso.invalid', 'invalid'],
    ['app.localhost', 'localhost'],
    ['test', 'test'],
  ])('%s is under %s', (host, reserved) => {
    expect(reservedExampleDomain(host)).toBe(reserved)
  })
  test.each([
    'localhost',
    'login.microsoftonline.com',
    'example.okta.com',
    'myexample.com',
    'example.com.evil.net',
    'testing',
    'idp.contoso.com',
    '10.0.0.1',
  ])('%s is not', (host) => {
    expect(reservedExampleDomain(host)).toBeUndefined()
  })
})

describe('NET_RESERVED_EXAMPLE_DOMAIN', () => {
  test('worded as a reserved example domain, citing RFC 2606 and 6761', async () => {
    const { catalog } = await import('../findings/catalog/index')
    const entry = catalog.NET_RESERVED_EXAMPLE_DOMAIN
    expect(entry.title).toMatch(/reserved example domain/)
    expect(entry.title).not.toMatch(/not a valid URL/i)
    expect(entry.docs).toEqual(
      expect.arrayContaining([expect.stringContaining('rfc2606'), expect.stringContaining('rfc6761')]),
    )
  })
  test('severity is profile data: a warning under generic (test IdPs), an error under the vendor profile', async () => {
    const { BUILTIN_PROFILES } = await import('../profiles/index')
    const { finding } = await import('../findings/finding')
    const as = (p: keyof typeof BUILTIN_PROFILES) =>
      finding(
        'NET_RESERVED_EXAMPLE_DOMAIN',
        { actual: 'https://idp.example.test/sso' },
        {},
        { severity: BUILTIN_PROFILES[p].reservedExampleDomains },
      ).severity
    expect([as('generic'), as('autodesk')]).toEqual(['warning', 'error'])
  })
})
