import { createHash, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { BUILTIN_PROFILES } from '../profiles/index'
import {
  certificateFingerprint,
  checkCertificate,
  checkRollover,
  isWeakSignatureAlgorithm,
  normaliseCertificateText,
  parseCertificate,
  pickCurrentCertificate,
  readCertificate,
  summarizeCertificate,
} from './index'
import type { CertCheckContext, ParsedCertificate } from './index'
import { certificateSignatureAlgorithm } from './index'

const pem = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')
const REAL = '../shared/fixtures/real/saml-metadata'
const certsIn = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) => m[1]!)
const unique = (xs: string[]) => [...new Set(xs.map(normaliseCertificateText))]

const RSA = pem('rsa2048-sha256.pem')
const rsa = parseCertificate(RSA)!
const ctx = (now: Date, o: Partial<CertCheckContext> = {}): CertCheckContext => ({
  now,
  profile: BUILTIN_PROFILES.autodesk,
  idp: 'entra',
  ...o,
})
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000)
const pick = (fs: ReturnType<typeof checkCertificate>) =>
  fs.map(({ code, severity, owner }) => ({ code, severity, owner }))
const WHERE = '/EntityDescriptor/IDPSSODescriptor/KeyDescriptor'

describe('parseCertificate', () => {
  test('reads base64 with line breaks and PEM alike, and caches by the normalised text', () => {
    const b64 = normaliseCertificateText(RSA)
    const wrapped = b64.replace(/(.{64})/g, '$1\n      ')
    const a = parseCertificate(RSA)!
    expect(parseCertificate(wrapped)).toBe(a)
    expect(a).toMatchObject({
      commonName: 'test-rsa2048-sha256',
      keyType: 'rsa',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      selfSigned: true,
    })
    expect(a.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })
  test('a real Okta certificate: subject, dates and algorithm', () => {
    const c = parseCertificate(certsIn(`${REAL}/okta/ssoready-okta-app-metadata.xml`)[0]!)!
    expect(c.commonName).toBe('trial-1022863')
    expect(c.notAfter.toISOString()).toBe('2034-04-25T20:31:02.000Z')
    expect(c.signatureAlgorithm).toBe('sha256WithRSAEncryption')
  })
  test('EC keys report their curve size', () => {
    expect(parseCertificate(pem('ec-p256.pem'))).toMatchObject({
      keyType: 'ec',
      keyBits: 256,
      curve: 'prime256v1',
      signatureAlgorithm: 'ecdsa-with-SHA256',
    })
  })
  test('placeholders and damaged text are told apart', () => {
    expect(readCertificate('MIIC...')).toMatchObject({ kind: 'placeholder' })
    expect(readCertificate('REDACTED')).toMatchObject({ kind: 'placeholder' })
    expect(readCertificate('  ')).toMatchObject({ kind: 'placeholder', reason: 'empty' })
    expect(readCertificate('MIIDqjCCApKgAwIBAgIGAYCn')).toMatchObject({ kind: 'placeholder' })
    expect(readCertificate(normaliseCertificateText(RSA).slice(0, 400))).toMatchObject({ kind: 'unparseable' })
    expect(readCertificate('not base64 at all!')).toMatchObject({ kind: 'unparseable', reason: 'not base64' })
    expect(parseCertificate('MIIC...')).toBeUndefined()
  })
  test('a certificate whose validity dates cannot be read is unparseable (derived: one base64 character of notBefore changed)', () => {
    const b64 = normaliseCertificateText(certsIn(`${REAL}/okta/ssoready-okta-app-metadata.xml`)[0]!)
    const damaged = b64.replace('MjQwNDI1MjAzMDAy', 'AjQwNDI1MjAzMDAy')
    expect(damaged).not.toBe(b64)
    expect(readCertificate(damaged)).toMatchObject({
      kind: 'unparseable',
      reason: expect.stringMatching(/^validity dates cannot be read/),
    })
  })
  test('weak certificate signature algorithms', () => {
    expect(
      ['md5WithRSAEncryption', 'sha1WithRSAEncryption', 'ecdsa-with-SHA1', 'dsa-with-SHA1'].every(
        isWeakSignatureAlgorithm,
      ),
    ).toBe(true)
    expect(['sha256WithRSAEncryption', 'ecdsa-with-SHA256', 'Ed25519'].some(isWeakSignatureAlgorithm)).toBe(false)
  })
})

describe('checkCertificate', () => {
  const mid = days(rsa.notBefore, 100)
  test('a current RSA-2048 SHA-256 certificate has no finding', () => {
    expect(checkCertificate(rsa, { ctx: ctx(mid), use: 'signing', where: WHERE })).toEqual([])
  })
  test('CERT_EXPIRED: names notAfter and now (real expired Entra certificate)', () => {
    const text = certsIn(`${REAL}/entra/wowblacksheep-entra-app-70186da4-federationmetadata.xml`)[0]!
    const now = new Date('2026-11-22T00:00:00Z')
    const [f, ...rest] = checkCertificate(text, { ctx: ctx(now), use: 'signing', where: WHERE })
    expect(rest).toEqual([])
    expect(f).toMatchObject({
      code: 'CERT_EXPIRED',
      severity: 'error',
      owner: 'idp',
      evidence: {
        actual: 'expired 2022-10-23T09:45:10.000Z',
        notAfter: '2022-10-23T09:45:10.000Z',
        now: now.toISOString(),
        subject: 'Microsoft Azure Federated SSO Certificate',
        use: 'signing',
        where: WHERE,
      },
    })
    expect(f!.fixAt).toContain('Entra admin center')
  })
  test('CERT_EXPIRING_SOON within the profile window (30 days), not outside it', () => {
    const [f] = checkCertificate(rsa, { ctx: ctx(days(rsa.notAfter, -10)), use: 'signing', where: WHERE })
    expect(f).toMatchObject({
      code: 'CERT_EXPIRING_SOON',
      severity: 'warning',
      owner: 'idp',
      evidence: { expected: 'valid for at least 30 more days', daysLeft: 10 },
    })
    expect(checkCertificate(rsa, { ctx: ctx(days(rsa.notAfter, -31)), use: 'signing', where: WHERE })).toEqual([])
  })
  test('CERT_NOT_YET_VALID', () => {
    const fs = checkCertificate(rsa, { ctx: ctx(days(rsa.notBefore, -1)), use: 'signing', where: WHERE })
    expect(pick(fs)).toEqual([{ code: 'CERT_NOT_YET_VALID', severity: 'error', owner: 'idp' }])
    expect(fs[0]!.evidence).toMatchObject({ actual: `valid from ${rsa.notBefore.toISOString()}` })
  })
  test("the validity window gets the same clock skew as responses (the profile's 180 s)", () => {
    const secs = (d: Date, n: number) => new Date(d.getTime() + n * 1000)
    // notBefore one second after now: inside the skew, so no finding (it was an error before).
    expect(checkCertificate(rsa, { ctx: ctx(secs(rsa.notBefore, -1)), use: 'signing', where: WHERE })).toEqual([])
    expect(checkCertificate(rsa, { ctx: ctx(secs(rsa.notBefore, -180)), use: 'signing', where: WHERE })).toEqual([])
    const early = checkCertificate(rsa, { ctx: ctx(secs(rsa.notBefore, -181)), use: 'signing', where: WHERE })
    expect(pick(early)).toEqual([{ code: 'CERT_NOT_YET_VALID', severity: 'error', owner: 'idp' }])
    expect(early[0]!.evidence).toMatchObject({ tolerance: '180 s' })
    // notAfter: expired only once the skew has passed too; within it the certificate is expiring, not expired.
    expect(pick(checkCertificate(rsa, { ctx: ctx(secs(rsa.notAfter, 1)), use: 'signing', where: WHERE }))).toEqual([
      { code: 'CERT_EXPIRING_SOON', severity: 'warning', owner: 'idp' },
    ])
    expect(pick(checkCertificate(rsa, { ctx: ctx(secs(rsa.notAfter, 180)), use: 'signing', where: WHERE }))).toEqual([
      { code: 'CERT_EXPIRED', severity: 'error', owner: 'idp' },
    ])
    // The context's skew (CheckContext.skewSeconds) wins over the profile's.
    expect(
      pick(
        checkCertificate(rsa, { ctx: ctx(secs(rsa.notBefore, -1), { skewSeconds: 0 }), use: 'signing', where: WHERE }),
      ),
    ).toEqual([{ code: 'CERT_NOT_YET_VALID', severity: 'error', owner: 'idp' }])
  })
  test('CERT_RSA_KEY_TOO_SMALL: 1024 bits under a 2048 minimum', () => {
    const c = parseCertificate(pem('rsa1024.pem'))!
    const fs = checkCertificate(c, { ctx: ctx(days(c.notBefore, 1)), use: 'signing', where: WHERE })
    expect(pick(fs)).toEqual([{ code: 'CERT_RSA_KEY_TOO_SMALL', severity: 'error', owner: 'idp' }])
    expect(fs[0]!.evidence).toMatchObject({ expected: 'RSA key of at least 2048 bits', actual: 'RSA 1024 bits' })
  })
  test('CERT_WEAK_SIGNATURE_ALGORITHM: info on a self-signed certificate, warning on a CA-issued one', () => {
    const self = parseCertificate(pem('self-signed-sha1.pem'))!
    const issued = parseCertificate(pem('ca-issued-sha1.pem'))!
    expect(issued.selfSigned).toBe(false)
    const a = checkCertificate(self, { ctx: ctx(days(self.notBefore, 1)), use: 'signing', where: WHERE })
    const b = checkCertificate(issued, { ctx: ctx(days(issued.notBefore, 1)), use: 'signing', where: WHERE })
    expect(pick(a)).toEqual([{ code: 'CERT_WEAK_SIGNATURE_ALGORITHM', severity: 'info', owner: 'idp' }])
    expect(pick(b)).toEqual([{ code: 'CERT_WEAK_SIGNATURE_ALGORITHM', severity: 'warning', owner: 'idp' }])
    expect(b[0]!.evidence).toMatchObject({
      expected: 'sha256WithRSAEncryption or stronger',
      actual: 'sha1WithRSAEncryption',
      selfSigned: false,
    })
  })
  test('EC keys are fine; Ed25519 gets CERT_KEY_TYPE_UNSUPPORTED', () => {
    const ec = parseCertificate(pem('ec-p256.pem'))!
    expect(checkCertificate(ec, { ctx: ctx(days(ec.notBefore, 1)), use: 'jwks', where: 'x5c[0]' })).toEqual([])
    const ed = parseCertificate(pem('ed25519.pem'))!
    const fs = checkCertificate(ed, { ctx: ctx(days(ed.notBefore, 1)), use: 'signing', where: WHERE })
    expect(pick(fs)).toEqual([{ code: 'CERT_KEY_TYPE_UNSUPPORTED', severity: 'warning', owner: 'idp' }])
    expect(fs[0]!.evidence).toMatchObject({ actual: 'ed25519' })
  })
  test('CERT_PLACEHOLDER for redacted text, CERT_UNPARSEABLE for damaged text', () => {
    const [p] = checkCertificate('MIIC...', { ctx: ctx(mid), use: 'signing', where: WHERE })
    expect(p).toMatchObject({
      code: 'CERT_PLACEHOLDER',
      severity: 'error',
      owner: 'idp',
      evidence: { expected: 'a base64 X.509 certificate', actual: 'MIIC...', where: WHERE },
    })
    const [u] = checkCertificate(normaliseCertificateText(RSA).slice(0, 400), {
      ctx: ctx(mid),
      use: 'signing',
      where: WHERE,
    })
    expect(u).toMatchObject({ code: 'CERT_UNPARSEABLE', severity: 'error', owner: 'idp' })
  })
  test('encryption certificates are reported one level softer', () => {
    const [f] = checkCertificate(rsa, { ctx: ctx(days(rsa.notAfter, 1)), use: 'encryption', where: WHERE })
    expect(f).toMatchObject({ code: 'CERT_EXPIRED', severity: 'warning' })
  })
})

describe('rollover', () => {
  const ggtristams = unique(certsIn(`${REAL}/entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml`)).map((c) =>
    parseCertificate(c)!,
  )
  const now = new Date('2026-11-22T00:00:00Z')
  test('CERT_ROLLOVER_EXPIRED_BESIDE_VALID: says which certificate to keep (real Entra rollover, signed with the expired one)', () => {
    const expired = ggtristams.find((c) => c.notAfter < now)!
    const valid = ggtristams.find((c) => c.notAfter > now)!
    const [f, ...rest] = checkRollover(ggtristams, now, { ctx: { idp: 'entra' }, signedWith: expired.sha256 })
    expect(rest).toEqual([])
    expect(f).toMatchObject({
      code: 'CERT_ROLLOVER_EXPIRED_BESIDE_VALID',
      severity: 'warning',
      owner: 'idp',
      evidence: {
        expected: { keep: { sha256: valid.sha256, notAfter: '2027-05-07T16:44:56.000Z', status: 'valid' } },
        remove: [{ sha256: expired.sha256, status: 'expired' }],
        metadataSignedWith: { sha256: expired.sha256, status: 'expired' },
      },
    })
    expect((f!.evidence.actual as unknown[]).length).toBe(2)
  })
  test('CERT_ROLLOVER_IN_PROGRESS: two valid Google certificates, the newest is current', () => {
    const google = unique(certsIn(`${REAL}/other/ggtristams-google-C03ddq7te-idp-metadata.xml`)).map((c) =>
      parseCertificate(c)!,
    )
    const [f] = checkRollover(google, now)
    const newest = [...google].sort((a, b) => +b.notBefore - +a.notBefore)[0]!
    expect(f).toMatchObject({
      code: 'CERT_ROLLOVER_IN_PROGRESS',
      severity: 'info',
      owner: 'idp',
      evidence: { expected: { keep: { sha256: newest.sha256 } } },
    })
    expect(pickCurrentCertificate(google, now)).toBe(newest)
  })
  test('one certificate, or all expired: no rollover finding', () => {
    expect(checkRollover([rsa], now)).toEqual([])
    const jmfixit = unique(certsIn(`${REAL}/entra/jmfixit-entra-tenant-8b966979-federationmetadata-2017.xml`)).map(
      (c) => parseCertificate(c)!,
    )
    expect(jmfixit).toHaveLength(3)
    expect(checkRollover(jmfixit, now)).toEqual([])
  })
})

test('summarizeCertificate gives a timeline row', () => {
  const c: ParsedCertificate = rsa
  expect(summarizeCertificate(c, 'signing', WHERE, { signsNow: true })).toEqual({
    use: 'signing',
    subject: 'test-rsa2048-sha256',
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sha256: c.sha256,
    sha1: c.sha1Thumbprint,
    base64: normaliseCertificateText(RSA),
    keyType: 'rsa',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signsNow: true,
    where: WHERE,
  })
})

describe('thumbprints as an admin compares them with the IdP’s screen', () => {
  // The expected value is computed here by another route than parse.ts (a plain SHA-1 over the DER bytes the PEM
  // armour wraps), which is what `openssl x509 -fingerprint -sha1` prints, upper-case and without colons as Entra shows it.
  const opensslStyle = (text: string) =>
    createHash('sha1')
      .update(Buffer.from(normaliseCertificateText(text), 'base64'))
      .digest('hex')
      .toUpperCase()
  test('SHA-1 thumbprint of a PEM fixture: upper-case hex, no colons, 40 characters', () => {
    expect(rsa.sha1Thumbprint).toBe(opensslStyle(RSA))
    expect(rsa.sha1Thumbprint).toMatch(/^[0-9A-F]{40}$/)
  })
  test('every signing certificate of the real Entra and Okta metadata fixtures', () => {
    const texts = unique(
      [
        ...certsIn(`${REAL}/entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml`),
        ...certsIn(`${REAL}/okta/ssoready-okta-app-metadata.xml`),
      ].filter((t) => t.length > 200),
    )
    const read = texts.map((t) => parseCertificate(t)).filter((c) => c !== undefined)
    expect(read.length).toBeGreaterThan(0)
    for (const c of read) {
      expect(c.sha1Thumbprint).toBe(opensslStyle(c.base64))
      // The base64 a download offers is the certificate itself: it reads back to the same thumbprint.
      expect(new X509Certificate(Buffer.from(c.base64, 'base64')).fingerprint.replace(/:/g, '')).toBe(c.sha1Thumbprint)
    }
  })
})

describe('the one X.509 reader', () => {
  test("the signature verifier's trusted key is the certificate the checks read: parsed once, one cache", async () => {
    const { trustedKeysFromCertificates } = await import('../xmldsig/index')
    const cert = pem('ec-p256.pem')
    const [key] = trustedKeysFromCertificates([cert])
    expect(key?.cert).toBe(parseCertificate(cert))
    expect(key?.key).toBe(parseCertificate(cert)!.publicKey)
  })
  test('the cache is bounded and least-recently-used: a certificate in use stays, an idle one is dropped', () => {
    const busy = parseCertificate(pem('rsa1024.pem'))!
    const idle = parseCertificate(pem('self-signed-sha1.pem'))!
    // 3,000 other texts (more than the cache holds) while the busy certificate keeps being read.
    for (let i = 0; i < 3000; i++) {
      readCertificate(`not a certificate ${i}`)
      if (i % 100 === 0) expect(parseCertificate(pem('rsa1024.pem'))).toBe(busy)
    }
    expect(parseCertificate(pem('rsa1024.pem'))).toBe(busy)
    const again = parseCertificate(pem('self-signed-sha1.pem'))!
    expect(again).not.toBe(idle)
    expect(again.sha256).toBe(idle.sha256)
  })
  test('a certificate read again and again as the same text (the trust of every validation) stays in use for the LRU', () => {
    const text = pem('rsa1024.pem')
    const busy = parseCertificate(text)!
    for (let i = 0; i < 3000; i++) {
      readCertificate(`still not a certificate ${i}`)
      if (i % 2 === 0) expect(parseCertificate(text)).toBe(busy)
    }
    // The same certificate as other text (whitespace added): found by the cache, not read again.
    expect(parseCertificate(text.replace(/\n/g, '\r\n  '))).toBe(busy)
    expect(certificateFingerprint(text)).toBe(busy.sha256)
  })
})

describe('a certificate signature algorithm the table does not name is shown as its OID, as X.690 spells it', () => {
  // Certificate ::= SEQUENCE { tbs (empty here), AlgorithmIdentifier SEQUENCE { OID } }: enough for this reader.
  const certWithAlgorithm = (oidBytes: number[]) =>
    Uint8Array.from([
      0x30,
      6 + oidBytes.length,
      0x30,
      0x00,
      0x30,
      2 + oidBytes.length,
      0x06,
      oidBytes.length,
      ...oidBytes,
    ])

  test('a known OID by name', () => {
    const sha256Rsa = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]
    expect(certificateSignatureAlgorithm(certWithAlgorithm(sha256Rsa))).toBe('sha256WithRSAEncryption')
  })

  test('first arc 2 with a second arc of 40 or more (one byte 0x78, or several) is 2.x, not 3.x', () => {
    // 120 = 80 + 40: 2.40 (read as 3.0 when the first byte was divided by 40)
    expect(certificateSignatureAlgorithm(certWithAlgorithm([0x78, 0x86, 0x48, 0x01]))).toBe('2.40.840.1')
    // 1079 = 80 + 999 in two bytes: 2.999
    expect(certificateSignatureAlgorithm(certWithAlgorithm([0x88, 0x37, 0x03]))).toBe('2.999.3')
  })
})
