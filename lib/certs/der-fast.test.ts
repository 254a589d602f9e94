import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { filesUnder, REAL } from '../../tests/helpers'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { selfSignedCertificatePem } from '../mock-idp/self-signed-cert'
import { certificateSignatureAlgorithm, signatureAlgorithmName } from './der'
import { readCommonCertificate, type FastCertificate } from './der-fast'

/** What X509Certificate says, in the fast reader's terms; undefined when OpenSSL refuses the DER. */
function viaOpenSsl(der: Buffer): FastCertificate | undefined {
  try {
    const x = new X509Certificate(der)
    return {
      subject: x.subject,
      issuer: x.issuer,
      notBefore: new Date(x.validFrom),
      notAfter: new Date(x.validTo),
      fingerprint256: x.fingerprint256,
      sha1Thumbprint: x.fingerprint.replace(/:/g, ''),
      publicKey: x.publicKey,
      keyBits: x.publicKey.asymmetricKeyDetails?.modulusLength ?? -1,
      signatureAlgorithmOid: '(compared by name)',
    }
  } catch {
    return undefined
  }
}

function expectSame(der: Buffer): boolean {
  const fast = readCommonCertificate(der)
  if (!fast) return false
  const ref = viaOpenSsl(der)
  expect(ref, 'the fast reader accepted DER that X509Certificate refuses').toBeDefined()
  expect({ ...fast, publicKey: undefined, signatureAlgorithmOid: undefined }).toEqual({
    ...ref!,
    publicKey: undefined,
    signatureAlgorithmOid: undefined,
  })
  expect(signatureAlgorithmName(fast.signatureAlgorithmOid)).toBe(certificateSignatureAlgorithm(der))
  expect(fast.publicKey.export({ format: 'jwk' })).toEqual(ref!.publicKey.export({ format: 'jwk' }))
  expect(fast.publicKey.asymmetricKeyDetails).toEqual(ref!.publicKey.asymmetricKeyDetails)
  return true
}

const realCertificates = (): Buffer[] => {
  const seen = new Set<string>()
  for (const file of filesUnder(REAL, (n) => /\.(xml|json|pem|cer|crt|txt)$/i.test(n))) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)) seen.add(m[1]!.replace(/\s+/g, ''))
    for (const m of text.matchAll(/"x5c"\s*:\s*\[\s*"([^"]+)"/g)) seen.add(m[1]!.replace(/\\n|\s+/g, ''))
    for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g))
      seen.add(m[1]!.replace(/\s+/g, ''))
  }
  return [...seen].map((b) => Buffer.from(b, 'base64')).filter((d) => viaOpenSsl(d) !== undefined)
}

describe('the fast certificate reader gives exactly what X509Certificate gives, or nothing', () => {
  const real = realCertificates()
  const testdata = filesUnder(join(__dirname, 'testdata'), (n) => n.endsWith('.pem')).map((f) =>
    Buffer.from(new X509Certificate(readFileSync(f)).raw),
  )

  test('every real certificate in the fixtures (most are read fast)', () => {
    expect(real.length).toBeGreaterThan(20)
    const fast = [...real, ...testdata].filter(expectSame).length
    expect(fast).toBeGreaterThan(real.length / 2)
  })

  test('certificates made by the mock IdP', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    for (const commonName of ['idp.example', 'Contoso SSO (2026)', "O'Brien test", 'a+b, c', ' lead', '#hash', 'é']) {
      const der = Buffer.from(
        new X509Certificate(
          selfSignedCertificatePem({
            privateKey,
            publicKey,
            commonName,
            notBefore: new Date('2049-12-31T23:59:59Z'),
            notAfter: new Date('2050-01-01T00:00:00Z'),
          }),
        ).raw,
      )
      expectSame(der)
    }
  })

  test('a 300 KB common name is read like any other (it once overflowed the stack), and the reading never throws', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = selfSignedCertificatePem({
      privateKey,
      publicKey,
      commonName: 'a'.repeat(300_000),
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    })
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64')
    expect(expectSame(der)).toBe(true)
    expect(readCommonCertificate(der)!.subject).toHaveLength('CN='.length + 300_000)
  })

  test('linear in the size of a name (time at n and 4n)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const der = (n: number) =>
      Buffer.from(
        selfSignedCertificatePem({
          privateKey,
          publicKey,
          commonName: 'a.'.repeat(n / 2),
          notBefore: new Date('2026-01-01T00:00:00Z'),
          notAfter: new Date('2027-01-01T00:00:00Z'),
        }).replace(/-----[^-]+-----|\s+/g, ''),
        'base64',
      )
    const { ratio } = growthRatio((n) => {
      const d = der(n)
      return () => readCommonCertificate(d)
    }, 60_000)
    expect(ratio).toBeLessThan(LINEAR_BOUND)
  })

  test('damaged certificates: never accepted where X509Certificate refuses, never read differently', () => {
    const samples = real.slice(0, 12)
    fc.assert(
      fc.property(
        fc.nat(samples.length - 1),
        fc.array(fc.tuple(fc.nat(4000), fc.nat(255)), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (which, edits, truncate) => {
          const der = Buffer.from(samples[which]!)
          for (const [at, byte] of edits) der[at % der.length] = byte
          expectSame(truncate ? der.subarray(0, der.length - 1 - (edits[0]![1] % 40)) : der)
        },
      ),
      { numRuns: 20_000 },
    )
  })
})
