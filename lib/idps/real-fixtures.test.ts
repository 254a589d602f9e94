import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { detectIdp } from './detect'
import type { IdpId } from './registry'
import { REAL_DIR, realFixtureFiles, signalsOfFixture } from './testing/real-fixtures'

/*
 * Every file of the real fixture corpus, detected the way the product reads it. The expectation comes from the corpus'
 * own SOURCES.md (its Vendor column), not from our output: a vendor we have no pack for must come out 'other'.
 */

/** SOURCES.md's Vendor column → our IdP id. Every vendor the corpus names must be here (asserted below). */
const VENDOR: Record<string, IdpId> = {
  'Microsoft Entra ID': 'entra',
  'Microsoft Entra ID B2C (Azure AD B2C)': 'entra',
  Okta: 'okta',
  'saml.oktadev.com (Okta-operated SAML test IdP tool)': 'other',
  OneLogin: 'onelogin',
  'Google (Workspace SAML / Google OIDC)': 'google',
  'Shibboleth IdP': 'shibboleth',
  'Shibboleth IdP (SAMLtest.id)': 'shibboleth',
  'Shibboleth IdP + SP (TestShib)': 'shibboleth',
  'Microsoft AD FS': 'adfs',
  'Microsoft AD FS (OIDC)': 'adfs',
  Auth0: 'auth0',
  Keycloak: 'keycloak',
  JumpCloud: 'jumpcloud',
  'PingOne (Ping Identity cloud)': 'pingone',
  PingFederate: 'pingfederate',
  // IdPs we have no pack for, and SPs (not IdPs at all): 'other'.
  'Secureworks in-house IdP (unknown product)': 'other',
  'Duo Access Gateway (SimpleSAMLphp-based)': 'other',
  'Oracle Access Manager': 'other',
  'MojeID (CZ.NIC)': 'other',
  'Sign in with Apple': 'other',
  'GitLab.com': 'other',
  'Microsoft Online (Entra ID acting as SP; urn:federation:MicrosoftOnline)': 'other',
  'Salesforce (as SP)': 'other',
  'Emma Inc. (as SP)': 'other',
  'pac4j (as SP, generated)': 'other',
  'AWS IAM Identity Center (as SP)': 'other',
}

/**
 * Files of a known IdP that carry nothing naming it: they must come out 'other' by signal 'none' (never a guess).
 * If detection learns a real signal for one, this list is where the test says so.
 */
const NO_SIGNAL: Record<string, string> = {
  'oidc/google/dockyard-google-jwks.json': 'a JWKS with neither issuer nor x5c',
  'oidc/google/msidentitymodel-google-jwks-2015.json': 'a JWKS with neither issuer nor x5c',
  'oidc/google/wellknown-google-jwks.json': 'a JWKS with neither issuer nor x5c',
  'oidc/okta/dockyard-okta-common.okta.com-org-jwks.json': 'a JWKS with neither issuer nor x5c',
  'oidc/other/dockyard-keycloak-localhost-master-jwks.json': 'x5c named after the realm only (CN=master)',
  'oidc/other/dockyard-onelogin-jwks.json': 'a JWKS with neither issuer nor x5c',
  'oidc/other/msidentitymodel-pinglabs-pingfederate-jwks.json': 'a JWKS with neither issuer nor x5c',
  'saml-metadata/other/phpsaml-rctsaai-shibboleth-aggregate.xml': 'an aggregate of several IdPs: no single IdP to name',
  'saml-metadata/other/wowblacksheep-pingfederate-evaluation-signed-metadata.xml':
    'entityID "evaluation", no endpoints, certificate CN=cmts',
  'saml-responses/entra/javasaml-azure-b2c-response-REDACTED.b64': 'redacted: Issuer http://idp.example.com/',
  'saml-responses/okta/ssoready-negative/bad-assertion-utf8/assertion.xml': 'two bytes, not XML',
  'saml-responses/other/gosaml2-pingfed-idp-signing-cert.pem': 'certificate CN=saml.test.nope',
  'saml-responses/other/gosaml2-pingfed-response-01-no-keyinfo.b64':
    'Issuer https://saml.test.nope:9031/eid/…, no certificate',
  'saml-responses/other/gosaml2-pingfed-response-02-with-keyinfo.b64':
    'Issuer https://saml.test.nope:9031/eid/…, certificate CN=saml.test.nope',
}

/** `| \`file\` | source | licence | vendor | contents |` rows, with the section's folder. */
function expectedTable(): Map<string, string> {
  const sections: Array<[RegExp, string]> = [
    [/^## SAML IdP metadata — Microsoft Entra/, 'saml-metadata/entra/'],
    [/^## SAML IdP metadata — Okta/, 'saml-metadata/okta/'],
    [/^## SAML IdP metadata — other/, 'saml-metadata/other/'],
    [/^## SAML SP metadata/, 'saml-metadata/sp/'],
    [/^## SAML Responses \/ assertions — Entra/, 'saml-responses/entra/'],
    [/^## SAML Responses — Okta/, 'saml-responses/okta/'],
    [/^## SAML Responses — other/, 'saml-responses/other/'],
    [/^## OIDC discovery \+ JWKS — Entra/, 'oidc/entra/'],
    [/^## OIDC discovery \+ JWKS — Google/, 'oidc/google/'],
    [/^## OIDC discovery \+ JWKS — Okta/, 'oidc/okta/'],
    [/^## OIDC discovery \+ JWKS — other/, 'oidc/other/'],
  ]
  const out = new Map<string, string>()
  let folder: string | undefined
  for (const line of readFileSync(`${REAL_DIR}/SOURCES.md`, 'utf8').split('\n')) {
    if (line.startsWith('## ')) folder = sections.find(([re]) => re.test(line))?.[1]
    const cells = line.split(' | ')
    const file = /^\| `([^`]+)`$/.exec(cells[0] ?? '')?.[1]
    if (folder && file && cells.length >= 5) out.set(folder + file, cells[3]!.trim())
  }
  return out
}

describe('detectIdp over every real fixture (expectations from SOURCES.md)', () => {
  const table = expectedTable()
  const files = realFixtureFiles()

  test('SOURCES.md lists every file of the corpus, and every vendor it names is mapped', () => {
    expect(files.length).toBe(150)
    expect(files.filter((f) => !table.has(f))).toEqual([])
    expect([...new Set(table.values())].filter((v) => !(v in VENDOR))).toEqual([])
    expect(Object.keys(NO_SIGNAL).filter((f) => !table.has(f))).toEqual([])
  })

  test.each(files)('%s', (file) => {
    const d = detectIdp(signalsOfFixture(file))
    const vendor = table.get(file)!
    if (file.endsWith('params.json')) {
      // Test parameters (SP entity ID, clock): no IdP evidence at all.
      expect(d).toEqual({ idp: 'other', signal: 'none', evidence: '' })
    } else if (file in NO_SIGNAL) {
      expect(VENDOR[vendor], NO_SIGNAL[file]).not.toBe('other')
      expect(d, NO_SIGNAL[file]).toEqual({ idp: 'other', signal: 'none', evidence: '' })
    } else {
      expect(d.idp, `${vendor}: ${d.signal} ${d.evidence}`).toBe(VENDOR[vendor])
      if (d.idp !== 'other') expect(d.evidence).not.toBe('')
    }
  })

  test('every IdP the vendor itself supports is detected from at least one real file', () => {
    const seen = new Set(files.map((f) => detectIdp(signalsOfFixture(f)).idp))
    for (const idp of [
      'entra',
      'okta',
      'adfs',
      'onelogin',
      'pingfederate',
      'pingone',
      'google',
      'shibboleth',
      'jumpcloud',
      'keycloak',
      'auth0',
    ] as const) {
      expect(seen.has(idp), idp).toBe(true)
    }
  })
})
