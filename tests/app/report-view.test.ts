import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { ReportView } from '@/app/ui/report/report-view'
import { reportFileName } from '@/app/ui/report/format'
import { buildReport, finding, type CertificateSummary } from '@/lib'

const NOW = new Date('2026-11-22T00:00:00Z')
const cert = (o: Partial<CertificateSummary>): CertificateSummary => ({
  use: 'signing',
  subject: 'CN=Test',
  notBefore: '2024-01-01T00:00:00Z',
  notAfter: '2027-01-01T00:00:00Z',
  sha256: 'AA:BB',
  ...o,
})

function render(findings: Parameters<typeof buildReport>[0]['findings'], certificates: CertificateSummary[] = []) {
  const report = buildReport({
    subject: { kind: 'saml-metadata', idp: 'entra', source: 'upload' },
    profile: 'autodesk',
    now: NOW,
    findings,
    certificates,
  })
  return { report, html: renderToStaticMarkup(createElement(ReportView, { report })) }
}

describe('ReportView', () => {
  test('one article per finding, named by its title, grouped under who fixes it, errors first', () => {
    const { html } = render([
      finding('SAML_CONFIG_TRAILING_SLASH', { expected: 'https://a', actual: 'https://a/' }, { idp: 'entra' }),
      finding(
        'SAML_STATUS_AUTHN_FAILED',
        { actual: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed' },
        { idp: 'entra' },
      ),
    ])
    expect(html.match(/<article /g)).toHaveLength(2)
    expect(html).toMatch(
      /<article[^>]*aria-labelledby="(r-idp-0-title)"[\s\S]*id="\1"[^>]*>A value differs from the vendor/,
    )
    expect(html.indexOf('Fix in: your IdP / IT team')).toBeLessThan(html.indexOf('Fix in: the person signing in'))
    expect(html).toContain('NO-GO')
  })

  test('Expected and Actual rows are always both there, with an em dash for the missing side', () => {
    const { html } = render([finding('SAML_STATUS_AUTHN_FAILED', { actual: 'urn:x' })])
    expect(html).toMatch(/<th scope="row">Expected<\/th><td><span class="value-absent">—<\/span>/)
    expect(html).toMatch(/<th scope="row">Actual<\/th><td><code class="value">urn:x<\/code>/)
  })

  test('the certificate timeline judges validity at the report time and marks the signing certificate', () => {
    const { html } = render(
      [],
      [
        cert({ subject: 'CN=Old', notAfter: '2025-09-28T00:00:00Z', signsNow: true }),
        cert({ subject: 'CN=Soon', notAfter: '2026-12-01T00:00:00Z' }),
        cert({ subject: 'CN=Later', notBefore: '2027-01-01T00:00:00Z', notAfter: '2030-01-01T00:00:00Z' }),
      ],
    )
    expect(html).toMatch(/CN=Old[\s\S]*Expired 420 days ago[\s\S]*Signs now/)
    expect(html).toMatch(/CN=Soon[\s\S]*Expires in 9 days/)
    expect(html).toMatch(/CN=Later[\s\S]*Not valid until 2027-01-01/)
    expect(html).toContain('GO: no blocking problems')
  })

  test('four or more findings get an at-a-glance list linking to each card', () => {
    const few = render([finding('SAML_STATUS_AUTHN_FAILED', { actual: 'urn:x' })]).html
    expect(few).not.toContain('Findings at a glance')
    const many = render(
      ['SAML_STATUS_AUTHN_FAILED', 'SAML_STATUS_REQUESTER', 'SAML_AUDIENCE_MISSING', 'SAML_ISSUER_MISSING'].map((c) =>
        finding(c as 'SAML_STATUS_AUTHN_FAILED', {}),
      ),
    ).html
    const links = [...many.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(links).toHaveLength(4)
    for (const id of links) expect(many).toContain(`id="${id}"`)
  })

  test('download file names carry the kind and the check date only', () => {
    const { report } = render([])
    expect(reportFileName(report, 'json')).toBe('sso-preflight-saml-metadata-2026-11-22.json')
    expect(reportFileName(report, 'md')).toBe('sso-preflight-saml-metadata-2026-11-22.md')
  })
})

describe('ReportView downloads', () => {
  const report = buildReport({
    subject: { kind: 'saml-metadata', idp: 'entra', source: 'upload' },
    profile: 'autodesk',
    now: NOW,
    findings: [],
  })
  test('a stored report offers links to its API (named, masked and audited there), not buttons fed by a copy', () => {
    const html = renderToStaticMarkup(createElement(ReportView, { report, downloadBase: '/api/runs/r1' }))
    expect(html).toContain(
      '<a class="button" href="/api/runs/r1?format=json&amp;download=1" download="">Download JSON</a>',
    )
    expect(html).toContain('href="/api/runs/r1?format=md&amp;download=1"')
    expect(html).not.toMatch(/<button[^>]*>Download JSON/)
  })
  test('a report nobody stored (a /check result) is built into files in the browser', () => {
    const html = renderToStaticMarkup(createElement(ReportView, { report }))
    expect(html).toMatch(/<button[^>]*>Download JSON<\/button>/)
    expect(html).not.toContain('download=1')
  })
})
