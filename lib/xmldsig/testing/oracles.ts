import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignedXml } from 'xml-crypto'
import { parseDom, domSignatures } from './xml-crypto-c14n'

/*
 * Test support: the two reference verifiers our verdicts are compared with. xmlsec1 (Debian's `xmlsec1`, the
 * reference XML-DSig implementation) is run with the metadata certificate only, never --insecure.
 */

const XMLSEC1 = ['/usr/bin/xmlsec1', '/usr/local/bin/xmlsec1'].find((p) => existsSync(p))
export const xmlsec1Available = XMLSEC1 !== undefined

export function toPem(cert: string): string {
  if (cert.includes('-----BEGIN')) return cert
  const b64 = cert.replace(/\s+/g, '')
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`
}

const ID_ATTRS = [
  'urn:oasis:names:tc:SAML:2.0:assertion:Assertion',
  'urn:oasis:names:tc:SAML:2.0:protocol:Response',
  'urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse',
  'urn:oasis:names:tc:SAML:2.0:protocol:LogoutRequest',
  'urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest',
  'urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor',
  'urn:oasis:names:tc:SAML:2.0:metadata:EntitiesDescriptor',
]

/** Whether xmlsec1 verifies the n-th (0-based, document order) ds:Signature of `xml` with `certPem`. */
export function xmlsec1Verifies(xml: string, certPem: string, n: number): boolean {
  if (!XMLSEC1) throw new Error('xmlsec1 not installed')
  const dir = mkdtempSync(join(tmpdir(), 'dsig-'))
  try {
    writeFileSync(join(dir, 'doc.xml'), xml)
    const pem = toPem(certPem)
    const isKey = pem.includes('PUBLIC KEY')
    writeFileSync(join(dir, 'key.pem'), pem)
    const args = ['--verify', isKey ? '--pubkey-pem' : '--pubkey-cert-pem', join(dir, 'key.pem')]
    for (const a of ID_ATTRS) args.push('--id-attr:ID', a)
    args.push(
      '--node-xpath',
      `(//*[local-name()='Signature' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#'])[${n + 1}]`,
    )
    args.push(join(dir, 'doc.xml'))
    try {
      execFileSync(XMLSEC1, args, { stdio: 'pipe', timeout: 20_000 })
      return true
    } catch {
      return false
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether xml-crypto 6.3.2's checkSignature accepts the n-th ds:Signature of `xml` with `certPem` (a throw is a no). */
export function xmlCryptoVerifies(text: string, certPem: string, n: number): boolean {
  // The BOM is transport, not content (our parser drops it too); xml-crypto's own re-parse trips on it.
  const xml = text.replace(/^\uFEFF/, '')
  const dom = parseDom(xml)
  if (!dom) return false
  const sig = domSignatures(dom)[n]
  if (!sig) return false
  try {
    const sx = new SignedXml({ publicCert: toPem(certPem) })
    sx.loadSignature(sig as unknown as Node)
    return sx.checkSignature(xml)
  } catch {
    return false
  }
}
