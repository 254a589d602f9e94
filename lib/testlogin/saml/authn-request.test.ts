import { inflateRawSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { parseSafeXml } from '../../xml/parse'
import { buildAuthnRequest, newRequestId, postBindingFields, redirectBindingUrl } from './authn-request'
import { buildSpMetadata } from './sp-metadata'

const input = {
  id: '_0123456789abcdef0123456789abcdef',
  issueInstant: new Date('2026-11-22T10:00:00.123Z'),
  destination: 'https://login.microsoftonline.com/tenant/saml2',
  issuer: 'https://www.okta.com/saml2/service-provider/spabc',
  acsUrl: 'http://localhost:3000/saml/acs',
}

describe('buildAuthnRequest', () => {
  test('asks for the vendor’s app (Issuer) and an HTTP-POST answer at our ACS', () => {
    const xml = buildAuthnRequest({ ...input, forceAuthn: true })
    const doc = parseSafeXml(xml)
    expect(doc.ok).toBe(true)
    expect(xml).toContain('ID="_0123456789abcdef0123456789abcdef"')
    expect(xml).toContain('IssueInstant="2026-11-22T10:00:00Z"')
    expect(xml).toContain('Destination="https://login.microsoftonline.com/tenant/saml2"')
    expect(xml).toContain('AssertionConsumerServiceURL="http://localhost:3000/saml/acs"')
    expect(xml).toContain('ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"')
    expect(xml).toContain('ForceAuthn="true"')
    expect(xml).toContain('<saml:Issuer>https://www.okta.com/saml2/service-provider/spabc</saml:Issuer>')
    expect(xml).not.toContain('NameIDPolicy')
  })

  test('escapes values so a hostile entity ID cannot change the XML', () => {
    const xml = buildAuthnRequest({
      ...input,
      issuer: 'a"><x/>&',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    })
    expect(xml).toContain('<saml:Issuer>a&quot;&gt;&lt;x/&gt;&amp;</saml:Issuer>')
    expect(xml).toContain(
      '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/>',
    )
    expect(parseSafeXml(xml).ok).toBe(true)
  })

  test('request IDs are valid xs:ID values and never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, newRequestId))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(id).toMatch(/^_[0-9a-f]{32}$/)
  })
})

describe('bindings', () => {
  test('HTTP-Redirect: deflated, base64, URL-encoded, keeping the SSO URL’s own query and the RelayState', () => {
    const xml = buildAuthnRequest(input)
    const url = new URL(redirectBindingUrl('https://idp.example.com/sso?tenant=1', xml, 'run123'))
    expect(url.searchParams.get('tenant')).toBe('1')
    expect(url.searchParams.get('RelayState')).toBe('run123')
    expect(inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64')).toString('utf8')).toBe(xml)
  })

  test('HTTP-POST: base64 without deflate', () => {
    const xml = buildAuthnRequest(input)
    const fields = postBindingFields(xml, 'run123')
    expect(Buffer.from(fields.SAMLRequest!, 'base64').toString('utf8')).toBe(xml)
    expect(fields.RelayState).toBe('run123')
    expect(postBindingFields(xml)).not.toHaveProperty('RelayState')
  })
})

describe('buildSpMetadata', () => {
  test('the vendor’s entity ID with the vendor’s ACS as default and ours as index 1', () => {
    const xml = buildSpMetadata({
      spEntityId: input.issuer,
      ourAcsUrl: input.acsUrl,
      vendorAcsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oa1',
    })
    expect(parseSafeXml(xml).ok).toBe(true)
    expect(xml).toContain(`entityID="${input.issuer}"`)
    expect(xml).toMatch(/Location="https:\/\/autodesk-prod\.okta\.com\/sso\/saml2\/0oa1" index="0" isDefault="true"/)
    expect(xml).toMatch(/Location="http:\/\/localhost:3000\/saml\/acs" index="1"\/>/)
  })
})
