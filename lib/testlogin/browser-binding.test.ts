import { describe, expect, test } from 'vitest'
import { browserCookieHeader, browserKeyHash, newBrowserKey, sameBrowser } from './browser-binding'
import { forget, recall, remember, take } from './private-memory'

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
    expect(browserCookieHeader('v', false)).toBe('sso_preflight_browser=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000')
    expect(browserCookieHeader('v', true)).toMatch(/; Secure$/)
  })
})

describe('process memory for what is never stored', () => {
  test('entries expire, and take() hands a value out once', () => {
    const now = 1_000_000
    remember('k1', { secret: 's' }, 1000, now)
    expect(recall('k1', now + 999)).toEqual({ secret: 's' })
    expect(recall('k1', now + 1000)).toBeUndefined()
    remember('k2', 'v', 1000, now)
    expect(take('k2', now)).toBe('v')
    expect(take('k2', now)).toBeUndefined()
    remember('k3', 'v', 1000)
    forget('k3')
    expect(recall('k3')).toBeUndefined()
  })
})
