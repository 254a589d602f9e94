import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../findings/report'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeSamlMetadata } from './index'
import { alter, OKTA, PINNED_NOW, real } from './testing/fixtures'

const analyze = (xml: string, o: { spEntityId?: string; acsUrl?: string } = {}) =>
  ReportSchema.parse(analyzeSamlMetadata({ xml }, { profile: BUILTIN_PROFILES.autodesk, now: PINNED_NOW, ...o }))

/** Deterministic PRNG so a failure names a reproducible case. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

describe('damaged and hostile metadata never throws', () => {
  const bases = [
    'okta/ssoready-okta-app-metadata.xml',
    'entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml',
    'other/phpsaml-rctsaai-shibboleth-aggregate.xml',
  ]
  test.each(bases)('%s: 300 truncations and character changes each give a valid report', (file) => {
    const xml = real(file)
    const rnd = prng(file.length)
    const alphabet = '<>/="\' \n&;:#abcXYZ019+'
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(rnd() * xml.length)
      const variant =
        i % 3 === 0
          ? xml.slice(0, at)
          : xml.slice(0, at) + alphabet[Math.floor(rnd() * alphabet.length)] + xml.slice(at + (i % 3 === 1 ? 1 : 0))
      expect(() => analyze(variant), `${file} variant ${i} at ${at}`).not.toThrow()
    }
  })
  test('a character reference cannot hide a javascript: SSO URL (derived)', () => {
    const xml = alter(OKTA, /Location="https:[^"]+"/, 'Location="&#106;avascript:alert(document.domain)"')
    expect(analyze(xml).findings.map((f) => f.code)).toContain('SAML_SSO_ENDPOINT_UNSAFE_SCHEME')
  })
  test('an aggregate of 5,000 IdPs is refused with the list, quickly', () => {
    const entity = (i: number) =>
      `<md:EntityDescriptor entityID="https://idp${i}.example.org/idp"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`
    const xml = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${Array.from({ length: 5000 }, (_, i) => entity(i)).join('')}</md:EntitiesDescriptor>`
    const r = analyze(xml)
    expect(r.findings.map((f) => f.code)).toEqual(['SAML_METADATA_AGGREGATE_MULTIPLE_IDPS'])
    expect(r.findings[0]!.evidence.actual).toHaveLength(5000)
  })
  test('a megabyte entity ID and typed values are reported, not choked on', () => {
    const long = 'https://' + 'a.'.repeat(500_000) + 'example.com'
    const r = analyze(alter(OKTA, 'entityID="http://www.okta.com/exkdoocxa1VmjpXmX697"', `entityID="${long}"`), {
      spEntityId: long,
      acsUrl: long,
    })
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['SAML_CONFIG_REPLY_URL_MISMATCH']))
  })
  test('a KeyInfo certificate that is garbage is a finding (derived)', () => {
    const xml = alter(OKTA, /<ds:X509Certificate>[^<]+</, '<ds:X509Certificate>' + 'QUJD'.repeat(200) + '<')
    expect(analyze(xml).findings.map((f) => [f.code, f.evidence.reason])).toEqual([
      ['CERT_UNPARSEABLE', 'base64 that is not an X.509 certificate (truncated or damaged)'],
    ])
  })
})
