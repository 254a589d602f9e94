// Issue 9: the wrong document given to the report API gets the one finding that names it, and says what it was.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { POST as postMetadata } from '@/app/api/reports/metadata/route'
import { POST as postOidc } from '@/app/api/reports/oidc/route'
import { ReportSchema } from '@/lib'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const real = (rel: string) => readFileSync(new URL(rel, REAL), 'utf8')
const json = (path: string, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('POST /api/reports/oidc with a JWKS as the discovery document', () => {
  test.each([
    ['as text', real('oidc/entra/wellknown-entra-common-v2-jwks.json')],
    ['as an object', JSON.parse(real('oidc/entra/wellknown-entra-common-v2-jwks.json')) as unknown],
  ])('%s: one finding, not seven missing members', async (_how, discovery) => {
    const res = await postOidc(json('/api/reports/oidc', { discovery, profile: 'generic' }))
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    expect(report.findings.map((f) => f.code)).toEqual(['INPUT_JWKS_NOT_DISCOVERY'])
    expect(report.facts?.detectedInput).toMatchObject({
      kind: 'jwks',
      description: 'JWKS (a key set, not a discovery document)',
    })
  })
})

describe('POST /api/reports/metadata with a SAML response', () => {
  test('one error that names the document', async () => {
    const res = await postMetadata(
      json('/api/reports/metadata', {
        xml: real('saml-responses/entra/ssoready-entra-response.xml'),
        profile: 'generic',
      }),
    )
    const report = ReportSchema.parse(await res.json())
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'SAML_METADATA_NOT_METADATA',
    ])
    expect(report.facts?.detectedInput).toMatchObject({ kind: 'saml-response' })
  })
})
