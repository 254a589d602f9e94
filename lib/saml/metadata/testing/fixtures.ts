import { readFileSync } from 'node:fs'
import { SignedXml } from 'xml-crypto'

/* Test support (not product code): the real fixtures, derived variants and a signer with the TEST-ONLY key. */

export const REAL = '../shared/fixtures/real/saml-metadata'
export const real = (path: string) => readFileSync(`${REAL}/${path}`, 'utf8')
/** Real Okta app metadata (ssoready): the base every derived fixture alters. */
export const OKTA = real('okta/ssoready-okta-app-metadata.xml')
export const OKTA_ENTITY_ID = 'http://www.okta.com/exkdoocxa1VmjpXmX697'
export const PINNED_NOW = new Date('2026-11-22T00:00:00Z')

const KEY_PEM = readFileSync('e2e/test-keys/TEST-ONLY-bench-idp.key.pem', 'utf8')
export const TEST_CERT_PEM = readFileSync('e2e/test-keys/TEST-ONLY-bench-idp.cert.pem', 'utf8')
export const TEST_CERT_B64 = TEST_CERT_PEM.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
/** The TEST-ONLY certificate is valid from 2026-11-22T14:17:50Z to 2036-11-19: signature tests run inside that. */
export const SIGNED_NOW = new Date('2027-06-01T00:00:00Z')

/** Replaces exactly one occurrence (a derived fixture must say what it altered, and the alteration must happen). */
export function alter(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to)
  if (out === xml) throw new Error(`fixture alteration did not apply: ${String(from)}`)
  return out
}

/** Signs the root EntityDescriptor (enveloped, exclusive c14n, signature first) with the TEST-ONLY key. */
export function signMetadata(xml: string, o: { sha1?: boolean } = {}): string {
  const withId = xml.includes(' ID="')
    ? xml
    : alter(xml, /<md:EntityDescriptor /, '<md:EntityDescriptor ID="_test-metadata-1" ')
  const sig = new SignedXml({
    privateKey: KEY_PEM,
    publicCert: TEST_CERT_PEM,
    signatureAlgorithm: o.sha1
      ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
      : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  })
  sig.addReference({
    xpath: `/*[local-name(.)='EntityDescriptor']`,
    digestAlgorithm: o.sha1 ? 'http://www.w3.org/2000/09/xmldsig#sha1' : 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  })
  sig.computeSignature(withId, { location: { reference: `/*[local-name(.)='EntityDescriptor']`, action: 'prepend' } })
  return sig.getSignedXml()
}
