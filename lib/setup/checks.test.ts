import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseCertificate } from '../certs/parse'
import type { CertificateSummary } from '../findings/index'
import { BUILTIN_PROFILES } from '../profiles/index'
import { maskValue } from '../store/mask'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import {
  accountEmailFindings,
  immutableIdChangeFindings,
  immutableIdSourceFindings,
  readVendorCertificate,
  testUserCapFindings,
  vendorCertificateFindings,
  verifiedDomainFindings,
} from './checks'
import { storedRun } from './testing'

const vendor = BUILTIN_PROFILES.autodesk
const generic = BUILTIN_PROFILES.generic
const pem = (f: string) => readFileSync(join(__dirname, '../certs/testdata', f), 'utf8')
function summary(file: string, o: Partial<CertificateSummary> = {}): CertificateSummary {
  const c = parseCertificate(pem(file))!
  return {
    use: 'signing',
    subject: c.commonName,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sha256: c.sha256,
    sha1: c.sha1Thumbprint,
    ...o,
  }
}

describe('verified domains', () => {
  test('none given: says so instead of passing', () => {
    const f = verifiedDomainFindings(undefined, [storedRun({ user: 'a@corp.example' })], vendor)
    expect(f.map((x) => x.code)).toEqual(['SAML_SETUP_NO_VERIFIED_DOMAINS'])
    expect(f[0]!.severity).toBe('warning')
  })

  test('a test user of another domain is an error naming the domain; the email claim decides over the NameID', () => {
    const runs = [
      storedRun({ user: 'a@corp.example' }),
      storedRun({ user: 'b@corp.example', email: 'b@subsidiary.example' }),
    ]
    const f = verifiedDomainFindings(['Corp.example'], runs, vendor)
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({
      code: 'SAML_SETUP_DOMAIN_NOT_VERIFIED',
      owner: 'vendor',
      evidence: { expected: ['corp.example'], actual: ['subsidiary.example'], count: 1 },
    })
    expect(verifiedDomainFindings(['corp.example', 'subsidiary.example'], runs, vendor)).toEqual([])
  })

  test('a sub-domain is not its parent: exact match only', () => {
    const f = verifiedDomainFindings(['corp.example'], [storedRun({ user: 'a@eu.corp.example' })], vendor)
    expect(f[0]?.evidence.actual).toEqual(['eu.corp.example'])
  })
})

describe('account email', () => {
  const forms = (e: string) => [maskValue(e), maskValue(e.toLowerCase())]
  test('the email claim equal to the existing account email passes; another address for the same signed-in user fails', () => {
    const runs = [storedRun({ user: 'jane@corp.example', email: 'jane.doe@corp.example' })]
    expect(accountEmailFindings([forms('jane.doe@corp.example')], runs, vendor)).toMatchObject({
      findings: [],
      matched: 1,
      untested: 0,
    })
    // The account was created with the UPN; the IdP sends the mail address: the user would get a new account.
    const r = accountEmailFindings([forms('jane@corp.example')], runs, vendor)
    expect(r.findings.map((f) => f.code)).toEqual(['SAML_SETUP_ACCOUNT_EMAIL_MISMATCH'])
    expect(r.findings[0]!.evidence).toMatchObject({
      expected: maskValue('jane@corp.example'),
      actual: maskValue('jane.doe@corp.example'),
    })
    expect(r.findings[0]!.fixAt).toMatch(/Attributes & Claims/)
  })

  test('an address no test login has shown is untested, not a failure; case of the given address does not matter', () => {
    const runs = [storedRun({ user: 'jane@corp.example', email: 'jane@corp.example' })]
    expect(accountEmailFindings([forms('bob@corp.example')], runs, vendor)).toMatchObject({
      findings: [],
      matched: 0,
      untested: 1,
    })
    expect(accountEmailFindings([forms('Jane@corp.example')], runs, vendor)).toMatchObject({ findings: [], matched: 1 })
  })
})

describe('immutable ID', () => {
  test('the same user with two objectGUID values across runs is a warning; different users are not compared', () => {
    const runs = [
      storedRun({ user: 'a@c.example', guid: 'g-1' }),
      storedRun({ user: 'a@c.example', guid: 'g-2' }),
      storedRun({ user: 'b@c.example', guid: 'g-3' }),
    ]
    const f = immutableIdChangeFindings(runs, vendor)
    expect(f.map((x) => x.code)).toEqual(['SAML_SETUP_IMMUTABLE_ID_CHANGED'])
    expect(f[0]).toMatchObject({
      severity: 'warning',
      owner: 'idp',
      evidence: { attribute: 'objectGUID', expected: maskValue('g-1'), actual: [maskValue('g-2')] },
    })
    expect(
      immutableIdChangeFindings(
        [storedRun({ user: 'a@c.example', guid: 'g-1' }), storedRun({ user: 'a@c.example', guid: 'g-1' })],
        vendor,
      ),
    ).toEqual([])
  })

  test('a profile without an immutable attribute checks nothing', () => {
    expect(
      immutableIdChangeFindings(
        [storedRun({ user: 'a@c.example', guid: 'x' }), storedRun({ user: 'a@c.example', guid: 'y' })],
        generic,
      ),
    ).toEqual([])
  })

  test('source: an address or an on-premises objectGUID (base64) warns, the Entra object ID does not; the value is never in the evidence', () => {
    const onPrem = Buffer.alloc(16, 7).toString('base64')
    const email = immutableIdSourceFindings(vendor, [{ name: 'objectGUID', values: ['jane@corp.example'] }])
    expect(email.map((f) => f.code)).toEqual(['SAML_SETUP_IMMUTABLE_ID_MUTABLE_SOURCE'])
    const migrated = immutableIdSourceFindings(vendor, [
      { name: 'http://schemas.microsoft.com/identity/claims/objectidentifier', values: [onPrem] },
    ])
    expect(migrated.map((f) => f.code)).toEqual(['SAML_SETUP_IMMUTABLE_ID_MIGRATION_SOURCE'])
    expect(JSON.stringify([...email, ...migrated])).not.toMatch(/jane@|BwcHBw/)
    expect(
      immutableIdSourceFindings(vendor, [{ name: 'objectGUID', values: ['3f2504e0-4f89-11d3-9a0c-0305e82c3301'] }]),
    ).toEqual([])
    expect(immutableIdSourceFindings(vendor, [{ name: 'objectGUID', values: ['a@b'] }])).toEqual([])
  })

  test('the address test is linear in the value (n vs 4n)', () => {
    const { ratio } = growthRatio(
      (k) => {
        const attrs = [{ name: 'objectGUID', values: ['a@' + '.'.repeat(k) + '@'] }]
        return () => immutableIdSourceFindings(vendor, attrs)
      },
      50_000,
      { flatOk: true },
    ) // a value that is no address is told early
    expect(ratio).toBeLessThan(LINEAR_BOUND)
  })
})

describe('certificate held at the vendor', () => {
  const active = summary('rsa2048-sha256.pem')
  const other = summary('ec-p256.pem')
  const now = new Date(Date.parse(active.notBefore) + 86_400_000)

  test('the same certificate, as PEM, SHA-1 or SHA-256 thumbprint, passes', () => {
    expect(vendorCertificateFindings(pem('rsa2048-sha256.pem'), [active], { now })).toEqual([])
    expect(vendorCertificateFindings(active.sha1!.toLowerCase().match(/../g)!.join(' '), [active], { now })).toEqual([])
    expect(vendorCertificateFindings(`SHA256: ${active.sha256}`, [active], { now })).toEqual([])
  })

  test('a certificate the IdP does not publish is an error listing what the IdP does publish', () => {
    const f = vendorCertificateFindings(pem('ed25519.pem'), [active], { now })
    expect(f.map((x) => x.code)).toEqual(['CERT_SETUP_VENDOR_CERT_NOT_IN_METADATA'])
    expect(f[0]!.evidence.expected).toEqual([expect.objectContaining({ sha1: active.sha1 })])
  })

  test('a published certificate that did not sign the latest test login is not the active one', () => {
    const f = vendorCertificateFindings(other.sha1!, [active, other], { now, signedWith: active.sha256 })
    expect(f.map((x) => x.code)).toEqual(['CERT_SETUP_VENDOR_CERT_NOT_ACTIVE'])
    expect(f[0]!.evidence).toMatchObject({ expected: { sha1: active.sha1 }, actual: { sha1: other.sha1 } })
    expect(vendorCertificateFindings(active.sha1!, [active, other], { now, signedWith: active.sha256 })).toEqual([])
  })

  test('text that is neither a certificate nor a thumbprint is said so', () => {
    expect(readVendorCertificate('not a cert')).toMatchObject({ ok: false })
    expect(vendorCertificateFindings('MIIC…', [active], { now }).map((f) => f.code)).toEqual([
      'CERT_SETUP_VENDOR_CERT_UNREADABLE',
    ])
  })
})

describe('test-user cap', () => {
  test('a cap, not a target: below or at the cap nothing, above it a warning', () => {
    expect(testUserCapFindings(vendor, 1)).toEqual([])
    expect(testUserCapFindings(vendor, 30)).toEqual([])
    expect(testUserCapFindings(vendor, 31).map((f) => f.code)).toEqual(['SAML_SETUP_TEST_USERS_OVER_CAP'])
    expect(testUserCapFindings(generic, 500)).toEqual([])
  })
})
