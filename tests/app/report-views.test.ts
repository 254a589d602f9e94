// Issue 9 items 2-4 as rendered on the server: identity values, settings side by side, certificates, pretty XML.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { runCheckAction } from '@/app/check/actions'
import { INITIAL_STATE } from '@/app/check/form-state'
import { pemOf } from '@/app/ui/report/certificate-download'
import { PrettyXmlView } from '@/app/ui/report/pretty-xml-view'
import { ReportView } from '@/app/ui/report/report-view'
import { maskReport } from '@/lib/store/mask'
import { parseSafeXml } from '@/lib/xml/parse'
import { prettyXml } from '@/lib/xml/pretty'

const REAL = new URL('../../../shared/fixtures/real/', import.meta.url)
const OKTA_RESPONSE = 'saml-responses/okta/ssoready-okta-response.xml'
const OKTA_METADATA = 'saml-metadata/okta/ssoready-okta-app-metadata.xml'
const ENTRA = 'saml-metadata/entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml'
const fixtureFile = (rel: string) => new File([readFileSync(new URL(rel, REAL))], rel.split('/').pop() ?? 'file')
function form(fields: Record<string, string | File>): FormData {
  const fd = new FormData()
  for (const [k, v] of Object.entries(fields)) fd.append(k, v)
  return fd
}

async function checkResponse() {
  const state = await runCheckAction(
    INITIAL_STATE,
    form({
      kind: 'saml-response',
      source: 'file',
      file: fixtureFile(OKTA_RESPONSE),
      idpSource: 'file',
      idpFile: fixtureFile(OKTA_METADATA),
      profile: 'generic',
      now: '2024-04-25T20:31:55.494Z',
      spEntityId: 'http://localhost:8080',
      acsUrl: '',
      requestId: '',
    }),
  )
  if (state.status !== 'done') throw new Error(`expected a report, got ${JSON.stringify(state)}`)
  return state
}

describe('/check: values for whoever ran it, masked downloads', () => {
  test('the page shows the signed NameID; the report the download buttons save is masked', async () => {
    const state = await checkResponse()
    const html = renderToStaticMarkup(
      createElement(ReportView, {
        report: state.report,
        ...(state.exportReport ? { exportReport: state.exportReport } : {}),
      }),
    )
    expect(html).toContain('Signed identity and attribute values')
    expect(html).toContain('ulysse.carion@codomaindata.com')
    expect(JSON.stringify(state.exportReport)).not.toContain('ulysse.carion@')
    expect(state.exportReport?.comparison).toEqual(state.report.comparison)
  })
  test('the side-by-side table: configured entity ID next to the Audience the IdP sent', async () => {
    const { report } = await checkResponse()
    const html = renderToStaticMarkup(createElement(ReportView, { report }))
    expect(html).toMatch(/Settings side by side/)
    expect(html).toMatch(
      /data-key="entityId"[\s\S]*?<code>http:\/\/localhost:8080<\/code>[\s\S]*?<code>http:\/\/localhost:8080<\/code>[\s\S]*?Matches/,
    )
  })
  test('the checked response comes back decoded and indented, with the element of a failing check marked', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({
        kind: 'saml-response',
        source: 'file',
        file: fixtureFile(OKTA_RESPONSE),
        idpSource: 'file',
        idpFile: fixtureFile(OKTA_METADATA),
        profile: 'generic',
        now: '2024-04-25T20:31:55.494Z',
        spEntityId: 'https://wrong.example.com/sp',
        acsUrl: '',
        requestId: '',
      }),
    )
    if (state.status !== 'done') throw new Error('expected a report')
    expect(state.report.findings.map((f) => f.code)).toContain('SAML_AUDIENCE_MISMATCH')
    const lines = state.responsePretty?.lines ?? []
    expect(lines[0]?.text).toMatch(/^<saml2?p:Response /)
    expect(lines.filter((l) => l.highlight).map((l) => l.path)).toContain(
      '/Response/Assertion/Conditions/AudienceRestriction/Audience',
    )
    expect(lines.some((l) => l.depth >= 4)).toBe(true)
  })
  test('a saved (masked) report says its values are masked', async () => {
    const { report } = await checkResponse()
    const html = renderToStaticMarkup(createElement(ReportView, { report: maskReport(report) }))
    expect(html).toContain('Personal values are masked in this saved copy')
    expect(html).not.toContain('ulysse.carion@')
  })
})

describe('certificates as admins see them', () => {
  test('full SHA-1 thumbprint and SHA-256, not truncated, with a .cer download per certificate', async () => {
    const state = await runCheckAction(
      INITIAL_STATE,
      form({
        kind: 'saml-metadata',
        source: 'file',
        file: fixtureFile(ENTRA),
        profile: 'autodesk',
        now: '2026-11-22T00:00:00Z',
        spEntityId: '',
        acsUrl: '',
        signOnUrl: '',
        idp: '',
      }),
    )
    if (state.status !== 'done') throw new Error('expected a report')
    const certs = state.report.certificates ?? []
    expect(certs.length).toBeGreaterThan(0)
    const html = renderToStaticMarkup(createElement(ReportView, { report: state.report }))
    for (const c of certs) {
      expect(html).toContain(`>${c.sha1}</code>`)
      expect(html).toContain(`>${c.sha256}</code>`)
    }
    expect(html.match(/Download \.cer/g)).toHaveLength(certs.length)
    expect(html).not.toMatch(/SHA-256 [0-9A-F:]{23}…/)
  })
  test('the PEM a download holds is the certificate: same thumbprint, 64-character lines', () => {
    const b64 = [...readFileSync(new URL(ENTRA, REAL), 'utf8').matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)][0]![1]!
    const pem = pemOf(b64)
    const lines = pem.trim().split('\n')
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----')
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----')
    expect(lines.slice(1, -2).every((l) => l.length === 64)).toBe(true)
    const der = Buffer.from(lines.slice(1, -1).join(''), 'base64')
    expect(createHash('sha1').update(der).digest('hex')).toBe(
      createHash('sha1')
        .update(Buffer.from(b64.replace(/\s+/g, ''), 'base64'))
        .digest('hex'),
    )
  })
})

describe('pretty XML view', () => {
  test('one line per tag, the marked element in <mark>, indentation capped', () => {
    const xml = '<r><a><b>x</b></a><c/></r>'
    const doc = parseSafeXml(xml)
    if (!doc.ok) throw new Error('parse')
    const html = renderToStaticMarkup(
      createElement(PrettyXmlView, { view: prettyXml(xml, doc.value, { highlight: ['/r/a/b'] }), label: 'Test' }),
    )
    expect(html).toMatch(
      /<mark class="xml-line xml-line-hit" style="padding-left:6ch" title="\/r\/a\/b">&lt;b&gt;x&lt;\/b&gt;<\/mark>/,
    )
    expect(html).toContain('1 line marked')
  })
})
