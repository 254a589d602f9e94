import { describe, expect, it } from 'vitest'
import { parseSafeXml } from '../../xml/parse'
import { maskReport } from '../../store/mask'
import { maskIdentifier } from './facts'
import { validateParsed, validateSamlResponse } from './validate'
import * as F from './testing/fixture'

describe('facts', () => {
  it('masks identifiers: enough to recognise, not to reuse', () => {
    expect(maskIdentifier('jane.doe@example.com')).toMatch(/^j…·[0-9a-f]{6}@example\.com$/)
    expect(maskIdentifier('8f6c1a2e-1111-2222')).toMatch(/^8…·[0-9a-f]{6}$/)
    // Three characters or fewer keep no letter at all: only the keyed hash, which may contain any hex digit.
    expect(maskIdentifier('ab')).toMatch(/^…·[0-9a-f]{6}$/)
  })
  it('come only from signed content: the Response envelope’s values only when its own signature verified', () => {
    const xml = F.sign(
      F.baseResponse().replace('<saml2p:Response ', `<saml2p:Response InResponseTo="${F.REQUEST_ID}" `),
    )
    const assertionOnly = validateSamlResponse({ response: xml }, F.trust(), { ctx: F.ctx(), requestId: F.REQUEST_ID })
    expect(assertionOnly.facts).not.toHaveProperty('destination')
    expect(assertionOnly.facts).not.toHaveProperty('inResponseTo')
    expect(assertionOnly.subject).toMatchObject({
      kind: 'saml-response',
      idp: 'okta',
      issuer: F.ISSUER,
      entityId: F.ISSUER,
    })
    const both = validateSamlResponse(
      {
        response: F.sign(
          F.baseResponse().replace('<saml2p:Response ', `<saml2p:Response InResponseTo="${F.REQUEST_ID}" `),
          { response: true },
        ),
      },
      F.trust(),
      { ctx: F.ctx(), requestId: F.REQUEST_ID },
    )
    expect(both.facts).toMatchObject({
      destination: F.ACS,
      inResponseTo: F.REQUEST_ID,
      signature: { response: 'valid', assertion: 'valid', assertionCoveredBy: 'both' },
    })
  })
  it('carry the signed NameID and every attribute value unmasked for whoever ran the check; the stored form masks them', () => {
    const r = validateSamlResponse({ response: F.sign(F.baseResponse()) }, F.trust(), { ctx: F.ctx() })
    expect(r.facts).toMatchObject({
      nameId: 'ulysse.carion@codomaindata.com',
      attributes: expect.arrayContaining([
        { name: 'firstName', values: ['Ulysse'] },
        { name: 'objectGUID', values: ['8f6c1a2e-1111-2222-3333-444455556666'] },
      ]),
    })
    const stored = JSON.stringify(maskReport(r))
    for (const personal of ['ulysse.carion@', 'Ulysse', 'Carion', '8f6c1a2e-1111-2222-3333-444455556666'])
      expect(stored).not.toContain(personal)
    expect(maskReport(r).facts).toMatchObject({
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      attributeNames: ['firstName', 'lastName', 'email', 'objectGUID'],
    })
  })
  it('name the signature algorithm and the metadata certificates’ thumbprints (the side-by-side table reads them)', () => {
    const r = validateSamlResponse({ response: F.sign(F.baseResponse()) }, F.trust(), { ctx: F.ctx() })
    expect(r.facts).toMatchObject({ signature: { signatureAlgorithm: 'RSA-SHA256', digestAlgorithm: 'SHA256' } })
    expect(r.facts?.metadataCertificates).toEqual([r.certificates?.[0]?.sha1])
  })
  it('the certificate that verified is in the report’s certificate list', () => {
    const r = validateSamlResponse({ response: F.sign(F.baseResponse()) }, F.trust(), { ctx: F.ctx() })
    expect(r.certificates).toEqual([
      expect.objectContaining({ use: 'signing', sha256: F.testKeys().trusted.sha256, signsNow: true }),
    ])
  })
})

describe('validateParsed (for callers that already parsed, e.g. the test-login ACS)', () => {
  it('gives the same findings as validateSamlResponse on the same document', () => {
    const xml = F.sign(F.baseResponse({ attributes: { email: 'x@example.com' } }))
    const doc = parseSafeXml(xml)
    if (!doc.ok) throw new Error('fixture does not parse')
    const [findings] = validateParsed(doc.value, F.trust(), F.ctx(), undefined)
    const report = validateSamlResponse({ response: xml }, F.trust(), { ctx: F.ctx() })
    expect(findings.map((f) => f.code).sort()).toEqual(report.findings.map((f) => f.code).sort())
    expect(findings.length).toBeGreaterThan(0)
  })
})
