// The CLI contract (shared/DESIGN.md) over every real third-party fixture: no crash, a schema-valid report on stdout,
// exit 0 without error findings and 1 with, and the notable findings SOURCES.md lists.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema, type Report } from '../../lib/findings/report'
import { main } from '../../lib/cli/main'
import { filesUnder, memoryIo, PINNED_NOW, REAL } from '../helpers'

async function runCli(argv: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const io = memoryIo()
  const code = await main([...argv, '--json', '--now', PINNED_NOW], io)
  const report = ReportSchema.parse(JSON.parse(io.out()))
  expect(code).toBe(report.summary.errors > 0 ? 1 : 0)
  return { code, report, stderr: io.err() }
}
const codes = (r: Report) => r.findings.map((f) => f.code)

const metadataFiles = filesUnder(join(REAL, 'saml-metadata'), (n) => n.endsWith('.xml'))
const oidcDocs = filesUnder(join(REAL, 'oidc'), (n) => n.includes('openid-configuration'))

describe('sso-preflight metadata <file> over every real metadata document', () => {
  test.each(metadataFiles.map((f) => [f.slice(REAL.length + 1), f]))('%s', async (_name, file) => {
    const { report, stderr } = await runCli(['metadata', file])
    expect(stderr).toBe('')
    expect(report.subject.kind).toBe('saml-metadata')
    for (const f of report.findings) {
      expect(f.title.length).toBeGreaterThan(0)
      expect(f.nextStep.length).toBeGreaterThan(0)
    }
  })
})

describe('notable metadata documents give the findings SOURCES.md promises', () => {
  const md = (p: string) => join(REAL, 'saml-metadata', p)
  test('expired signing certificates are reported as of the pinned date, with both dates', async () => {
    for (const p of [
      'entra/wowblacksheep-entra-app-70186da4-federationmetadata.xml',
      'other/crewjam-onelogin-503983-idp-metadata.xml',
      'entra/ssoready-entra-app-federationmetadata.xml',
    ]) {
      const { code, report } = await runCli(['metadata', md(p)])
      expect(code, p).toBe(1)
      const expired = report.findings.find((f) => /^CERT_.*EXPIRED/.test(f.code))
      expect(expired, p).toBeDefined()
      expect(expired!.owner).toBe('idp')
    }
  })
  test('a current Okta app metadata passes the static checks (go) under the generic profile', async () => {
    const { code, report } = await runCli([
      'metadata',
      md('okta/ssoready-okta-app-metadata.xml'),
      '--profile',
      'generic',
    ])
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(code).toBe(0)
    expect(report.subject.idp).toBe('okta')
  })
  test('IdP detection', async () => {
    const expectIdp = async (p: string, idp: string) =>
      expect((await runCli(['metadata', md(p)])).report.subject.idp, p).toBe(idp)
    await expectIdp('entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml', 'entra')
    await expectIdp('okta/crewjam-okta-dev-513394-idp-metadata.xml', 'okta')
    await expectIdp('other/msidentitymodel-adfs-v4-fs.msidlab11.com-metadata.xml', 'adfs')
    await expectIdp('other/ggtristams-google-C03ddq7te-idp-metadata.xml', 'google')
    await expectIdp('other/ssoready-keycloak-idp-metadata.xml', 'keycloak')
  })
  test('SP metadata uploaded by mistake is an error, not a pass', async () => {
    for (const f of filesUnder(join(REAL, 'saml-metadata/sp'))) {
      const { code, report } = await runCli(['metadata', f])
      expect(code, f).toBe(1)
      expect(
        codes(report).some((c) => /SP_METADATA|NOT_IDP|NO_IDP/.test(c)),
        `${basename(f)}: ${codes(report)}`,
      ).toBe(true)
    }
  })
  test('the Entra common metadata says the {tenantid} template is not a tenant', async () => {
    const { report } = await runCli([
      'metadata',
      md('entra/erikgrootoonk-entra-common-tenantid-federationmetadata.xml'),
    ])
    const f = report.findings.find((x) => /TENANT|PLACEHOLDER|TEMPLATE|COMMON/.test(x.code))
    expect(f, codes(report).join()).toBeDefined()
    expect(JSON.stringify(f!.evidence)).toContain('{tenantid}')
  })
  test('non-XML and empty input are findings with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    writeFileSync(join(dir, 'empty.xml'), '')
    writeFileSync(join(dir, 'html.xml'), '<html><body>Sign in</body></html>')
    writeFileSync(
      join(dir, 'doctype.xml'),
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    )
    expect(codes((await runCli(['metadata', join(dir, 'empty.xml')])).report)).toContain('INPUT_EMPTY')
    expect((await runCli(['metadata', join(dir, 'html.xml')])).code).toBe(1)
    expect(codes((await runCli(['metadata', join(dir, 'doctype.xml')])).report)).toEqual(['INPUT_XML_DOCTYPE'])
    expect(
      codes(
        (
          await runCli([
            'metadata',
            join(REAL, 'saml-responses/okta/ssoready-negative/bad-assertion-utf8/assertion.xml'),
          ])
        ).report,
      ),
    ).toContain('INPUT_NOT_XML')
  })
})

/** Discovery documents pair with the JWKS of the same capture (same name, "jwks" for "openid-configuration"). */
function jwksFor(doc: string): string | undefined {
  const name = basename(doc)
  const candidates = [
    name.replace(/openid-configuration/, 'jwks'),
    name.replace(/-openid-configuration.*$/, '-jwks.json'),
    name.replace(/-openid-configuration.*$/, '-jwks.DERIVED.json'),
  ]
  for (const c of candidates) if (existsSync(join(dirname(doc), c))) return join(dirname(doc), c)
  return undefined
}

describe('sso-preflight oidc <discovery.json> over every real discovery document', () => {
  test.each(oidcDocs.map((f) => [f.slice(REAL.length + 1), f]))('%s', async (_name, file) => {
    const jwks = jwksFor(file)
    const { report, stderr } = await runCli(['oidc', file, ...(jwks ? ['--jwks', jwks] : [])])
    expect(stderr).toBe('')
    expect(report.subject.kind).toBe('oidc-discovery')
  })
  test('the Entra organizations template issuer is a finding that shows the template', async () => {
    const { code, report } = await runCli([
      'oidc',
      join(REAL, 'oidc/entra/wellknown-entra-organizations-v2-openid-configuration.json'),
    ])
    expect(code).toBe(1)
    expect(JSON.stringify(report.findings)).toContain('{tenantid}')
  })
  test('the autodesk profile says OIDC is not accepted, fixed in the IdP with a SAML app (issue 9)', async () => {
    const { report } = await runCli([
      'oidc',
      join(REAL, 'oidc/google/wellknown-google-openid-configuration.json'),
      '--profile',
      'autodesk',
    ])
    expect(report.findings.find((f) => f.code === 'OIDC_VENDOR_SAML_ONLY')).toMatchObject({
      owner: 'idp',
      severity: 'error',
    })
  })
})

describe('sso-preflight response over real responses with their metadata', () => {
  function metadataFromPem(pemFile: string, entityId: string): string {
    const b64 = readFileSync(pemFile, 'utf8')
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, '')
    const dir = mkdtempSync(join(tmpdir(), 'md-'))
    const file = join(dir, 'idp.xml')
    writeFileSync(
      file,
      `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${b64}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/></IDPSSODescriptor></EntityDescriptor>`,
    )
    return file
  }
  const responses = filesUnder(join(REAL, 'saml-responses'), (n) => /\.(xml|b64)$/.test(n) && !n.includes('metadata'))
  test.each(responses.map((f) => [f.slice(REAL.length + 1), f]))(
    '%s gives a schema-valid report',
    async (_name, file) => {
      const sibling = filesUnder(dirname(file), (n) => n.endsWith('.pem'))[0]
      const md = sibling
        ? metadataFromPem(sibling, 'https://idp.example.com')
        : join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml')
      const { report } = await runCli(['response', file, '--idp-metadata', md])
      expect(report.subject.kind).toBe('saml-response')
    },
  )
  test('the ssoready Okta response verifies against its metadata at its own time', async () => {
    const params = JSON.parse(
      readFileSync(join(REAL, 'saml-responses/okta/ssoready-okta-response.params.json'), 'utf8'),
    ) as Record<string, string>
    const io = memoryIo()
    const argv = [
      'response',
      join(REAL, 'saml-responses/okta/ssoready-okta-response.xml'),
      '--idp-metadata',
      join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml'),
      '--profile',
      'generic',
      '--json',
    ]
    const now = params.now ?? params.Now
    if (now) argv.push('--now', now)
    await main(argv, io)
    const report = ReportSchema.parse(JSON.parse(io.out()))
    expect(
      report.findings.filter((f) => /SIGNATURE/.test(f.code) && f.severity === 'error'),
      JSON.stringify(codes(report)),
    ).toEqual([])
  })
})
