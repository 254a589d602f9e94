import { describe, expect, test } from 'vitest'
import { catalog, type FindingCode } from '../findings/catalog/index'
import { finding } from '../findings/finding'
import { idpPack } from './registry'
import type { ScreenKey } from './schema'
import { knownScreen, screenFor } from './screens'

/** The catalog entry that names `key` as its fix screen and has no IdP-specific text of its own for `idp`. */
function entryWithScreen(key: ScreenKey, idp: string): FindingCode {
  const hit = (
    Object.entries(catalog) as Array<[FindingCode, { screen?: string; fixAt?: Record<string, string> }]>
  ).find(([, e]) => e.screen === key && !e.fixAt?.[idp])
  if (!hit) throw new Error(`no catalog entry names ${key} without its own ${idp} text`)
  return hit[0]
}

/** The hosts each IdP publishes its own documentation on: a screen path is backed by these, never a third party. */
const OWN_DOC_HOSTS: Record<string, readonly string[]> = {
  onelogin: ['onelogin.service-now.com', 'support.onelogin.com', 'developers.onelogin.com'],
  pingone: ['docs.pingidentity.com', 'prod-docs.pingidentity.com', 'developer.pingidentity.com'],
  pingfederate: ['docs.pingidentity.com'],
  shibboleth: ['wiki.shibboleth.net'],
  google: ['support.google.com'],
  keycloak: ['www.keycloak.org', 'docs.redhat.com', 'github.com'],
  auth0: ['auth0.com'],
  adfs: ['learn.microsoft.com'],
  jumpcloud: ['jumpcloud.com'],
}

describe('the screens verified against the IdP’s own docs', () => {
  test.each(Object.entries(OWN_DOC_HOSTS))('%s: every page its screens rest on is its vendor’s own', (idp, hosts) => {
    const pack = idpPack(idp)
    for (const url of [pack.docsUrl, ...pack.docs]) expect(hosts, url).toContain(new URL(url).host)
  })

  test('PingOne: the SAML app’s values are on its Configuration tab, under Applications › Applications', () => {
    const app = 'PingOne admin console › Applications › Applications › (app)'
    expect(screenFor('pingone', 'saml.replyUrl', 'saml-app')).toBe(`${app} › Configuration › ACS URLs`)
    expect(screenFor('pingone', 'saml.identifier', 'saml-app')).toBe(`${app} › Configuration › Entity ID`)
    expect(screenFor('pingone', 'saml.signingOption', 'saml-app')).toMatch(
      /› Configuration › Signing key › sign assertions, responses, or both; signing algorithm$/,
    )
    expect(screenFor('pingone', 'saml.signingCertificate')).toContain('Settings › Certificates and Key Pairs')
    expect(screenFor('pingone', 'saml.claims')).toBe(`${app} › Attribute Mappings`)
    expect(screenFor('pingone', 'assignment')).toMatch(/^PingOne admin console › .* › \(app\) › Access /)
    expect(screenFor('pingone', 'oidc.redirectUris')).toBe(`${app} › Configuration › Redirect URIs`)
    expect(screenFor('pingone', 'oidc.clientSecret')).toMatch(/› Configuration › Client Secret/)
    expect(screenFor('pingone', 'logs.signIns')).toMatch(/^PingOne admin console › Monitoring › Audit › /)
    // Not the older console's names.
    for (const key of ['saml.replyUrl', 'assignment', 'logs.signIns'] as const)
      expect(screenFor('pingone', key)).not.toMatch(/Connections › Applications|My Applications/)
  })

  test('PingOne: an Application Catalog app needs Enable Advanced Configuration first; unknown kind lists both', () => {
    expect(screenFor('pingone', 'saml.replyUrl', 'catalog')).toMatch(
      /› \(app\) › Overview › Enable Advanced Configuration, then Configuration › ACS URLs$/,
    )
    const both = screenFor('pingone', 'saml.replyUrl')
    expect(both).toContain('SAML application: PingOne admin console')
    expect(both).toContain('Application Catalog app: PingOne admin console')
  })

  test('OneLogin: certificates, the OIDC app’s values, assignment and events have screens', () => {
    const app = 'OneLogin admin portal › Apps › (app)'
    expect(screenFor('onelogin', 'saml.signingCertificate')).toBe(
      `${app} › SSO › X.509 Certificate › Change (certificates: OneLogin admin portal › Security › Certificates)`,
    )
    expect(screenFor('onelogin', 'oidc.redirectUris')).toBe(`${app} › Configuration › Redirect URI`)
    expect(screenFor('onelogin', 'oidc.clientSecret')).toBe(`${app} › SSO › Client Secret (Regenerate client secret)`)
    expect(screenFor('onelogin', 'assignment')).toMatch(/^OneLogin admin portal › Users › \(user\) › Applications/)
    expect(screenFor('onelogin', 'logs.signIns')).toMatch(/^OneLogin admin portal › Activity › Events/)
  })

  test('OneLogin: the SAML connector fields no OneLogin page was found for still say "not known", with the docs', () => {
    const notKnown = `Not known for OneLogin: see ${idpPack('onelogin').docsUrl}`
    for (const key of [
      'saml.identifier',
      'saml.replyUrl',
      'saml.claims',
      'saml.nameId',
      'saml.signingOption',
    ] as const) {
      expect(knownScreen('onelogin', key), key).toBeUndefined()
      expect(screenFor('onelogin', key), key).toBe(notKnown)
    }
  })

  test('PingOne: the NameID format field, not found in Ping’s pages, is not claimed', () => {
    // saml.nameId names the mapping (verified); nothing names a format field.
    expect(screenFor('pingone', 'saml.nameId')).not.toMatch(/format/i)
  })

  test('a finding for a PingOne or OneLogin admin now names the screen instead of "not known"', () => {
    const reply = finding(entryWithScreen('saml.replyUrl', 'pingone'), {}, { idp: 'pingone' })
    expect(reply.fixAt).toContain('Configuration › ACS URLs')
    expect(reply.fixAt).not.toMatch(/^Not known/)
    const cert = finding(entryWithScreen('saml.signingCertificate', 'onelogin'), {}, { idp: 'onelogin' })
    expect(cert.fixAt).toContain('Security › Certificates')
    const oneloginReply = finding(entryWithScreen('saml.replyUrl', 'onelogin'), {}, { idp: 'onelogin' })
    expect(oneloginReply.fixAt).toMatch(/^Not known for OneLogin: see https:\/\//)
  })

  test('PingFederate: an SP connection under Applications › Integration, its fields on their own tabs', () => {
    const sp = 'PingFederate administrative console › Applications › Integration › SP Connections › (connection)'
    expect(screenFor('pingfederate', 'saml.identifier')).toBe(`${sp} › General Info › Partner's Entity ID`)
    expect(screenFor('pingfederate', 'saml.replyUrl')).toBe(
      `${sp} › Browser SSO › Protocol Settings › Assertion Consumer Service URL`,
    )
    expect(screenFor('pingfederate', 'saml.nameId')).toMatch(/Attribute Contract › SAML_SUBJECT › Subject Name Format/)
    expect(screenFor('pingfederate', 'saml.signingCertificate')).toMatch(
      /› Credentials › .*Digital Signature Settings › Signing Certificate/,
    )
    expect(screenFor('pingfederate', 'saml.signingOption')).toMatch(/› Protocol Settings › Signature Policy/)
    expect(screenFor('pingfederate', 'logs.signIns')).toMatch(/^<pf_install>\/pingfederate\/log\/audit\.log/)
    // Who may use the connection is decided by authentication policies: not claimed as one screen.
    expect(screenFor('pingfederate', 'assignment')).toMatch(/^Not known for PingFederate: see https:\/\//)
  })

  test('Shibboleth: NameID, signing key, own metadata and logs are the files and endpoint the wiki names', () => {
    expect(screenFor('shibboleth', 'saml.nameId')).toMatch(
      /^conf\/saml-nameid\.xml .* and conf\/saml-nameid\.properties$/,
    )
    expect(screenFor('shibboleth', 'saml.signingCertificate')).toMatch(
      /^conf\/credentials\.xml › shibboleth\.DefaultSigningCredential/,
    )
    // The published metadata is a file built at install: the screen says so, so nobody trusts it as live.
    expect(screenFor('shibboleth', 'saml.metadataUrl')).toMatch(/\/idp\/shibboleth: .*not updated from the running/)
    expect(screenFor('shibboleth', 'logs.signIns')).toMatch(/idp-process\.log .* idp-audit\.log/)
    for (const key of ['assignment', 'logs.audit'] as const)
      expect(screenFor('shibboleth', key)).toMatch(/^Not known for Shibboleth IdP: see https:\/\//)
  })

  test('Google Workspace: failed SAML sign-ins and admin changes are in the audit and investigation page', () => {
    expect(screenFor('google', 'logs.signIns')).toMatch(
      /^Google Admin console › Reporting › Audit and investigation › SAML log events › .*Failure type$/,
    )
    expect(screenFor('google', 'logs.audit')).toBe(
      'Google Admin console › Reporting › Audit and investigation › Admin log events',
    )
  })

  test('Keycloak: a client’s own mappers, its secret and the realm’s events', () => {
    const client = 'Keycloak admin console › (realm) › Clients › (client)'
    expect(screenFor('keycloak', 'saml.claims')).toMatch(/› Client scopes › \(client\)-dedicated › Mappers/)
    expect(screenFor('keycloak', 'oidc.clientSecret')).toBe(
      `${client} › Credentials › Client Authenticator: Client ID and Secret › Regenerate`,
    )
    // Unsaved by default: the screen says what to switch on, or the admin finds an empty list.
    expect(screenFor('keycloak', 'logs.signIns')).toMatch(/› Events › User events .*Save events is ON/)
    expect(screenFor('keycloak', 'logs.audit')).toMatch(/› Events › Admin events .*Save events is ON/)
    // github.com is allowed only for Keycloak's own documentation sources.
    for (const url of idpPack('keycloak').docs.filter((u) => new URL(u).host === 'github.com'))
      expect(url).toMatch(/^https:\/\/github\.com\/keycloak\/keycloak\/blob\/main\/docs\/documentation\//)
  })

  test('Auth0: logs, the callback allow-list and the client secret', () => {
    const app = 'Auth0 Dashboard › Applications › Applications › (app)'
    expect(screenFor('auth0', 'logs.signIns')).toBe('Auth0 Dashboard › Monitoring › Logs › Filter: Failed Login')
    expect(screenFor('auth0', 'oidc.redirectUris')).toBe(`${app} › Settings › Allowed Callback URLs`)
    expect(screenFor('auth0', 'oidc.clientSecret')).toMatch(/› Credentials › Client Secret .*Danger Zone › Rotate/)
    // The SAML screens stay on the addon, not on the application's OIDC settings.
    expect(screenFor('auth0', 'saml.replyUrl')).toMatch(/› Addons › SAML2 Web App › /)
  })

  test('AD FS: assignment is the trust’s access control policy; OIDC clients by their PowerShell', () => {
    expect(screenFor('adfs', 'assignment')).toMatch(
      /^AD FS Management › Relying Party Trusts › \(trust\) › Edit Access Control Policy .*Permit specific group/,
    )
    expect(screenFor('adfs', 'oidc.redirectUris')).toMatch(/^PowerShell: Set-AdfsServerApplication .*-RedirectUri/)
    expect(screenFor('adfs', 'oidc.clientSecret')).toBe(
      'PowerShell: Set-AdfsServerApplication -TargetName (app) -ResetClientSecret',
    )
  })

  test('JumpCloud: the app certificate is managed from the Actions menu; unseen screens stay not known', () => {
    expect(screenFor('jumpcloud', 'saml.signingCertificate')).toMatch(
      /^JumpCloud Admin Portal › SSO Applications › \(app\) › Actions menu/,
    )
    for (const key of ['saml.claims', 'assignment', 'logs.signIns'] as const)
      expect(screenFor('jumpcloud', key)).toMatch(/^Not known for JumpCloud: see https:\/\//)
  })
})
