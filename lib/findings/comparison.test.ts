import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildSamlResponse } from '../mock-idp/saml/response'
import { idpMetadataXml } from '../mock-idp/saml/metadata'
import type { SamlScenarioId } from '../mock-idp/scenarios'
import { checkContext } from '../context'
import { BUILTIN_PROFILES } from '../profiles/index'
import { analyzeSamlMetadata, parseIdpMetadata, toIdpTrust } from '../saml/metadata/index'
import { validateSamlResponse } from '../saml/response/index'
import { maskReport } from '../store/mask'
import { ReportSchema, type Report } from './report'
import { compareSamlSettings, type ComparisonRow } from './comparison'
import { testSite } from '../../e2e/mock-idp/keys'

const REAL = join(import.meta.dirname, '../../../shared/fixtures/real')
const autodesk = BUILTIN_PROFILES.autodesk
const SP = 'https://www.okta.com/saml2/service-provider/spx1yz2ab3'
const ACS = 'https://autodesk-prod.okta.com/sso/saml2/0oa1yz2ab3'
const BASE = 'http://127.0.0.1:3200'
const NOW = new Date('2026-11-22T10:00:00Z')

const rowOf = (r: Report, key: string): ComparisonRow => {
  const row = r.comparison?.rows.find((x) => x.key === key)
  if (!row) throw new Error(`no ${key} row in ${JSON.stringify(r.comparison)}`)
  return row
}
const thumbprint = (b64: string) =>
  createHash('sha1')
    .update(Buffer.from(b64.replace(/\s+/g, ''), 'base64'))
    .digest('hex')
    .toUpperCase()

/** A response from the mock IdP for one scenario, validated as the vendor would with the connection's values. */
function mockReport(scenario: SamlScenarioId): Report {
  const md = parseIdpMetadata(idpMetadataXml(testSite(BASE)))
  if (!md.ok) throw new Error('mock metadata does not parse')
  const xml = buildSamlResponse({
    site: testSite(BASE),
    scenario,
    username: `${scenario}@demo.test`,
    requestId: '_req1',
    acsUrl: ACS,
    spEntityId: SP,
    now: NOW,
  })
  return validateSamlResponse({ response: xml }, toIdpTrust(md.value), {
    ctx: checkContext({ profile: autodesk, now: NOW, spEntityId: SP, acsUrl: ACS }),
    requestId: '_req1',
  })
}

describe('the side-by-side table over the mock IdP’s answers', () => {
  test('a good answer: every row agrees, in the report schema, and it survives masking unchanged (nothing personal in it)', () => {
    const r = mockReport('ok')
    expect(ReportSchema.parse(r).comparison).toEqual(r.comparison)
    expect(r.comparison?.source).toBe('response')
    expect(r.comparison?.rows.map((x) => [x.key, x.status])).toEqual([
      ['entityId', 'ok'],
      ['acsUrl', 'ok'],
      ['nameIdFormat', 'ok'],
      ['attribute:firstName', 'ok'],
      ['attribute:lastName', 'ok'],
      ['attribute:email', 'ok'],
      ['attribute:objectGUID', 'ok'],
      ['signing', 'ok'],
      ['signatureAlgorithm', 'ok'],
      ['certificate', 'ok'],
    ])
    expect(rowOf(r, 'entityId')).toMatchObject({ expected: autodesk.saml?.entityIdTemplate, configured: SP, sent: SP })
    expect(maskReport(r).comparison).toEqual(r.comparison)
    expect(JSON.stringify(r.comparison)).not.toContain('ok@demo.test')
  })
  test('wrong audience: the entity ID row shows what was configured next to what the IdP sent, with the finding code', () => {
    const row = rowOf(mockReport('wrong-audience'), 'entityId')
    expect(row).toMatchObject({ configured: SP, status: 'differs', codes: ['SAML_AUDIENCE_MISMATCH'] })
    expect(row.sent).toMatch(/^https:\/\/wrong\.example\.com\//)
  })
  test('wrong recipient: the reply URL row', () => {
    expect(rowOf(mockReport('wrong-recipient'), 'acsUrl')).toMatchObject({
      configured: ACS,
      sent: 'https://wrong.example.com/saml/acs',
      status: 'differs',
    })
  })
  test('Entra namespaced claims: each attribute row names what the IdP sent instead', () => {
    const r = mockReport('entra-claims')
    const row = rowOf(r, 'attribute:firstName')
    expect(row.status).toBe('differs')
    expect(row.sent).toMatch(/^http:\/\/schemas\.xmlsoap\.org\/ws\/2005\/05\/identity\/claims\//)
    expect(row.codes).toEqual(['SAML_ATTRIBUTE_NAMESPACED'])
  })
  test('missing and empty attributes', () => {
    expect(rowOf(mockReport('missing-email'), 'attribute:email')).toMatchObject({
      status: 'missing',
      codes: ['SAML_ATTRIBUTE_MISSING'],
    })
    expect(rowOf(mockReport('missing-email'), 'attribute:email').sent).toBeUndefined()
    expect(rowOf(mockReport('empty-objectguid'), 'attribute:objectGUID')).toMatchObject({
      status: 'missing',
      sent: 'objectGUID (empty value)',
    })
  })
  test('SHA-1 signing: the algorithm row names it; the signing option row says what was signed', () => {
    const r = mockReport('sha1')
    expect(rowOf(r, 'signatureAlgorithm')).toMatchObject({ status: 'differs', codes: ['SAML_SIGNATURE_SHA1'] })
    expect(rowOf(r, 'signatureAlgorithm').sent).toMatch(/SHA1/i)
    expect(rowOf(mockReport('assertion-unsigned'), 'signing')).toMatchObject({
      sent: 'response signed',
      status: 'differs',
    })
  })
  test('a certificate not in the metadata: the thumbprint row sets the metadata’s thumbprints beside it', () => {
    const r = mockReport('cert-not-in-metadata')
    const row = rowOf(r, 'certificate')
    expect(row.status).toBe('differs')
    expect(row.configured?.split(', ')).toHaveLength(2)
  })
  test('an error status: the table is still there (every report, GO or not), rows without data are "not checked"', () => {
    const r = mockReport('status-authnfailed')
    expect(r.summary.verdict).toBe('no-go')
    expect(rowOf(r, 'entityId')).toMatchObject({ configured: SP, status: 'not-checked' })
    expect(rowOf(r, 'attribute:email').status).toBe('not-checked')
  })
})

describe('the side-by-side table over real fixtures', () => {
  test('real Okta response (ssoready) at its own clock: configured entity ID against the Audience it carries', () => {
    const params = JSON.parse(
      readFileSync(join(REAL, 'saml-responses/okta/ssoready-okta-response.params.json'), 'utf8'),
    ) as { sp_entity_id: string; now: string }
    const md = parseIdpMetadata(readFileSync(join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml'), 'utf8'))
    if (!md.ok) throw new Error('fixture metadata does not parse')
    const r = validateSamlResponse(
      { response: readFileSync(join(REAL, 'saml-responses/okta/ssoready-okta-response.xml'), 'utf8') },
      toIdpTrust(md.value),
      {
        ctx: checkContext({
          profile: BUILTIN_PROFILES.generic,
          now: new Date(params.now),
          spEntityId: params.sp_entity_id,
        }),
      },
    )
    expect(rowOf(r, 'entityId')).toMatchObject({
      configured: params.sp_entity_id,
      sent: params.sp_entity_id,
      status: 'ok',
    })
    const cert = rowOf(r, 'certificate')
    expect(cert.status).toBe('ok')
    expect(cert.configured).toContain(cert.sent)
    expect(cert.sent).toBe(thumbprint(md.value.signingCertificates[0]!))
  })
  test('real Entra metadata with the placeholder reply URL: the row shows it with the finding; thumbprints of the published certificates', () => {
    const xml = readFileSync(
      join(REAL, 'saml-metadata/entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml'),
      'utf8',
    )
    const r = analyzeSamlMetadata(
      { xml },
      { profile: autodesk, now: NOW, spEntityId: SP, acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1' },
    )
    expect(r.comparison?.source).toBe('metadata')
    expect(rowOf(r, 'acsUrl')).toMatchObject({
      configured: 'https://autodesk-prod.okta.com/sso/saml2/1',
      status: 'differs',
    })
    expect(rowOf(r, 'acsUrl').codes).toContain('SAML_CONFIG_REPLY_URL_PLACEHOLDER')
    const published = [...xml.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) => thumbprint(m[1]!))
    for (const t of rowOf(r, 'certificate').sent!.split(', ')) expect(published).toContain(t)
    // This metadata lists no NameIDFormat: nothing to compare, and the row says so rather than "ok".
    expect(rowOf(r, 'nameIdFormat')).toMatchObject({ status: 'not-checked' })
    expect(rowOf(r, 'attribute:email')).toMatchObject({ status: 'not-checked' })
  })
  test('a report of another kind gets no SAML table', () => {
    const r = mockReport('ok')
    expect(
      compareSamlSettings({ ...r, subject: { ...r.subject, kind: 'oidc-discovery' } }, autodesk, { spEntityId: SP }),
    ).toBeUndefined()
  })
})
