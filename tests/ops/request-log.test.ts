import { describe, expect, test } from 'vitest'
import { requestIdFor } from '@/lib/ops/env'
import { requestLogLine } from '@/lib/ops/request-log'
import { routeMatcher, patternsFromManifest } from '@/lib/ops/route-pattern'
import { serverHooks } from '@/lib/ops/server-hooks'

describe('structured request logs', () => {
  test('routes are logged as patterns: no ID, token or query string reaches the line', () => {
    const match = routeMatcher(
      patternsFromManifest({
        '/connections/[id]/page': '/connections/[id]',
        '/connections/page': '/connections',
        '/api/connections/route': '/api/connections',
        '/connections/[id]/test-login/start/route': '/connections/[id]/test-login/start',
        '/setup-link/[token]/route': '/setup-link/[token]',
      }),
    )
    expect(match('/connections/AbCdEfGhIjKlMnOpQrSt')).toBe('/connections/[id]')
    expect(match('/connections')).toBe('/connections')
    expect(match('/api/connections?token=s3cret')).toBe('/api/connections')
    expect(match('/setup-link/sl_0123456789abcdef0123')).toBe('/setup-link/[token]')
    expect(match('/connections/x/test-login/start')).toBe('/connections/[id]/test-login/start')
    expect(match('/wp-admin/setup.php')).toBe('(unmatched)')
    expect(match('/_next/static/chunks/abc.js')).toBe('/_next/*')
  })

  test('one JSON line: time, level, request ID, method, route, status, duration; nothing else', () => {
    const hooks = serverHooks(async () => {})
    const line = hooks.requestDone({
      method: 'GET',
      path: '/test-logins/RunId0123456789abcd/claim',
      status: 303,
      durationMs: 12.345,
      requestId: 'req-12345678',
      json: true,
    })!
    const o = JSON.parse(line) as Record<string, unknown>
    expect(Object.keys(o).sort()).toEqual([
      'durationMs',
      'level',
      'method',
      'msg',
      'requestId',
      'route',
      'status',
      'time',
    ])
    expect(o).toMatchObject({
      level: 'info',
      requestId: 'req-12345678',
      method: 'GET',
      route: '/test-logins/[runId]/claim',
      status: 303,
      durationMs: 12.3,
    })
    expect(line).not.toContain('RunId0123456789abcd')
    expect(
      JSON.parse(
        requestLogLine({ requestId: undefined, method: 'POST', route: '/saml/acs', status: 503, durationMs: 1 }),
      ).level,
    ).toBe('error')
    expect(
      JSON.parse(requestLogLine({ requestId: 'x', method: 'POST', route: '/saml/acs', status: 429, durationMs: 1 })),
    ).toMatchObject({ level: 'warn', requestId: 'x' })
    expect(
      hooks.requestDone({ method: 'GET', path: '/', status: 200, durationMs: 1, requestId: undefined, json: false }),
    ).toBeUndefined()
  })

  test('a request ID from the client is kept only from a trusted proxy, and only when it looks like one', () => {
    expect(requestIdFor('abcd-1234-efgh', true)).toBe('abcd-1234-efgh')
    expect(requestIdFor('abcd-1234-efgh', false)).not.toBe('abcd-1234-efgh')
    expect(requestIdFor('bad id\nwith newline', true)).toMatch(/^[0-9a-f-]{36}$/)
  })
})
