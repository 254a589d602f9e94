import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { NewConnectionRequestSchema, toNewConnection } from './request'
import { connectionUrls, setupValues } from './setup-values'

const parse = (body: unknown) => NewConnectionRequestSchema.safeParse(body)
const paths = (body: unknown) => {
  const r = parse(body)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.') || i.code)
}

const SP_METADATA =
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://www.okta.com/saml2/service-provider/spq1w2e3">' +
  '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:AssertionConsumerService' +
  ' Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://autodesk-prod.okta.com/sso/saml2/0oa4r5t6" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>'

describe('NewConnectionRequestSchema', () => {
  test('SAML needs metadata XML or URL, one of them', () => {
    expect(paths({ protocol: 'saml' })).toEqual(['metadataXml'])
    expect(paths({ protocol: 'saml', metadataXml: '<x/>', metadataUrl: 'https://idp.example.com/md' })).toEqual([
      'metadataUrl',
    ])
    expect(paths({ protocol: 'saml', metadataXml: '<x/>' })).toEqual([])
  })

  test('OIDC needs an issuer and a client ID, and the autodesk profile refuses OIDC', () => {
    expect(paths({ protocol: 'oidc', profileId: 'generic' })).toEqual(['issuer', 'clientId'])
    expect(paths({ protocol: 'oidc', issuer: 'https://idp.example.com', clientId: 'c' })).toEqual(['protocol'])
  })

  test('a client secret is refused, not silently dropped', () => {
    const r = parse({
      protocol: 'oidc',
      profileId: 'generic',
      issuer: 'https://idp.example.com',
      clientId: 'c',
      clientSecret: 'x',
    })
    expect(r.success).toBe(false)
    expect(JSON.stringify(z.treeifyError(r.error!))).toContain('clientSecret')
  })

  test('unknown profile, bad URL and bad domain are field errors', () => {
    expect(paths({ protocol: 'saml', metadataXml: '<x/>', profileId: 'nope' })).toEqual(['profileId'])
    expect(paths({ protocol: 'saml', metadataUrl: 'ftp://x' })).toContain('metadataUrl')
    expect(paths({ protocol: 'saml', metadataXml: '<x/>', verifiedDomains: 'contoso.com, not_a_domain' })).toEqual([
      'verifiedDomains.1',
    ])
  })
})

describe('placeholder values (issue 9, bug 9)', () => {
  test('a placeholder ACS inside the vendor SP metadata is refused on the metadata field, with what to copy instead', () => {
    const spMetadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://www.okta.com/saml2/service-provider/spabc">
<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://autodesk-prod.okta.com/sso/saml2/1" index="0"/>
</md:SPSSODescriptor></md:EntityDescriptor>`
    const r = parse({ protocol: 'saml', metadataXml: '<x/>', spMetadataXml: spMetadata })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]).toMatchObject({
      path: ['spMetadataXml'],
      message: expect.stringMatching(/sso\/saml2\/1 is a placeholder.*copy the real one/),
    })
    // A connection ID alone no longer builds SP values, so it cannot produce a placeholder.
    expect(paths({ protocol: 'saml', metadataXml: '<x/>', connectionId: '1' })).toEqual([])
  })

  test('a typed placeholder URL is refused on its own field; the generic profile has no placeholders', () => {
    expect(
      paths({ protocol: 'saml', metadataXml: '<x/>', acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1' }),
    ).toEqual(['acsUrl'])
    expect(paths({ protocol: 'saml', metadataXml: '<x/>', profileId: 'generic', connectionId: '1' })).toEqual([])
  })
})

describe('toNewConnection', () => {
  test("a connection ID alone fills neither SP value: the vendor's entity ID and ACS carry different IDs", () => {
    const body = parse({
      protocol: 'saml',
      metadataUrl: 'https://login.microsoftonline.com/t/federationmetadata.xml',
      connectionId: 'abc123',
      verifiedDomains: 'Contoso.com',
    })
    expect(toNewConnection(body.data!)).toEqual({
      name: 'SAML · login.microsoftonline.com',
      protocol: 'saml',
      profileId: 'autodesk',
      config: {
        metadataUrl: 'https://login.microsoftonline.com/t/federationmetadata.xml',
        connectionId: 'abc123',
        verifiedDomains: ['contoso.com'],
      },
    })
  })

  test("the vendor's SP metadata XML fills both values, each with its own ID", () => {
    const body = parse({ protocol: 'saml', metadataXml: '<x/>', spMetadataXml: SP_METADATA })
    expect(body.success).toBe(true)
    expect(toNewConnection(body.data!).config).toMatchObject({
      spEntityId: 'https://www.okta.com/saml2/service-provider/spq1w2e3',
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oa4r5t6',
    })
  })

  test('SP metadata that is not SP metadata, or disagrees with a typed value, is a field error', () => {
    const bad = parse({
      protocol: 'saml',
      metadataXml: '<x/>',
      spMetadataXml: '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>',
    })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['spMetadataXml', expect.stringMatching(/no SPSSODescriptor/)],
    ])
    const clash = parse({
      protocol: 'saml',
      metadataXml: '<x/>',
      spMetadataXml: SP_METADATA,
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/other',
    })
    expect(clash.error!.issues.map((i) => i.path.join('.'))).toEqual(['acsUrl'])
  })

  test('typed SP values win over the template; the learnt entity ID names the connection', () => {
    const body = parse({ protocol: 'saml', metadataXml: '<x/>', connectionId: 'abc', spEntityId: 'urn:mine' })
    const c = toNewConnection(body.data!, { entityId: 'https://sts.windows.net/tenant/' })
    expect(c.config.spEntityId).toBe('urn:mine')
    expect(c.name).toBe('SAML · sts.windows.net')
  })
})

describe('setup values', () => {
  test('the app URLs for a connection', () => {
    expect(connectionUrls('http://localhost:3000/', 'abc')).toEqual({
      testLoginUrl: 'http://localhost:3000/connections/abc/test-login',
      acsUrl: 'http://localhost:3000/saml/acs',
      spMetadataUrl: 'http://localhost:3000/saml/metadata/abc',
      redirectUri: 'http://localhost:3000/oidc/callback',
    })
  })

  test('SAML lists the Identifier, the vendor Reply URL and the extra test Reply URL with where they go', () => {
    const v = setupValues(
      {
        id: 'abc',
        protocol: 'saml',
        config: {
          spEntityId: 'https://www.okta.com/saml2/service-provider/x',
          acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/x',
        },
      },
      'https://pf.example',
    )
    expect(v.map((s) => s.value)).toEqual([
      'https://www.okta.com/saml2/service-provider/x',
      'https://autodesk-prod.okta.com/sso/saml2/x',
      'https://pf.example/saml/acs',
      'https://pf.example/saml/metadata/abc',
    ])
    expect(v[2]?.where).toContain('Other Requestable SSO URLs')
  })
})
