import { createHash, sign, type KeyObject } from 'node:crypto'
import { parseSafeXml } from '../../xml/parse'
import { DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS } from '../algorithms'
import { c14nOptionsFor, canonicalize } from '../c14n'
import { listSignatures, readSignatureParts } from '../verify'

/*
 * Test support: re-signs the first signature of a document with OUR canonicalization (digest and SignatureValue
 * recomputed, KeyInfo dropped), so an independent verifier (xmlsec1) judges our c14n bytes.
 */
export function resignWithOurC14n(xml: string, key: KeyObject, signatureMethod?: string): string {
  let text = xml.replace(/<((?:\w+:)?)KeyInfo[\s>][\s\S]*?<\/\1KeyInfo>/, '')
  if (signatureMethod) text = text.replace(/(<(?:\w+:)?SignatureMethod Algorithm=")[^"]*"/, `$1${signatureMethod}"`)
  const doc1 = parse(text)
  const sig1 = listSignatures(doc1)[0]!
  const parts1 = readSignatureParts(sig1)
  if (typeof parts1 === 'string') throw new Error(parts1)
  const ref = parts1.references[0]!
  const c = c14nOptionsFor(ref.transforms[ref.transforms.length - 1]!) ?? { exclusive: false, withComments: false }
  const digest = createHash(DIGEST_ALGORITHMS[ref.digestMethod]!.hash)
    .update(
      canonicalize(sig1.parent!, {
        exclusive: c.exclusive,
        withComments: false,
        exclude: sig1,
        inclusivePrefixes: c.exclusive ? ref.inclusivePrefixes : undefined,
      }),
      'utf8',
    )
    .digest('base64')
  text = text.replace(/(<(?:\w+:)?DigestValue>)[^<]*(<)/, `$1${digest}$2`)
  const doc2 = parse(text)
  const parts2 = readSignatureParts(listSignatures(doc2)[0]!)
  if (typeof parts2 === 'string') throw new Error(parts2)
  const si = c14nOptionsFor(parts2.canonicalizationMethod)!
  const bytes = Buffer.from(
    canonicalize(parts2.signedInfo, { ...si, inclusivePrefixes: si.exclusive ? parts2.signedInfoPrefixes : undefined }),
    'utf8',
  )
  const alg = SIGNATURE_ALGORITHMS[parts2.signatureMethod]!
  const value =
    alg.keyType === 'ec' ? sign(alg.hash, bytes, { key, dsaEncoding: 'ieee-p1363' }) : sign(alg.hash, bytes, key)
  return text.replace(/(<(?:\w+:)?SignatureValue>)[^<]*(<)/, `$1${value.toString('base64')}$2`)
}

function parse(xml: string) {
  const p = parseSafeXml(xml)
  if (!p.ok) throw new Error(JSON.stringify(p.findings))
  return p.value
}
