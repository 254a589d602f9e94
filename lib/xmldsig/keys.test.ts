import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { algorithmName, certificateProblems, trustedKeysFromCertificates } from './index'
import { TEST_CERT_PEM } from './testing/sign'

const B64 = TEST_CERT_PEM.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
const FINGERPRINT = new X509Certificate(TEST_CERT_PEM).fingerprint256

describe('trustedKeysFromCertificates', () => {
  it('accepts PEM, bare base64 and base64 broken over indented lines as in metadata', () => {
    const indented = '\n        ' + B64.replace(/(.{64})/g, '$1\n        ') + '\n      '
    const keys = trustedKeysFromCertificates([TEST_CERT_PEM, B64, indented])
    expect(keys.map((k) => k.index)).toEqual([0, 1, 2])
    expect(keys.every((k) => k.sha256 === FINGERPRINT)).toBe(true)
    expect(keys[0]!.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(keys[0]!.key.asymmetricKeyType).toBe('rsa')
  })
  it('caches the parsed key by normalised base64: the same certificate costs a lookup', () => {
    const a = trustedKeysFromCertificates([B64])[0]!
    const b = trustedKeysFromCertificates([` ${B64.slice(0, 40)}\n${B64.slice(40)} `])[0]!
    expect(b.key).toBe(a.key)
  })
  it('accepts a bare PUBLIC KEY', () => {
    const pub = new X509Certificate(TEST_CERT_PEM).publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const [k] = trustedKeysFromCertificates([pub])
    expect(k?.key.asymmetricKeyType).toBe('rsa')
    expect(k?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })
  it('skips unparseable entries and keeps the index of the good ones', () => {
    const certs = [
      '',
      'not base64 !!',
      'QUJD',
      B64,
      '-----BEGIN RSA PRIVATE KEY-----\nQUJD\n-----END RSA PRIVATE KEY-----',
      'MIIB' + 'A'.repeat(400),
    ]
    const keys = trustedKeysFromCertificates(certs)
    expect(keys.map((k) => k.index)).toEqual([3])
    const problems = certificateProblems(certs)
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 4, 5])
    expect(problems[0]!.detail).toBe('empty certificate')
    expect(problems[1]!.detail).toBe('not base64')
    expect(problems[2]!.detail).toMatch(/^not a parseable X\.509 certificate/)
    expect(problems[3]!.detail).toBe("unsupported PEM block 'RSA PRIVATE KEY'")
  })
  it('reports no problem for good certificates', () => {
    expect(certificateProblems([TEST_CERT_PEM, B64])).toEqual([])
  })
})

describe('algorithmName', () => {
  it('names the algorithms for evidence', () => {
    expect(algorithmName('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')).toBe('RSA-SHA256')
    expect(algorithmName('http://www.w3.org/2000/09/xmldsig#rsa-sha1')).toBe('RSA-SHA1')
    expect(algorithmName('http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384')).toBe('ECDSA-SHA384')
    expect(algorithmName('http://www.w3.org/2001/04/xmlenc#sha256')).toBe('SHA256')
    expect(algorithmName('http://www.w3.org/2001/10/xml-exc-c14n#')).toBe('Exclusive C14N')
    expect(algorithmName('http://www.w3.org/2000/09/xmldsig#hmac-sha1')).toBe('HMAC-SHA1')
    expect(algorithmName('urn:unknown')).toBe('urn:unknown')
  })
})
