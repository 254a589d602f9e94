import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { buildSamlResponse } from '../mock-idp/saml/response'
import { parseSafeXml } from './parse'
import { prettyXml, prettyXmlText } from './pretty'
import type { XmlDocument } from './types'
import { testSite } from '../../e2e/mock-idp/keys'

const REAL = join(import.meta.dirname, '../../../shared/fixtures/real')
const parse = (xml: string): XmlDocument => {
  const r = parseSafeXml(xml)
  if (!r.ok) throw new Error(`does not parse: ${r.findings[0]?.code}`)
  return r.value
}
const mockResponse = () =>
  buildSamlResponse({
    site: testSite('http://127.0.0.1:3200'),
    scenario: 'ok',
    username: 'ok@demo.test',
    requestId: '_req1',
    acsUrl: 'https://sp.example.com/acs',
    spEntityId: 'https://sp.example.com/entity',
    now: new Date('2026-11-22T10:00:00Z'),
  })

describe('prettyXml: the document’s own text, one tag a line, indented by the parser’s depth', () => {
  test('nothing re-serialised: the lines joined give back the compact document exactly', () => {
    const xml = mockResponse()
    const view = prettyXml(xml, parse(xml))
    expect(view.truncated).toBe(false)
    expect(view.lines.map((l) => l.text).join('')).toBe(xml)
    expect(view.lines.length).toBeGreaterThan(20)
  })
  test('indentation follows the tree; leaves sit on one line with their values as written', () => {
    const xml = mockResponse()
    const text = prettyXmlText(prettyXml(xml, parse(xml)))
    expect(text).toMatch(/^ {8}<saml:Audience>https:\/\/sp\.example\.com\/entity<\/saml:Audience>$/m)
    expect(text.split('\n')[0]).toMatch(/^<samlp:Response /)
  })
  test('entities and quoting stay as the IdP wrote them', () => {
    const xml = `<r xmlns="urn:x"><a k='1 &amp; "2"'>x &lt; y &amp; z</a><b/></r>`
    const lines = prettyXml(xml, parse(xml)).lines.map((l) => l.text)
    expect(lines).toEqual([`<r xmlns="urn:x">`, `<a k='1 &amp; "2"'>x &lt; y &amp; z</a>`, '<b/>', '</r>'])
  })
  test('the elements findings point at are highlighted, by full or relative path; free-text wheres mark nothing', () => {
    const xml = mockResponse()
    const view = prettyXml(xml, parse(xml), {
      highlight: [
        '/Response/Assertion/Conditions/AudienceRestriction/Audience',
        '/Assertion/Issuer',
        '/Response/@Destination',
        'RelayState',
        '/',
      ],
    })
    const marked = view.lines.filter((l) => l.highlight).map((l) => l.path)
    expect(marked).toContain('/Response/Assertion/Conditions/AudienceRestriction/Audience')
    expect(marked).toContain('/Response/Assertion/Issuer')
    expect(marked).not.toContain('/Response/Issuer')
    // The Response start and end tag lines (its @Destination attribute)
    expect(marked.filter((p) => p === '/Response')).toHaveLength(2)
    expect(marked).toHaveLength(4)
  })
  test('a real Entra metadata file with whitespace, comments-free, a BOM: every start tag shown verbatim', () => {
    const xml = readFileSync(
      join(REAL, 'saml-metadata/entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml'),
      'utf8',
    )
    const doc = parse(xml)
    const view = prettyXml(xml, doc)
    expect(view.lines.filter((l) => !l.text.startsWith('</')).length).toBeLessThanOrEqual(doc.elementCount)
    const src = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
    for (const l of view.lines)
      if (!l.text.includes('\n') && l.text.startsWith('<') && !l.text.startsWith('</'))
        expect(src).toContain(l.text.split('>')[0])
  })
  test('maxLines cuts the view and says so', () => {
    const xml = mockResponse()
    const view = prettyXml(xml, parse(xml), { maxLines: 5 })
    expect(view.lines).toHaveLength(5)
    expect(view.truncated).toBe(true)
  })
  test('linear: 4x the attributes takes well under 8x the time (time at n and 4n)', () => {
    const doc = (n: number) =>
      `<r>${Array.from({ length: n }, (_, i) => `<a n="${i}" m='x>y'><b>v${i}</b><c/></a>`).join('')}</r>`
    const ratio = growthRatio((n) => {
      const xml = doc(n)
      const d = parse(xml)
      return () => prettyXml(xml, d, { highlight: ['/r/a/b', '/a/c'], maxLines: Number.MAX_SAFE_INTEGER })
    }, 2_500).ratio
    expect(ratio).toBeLessThan(LINEAR_BOUND)
  })
})
