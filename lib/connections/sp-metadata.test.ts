import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { growthRatio, LINEAR_BOUND } from '../../tests/linearity'
import { spValuesFromMetadata } from './sp-metadata'

const real = (f: string) =>
  readFileSync(new URL(`../../../shared/fixtures/real/saml-metadata/sp/${f}`, import.meta.url), 'utf8')
const IDP = readFileSync(
  new URL(
    '../../../shared/fixtures/real/saml-metadata/entra/ssoready-entra-app-federationmetadata.xml',
    import.meta.url,
  ),
  'utf8',
)

/** A brokered SP whose entity ID and ACS carry different IDs, as the vendor's Okta org publishes them. */
const BROKER_SP_METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://www.okta.com/saml2/service-provider/spxk3ab12cd">
  <md:SPSSODescriptor AuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://autodesk-prod.okta.com/sso/saml2/0oa9zz88yy" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`

describe('spValuesFromMetadata: both SP values from the SP metadata', () => {
  test('a brokered SP: entity ID and ACS URL keep their different IDs', () => {
    expect(spValuesFromMetadata(BROKER_SP_METADATA)).toEqual({
      ok: true,
      spEntityId: 'https://www.okta.com/saml2/service-provider/spxk3ab12cd',
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oa9zz88yy',
    })
  })

  test('real SP metadata (AWS IAM Identity Center): the default HTTP-POST ACS, not the second one', () => {
    expect(spValuesFromMetadata(real('tyncode-aws-iam-identity-center-sp-metadata.xml'))).toEqual({
      ok: true,
      spEntityId: 'https://us-east-1.signin.aws.amazon.com/platform/saml/d-90660f6748',
      acsUrl: 'https://us-east-1.signin.aws/platform/saml/acs/4941442d6e756de2-7ca3-4e79-ac25-d7469b3eee1e',
    })
  })

  test('real SP metadata (Salesforce)', () => {
    const v = spValuesFromMetadata(real('nityasree-salesforce-devorg-sp-metadata.xml'))
    expect(v).toMatchObject({ ok: true, spEntityId: 'https://orgfarm-f842242af0-dev-ed.develop.my.salesforce.com' })
  })

  test('without isDefault the lowest index wins', () => {
    const xml = BROKER_SP_METADATA.replace(' index="0" isDefault="true"', ' index="5"').replace(
      '</md:SPSSODescriptor>',
      '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/acs/1" index="1"/></md:SPSSODescriptor>',
    )
    expect(spValuesFromMetadata(xml)).toMatchObject({ ok: true, acsUrl: 'https://sp.example.com/acs/1' })
  })

  test.each([
    ['IdP metadata pasted by mistake', IDP, /no SPSSODescriptor/],
    ['not XML', 'https://www.okta.com/saml2/service-provider/x', /./],
    ['no entityID', BROKER_SP_METADATA.replace(/ entityID="[^"]*"/, ''), /no entityID/],
    ['no POST ACS', BROKER_SP_METADATA.replace('HTTP-POST', 'HTTP-Redirect'), /HTTP-POST AssertionConsumerService/],
    ['an entity expansion', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', /./],
  ])('refused with a reason: %s', (_name, xml, reason) => {
    const v = spValuesFromMetadata(xml)
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.reason).toMatch(reason)
  })

  test('linear in the number of ACS elements (time at n and 4n)', () => {
    const doc = (n: number) =>
      BROKER_SP_METADATA.replace(
        '</md:SPSSODescriptor>',
        '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://sp.example.com/acs" index="9"/>'.repeat(
          n,
        ) + '</md:SPSSODescriptor>',
      )
    // 4n stays under the 1 MB cap on SP metadata, so both sizes are read in full (at 2,000 the 4n was refused).
    for (const n of [1_500, 6_000]) expect(spValuesFromMetadata(doc(n)).ok).toBe(true)
    expect(
      growthRatio((n) => {
        const xml = doc(n)
        return () => spValuesFromMetadata(xml)
      }, 1_500).ratio,
    ).toBeLessThan(LINEAR_BOUND)
  })
})
