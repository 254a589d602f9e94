import { describe, expect, it } from 'vitest'
import { parseSafeXml } from '../xml/parse'
import type { XmlDocument } from '../xml/types'
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
