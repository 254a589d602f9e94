import { describe, expect, test } from 'vitest'
import { parseSafeXml } from '../../xml/parse'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeSamlMetadata, detectIdpKind, parseIdpMetadata } from './index'
import { alter, OKTA, OKTA_ENTITY_ID, real } from './testing/fixtures'

const kindOf = (xml: string) => {
  const md = parseIdpMetadata(xml)
  if (!md.ok) throw new Error(md.findings.map((f) => f.code).join())
  return detectIdpKind(md.value)
}
const SSO = /https:\/\/trial-1022863\.okta\.com[^"]+/g

describe('detectIdpKind', () => {
  test('from metadata or from the parsed document alike', () => {
    const doc = parseSafeXml(OKTA)
    expect(doc.ok && detectIdpKind(doc.value)).toBe('okta')
    expect(kindOf(OKTA)).toBe('okta')
  })
  test('each product by its entity ID or endpoints (derived from the Okta file)', () => {
    const as = (entityId: string, sso: string) => kindOf(OKTA.replace(OKTA_ENTITY_ID, entityId).replace(SSO, sso))
    expect(
      as(
        'https://sts.windows.net/0d1e2f3a-0000-4000-8000-000000000000/',
        'https://login.microsoftonline.com/0d1e2f3a-0000-4000-8000-000000000000/saml2',
      ),
    ).toBe('entra')
    expect(as('http://fs.contoso.com/adfs/services/trust', 'https://fs.contoso.com/adfs/ls/')).toBe('adfs')
    expect(
      as('https://accounts.google.com/o/saml2?idpid=C0abc', 'https://accounts.google.com/o/saml2/idp?idpid=C0abc'),
    ).toBe('google')
    expect(as('https://sso.contoso.com/realms/corp', 'https://sso.contoso.com/realms/corp/protocol/saml')).toBe(
      'keycloak',
    )
    expect(as('urn:contoso:idp', 'https://contoso.okta.com/app/x/sso/saml')).toBe('okta')
    expect(
      as('https://app.onelogin.com/saml/metadata/1', 'https://contoso.onelogin.com/trust/saml2/http-post/sso/1'),
    ).toBe('onelogin')
    // Host and entity ID renamed: Okta's certificate (O=Okta, OU=SSOProvider) still tells.
    expect(as('urn:contoso:idp', 'https://sso.contoso.example/saml2/idp')).toBe('okta')
  })
  test('WS-Federation roles with Azure certificate names are Entra even on another host (derived: Entra file, hosts renamed)', () => {
    const xml = real('entra/wowblacksheep-entra-app-70186da4-federationmetadata.xml')
      .replace(/https:\/\/sts\.windows\.net\//g, 'https://sts.contoso.test/')
      .replace(/https:\/\/login\.microsoftonline\.com\//g, 'https://login.contoso.test/')
    expect(kindOf(alter(xml, /entityID="[^"]+"/, 'entityID="https://sts.contoso.test/x/"'))).toBe('entra')
  })
  test('not metadata: other', () => {
    const doc = parseSafeXml('<a/>')
    expect(doc.ok && detectIdpKind(doc.value)).toBe('other')
  })
  test('the metadata report says which signal named the IdP, and says nothing when the admin named it', () => {
    const analyze = (o: { idp?: 'okta' } = {}) =>
      analyzeSamlMetadata(
        { xml: real('other/ssoready-jumpcloud-idp-metadata.xml') },
        { profile: BUILTIN_PROFILES.generic, ...o },
      )
    const r = analyze()
    expect(r.subject.idp).toBe('jumpcloud')
    expect(r.facts?.idpDetectedBy).toEqual({
      signal: 'endpointHost',
      evidence: 'https://sso.jumpcloud.com/saml2/ucariontest',
    })
    expect(analyze({ idp: 'okta' }).facts?.idpDetectedBy).toBeUndefined()
  })
})
