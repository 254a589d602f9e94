import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { decodeAuthnRequest } from '../../lib/mock-idp/saml/authn-request'
import { idpMetadataXml } from '../../lib/mock-idp/saml/metadata'
import { buildSamlResponse } from '../../lib/mock-idp/saml/response'
import { testKeys, testSite } from './keys'
import { findScenario, OIDC_SCENARIOS, SAML_SCENARIOS } from '../../lib/mock-idp/scenarios'
import { buildAuthnRequest, redirectBindingUrl } from '../../lib/testlogin/saml/authn-request'

const base = 'http://127.0.0.1:3200'
const input = {
  site: testSite(base),
  username: 'ok@demo.test',
  requestId: '_req1',
  acsUrl: 'http://localhost:3000/saml/acs',
  spEntityId: 'https://sp.example.com',
  now: new Date(),
}
const dir = mkdtempSync(join(tmpdir(), 'mock-idp-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Debian's xmlsec1 as a second opinion: the reference XML-DSig implementation, with the given certificate only. */
function xmlsecVerifies(xml: string, certPem: string, node: 'Assertion' | 'Response'): boolean {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.xml`)
  const cert = join(dir, `${Math.random().toString(36).slice(2)}.pem`)
  writeFileSync(file, xml)
  writeFileSync(cert, certPem)
  try {
    execFileSync(
      'xmlsec1',
      [
        '--verify',
        '--pubkey-cert-pem',
        cert,
        '--id-attr:ID',
        `urn:oasis:names:tc:SAML:2.0:${node === 'Assertion' ? 'assertion:Assertion' : 'protocol:Response'}`,
        '--node-xpath',
        `//*[local-name()='${node}']/*[local-name()='Signature']`,
        file,
      ],
      { stdio: 'pipe' },
    )
    return true
  } catch {
    return false
  }
}

const hasXmlsec = existsSync('/usr/bin/xmlsec1')

describe('mock IdP SAML responses', () => {
  test.runIf(hasXmlsec)(
    'the ok answer’s assertion signature verifies with xmlsec1 and the metadata’s first certificate',
    () => {
      const xml = buildSamlResponse({ ...input, scenario: 'ok' })
      expect(xmlsecVerifies(xml, testKeys().signing.certPem, 'Assertion')).toBe(true)
      expect(xmlsecVerifies(xml, testKeys().rogue.certPem, 'Assertion')).toBe(false)
    },
  )

  test.runIf(hasXmlsec)(
    'assertion-unsigned signs the Response only; cert-not-in-metadata signs with the rogue key',
    () => {
      const responseOnly = buildSamlResponse({ ...input, scenario: 'assertion-unsigned' })
      expect(responseOnly).not.toMatch(/<saml:Assertion[^>]*>[^]*<ds:Signature[^]*<\/saml:Assertion>/)
      expect(xmlsecVerifies(responseOnly, testKeys().signing.certPem, 'Response')).toBe(true)
      const rogue = buildSamlResponse({ ...input, scenario: 'cert-not-in-metadata' })
      expect(xmlsecVerifies(rogue, testKeys().signing.certPem, 'Assertion')).toBe(false)
      expect(xmlsecVerifies(rogue, testKeys().rogue.certPem, 'Assertion')).toBe(true)
    },
  )

  test('each fault changes what it says and nothing else', () => {
    const ok = buildSamlResponse({ ...input, scenario: 'ok' })
    expect(ok).toContain('InResponseTo="_req1"')
    expect(ok).toContain('<saml:Audience>https://sp.example.com</saml:Audience>')
    expect(buildSamlResponse({ ...input, scenario: 'wrong-audience' })).not.toContain(
      '<saml:Audience>https://sp.example.com</saml:Audience>',
    )
    expect(buildSamlResponse({ ...input, scenario: 'wrong-inresponseto' })).not.toContain('InResponseTo="_req1"')
    expect(buildSamlResponse({ ...input, scenario: 'sha1' })).toContain('http://www.w3.org/2000/09/xmldsig#rsa-sha1')
    expect(buildSamlResponse({ ...input, scenario: 'unsigned' })).not.toContain('Signature')
    expect(buildSamlResponse({ ...input, scenario: 'missing-email' })).not.toContain('Name="email"')
    expect(buildSamlResponse({ ...input, scenario: 'status-authnfailed' })).toContain(
      'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
    )
    expect(buildSamlResponse({ ...input, scenario: 'authncontext-mismatch' })).toContain('AADSTS75011')
  })

  test('metadata lists the signing certificate first and the expired one second, SSO over both bindings', () => {
    const md = idpMetadataXml(testSite(base))
    expect(md.indexOf(testKeys().signing.certBase64)).toBeLessThan(md.indexOf(testKeys().expired.certBase64))
    expect(md).toContain('HTTP-Redirect" Location="http://127.0.0.1:3200/saml/sso"')
    expect(md).toContain('HTTP-POST" Location="http://127.0.0.1:3200/saml/sso"')
    expect(md).not.toContain(testKeys().rogue.certBase64)
  })
})

describe('mock IdP inputs', () => {
  test('decodes a Redirect-binding AuthnRequest built by the app', () => {
    const xml = buildAuthnRequest({
      id: '_abc',
      issueInstant: new Date(),
      destination: `${base}/saml/sso`,
      issuer: 'https://sp.example.com',
      acsUrl: 'http://localhost:3000/saml/acs',
    })
    const value = new URL(redirectBindingUrl(`${base}/saml/sso`, xml)).searchParams.get('SAMLRequest')!
    expect(decodeAuthnRequest(value, 'redirect')).toEqual({
      id: '_abc',
      issuer: 'https://sp.example.com',
      acsUrl: 'http://localhost:3000/saml/acs',
    })
    expect(decodeAuthnRequest('not base64 deflate', 'redirect')).toHaveProperty('error')
  })

  test('the username picks the scenario, a tag makes another user with the same outcome, any other name is unknown', () => {
    expect(findScenario('Wrong-Audience@demo.test', SAML_SCENARIOS)?.id).toBe('wrong-audience')
    expect(findScenario('ok+alice@demo.test', SAML_SCENARIOS)?.id).toBe('ok')
    expect(findScenario('wrong-aud+x.1@demo.test', OIDC_SCENARIOS)?.id).toBe('wrong-aud')
    expect(findScenario('aadsts50105@demo.test', OIDC_SCENARIOS)?.id).toBe('aadsts50105')
    for (const name of [
      'alice@demo.test',
      '',
      'ok',
      'ok@example.com',
      'ok+@demo.test',
      'ok+a b@demo.test',
      'okay@demo.test',
    ])
      expect(findScenario(name, SAML_SCENARIOS), name).toBeUndefined()
    // Each protocol has its own list: a fault of one is unknown at the other.
    expect(findScenario('aadsts50011@demo.test', SAML_SCENARIOS)).toBeUndefined()
    expect(findScenario('wrong-audience@demo.test', OIDC_SCENARIOS)).toBeUndefined()
  })
})
