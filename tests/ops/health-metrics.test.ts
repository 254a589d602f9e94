import '../api/store-env'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { GET as health } from '@/app/api/health/route'
import { GET as metrics } from '@/app/api/metrics/route'
import { countFindings, countHttpRequest, countTestLogin } from '@/lib/ops/metrics'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('/api/health', () => {
  test('200 with database and migrations named when the store answers', async () => {
    const r = await health()
    expect(r.status).toBe(200)
    expect(await r.json()).toEqual({
      status: 'ok',
      database: 'ok',
      migrations: 'current',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    })
  })
})

describe('/api/metrics', () => {
  test('Prometheus text: requests by route pattern and status, a latency histogram, test logins by outcome, findings by catalog code', async () => {
    countHttpRequest('/connections/[id]', 'GET', 200, 0.042)
    countHttpRequest('/connections/[id]', 'GET', 200, 0.3)
    countTestLogin('saml', 'passed')
    countFindings(['SAML_AUDIENCE_MISMATCH', 'SAML_AUDIENCE_MISMATCH', 'NOT_A_CATALOG_CODE<script>'])
    const r = await metrics(new Request('http://localhost/api/metrics'))
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await r.text()
    expect(text).toMatch(
      /^sso_preflight_http_requests_total\{method="GET",route="\/connections\/\[id\]",status="200"\} 2$/m,
    )
    expect(text).toMatch(
      /^sso_preflight_http_request_duration_seconds_bucket\{route="\/connections\/\[id\]",le="0\.05"\} 1$/m,
    )
    expect(text).toMatch(
      /^sso_preflight_http_request_duration_seconds_bucket\{route="\/connections\/\[id\]",le="\+Inf"\} 2$/m,
    )
    expect(text).toMatch(/^sso_preflight_http_request_duration_seconds_count\{route="\/connections\/\[id\]"\} 2$/m)
    expect(text).toMatch(/^sso_preflight_test_logins_total\{outcome="passed",protocol="saml"\} 1$/m)
    expect(text).toMatch(/^sso_preflight_findings_total\{code="SAML_AUDIENCE_MISMATCH"\} 2$/m)
    expect(text).not.toContain('NOT_A_CATALOG_CODE')
    expect(text).toMatch(/^# TYPE sso_preflight_http_request_duration_seconds histogram$/m)
  })

  test('with SSO_PREFLIGHT_METRICS_TOKEN set, only that bearer token gets them', async () => {
    vi.stubEnv('SSO_PREFLIGHT_METRICS_TOKEN', 'metrics-token-0123456789')
    expect((await metrics(new Request('http://localhost/api/metrics'))).status).toBe(401)
    expect(
      (
        await metrics(
          new Request('http://localhost/api/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } }),
        )
      ).status,
    ).toBe(401)
    expect(
      (
        await metrics(
          new Request('http://localhost/api/metrics', {
            headers: { authorization: 'Bearer metrics-token-0123456789' },
          }),
        )
      ).status,
    ).toBe(200)
  })
})
