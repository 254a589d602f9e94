import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema, type Report } from '../../findings/report'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeSamlMetadata, IdpMetadataSchema, parseIdpMetadata, toIdpTrust } from './index'
import { PINNED_NOW, REAL } from './testing/fixtures'

/*
 * Every real metadata file, clock pinned to SOURCES.md's reference date: no crash, a schema-valid report, and the
 * findings SOURCES.md's notes call for (expired certificates, rollover, Entra common, SP metadata, aggregates,
 * prefix-stripped, placeholders, metadata signatures that verify vs the two that do not).
 */

const SOURCES = readFileSync('../shared/fixtures/real/SOURCES.md', 'utf8')
const walk = (d: string): string[] =>
  readdirSync(d)
    .sort()
    .flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]))
const FILES = walk(REAL).map((p) => relative(REAL, p))
const reports = new Map<string, Report>(
  FILES.map((f) => [
    f,
    analyzeSamlMetadata(
      { xml: readFileSync(join(REAL, f), 'utf8'), source: f },
      { profile: BUILTIN_PROFILES.autodesk, now: PINNED_NOW },
    ),
  ]),
)
const report = (f: string) => reports.get(f)!
const codes = (f: string) => report(f).findings.map((x) => x.code)
const count = (f: string, code: string) => codes(f).filter((c) => c === code).length

/** Files whose expired certificate belongs to an entity that is not analysed (SP metadata, the SP of an aggregate). */
const NOT_ANALYSED = /^sp\/|crewjam-testshib|phpsaml-rctsaai/

test('the corpus is all there', () => {
  expect(FILES.length).toBe(43)
})

describe.each(FILES)('%s', (file) => {
  test('no crash, a valid report, no INPUT_ finding', () => {
    const r = report(file)
    expect(() => ReportSchema.parse(r)).not.toThrow()
    expect(r.subject).toMatchObject({ kind: 'saml-metadata', source: file })
    expect(r.findings.filter((f) => f.code.startsWith('INPUT_'))).toEqual([])
  })
})

describe('expired certificates listed in SOURCES.md', () => {
  const rows = [
    ...SOURCES.matchAll(/^- `saml-metadata\/([^`]+)`: (.+), notAfter (\d{4}-\d\d-\d\d) \*\*EXPIRED\*\*$/gm),
  ].map((m) => ({ file: m[1]!, subject: m[2]!, notAfter: m[3]! }))
  test('SOURCES.md lists them', () => expect(rows.length).toBeGreaterThan(25))
  test.each(rows.filter((r) => !NOT_ANALYSED.test(r.file)))(
    '$file: $subject ($notAfter) is CERT_EXPIRED',
    ({ file, subject, notAfter }) => {
      const hits = report(file).findings.filter(
        (f) =>
          f.code === 'CERT_EXPIRED' &&
          f.evidence.subject === subject &&
          String(f.evidence.notAfter).startsWith(notAfter),
      )
      expect(hits).toHaveLength(1)
      expect(hits[0]!.owner).toBe('idp')
    },
  )
  test('an expired encryption-only certificate is a warning, the signing one an error (AD FS)', () => {
    const fs = report('other/dcogg-adfs-sts.ucar.edu-federationmetadata.xml').findings.filter(
      (f) => f.code === 'CERT_EXPIRED',
    )
    expect(fs.map((f) => [f.evidence.subject, f.severity]).sort()).toEqual([
      ['ADFS Encryption - sts.ucar.edu', 'warning'],
      ['ADFS Signing - sts.ucar.edu', 'error'],
    ])
  })
  test('no CERT_EXPIRED on files whose certificates are all valid', () => {
    for (const f of [
      'okta/ssoready-okta-app-metadata.xml',
      'entra/erikgrootoonk-entra-common-tenantid-federationmetadata.xml',
      'other/ggtristams-google-C03ddq7te-idp-metadata.xml',
      'other/crewjam-samltest-id-shibboleth-idp-metadata.xml',
    ]) {
      expect(count(f, 'CERT_EXPIRED'), f).toBe(0)
    }
  })
})

describe('metadata signatures as xmlsec1 judged them (SOURCES.md)', () => {
  const rows = [...SOURCES.matchAll(/^\| `([^`]+\.xml)` \|.*metadata signed \(([^)]*)\): xmlsec1 (VERIFIES|FAILS)/gm)]
    .map((m) => ({ name: m[1]!, verdict: m[3]! }))
    .map((r) => ({ ...r, file: FILES.find((f) => f.endsWith('/' + r.name)) }))
    .filter(
      (r): r is { name: string; verdict: string; file: string } => r.file !== undefined && !NOT_ANALYSED.test(r.file),
    )
  test('SOURCES.md lists them', () => expect(rows.length).toBe(12))
  test.each(rows)('$file: $verdict', ({ file, verdict }) => {
    expect(
      count(
        file,
        verdict === 'VERIFIES' ? 'SAML_METADATA_SIGNATURE_INTEGRITY_ONLY' : 'SAML_METADATA_SIGNATURE_INVALID',
      ),
    ).toBe(1)
    expect(
      count(
        file,
        verdict === 'VERIFIES' ? 'SAML_METADATA_SIGNATURE_INVALID' : 'SAML_METADATA_SIGNATURE_INTEGRITY_ONLY',
      ),
    ).toBe(0)
  })
  test('the netsaml2 and PingFederate signatures fail with a digest mismatch', () => {
    for (const f of [
      'entra/netsaml2-entra-tenant-239f867f-multiple-signing-federationmetadata.xml',
      'other/wowblacksheep-pingfederate-evaluation-signed-metadata.xml',
    ]) {
      const sig = report(f).findings.find((x) => x.code === 'SAML_METADATA_SIGNATURE_INVALID')!
      expect(sig.evidence.actual, f).toEqual([expect.stringContaining('digest mismatch')])
    }
  })
  test("the PHP toolkit's re-signed AD FS file: verifies, SHA-1, 1024-bit signer not among its signing certificates", () => {
    const f = 'other/phpsaml-adfs-federationmetadata-example-host.xml'
    expect(codes(f)).toEqual(
      expect.arrayContaining([
        'SAML_METADATA_SIGNATURE_INTEGRITY_ONLY',
        'SAML_METADATA_SIGNATURE_WEAK_ALGORITHM',
        'SAML_METADATA_SIGNER_NOT_LISTED',
        'NET_RESERVED_EXAMPLE_DOMAIN',
      ]),
    )
    // Its entity ID and SSO URLs are on an example host: said as such (it used to read "placeholder" / "not a valid URL").
    expect(codes(f)).not.toContain('SAML_ENTITY_ID_PLACEHOLDER')
    expect(codes(f)).not.toContain('SAML_SSO_ENDPOINT_INVALID_URL')
  })
})

describe('notable files', () => {
  test('Entra rollover (ggtristams): keep the valid certificate, signed with the expired one', () => {
    const f = 'entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml'
    expect(codes(f)).toEqual(
      expect.arrayContaining(['CERT_ROLLOVER_EXPIRED_BESIDE_VALID', 'SAML_METADATA_SIGNED_WITH_EXPIRED_CERT']),
    )
    expect(report(f).certificates).toHaveLength(2)
  })
  test('several valid signing certificates: rollover in progress (Entra common: 4, Google: 2, SAMLtest: 2)', () => {
    expect(
      report('entra/erikgrootoonk-entra-common-tenantid-federationmetadata.xml').certificates?.filter(
        (c) => c.use !== 'encryption',
      ),
    ).toHaveLength(4)
    for (const f of [
      'entra/erikgrootoonk-entra-common-tenantid-federationmetadata.xml',
      'other/ggtristams-google-C03ddq7te-idp-metadata.xml',
      'other/crewjam-samltest-id-shibboleth-idp-metadata.xml',
    ]) {
      expect(count(f, 'CERT_ROLLOVER_IN_PROGRESS'), f).toBe(1)
    }
  })
  test('Entra common: the multi-tenant finding', () => {
    expect(
      count('entra/erikgrootoonk-entra-common-tenantid-federationmetadata.xml', 'SAML_ENTITY_ID_ENTRA_MULTI_TENANT'),
    ).toBe(1)
  })
  test.each(FILES.filter((f) => f.startsWith('sp/')))("SP metadata %s: this is the vendor's / SP metadata", (f) => {
    expect(codes(f)).toEqual(['SAML_METADATA_IS_SP_METADATA'])
    expect(report(f).summary.verdict).toBe('no-go')
  })
  test('aggregates: one IdP picked (TestShib), several IdPs refused (RCTSaai)', () => {
    expect(count('other/crewjam-testshib-metadata-aggregate.xml', 'SAML_METADATA_AGGREGATE_SINGLE_IDP')).toBe(1)
    expect(codes('other/phpsaml-rctsaai-shibboleth-aggregate.xml')).toEqual(['SAML_METADATA_AGGREGATE_MULTIPLE_IDPS'])
  })
  test('prefix-stripped Okta: wrong namespace, recovered', () => {
    expect(codes('okta/boxyhq-saml20-okta-exkymhf9ve6PI9KfY696-metadata-PREFIX-STRIPPED.xml')).toEqual([
      'SAML_METADATA_WRONG_NAMESPACE',
    ])
  })
  test('placeholders: JumpCloud "IdP Entity ID"', () => {
    expect(count('other/ssoready-jumpcloud-idp-metadata.xml', 'SAML_ENTITY_ID_PLACEHOLDER')).toBe(1)
  })
  test('validUntil in the past (Google 2021 and 2026)', () => {
    expect(count('other/crewjam-google-C02dfl1r1-idp-metadata.xml', 'SAML_METADATA_EXPIRED')).toBe(1)
    expect(count('other/jackson-google-idp-metadata.xml', 'SAML_METADATA_EXPIRED')).toBe(1)
  })
  test('the old Okta certificate: 1024-bit RSA, self-signed SHA-1 as info', () => {
    const r = report('okta/wowblacksheep-okta-legacy-kw4xhzicLKWVTHEZNFXP-metadata.xml')
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual(
      expect.arrayContaining([
        ['CERT_RSA_KEY_TOO_SMALL', 'error'],
        ['CERT_WEAK_SIGNATURE_ALGORITHM', 'info'],
      ]),
    )
  })
  test('clean current IdP metadata is a go', () => {
    for (const f of [
      'okta/ssoready-okta-app-metadata.xml',
      'okta/crewjam-okta-dev-513394-idp-metadata.xml',
      'other/ssoready-google-idp-metadata.xml',
      'other/jackson-auth0-dev-tyj7qyzz-idp-metadata.xml',
    ]) {
      expect(report(f).summary.verdict, f).toBe('go')
    }
  })
  test('IdP detection', () => {
    const kinds = Object.fromEntries(FILES.map((f) => [f, report(f).subject.idp]))
    for (const f of FILES.filter((x) => x.startsWith('entra/'))) expect(kinds[f], f).toBe('entra')
    for (const f of FILES.filter((x) => x.startsWith('okta/'))) expect(kinds[f], f).toBe('okta')
    for (const f of FILES.filter((x) => /adfs/.test(x))) expect(kinds[f], f).toBe('adfs')
    for (const f of FILES.filter((x) => /google/.test(x))) expect(kinds[f], f).toBe('google')
    for (const f of FILES.filter((x) => /keycloak/.test(x))) expect(kinds[f], f).toBe('keycloak')
    // Each has its IdP pack (lib/idps) since issue 8; an aggregate of several IdPs and products without a pack stay 'other'.
    for (const [re, idp] of [
      [/onelogin/, 'onelogin'],
      [/jumpcloud/, 'jumpcloud'],
      [/auth0/, 'auth0'],
      [/ssoready-ping/, 'pingone'],
    ] as const) {
      for (const f of FILES.filter((x) => re.test(x))) expect(kinds[f], f).toBe(idp)
    }
    for (const f of FILES.filter((x) => /shibboleth/.test(x) && !/aggregate/.test(x)))
      expect(kinds[f], f).toBe('shibboleth')
    for (const f of FILES.filter((x) => /secureworks|pingfederate-evaluation|rctsaai-shibboleth-aggregate/.test(x)))
      expect(kinds[f], f).toBe('other')
  })
})

describe('parseIdpMetadata / toIdpTrust', () => {
  test('IdP metadata gives the trust the response validator uses', () => {
    const md = parseIdpMetadata(readFileSync(join(REAL, 'entra/ssoready-entra-app-federationmetadata.xml'), 'utf8'))
    expect(md.ok).toBe(true)
    if (!md.ok) return
    const trust = toIdpTrust(md.value)
    expect(trust).toMatchObject({
      entityId: 'https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/',
      kind: 'entra',
    })
    expect(trust.signingCertificates).toHaveLength(1)
    expect(trust.signingCertificates[0]).toMatch(/^MII[A-Za-z0-9+/=]+$/)
  })
  test('every IdP file reads into the IdpMetadata schema', () => {
    let n = 0
    for (const f of FILES) {
      const md = parseIdpMetadata(readFileSync(join(REAL, f), 'utf8'))
      if (!md.ok) continue
      expect(() => IdpMetadataSchema.parse(md.value), f).not.toThrow()
      n++
    }
    expect(n).toBe(FILES.length - 6) // 5 SP documents and the multi-IdP aggregate are refused
  })
  test('SP metadata and multi-IdP aggregates are refused with findings', () => {
    for (const f of ['sp/pac4j-generated-sp-metadata.xml', 'other/phpsaml-rctsaai-shibboleth-aggregate.xml']) {
      const md = parseIdpMetadata(readFileSync(join(REAL, f), 'utf8'))
      expect(md.ok).toBe(false)
      if (!md.ok) expect(md.findings[0]!.code).toMatch(/^SAML_METADATA_(IS_SP_METADATA|AGGREGATE_MULTIPLE_IDPS)$/)
    }
    const bad = parseIdpMetadata('<x')
    expect(bad.ok ? [] : bad.findings.map((f) => f.code)).toEqual(['INPUT_NOT_XML'])
  })
})
