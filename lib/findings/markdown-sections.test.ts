import { describe, expect, test } from 'vitest'
import { buildSamlResponse } from '../mock-idp/saml/response'
import { idpMetadataXml } from '../mock-idp/saml/metadata'
import { checkContext } from '../context'
import { BUILTIN_PROFILES } from '../profiles/index'
import { parseIdpMetadata, toIdpTrust } from '../saml/metadata/index'
import { validateSamlResponse } from '../saml/response/index'
import { maskReport } from '../store/mask'
import { renderMarkdown } from './render'
import { testSite } from '../../e2e/mock-idp/keys'

const SP = 'https://www.okta.com/saml2/service-provider/spx1yz2ab3'
const ACS = 'https://autodesk-prod.okta.com/sso/saml2/0oa1yz2ab3'
const NOW = new Date('2026-11-22T10:00:00Z')

function report(scenario: 'ok' | 'entra-claims') {
  const md = parseIdpMetadata(idpMetadataXml(testSite('http://127.0.0.1:3200')))
  if (!md.ok) throw new Error('mock metadata')
  const xml = buildSamlResponse({
    site: testSite('http://127.0.0.1:3200'),
    scenario,
    username: 'jane.doe@demo.test',
    requestId: '_r',
    acsUrl: ACS,
    spEntityId: SP,
    now: NOW,
  })
  return validateSamlResponse({ response: xml }, toIdpTrust(md.value), {
    ctx: checkContext({ profile: BUILTIN_PROFILES.autodesk, now: NOW, spEntityId: SP, acsUrl: ACS }),
    requestId: '_r',
  })
}

describe('the Markdown export carries the identity (masked) and the settings side by side', () => {
  test('a masked export: the table of settings in full, the NameID and attribute values masked', () => {
    const md = renderMarkdown(maskReport(report('ok')))
    expect(md).toContain('## Settings side by side')
    expect(md).toMatch(/\| Entity ID \(Identifier /)
    expect(md).toContain(`\`${SP}\``)
    expect(md).toContain('## Signed identity and attribute values')
    expect(md).not.toContain('jane.doe@demo.test')
    // The NameID row is there, with the masked form the masking module gives.
    expect(md).toMatch(/\| NameID \(urn:oasis:names:tc:SAML:1\.1:nameid-format:emailAddress\) \| `[^`]+@demo\.test` \|/)
  })
  test('a failing row says so with its finding code; every table row has five cells', () => {
    const md = renderMarkdown(maskReport(report('entra-claims')))
    const row = md.split('\n').find((l) => l.startsWith('| Attribute firstName'))
    expect(row).toMatch(/DIFFERS \(`SAML_ATTRIBUTE_NAMESPACED`\)/)
    const table = md
      .slice(md.indexOf('## Settings side by side'))
      .split('\n')
      .filter((l) => l.startsWith('|'))
    for (const l of table) expect(l.replace(/\\\|/g, '').split('|').length - 2).toBe(5)
  })
})
