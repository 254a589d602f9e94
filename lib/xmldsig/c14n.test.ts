import { describe, expect, it } from 'vitest'
import { parseSafeXml } from '../xml/parse'
import type { XmlDocument, XmlElement } from '../xml/types'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { canonicalize } from './c14n'
import { loadCorpus } from './testing/corpus'
import { compareWithXmlCrypto, type Compared } from './testing/differential'

function parse(xml: string): XmlDocument {
  const p = parseSafeXml(xml)
  if (!p.ok) throw new Error(JSON.stringify(p.findings))
  return p.value
}

describe('c14n agrees byte for byte with xml-crypto 6.3.2 on the fixture corpus', () => {
  const corpus = loadCorpus()
  it('loads the corpus', () => {
    expect(corpus.length).toBeGreaterThan(150)
  })
  let total: Compared = { signedInfo: 0, reference: 0 }
  for (const f of corpus) {
    it(f.path, () => {
      const n = compareWithXmlCrypto(f.xml, f.path)
      total = { signedInfo: total.signedInfo + n.signedInfo, reference: total.reference + n.reference }
    })
  }
  it('compared a meaningful number of signatures', () => {
    console.log('c14n differential:', total)
    expect(total.signedInfo).toBeGreaterThan(100)
    expect(total.reference).toBeGreaterThan(100)
  })
})

describe('c14n rules, by hand (W3C C14N 1.0 / Exclusive C14N 1.0)', () => {
  const first = (doc: XmlDocument, local: string) => {
    const walk = (el: XmlElement): XmlElement | undefined => {
      if (el.local === local) return el
      for (const c of el.children)
        if (c.type === 'element') {
          const f = walk(c)
          if (f) return f
        }
      return undefined
    }
    return walk(doc.root)!
  }
  const exc = { exclusive: true, withComments: false } as const
  const inc = { exclusive: false, withComments: false } as const

  it('sorts namespace declarations by prefix (default first), then attributes by namespace URI, then local name', () => {
    const doc = parse('<r xmlns:b="urn:a" xmlns:a="urn:z" xmlns="urn:d" z="1" b:k="2" a:k="3" k="4" xmlns:c="urn:m"/>')
    expect(canonicalize(doc.root, inc)).toBe(
      '<r xmlns="urn:d" xmlns:a="urn:z" xmlns:b="urn:a" xmlns:c="urn:m" k="4" z="1" b:k="2" a:k="3"></r>',
    )
  })
  it('exclusive: renders only visibly utilised namespaces, on the first element that uses them', () => {
    const doc = parse('<r xmlns:a="urn:a" xmlns:u="urn:unused" xmlns:x="urn:x"><a:e><x:f x:g="1"/><x:h/></a:e></r>')
    expect(canonicalize(first(doc, 'e'), exc)).toBe(
      '<a:e xmlns:a="urn:a"><x:f xmlns:x="urn:x" x:g="1"></x:f><x:h xmlns:x="urn:x"></x:h></a:e>',
    )
  })
  it('exclusive: the PrefixList brings in a prefix used only in a value (and #default)', () => {
    const doc = parse(
      '<r xmlns="urn:d" xmlns:xs="urn:xs" xmlns:xsi="urn:xsi"><e xsi:type="xs:string"><p:f xmlns:p="urn:p"/></e></r>',
    )
    expect(canonicalize(first(doc, 'e'), { ...exc, inclusivePrefixes: ['xs'] })).toBe(
      '<e xmlns="urn:d" xmlns:xs="urn:xs" xmlns:xsi="urn:xsi" xsi:type="xs:string"><p:f xmlns:p="urn:p"></p:f></e>',
    )
    expect(canonicalize(first(doc, 'f'), { ...exc, inclusivePrefixes: ['#default'] })).toBe(
      '<p:f xmlns="urn:d" xmlns:p="urn:p"></p:f>',
    )
    expect(canonicalize(first(doc, 'f'), exc)).toBe('<p:f xmlns:p="urn:p"></p:f>')
  })
  it('xmlns="" only where an output ancestor has a non-empty default', () => {
    const doc = parse('<r xmlns="urn:d"><e><f xmlns=""><g xmlns=""/></f></e><h xmlns=""/></r>')
    expect(canonicalize(first(doc, 'e'), exc)).toBe('<e xmlns="urn:d"><f xmlns=""><g></g></f></e>')
    expect(canonicalize(first(doc, 'e'), inc)).toBe('<e xmlns="urn:d"><f xmlns=""><g></g></f></e>')
    expect(canonicalize(first(doc, 'h'), exc)).toBe('<h></h>')
    expect(canonicalize(first(doc, 'h'), inc)).toBe('<h></h>')
  })
  it("inclusive: the apex inherits every in-scope namespace and the ancestors' xml:* attributes", () => {
    const doc = parse(
      '<r xmlns:a="urn:a" xml:lang="en" xml:space="preserve"><s xmlns:b="urn:b" xml:lang="fr"><e xml:space="default"/></s></r>',
    )
    expect(canonicalize(first(doc, 'e'), inc)).toBe(
      '<e xmlns:a="urn:a" xmlns:b="urn:b" xml:lang="fr" xml:space="default"></e>',
    )
    expect(canonicalize(first(doc, 'e'), exc)).toBe('<e xml:space="default"></e>')
  })
  it('inclusive: a redundant redeclaration is dropped, a changed one kept', () => {
    const doc = parse('<r xmlns:a="urn:a"><e xmlns:a="urn:a"><f xmlns:a="urn:other"/></e></r>')
    expect(canonicalize(doc.root, inc)).toBe('<r xmlns:a="urn:a"><e><f xmlns:a="urn:other"></f></e></r>')
  })
  it('escapes text (& < > CR) and attribute values (& < " TAB LF CR); leaves > and \' in attributes', () => {
    const doc = parse('<r a="&amp;&lt;&gt;&quot;\'&#9;&#10;&#13;">&amp;&lt;&gt;&#13;"\'<![CDATA[<&>]]></r>')
    expect(canonicalize(doc.root, inc)).toBe(
      '<r a="&amp;&lt;>&quot;\'&#x9;&#xA;&#xD;">&amp;&lt;&gt;&#xD;"\'&lt;&amp;&gt;</r>',
    )
  })
  it('comments only with #WithComments; the excluded element and its subtree are left out', () => {
    const doc = parse('<r><!--c--><s><t/></s><u/></r>')
    expect(canonicalize(doc.root, { ...inc, withComments: true })).toBe('<r><!--c--><s><t></t></s><u></u></r>')
    expect(canonicalize(doc.root, { ...inc, exclude: first(doc, 's') })).toBe('<r><u></u></r>')
  })
})

describe('exclusive c14n stays linear in the InclusiveNamespaces PrefixList', () => {
  // k prefixes in scope (declared 32 per element down a chain, within the parser's caps), all named in the
  // PrefixList: the apex renders each once. A per-prefix search of what it already renders would be k².
  const doc = (k: number) => {
    let open = '',
      close = ''
    for (let i = 0; i < k; i += 32) {
      const decls = Array.from({ length: Math.min(32, k - i) }, (_, j) => ` xmlns:p${i + j}="urn:p${i + j}"`).join('')
      open += `<e${i}${decls}>`
      close = `</e${i}>` + close
    }
    const d = parse(open + '<apex/>' + close)
    let apex = d.root
    while (apex.local !== 'apex') apex = apex.children.find((c): c is XmlElement => c.type === 'element')!
    return { apex, prefixes: Array.from({ length: k }, (_, i) => `p${i}`) }
  }
  it('renders every listed prefix once, sorted', () => {
    const { apex, prefixes } = doc(40)
    const out = canonicalize(apex, { exclusive: true, withComments: false, inclusivePrefixes: prefixes })
    expect(out.match(/xmlns:/g)).toHaveLength(40)
    expect(out.startsWith('<apex xmlns:p0="urn:p0" xmlns:p1="urn:p1" xmlns:p10="urn:p10"')).toBe(true)
  })
  it('n vs 4n', () => {
    const make = (k: number) => {
      const { apex, prefixes } = doc(k)
      return () => canonicalize(apex, { exclusive: true, withComments: false, inclusivePrefixes: prefixes })
    }
    expect(growthRatio(make, 1000).ratio).toBeLessThan(LINEAR_BOUND)
  })
})

describe('c14n walks without recursion', () => {
  it('renders a tree far deeper than the JS stack (built past the parser cap of 128 levels), both kinds', () => {
    const depth = 30_000
    const xml = '<r xmlns:a="u:a">' + '<a:e x="1">'.repeat(depth) + '</a:e>'.repeat(depth) + '</r>'
    const p = parseSafeXml(xml, { limits: { maxDepth: depth + 2, maxElements: depth + 2 } })
    if (!p.ok) throw new Error(JSON.stringify(p.findings))
    // The first child of the apex declares xmlns:a (exclusive c14n renders it where it is first used), and no deeper
    // element repeats it; inclusive c14n declares it on the apex only.
    const exclusive = canonicalize(p.value.root, { exclusive: true, withComments: false })
    expect(exclusive.startsWith('<r><a:e xmlns:a="u:a" x="1"><a:e x="1">')).toBe(true)
    expect(exclusive.match(/xmlns:a/g)).toHaveLength(1)
    expect(exclusive.length).toBe('<r></r>'.length + depth * '<a:e x="1"></a:e>'.length + ' xmlns:a="u:a"'.length)
    const inclusive = canonicalize(p.value.root, { exclusive: false, withComments: false })
    expect(inclusive.startsWith('<r xmlns:a="u:a"><a:e x="1">')).toBe(true)
    expect(inclusive.match(/xmlns:a/g)).toHaveLength(1)
  })
})
