import { describe, expect, test } from 'vitest'
import { validateSamlResponse } from '../saml/response/index'
import * as F from '../saml/response/testing/fixture'
import { maskReport, maskText } from './mask'

/*
 * The masking probes of issue 7, end to end: what /saml/acs stores for an unsigned response carrying a 100 KB
 * InResponseTo, and 1 MB of text. Times are in `npm run bench` (scripts/bench-mask.ts); here, what users would notice:
 * bounded stored values and nothing personal left.
 */
describe('masking probes (issue 7)', () => {
  test('an unsigned response with a 100 KB InResponseTo is stored with bounded, masked values', () => {
    const huge = '_' + 'a@'.repeat(50_000)
    const xml = F.baseResponse().replace('<saml2p:Response ', `<saml2p:Response InResponseTo="${huge}" `)
    const report = validateSamlResponse({ response: xml }, F.trust(), { ctx: F.ctx(), requestId: F.REQUEST_ID })
    const stored = JSON.stringify(maskReport(report))
    expect(stored.length).toBeLessThan(20_000)
    expect(stored).not.toContain('a@a@a@a@')
  })

  test('1 MB of decoded assertions is masked whole: no address, NameID or attribute value left', () => {
    const one = (i: number) =>
      `<saml:Assertion ID="_a${i}"><saml:Issuer>https://idp.example/</saml:Issuer><saml:Subject><saml:NameID>person${i}.name@contoso.example</saml:NameID></saml:Subject>` +
      `<saml:Attribute Name="employeeNumber"><saml:AttributeValue>EMP-${100000 + i}</saml:AttributeValue></saml:Attribute></saml:Assertion>\n`
    const parts: string[] = []
    for (let i = 0, n = 0; n < 1024 * 1024; i++) {
      parts.push(one(i))
      n += parts[i]!.length
    }
    const masked = maskText(parts.join(''))
    expect(masked).not.toMatch(/person\d+\.name@|EMP-\d/)
    expect(masked.split('<saml:Issuer>https://idp.example/</saml:Issuer>').length - 1).toBe(parts.length)
  })
})
