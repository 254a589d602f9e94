import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { DOMParser, type Element as DomElement, type Node as DomNode } from '@xmldom/xmldom'
import { describe, expect, test } from 'vitest'
import { filesUnder, FIXTURES } from '../../tests/helpers'
import { parseSafeXml } from './parse'
import { attr, childElements, descendants, NS, ownText, pathOf } from './query'
import type { XmlElement } from './types'

const ok = (xml: string) => {
  const r = parseSafeXml(xml)
  if (!r.ok) throw new Error(JSON.stringify(r.findings))
  return r.value
}
const codeOf = (xml: string, limits = {}) => {
  const r = parseSafeXml(xml, { limits })
  return r.ok ? 'ok' : r.findings.map((f) => f.code).join()
}

describe('parseSafeXml refuses hostile and malformed input as findings', () => {
  test.each([
    ['empty', '', 'INPUT_EMPTY'],
    ['whitespace only', ' \n\t ', 'INPUT_EMPTY'],
    [
      'DOCTYPE with an external entity (XXE)',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
      'INPUT_XML_DOCTYPE',
    ],
    [
      'billion laughs',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>',
      'INPUT_XML_DOCTYPE',
    ],
    ['processing instruction inside', '<r><?evil x?></r>', 'INPUT_XML_PROCESSING_INSTRUCTION'],
    ['processing instruction before the root', '<?xml-stylesheet href="x"?><r/>', 'INPUT_XML_PROCESSING_INSTRUCTION'],
    ['undeclared entity', '<r>&nbsp;</r>', 'INPUT_NOT_XML'],
    ['unbound prefix', '<saml:Assertion/>', 'INPUT_NOT_XML'],
    ['duplicate attribute', '<r a="1" a="2"/>', 'INPUT_NOT_XML'],
    // The parser looks for the next '<' and ']]>' once and reuses the answer while its cursor has not passed it.
    ["'<' in the second attribute's value", '<r a="1" b="x<y"/>', 'INPUT_NOT_XML'],
    ["'<' in a value after a comment holding '<'", '<r><!-- < --><e a="<"/></r>', 'INPUT_NOT_XML'],
    ["']]>' in text after a CDATA section", '<r><![CDATA[x]]> then ]]> here</r>', 'INPUT_NOT_XML'],
    ["']]>' in the text of a later element", '<r><a>ok</a><b>x ]]> y</b></r>', 'INPUT_NOT_XML'],
    ["']]>' split by a tag is no ']]>'", '<r>]]<a/>></r>', 'ok'],
    ["']]>' right before an end tag", '<r><b>x]]></b></r>', 'INPUT_NOT_XML'],
    ["'<' right after the opening quote", '<r a="<"/>', 'INPUT_NOT_XML'],
    [
      'duplicate attribute via two prefixes of one namespace',
      '<r xmlns:a="u" xmlns:b="u" a:x="1" b:x="2"/>',
      'INPUT_NOT_XML',
    ],
    ['two roots', '<a/><b/>', 'INPUT_NOT_XML'],
    ['text after the root', '<a/>trailing', 'INPUT_NOT_XML'],
    ['mismatched end tag', '<a><b></a></b>', 'INPUT_NOT_XML'],
    ['end tag longer than the open name', '<a></ab>', 'INPUT_NOT_XML'],
    ['end tag shorter than the open name', '<ab></a>', 'INPUT_NOT_XML'],
    ['end tag with a slash', '<a></a/>', 'INPUT_NOT_XML'],
    ['end tag cut off at the end', '<a></a', 'INPUT_NOT_XML'],
    ['end tag with a different prefix', '<p:a xmlns:p="u" xmlns:q="u"></q:a>', 'INPUT_NOT_XML'],
    ['U+FFFE in text', '<a>\uFFFE</a>', 'INPUT_NOT_XML'],
    ['U+FFFF in an attribute', '<a b="\uFFFF"/>', 'INPUT_NOT_XML'],
    ['a control character in a two-byte text', '<a>\u20AC\u0001</a>', 'INPUT_NOT_XML'],
    ['unclosed', '<a><b>', 'INPUT_NOT_XML'],
    ['NUL byte', '<a>\u0000</a>', 'INPUT_NOT_XML'],
    ['invalid character reference', '<a>&#0;</a>', 'INPUT_NOT_XML'],
    ['unquoted attribute', '<a b=c/>', 'INPUT_NOT_XML'],
    ['HTML', '<html><body><br></body></html>', 'INPUT_NOT_XML'],
    ['JSON', '{"issuer":"https://x"}', 'INPUT_NOT_XML'],
  ])('%s', (_name, xml, code) => {
    expect(codeOf(xml)).toBe(code)
  })

  test('depth over the limit is refused without exhausting the stack', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000)
    const r = parseSafeXml(deep)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.findings[0]!.code).toBe('INPUT_XML_TOO_DEEP')
      expect(r.findings[0]!.evidence.expected).toBe('at most 128 levels')
    }
  })
  test('size and element-count limits', () => {
    expect(codeOf('<a>' + 'x'.repeat(100) + '</a>', { maxChars: 50 })).toBe('INPUT_TOO_LARGE')
    expect(codeOf('<a>' + '<b/>'.repeat(20) + '</a>', { maxElements: 10 })).toBe('INPUT_TOO_LARGE')
  })
  test('end tags may carry whitespace before the >', () => {
    const r = parseSafeXml('<a><b></b \n\t></a\n>')
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.elementCount).toBe(2)
  })
  test('a forbidden character is named with its position', () => {
    const r = parseSafeXml('<a>\n\u20AC\uFFFF</a>')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.findings[0]!.evidence.actual).toBe('character U+ffff is not allowed in XML')
      expect(r.findings[0]!.evidence.where).toBe('line 2, column 2')
    }
  })
  test('element and attribute names are QNames as XML Namespaces defines them: NCName, or NCName:NCName', () => {
    // The reference definition, written the long way (Name production minus ':', each side on its own).
    const NCNAME =
      /^[A-Za-z_\u00C0-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][\w.\-\u00B7\u00C0-\u02FF\u0300-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]*$/
    const isQName = (n: string) => {
      const parts = n.split(':')
      return parts.length <= 2 && parts.every((p) => NCNAME.test(p))
    }
    const nameChar = fc.constantFrom(...'aZ_0.-:\u00B7\u00C0\u0300\u037E\u203F\u2040\u00D7\uFFFD\u2000é'.split(''))
    fc.assert(
      fc.property(fc.array(nameChar, { minLength: 1, maxLength: 6 }), (chars) => {
        const name = chars.join('')
        const xml = name.includes(':') ? `<${name} xmlns:${name.split(':')[0]}="u"/>` : `<${name}/>`
        const parsed = parseSafeXml(xml).ok
        const attribute = parseSafeXml(
          `<r ${name.includes(':') ? 'xmlns:' + name.split(':')[0] + '="u" ' : ''}${name}="1"/>`,
        ).ok
        if (name.startsWith('xmlns')) return // namespace declarations have rules of their own
        expect(parsed).toBe(isQName(name) && !name.startsWith(':'))
        expect(attribute).toBe(isQName(name))
      }),
      { numRuns: 3000 },
    )
  })
  test('the error position is in the evidence', () => {
    const r = parseSafeXml('<a>\n  <b>\n</a>')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.findings[0]!.evidence.where).toBe('line 3, column 1')
  })
})

describe('parseSafeXml reads what XML 1.0 + Namespaces say', () => {
  test('BOM stripped, line ends normalised, CDATA merged, entities decoded', () => {
    const doc = ok('\uFEFF<a>x\r\ny<![CDATA[<z>&amp;]]>&lt;&#x41;&#66;</a>')
    expect(ownText(doc.root)).toBe('x\ny<z>&amp;<AB')
  })
  test('attribute values: whitespace normalised, character references kept', () => {
    const doc = ok('<a v="x\ty\nz" w="p&#10;q"/>')
    expect(attr(doc.root, 'v')).toBe('x y z')
    expect(attr(doc.root, 'w')).toBe('p\nq')
  })
  test('namespaces resolve, default namespace undeclaration works', () => {
    const doc = ok('<r xmlns="urn:d" xmlns:p="urn:p"><p:x p:a="1" b="2"/><y xmlns=""/></r>')
    const [x, y] = childElements(doc.root)
    expect([doc.root.ns, x!.ns, x!.attrs[0]!.ns, x!.attrs[1]!.ns, y!.ns]).toEqual(['urn:d', 'urn:p', 'urn:p', '', ''])
    expect(doc.root.nsDecls).toEqual([
      ['', 'urn:d'],
      ['p', 'urn:p'],
    ])
  })
  test('IDs are indexed, duplicates kept for the signature code to refuse', () => {
    const doc = ok('<r ID="a"><x ID="a"/><y Id="b"/></r>')
    expect(doc.ids.get('a')).toHaveLength(2)
    expect(doc.ids.get('b')).toHaveLength(1)
  })
  test('comments stay in the tree (a comment inside NameID is evidence of tampering)', () => {
    const doc = ok('<NameID>admin@evil.com<!---->.example.com</NameID>')
    expect(doc.root.children.map((c) => c.type)).toEqual(['text', 'comment', 'text'])
    expect(ownText(doc.root)).toBe('admin@evil.com.example.com')
  })
  test('pathOf names the element for evidence', () => {
    const doc = ok(
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"><IDPSSODescriptor><KeyDescriptor/><KeyDescriptor/></IDPSSODescriptor></EntityDescriptor>',
    )
    const kd = descendants(doc.root, NS.md, 'KeyDescriptor')[1]!
    expect(pathOf(kd)).toBe('/EntityDescriptor/IDPSSODescriptor/KeyDescriptor[2]')
  })
})

describe('names: the ASCII fast path accepts exactly the QNames XML Namespaces allow', () => {
  // The production's own character classes, written out here rather than imported (so a slip in either shows).
  const start =
    'A-Za-z_\\u00C0-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD'
  const rest = `${start}0-9.\\-\\u00B7\\u0300-\\u036F\\u203F-\\u2040`
  const ncName = `[${start}][${rest}]*`
  const qName = new RegExp(`^${ncName}(?::${ncName})?$`)
  const nameChars = fc.constantFrom(...'aZ_09.-:\u00B7\u00E9\u0301\u203F\u3001\u00D7'.split(''))
  test('element and attribute names, 20,000 random ones', () => {
    fc.assert(
      fc.property(fc.array(nameChars, { minLength: 1, maxLength: 8 }), (chars) => {
        const name = chars.join('')
        const valid = qName.test(name)
        const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : ''
        const decl = prefix && valid ? ` xmlns:${prefix}="urn:p"` : ''
        expect(parseSafeXml(`<${name}${decl}/>`).ok, `element <${name}>`).toBe(valid)
        expect(parseSafeXml(`<r${decl} ${name}="v"/>`).ok, `attribute ${name}`).toBe(valid)
      }),
      { numRuns: 20_000 },
    )
  })
})

// Differential: the same tree as @xmldom/xmldom on every real document both accept.
function sameTree(ours: XmlElement, theirs: DomElement, path = ''): void {
  const here = `${path}/${ours.name}`
  expect(ours.name, here).toBe(theirs.tagName)
  expect(ours.ns, here).toBe(theirs.namespaceURI ?? '')
  const theirAttrs = Array.from({ length: theirs.attributes.length }, (_, i) => theirs.attributes.item(i)!).filter(
    (a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'),
  )
  expect(
    ours.attrs.map((a) => [a.name, a.ns, a.value]),
    here,
  ).toEqual(theirAttrs.map((a) => [a.name, a.namespaceURI ?? '', a.value]))
  const theirKids = Array.from({ length: theirs.childNodes.length }, (_, i) => theirs.childNodes.item(i)!) as DomNode[]
  const ourText = ours.children
    .filter((c) => c.type === 'text')
    .map((c) => (c as { value: string }).value)
    .join('')
  const theirText = theirKids
    .filter((n) => n.nodeType === 3 || n.nodeType === 4)
    .map((n) => n.nodeValue ?? '')
    .join('')
  expect(ourText, here).toBe(theirText)
  const ourEls = childElements(ours)
  const theirEls = theirKids.filter((n) => n.nodeType === 1) as DomElement[]
  expect(ourEls.length, here).toBe(theirEls.length)
  ourEls.forEach((el, i) => sameTree(el, theirEls[i]!, here))
}

describe("differential: our tree equals xmldom's on every real XML fixture", () => {
  const files = filesUnder(FIXTURES, (n) => n.endsWith('.xml'))
  test.each(files.map((f) => [f.slice(FIXTURES.length + 1), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8')
    const ours = parseSafeXml(text)
    let theirs: DomElement | undefined
    try {
      theirs =
        new DOMParser({
          onError: (level) => {
            if (level !== 'warning') throw new Error(level)
          },
        }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml').documentElement ?? undefined
    } catch {
      theirs = undefined
    }
    if (!theirs) {
      expect(ours.ok, 'xmldom refused it, so must we').toBe(false)
      return
    }
    expect(ours.ok).toBe(true)
    if (ours.ok) sameTree(ours.value.root, theirs)
  })
  // Without ../shared the table above would be empty and pass silently.
  test('the corpus is there', () => expect(files.length).toBeGreaterThan(100))
})
