import { createRequire } from 'node:module'
import type { SignedXml as SignedXmlClass } from 'xml-crypto'
import type { MockIdpKeyPair } from '../keys'

const ALG = {
  sha256: {
    signature: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digest: 'http://www.w3.org/2001/04/xmlenc#sha256',
  },
  sha1: { signature: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digest: 'http://www.w3.org/2000/09/xmldsig#sha1' },
} as const

export type SignAlg = keyof typeof ALG

// Required on first use, not imported at the top: the bundled CLI keeps xml-crypto a package, and a static import
// of a package is hoisted to the top of the bundle, loading it (and xmldom, xpath) for every command.
let signedXml: typeof SignedXmlClass | undefined
function SignedXmlOnce(): typeof SignedXmlClass {
  signedXml ??= (createRequire(import.meta.url)('xml-crypto') as { SignedXml: typeof SignedXmlClass }).SignedXml
  return signedXml
}

/**
 * Signs one element (found by local name) with an enveloped signature placed after its Issuer, as IdPs do.
 * `which` picks the element: the Assertion, or the Response root.
 */
export function signElement(xml: string, which: 'Assertion' | 'Response', key: MockIdpKeyPair, alg: SignAlg): string {
  const path = which === 'Assertion' ? "//*[local-name(.)='Assertion']" : "/*[local-name(.)='Response']"
  const SignedXml = SignedXmlOnce()
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certPem,
    signatureAlgorithm: ALG[alg].signature,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  })
  sig.addReference({
    xpath: path,
    digestAlgorithm: ALG[alg].digest,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  })
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${path}/*[local-name(.)='Issuer']`, action: 'after' },
  })
  return sig.getSignedXml()
}
