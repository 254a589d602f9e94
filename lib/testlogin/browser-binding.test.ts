import { describe, expect, test } from 'vitest'
import { browserCookieHeader, browserKeyHash, newBrowserKey, sameBrowser } from './browser-binding'

describe('binding a result to the browser that started the run', () => {
  test('only the cookie whose hash was kept matches', () => {
    const key = newBrowserKey()
    const hash = browserKeyHash(key)
    expect(hash).not.toContain(key)
    expect(sameBrowser(key, hash)).toBe(true)
    expect(sameBrowser(newBrowserKey(), hash)).toBe(false)
    expect(sameBrowser(undefined, hash)).toBe(false)
    expect(sameBrowser(key, undefined)).toBe(false)
  })

  test('the cookie is HttpOnly and SameSite=Lax, Secure on https', () => {
    expect(browserCookieHeader('v', false)).toBe(
      'sso_preflight_browser=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000',
    )
    expect(browserCookieHeader('v', true)).toMatch(/; Secure$/)
  })
})
