import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SignedXml } from 'xml-crypto'

/*
 * Test support: signs documents with xml-crypto and the repository's TEST-ONLY key (e2e/test-keys), so generated
 * variants are signed by an implementation other than ours.
 */

export const TEST_KEY_PEM = readFileSync(resolve('e2e/test-keys/TEST-ONLY-bench-idp.key.pem'), 'utf8')
export const TEST_CERT_PEM = readFileSync(resolve('e2e/test-keys/TEST-ONLY-bench-idp.cert.pem'), 'utf8')

export interface SignOptions {
  /** XPath of the element to sign (its ID attribute names it). */
  readonly xpath: string
  /** Where the Signature goes: after this element (XPath), or prepended into the signed element. */
  readonly after?: string
  readonly c14n: string
  readonly signedInfoC14n?: string
  readonly prefix?: string
  readonly prefixList?: string[]
  readonly signedInfoPrefixList?: string[]
  readonly signatureAlgorithm?: string
  readonly digestAlgorithm?: string
}

export function signWithXmlCrypto(xml: string, o: SignOptions): string {
  const sig = new SignedXml({
    privateKey: TEST_KEY_PEM,
    publicCert: TEST_CERT_PEM,
    signatureAlgorithm: (o.signatureAlgorithm ?? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256') as never,
    canonicalizationAlgorithm: (o.signedInfoC14n ?? o.c14n) as never,
    ...(o.signedInfoPrefixList ? { inclusiveNamespacesPrefixList: o.signedInfoPrefixList } : {}),
  })
  sig.addReference({
    xpath: o.xpath,
    digestAlgorithm: (o.digestAlgorithm ?? 'http://www.w3.org/2001/04/xmlenc#sha256') as never,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', o.c14n] as never,
    ...(o.prefixList ? { inclusiveNamespacesPrefixList: o.prefixList } : {}),
  })
  sig.computeSignature(xml, {
    ...(o.prefix ? { prefix: o.prefix } : {}),
    location: o.after ? { reference: o.after, action: 'after' } : { reference: o.xpath, action: 'prepend' },
  })
  return sig.getSignedXml()
}
