import { expect } from 'vitest'
import { parseSafeXml } from '../../xml/parse'
import { ENVELOPED_SIGNATURE } from '../algorithms'
import { c14nOptionsFor, canonicalize } from '../c14n'
import { listSignatures, readSignatureParts } from '../verify'
import { domSignatures, parseDom, xmlCryptoReference, xmlCryptoSignedInfo } from './xml-crypto-c14n'

export interface Compared {
  signedInfo: number
  reference: number
}

/** Asserts our canonical SignedInfo and signed element (after the enveloped transform) equal xml-crypto's, per signature. */
export function compareWithXmlCrypto(xml: string, label: string): Compared {
  const n: Compared = { signedInfo: 0, reference: 0 }
  const parsed = parseSafeXml(xml)
  const dom = parseDom(xml)
  if (!parsed.ok || !dom) return n
  const ours = listSignatures(parsed.value)
  const theirs = domSignatures(dom)
  expect(ours.length, `${label}: number of signatures`).toBe(theirs.length)
  ours.forEach((sig, i) => {
    const parts = readSignatureParts(sig)
    if (typeof parts === 'string') return
    const them = theirs[i]!
    const si = c14nOptionsFor(parts.canonicalizationMethod)
    const siTheirs = xmlCryptoSignedInfo(them)
    if (si && siTheirs !== undefined) {
      const siOurs = canonicalize(parts.signedInfo, {
        ...si,
        inclusivePrefixes: si.exclusive ? parts.signedInfoPrefixes : undefined,
      })
      expect(siOurs, `${label}: SignedInfo #${i + 1}`).toBe(siTheirs)
      n.signedInfo++
    }
    const ref = parts.references[0]
    const refTheirs = xmlCryptoReference(them)
    if (ref && refTheirs !== undefined && sig.parent) {
      const c14ns = ref.transforms.filter((t) => t !== ENVELOPED_SIGNATURE)
      const c = c14ns.length === 0 ? { exclusive: false, withComments: false } : c14nOptionsFor(c14ns[0]!)
      if (!c) return
      const refOurs = canonicalize(sig.parent, {
        exclusive: c.exclusive,
        withComments: false,
        inclusivePrefixes: c.exclusive ? ref.inclusivePrefixes : undefined,
        exclude: ref.transforms.includes(ENVELOPED_SIGNATURE) ? sig : undefined,
      })
      expect(refOurs, `${label}: signed element of signature #${i + 1}`).toBe(refTheirs)
      n.reference++
    }
  })
  return n
}
