// Issue 9 "input that recognises itself", through the /check server action and the /triage route handler.
import { readFileSync } from 'node:fs'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { runCheckAction } from '@/app/check/actions'
import { INITIAL_STATE, type CheckFormState } from '@/app/check/form-state'
import { POST } from '@/app/triage/analyze/route'
import { ReportView } from '@/app/ui/report/report-view'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const read = (rel: string) => readFileSync(new URL(rel, REAL), 'utf8')
function form(fields: Record<string, string>): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  return fd
}
function done(state: CheckFormState) {
  expect(state.status).toBe('done')
  return (state as Extract<CheckFormState, { status: 'done' }>).report
}

describe('/check says what it was given', () => {
  test('a JWKS pasted as the discovery document: one finding, and "Recognised as" on the page', async () => {
    const report = done(
      await runCheckAction(
        INITIAL_STATE,
        form({
          kind: 'oidc-discovery',
          source: 'paste',
          text: read('oidc/entra/wellknown-entra-common-v2-jwks.json'),
          profile: 'generic',
        }),
      ),
    )
    expect(report.findings.map((f) => f.code)).toEqual(['INPUT_JWKS_NOT_DISCOVERY'])
    const html = renderToStaticMarkup(ReportView({ report }))
    expect(html).toContain('Recognised as: <strong>JWKS (a key set, not a discovery document)</strong>')
    expect(html).toContain('This is a JWKS (the IdP&#x27;s signing keys), not a discovery document')
  })

  test('pasted metadata is recognised as IdP metadata', async () => {
    const report = done(
      await runCheckAction(
        INITIAL_STATE,
        form({
          kind: 'saml-metadata',
          source: 'paste',
          text: read('saml-metadata/okta/ssoready-okta-app-metadata.xml'),
          profile: 'generic',
        }),
      ),
    )
    expect(renderToStaticMarkup(ReportView({ report }))).toContain(
      'Recognised as: <strong>SAML metadata (IdP)</strong>',
    )
  })
})

const triage = async (fields: Record<string, string>) => {
  const res = await POST(
    new Request('http://127.0.0.1/triage/analyze', { method: 'POST', body: form({ profile: 'generic', ...fields }) }),
  )
  expect(res.status).toBe(200)
  return (await res.json()) as {
    kind: string
    detected: { kind: string; description: string }
    reports: {
      facts?: Record<string, unknown>
      summary: { verdict: string }
      findings: { code: string; evidence: Record<string, unknown> }[]
    }[]
  }
}

describe('/triage says what it was given and takes the expected SP values', () => {
  test.each([
    ['saml-responses/okta/oktadev-scenarios/response_0.b64', 'saml-response', /base64/],
    ['oidc/google/wellknown-google-jwks.json', 'jwks', /^JWKS/],
    ['saml-metadata/okta/ssoready-okta-app-metadata.xml', 'saml-metadata', /^SAML metadata \(IdP\)/],
  ])('%s → %s', async (rel, kind, description) => {
    const body = await triage({ text: read(rel) })
    expect(body.detected.kind).toBe(kind)
    expect(body.detected.description).toMatch(description)
    expect(body.reports[0]!.facts?.detectedInput).toMatchObject({ kind })
  })

  test('pasted metadata is checked as metadata, a pasted JWKS gets the one finding that names it', async () => {
    const md = await triage({
      text: read('saml-metadata/okta/ssoready-okta-app-metadata.xml'),
      spEntityId: 'https://sp.vendor.example/saml',
    })
    expect(md.kind).toBe('saml-metadata')
    expect(md.reports[0]!.findings.map((f) => f.code)).not.toContain('TRIAGE_UNKNOWN_ERROR')
    expect((md.reports[0] as unknown as { subject: { kind: string; entityId: string } }).subject).toMatchObject({
      kind: 'saml-metadata',
      entityId: 'http://www.okta.com/exkdoocxa1VmjpXmX697',
    })
    const jwks = await triage({ text: read('oidc/google/wellknown-google-jwks.json') })
    expect(jwks.reports[0]!.findings.map((f) => f.code)).toEqual(['INPUT_JWKS_NOT_DISCOVERY'])
    const discovery = await triage({ text: read('oidc/google/wellknown-google-openid-configuration.json') })
    expect(discovery.kind).toBe('oidc-discovery')
    expect(discovery.reports[0]!.findings.map((f) => f.code)).not.toContain('TRIAGE_UNKNOWN_ERROR')
  })

  test('free text is recognised as text and gets no GO', async () => {
    const body = await triage({ text: 'my boss says the vendor login is broken' })
    expect(body.detected.kind).toBe('text')
    expect(body.reports[0]!.summary.verdict).not.toBe('go')
  })

  test('a pasted response without metadata is checked against the SP values typed on the form', async () => {
    const text = read('saml-responses/okta/ssoready-okta-response.xml')
    const without = await triage({ text })
    const withSp = await triage({
      text,
      spEntityId: 'https://sp.vendor.example/saml',
      acsUrl: 'https://sp.vendor.example/acs',
    })
    const mentions = (b: typeof without, value: string) =>
      b.reports[0]!.findings.some((f) => JSON.stringify(f.evidence).includes(value))
    expect(mentions(without, 'https://sp.vendor.example/saml')).toBe(false)
    expect(mentions(withSp, 'https://sp.vendor.example/saml')).toBe(true)
    expect(mentions(withSp, 'https://sp.vendor.example/acs')).toBe(true)
    expect(withSp.reports[0]!.summary.verdict).not.toBe('go')
  })
})
