import { describe, expect, test } from 'vitest'
import { reservedExampleDomain } from './reserved-domains'

describe('reservedExampleDomain (RFC 2606 / RFC 6761)', () => {
  test.each([
    ['idp.example.test', 'test'], ['example.com', 'example.com'], ['sso.EXAMPLE.org.', 'example.org'], ['a.b.example.net', 'example.net'],
    ['idp.example', 'example'], ['sso.invalid', 'invalid'], ['app.localhost', 'localhost'], ['test', 'test'],
  ])('%s is under %s', (host, reserved) => {
    expect(reservedExampleDomain(host)).toBe(reserved)
  })
  test.each(['localhost', 'login.microsoftonline.com', 'example.okta.com', 'myexample.com', 'example.com.evil.net', 'testing', 'idp.contoso.com', '10.0.0.1'])(
    '%s is not', (host) => {
      expect(reservedExampleDomain(host)).toBeUndefined()
    })
})
