import { afterAll, describe, expect, test } from 'vitest'
import { certCatalog } from '../../findings/catalog/cert'
import { catalog } from '../../findings/catalog/index'
import { samlMetadataCatalog } from '../../findings/catalog/saml-metadata'
import { namesIdpScreen } from '../../findings/testing/screens'
import { ReportSchema, type Report } from '../../findings/report'
import type { Finding } from '../../findings/types'
import { BUILTIN_PROFILES } from '../../profiles/index'
import { analyzeSamlMetadata, type AnalyzeMetadataOptions } from './index'
import {
  alter,
  OKTA,
  OKTA_ENTITY_ID,
  PINNED_NOW,
  real,
  SIGNED_NOW,
  signMetadata,
  TEST_CERT_B64,
} from './testing/fixtures'

const seen = new Set<string>()
function run(xml: string, o: Partial<AnalyzeMetadataOptions> = {}): Report {
  const r = ReportSchema.parse(
    analyzeSamlMetadata({ xml }, { profile: BUILTIN_PROFILES.autodesk, now: PINNED_NOW, ...o }),
  )
  for (const f of r.findings) seen.add(f.code)
  return r
}
const codes = (r: Report) => r.findings.map((f) => f.code).sort()
function one(r: Report, code: string): Finding {
  const fs = r.findings.filter((f) => f.code === code)
  expect(fs, `${code} in ${codes(r).join(', ')}`).toHaveLength(1)
  return fs[0]!
}
const SSO_POST = 'https://trial-1022863.okta.com/app/trial-1022863_oktalocalhostbis_1/exkdoocxa1VmjpXmX697/sso/saml'
const REDIRECT_SSO_RE = /<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"[^>]*\/>/
const POST_SSO_RE = /<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*\/>/

test('the real Okta metadata: no finding, facts and one timeline row', () => {
  const r = run(OKTA)
  expect(r.findings).toEqual([])
  expect(r.subject).toEqual({ kind: 'saml-metadata', idp: 'okta', entityId: OKTA_ENTITY_ID })
  expect(r.facts).toMatchObject({
    entityID: OKTA_ENTITY_ID,
    singleSignOnServices: { 'HTTP-POST': [SSO_POST], 'HTTP-Redirect': [SSO_POST] },
    nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    validUntil: null,
    wantAuthnRequestsSigned: false,
    metadataSigned: false,
  })
  expect(r.certificates).toEqual([
    expect.objectContaining({ use: 'signing', subject: 'trial-1022863', notAfter: '2034-04-25T20:31:02.000Z' }),
  ])
})

describe('what the document is', () => {
  test('non-XML, empty and DOCTYPE input come from the safe parser', () => {
    expect(codes(run('this is not xml'))).toEqual(['INPUT_NOT_XML'])
    expect(codes(run(''))).toEqual(['INPUT_EMPTY'])
    expect(
      codes(
        run('<!DOCTYPE x [<!ENTITY e "x">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>'),
      ),
    ).toEqual(['INPUT_XML_DOCTYPE'])
  })
  test('SAML_METADATA_NOT_METADATA: a SAML response uploaded instead', () => {
    const f = one(
      run('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>'),
      'SAML_METADATA_NOT_METADATA',
    )
    expect(f).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: {
        expected: '<EntityDescriptor> in urn:oasis:names:tc:SAML:2.0:metadata',
        actual: '<samlp:Response> in urn:oasis:names:tc:SAML:2.0:protocol',
      },
    })
  })
  test('SAML_METADATA_WRONG_NAMESPACE: the real prefix-stripped Okta file is flagged and still read', () => {
    const r = run(real('okta/boxyhq-saml20-okta-exkymhf9ve6PI9KfY696-metadata-PREFIX-STRIPPED.xml'))
    expect(one(r, 'SAML_METADATA_WRONG_NAMESPACE')).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: { expected: 'urn:oasis:names:tc:SAML:2.0:metadata', actual: '(no namespace)' },
    })
    expect(r.subject).toMatchObject({ idp: 'okta', entityId: 'http://www.okta.com/exkymhf9ve6PI9KfY696' })
    expect(r.facts).toMatchObject({ namespace: 'recovered: elements are in no namespace' })
    expect(r.certificates?.[0]).toMatchObject({ subject: 'trial-6536592' })
  })
  test('SAML_METADATA_WRONG_NAMESPACE: KeyInfo without the ds namespace (real OneLogin file)', () => {
    const r = run(real('other/boxyhq-saml20-onelogin-2f5926c1-idp-metadata.xml'))
    expect(one(r, 'SAML_METADATA_WRONG_NAMESPACE').evidence).toMatchObject({
      expected: 'http://www.w3.org/2000/09/xmldsig#',
      actual: 'urn:oasis:names:tc:SAML:2.0:metadata',
    })
  })
  test('SAML_METADATA_AGGREGATE_MULTIPLE_IDPS lists the IdP entity IDs (real RCTSaai aggregate)', () => {
    const r = run(real('other/phpsaml-rctsaai-shibboleth-aggregate.xml'))
    expect(codes(r)).toEqual(['SAML_METADATA_AGGREGATE_MULTIPLE_IDPS'])
    expect(one(r, 'SAML_METADATA_AGGREGATE_MULTIPLE_IDPS')).toMatchObject({
      owner: 'idp',
      evidence: {
        expected: 'one IdP entity',
        actual: ['https://si-saai.ualg.pt/idp/shibboleth', 'https://idp.fccn.pt/idp/shibboleth'],
        entities: 3,
      },
    })
    expect(r.skipped?.length).toBeGreaterThan(0)
  })
  test('SAML_METADATA_AGGREGATE_SINGLE_IDP: the one IdP of the TestShib aggregate is checked', () => {
    const r = run(real('other/crewjam-testshib-metadata-aggregate.xml'))
    expect(one(r, 'SAML_METADATA_AGGREGATE_SINGLE_IDP')).toMatchObject({
      severity: 'info',
      owner: 'idp',
      evidence: { actual: 'https://idp.testshib.org/idp/shibboleth' },
    })
    expect(r.subject.entityId).toBe('https://idp.testshib.org/idp/shibboleth')
  })
  test("SAML_METADATA_IS_SP_METADATA: the vendor's / SP metadata uploaded by mistake (real Salesforce SP)", () => {
    const r = run(real('sp/nityasree-salesforce-devorg-sp-metadata.xml'))
    expect(codes(r)).toEqual(['SAML_METADATA_IS_SP_METADATA'])
    const f = one(r, 'SAML_METADATA_IS_SP_METADATA')
    expect(f).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: {
        expected: 'an IDPSSODescriptor (your IdP)',
        actual: 'SPSSODescriptor of https://orgfarm-f842242af0-dev-ed.develop.my.salesforce.com',
      },
    })
    expect(f.nextStep).toContain("upload your IdP's metadata")
  })
  test('SAML_METADATA_NO_IDP_DESCRIPTOR: only WS-Federation roles (derived: IDPSSODescriptor renamed to an unknown role)', () => {
    const xml = OKTA.replace(/md:IDPSSODescriptor/g, 'md:AttributeAuthorityDescriptor')
    expect(one(run(xml), 'SAML_METADATA_NO_IDP_DESCRIPTOR').evidence).toMatchObject({
      expected: 'an IDPSSODescriptor',
      actual: ['AttributeAuthorityDescriptor'],
    })
  })
})

describe('entity ID', () => {
  test('SAML_ENTITY_ID_MISSING (derived: entityID removed)', () => {
    const f = one(run(alter(OKTA, ` entityID="${OKTA_ENTITY_ID}"`, '')), 'SAML_ENTITY_ID_MISSING')
    expect(f).toMatchObject({
      owner: 'idp',
      evidence: { expected: 'the IdP entity ID (a URI)', actual: '(no entityID attribute)' },
    })
  })
  test('SAML_ENTITY_ID_PLACEHOLDER: JumpCloud\'s default "IdP Entity ID" (real file)', () => {
    const f = one(run(real('other/ssoready-jumpcloud-idp-metadata.xml')), 'SAML_ENTITY_ID_PLACEHOLDER')
    expect(f).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: { actual: 'IdP Entity ID', reason: 'a default label, not a value' },
    })
    expect(one(run(alter(OKTA, OKTA_ENTITY_ID, 'https://...')), 'SAML_ENTITY_ID_PLACEHOLDER').evidence.actual).toBe(
      'https://...',
    )
  })
  test('SAML_ENTITY_ID_ENTRA_MULTI_TENANT: the real common metadata with {tenantid}', () => {
    const r = run(real('entra/erikgrootoonk-entra-common-tenantid-federationmetadata.xml'))
    const f = one(r, 'SAML_ENTITY_ID_ENTRA_MULTI_TENANT')
    expect(f).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: { actual: 'https://sts.windows.net/{tenantid}/' },
    })
    expect(f.fixAt).toContain('Federation Metadata XML')
    expect(r.subject.idp).toBe('entra')
  })
  test('SAML_ENTITY_ID_NOT_URI: PingFederate\'s "evaluation" (real file)', () => {
    const f = one(
      run(real('other/wowblacksheep-pingfederate-evaluation-signed-metadata.xml'), {
        now: new Date('2019-06-01T00:00:00Z'),
      }),
      'SAML_ENTITY_ID_NOT_URI',
    )
    expect(f).toMatchObject({
      severity: 'warning',
      owner: 'idp',
      evidence: { expected: 'an absolute URI of at most 1024 characters', actual: 'evaluation' },
    })
  })
})

describe('single sign-on endpoints', () => {
  test('SAML_SSO_ENDPOINT_MISSING (derived: both SingleSignOnService removed)', () => {
    const xml = alter(alter(OKTA, REDIRECT_SSO_RE, ''), POST_SSO_RE, '')
    expect(one(run(xml), 'SAML_SSO_ENDPOINT_MISSING')).toMatchObject({ owner: 'idp', evidence: { actual: 'none' } })
  })
  test('SAML_SSO_ENDPOINT_NOT_HTTPS: error for a public host, warning for loopback (derived)', () => {
    const xml = OKTA.replaceAll(SSO_POST, 'http://idp.corp.example.net/sso/saml')
    const r = run(alter(xml, 'http://idp.corp.example.net/sso/saml', 'http://sso.contoso.com/saml'))
    const f = r.findings.find(
      (x) => x.code === 'SAML_SSO_ENDPOINT_NOT_HTTPS' && x.evidence.actual === 'http://sso.contoso.com/saml',
    )
    expect(f).toMatchObject({
      severity: 'error',
      owner: 'idp',
      evidence: {
        expected: 'https://sso.contoso.com/saml',
        actual: 'http://sso.contoso.com/saml',
        binding: 'HTTP-POST',
      },
    })
    const k = run(real('other/ssoready-keycloak-idp-metadata.xml'))
    expect(
      k.findings.filter((x) => x.code === 'SAML_SSO_ENDPOINT_NOT_HTTPS').every((x) => x.severity === 'warning'),
    ).toBe(true)
  })
  test('SAML_SSO_ENDPOINT_UNSAFE_SCHEME: javascript: and data: (derived)', () => {
    const xml = alter(
      alter(OKTA, `Location="${SSO_POST}"`, 'Location="java\tscript:alert(1)"'),
      `Location="${SSO_POST}"`,
      'Location="data:text/html,hi"',
    )
    const r = run(xml)
    expect(
      r.findings.filter((f) => f.code === 'SAML_SSO_ENDPOINT_UNSAFE_SCHEME').map((f) => f.evidence.actual),
    ).toEqual(['java script:alert(1)', 'data:text/html,hi'])
  })
  test('SAML_SSO_ENDPOINT_INVALID_URL: a relative Location (derived)', () => {
    const f = one(run(alter(OKTA, `Location="${SSO_POST}"`, 'Location="/sso/saml"')), 'SAML_SSO_ENDPOINT_INVALID_URL')
    expect(f).toMatchObject({
      owner: 'idp',
      evidence: { expected: 'an absolute https:// URL', actual: '/sso/saml', reason: 'not an absolute URL' },
    })
  })
  test('SAML_SSO_BINDING_UNSUPPORTED: only SOAP and Artifact (derived)', () => {
    const xml = OKTA.replace('bindings:HTTP-POST"', 'bindings:SOAP"').replace(
      'bindings:HTTP-Redirect"',
      'bindings:HTTP-Artifact"',
    )
    const f = one(run(xml), 'SAML_SSO_BINDING_UNSUPPORTED')
    expect(f.evidence).toMatchObject({
      expected: ['HTTP-Redirect', 'HTTP-POST'],
      actual: ['urn:oasis:names:tc:SAML:2.0:bindings:SOAP', 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact'],
    })
  })
  test('SAML_SSO_ONE_BINDING_ONLY (derived: the HTTP-Redirect endpoint removed)', () => {
    const f = one(run(alter(OKTA, REDIRECT_SSO_RE, '')), 'SAML_SSO_ONE_BINDING_ONLY')
    expect(f).toMatchObject({
      severity: 'info',
      owner: 'idp',
      evidence: { actual: ['HTTP-POST'], available: 'HTTP-POST' },
    })
  })
})

describe('descriptor', () => {
  test('SAML_METADATA_NAMEID_FORMATS_UNSUPPORTED: transient only (derived)', () => {
    const xml = alter(
      OKTA,
      'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
      'urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>',
    )
    const f = one(run(xml), 'SAML_METADATA_NAMEID_FORMATS_UNSUPPORTED')
    expect(f).toMatchObject({
      owner: 'idp',
      evidence: {
        expected: BUILTIN_PROFILES.autodesk.saml!.nameIdFormats,
        actual: ['urn:oasis:names:tc:SAML:2.0:nameid-format:transient'],
      },
    })
    expect(f.fixAt).toContain('Name ID format')
  })
  test('SAML_METADATA_EXPIRED: validUntil in the past (real Google metadata)', () => {
    const f = one(run(real('other/jackson-google-idp-metadata.xml')), 'SAML_METADATA_EXPIRED')
    expect(f).toMatchObject({
      severity: 'warning',
      owner: 'idp',
      evidence: { expected: 'validUntil after 2026-11-22T00:00:00.000Z', actual: '2026-06-22T18:39:53.000Z' },
    })
  })
  test('SAML_METADATA_VALID_UNTIL_INVALID and SAML_METADATA_CACHE_DURATION_INVALID (derived)', () => {
    const xml = alter(
      OKTA,
      '<md:EntityDescriptor ',
      '<md:EntityDescriptor validUntil="next year" cacheDuration="1 hour" ',
    )
    const r = run(xml)
    expect(one(r, 'SAML_METADATA_VALID_UNTIL_INVALID').evidence).toMatchObject({
      actual: 'next year',
      where: '/EntityDescriptor/@validUntil',
    })
    expect(one(r, 'SAML_METADATA_CACHE_DURATION_INVALID').evidence).toMatchObject({ actual: '1 hour' })
    expect(
      codes(
        run(
          alter(
            OKTA,
            '<md:EntityDescriptor ',
            '<md:EntityDescriptor validUntil="2030-01-01T00:00:00.1234567Z" cacheDuration="PT1439M" ',
          ),
        ),
      ),
    ).toEqual([])
  })
  test('SAML_METADATA_NO_SAML2_PROTOCOL: SAML 1.1 only (derived)', () => {
    const f = one(
      run(
        alter(
          OKTA,
          'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"',
          'protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol"',
        ),
      ),
      'SAML_METADATA_NO_SAML2_PROTOCOL',
    )
    expect(f.evidence).toMatchObject({
      expected: 'urn:oasis:names:tc:SAML:2.0:protocol',
      actual: ['urn:oasis:names:tc:SAML:1.1:protocol'],
    })
  })
  test('SAML_METADATA_WANT_AUTHN_REQUESTS_SIGNED: for the vendor (real Keycloak metadata)', () => {
    const f = one(run(real('other/ssoready-keycloak-idp-metadata.xml')), 'SAML_METADATA_WANT_AUTHN_REQUESTS_SIGNED')
    expect(f).toMatchObject({
      severity: 'info',
      owner: 'vendor',
      evidence: { actual: 'WantAuthnRequestsSigned="true"' },
    })
  })
  test('SAML_METADATA_NO_SIGNING_CERT: only an encryption key (derived: use="signing" → "encryption")', () => {
    const r = run(alter(OKTA, 'use="signing"', 'use="encryption"'))
    expect(one(r, 'SAML_METADATA_NO_SIGNING_CERT')).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: { actual: ['KeyDescriptor use=encryption with 1 certificate(s)'] },
    })
    expect(r.certificates?.[0]).toMatchObject({ use: 'encryption' })
  })
  test('certificates: a redacted X509Certificate gives CERT_PLACEHOLDER (derived)', () => {
    const xml = alter(OKTA, /<ds:X509Certificate>[^<]+</, '<ds:X509Certificate>MIIC...REDACTED...<')
    expect(one(run(xml), 'CERT_PLACEHOLDER').evidence).toMatchObject({
      use: 'signing',
      where: '/EntityDescriptor/IDPSSODescriptor/KeyDescriptor',
    })
  })
})

describe('metadata signature', () => {
  // Derived: the real Okta metadata with its KeyDescriptor certificate replaced by the TEST-ONLY one, then signed with its key.
  const own = alter(OKTA, /<ds:X509Certificate>[^<]+</, `<ds:X509Certificate>${TEST_CERT_B64}<`)
  const signed = signMetadata(own)
  test('SAML_METADATA_SIGNATURE_INTEGRITY_ONLY: verified with its own certificate, and says it is not trust', () => {
    const r = run(signed, { now: SIGNED_NOW })
    const f = one(r, 'SAML_METADATA_SIGNATURE_INTEGRITY_ONLY')
    expect(f).toMatchObject({
      severity: 'info',
      owner: 'idp',
      evidence: { actual: { subject: 'SSO Preflight bench IdP (TEST ONLY)' }, signatureMethod: 'RSA-SHA256' },
    })
    expect(String(f.evidence.trust)).toMatch(/integrity only.*not who signed it/)
    expect(r.certificates?.[0]).toMatchObject({ signsNow: true })
  })
  test('SAML_METADATA_SIGNATURE_VALID with a trusted certificate', () => {
    expect(
      one(run(signed, { now: SIGNED_NOW, trustedCertificates: [TEST_CERT_B64] }), 'SAML_METADATA_SIGNATURE_VALID')
        .owner,
    ).toBe('idp')
  })
  test('SAML_METADATA_SIGNATURE_UNTRUSTED when another certificate is trusted', () => {
    const other = [...OKTA.matchAll(/<ds:X509Certificate>([^<]+)</g)][0]![1]!
    expect(
      one(run(signed, { now: SIGNED_NOW, trustedCertificates: [other] }), 'SAML_METADATA_SIGNATURE_UNTRUSTED').evidence
        .actual,
    ).toMatch(/^[0-9A-F:]+$/)
  })
  test('SAML_METADATA_SIGNATURE_INVALID after an edit (derived: SSO URL changed after signing)', () => {
    const f = one(
      run(
        alter(
          signed,
          'Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://',
          'Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://evil.',
        ),
        { now: SIGNED_NOW },
      ),
      'SAML_METADATA_SIGNATURE_INVALID',
    )
    expect(f).toMatchObject({
      severity: 'warning',
      owner: 'idp',
      evidence: { expected: 'a signature that verifies', actual: [expect.stringContaining('digest mismatch')] },
    })
  })
  test('SAML_METADATA_SIGNATURE_WEAK_ALGORITHM: rsa-sha1', () => {
    expect(
      one(run(signMetadata(own, { sha1: true }), { now: SIGNED_NOW }), 'SAML_METADATA_SIGNATURE_WEAK_ALGORITHM')
        .evidence.actual,
    ).toBe('RSA-SHA1 / SHA1')
  })
  test('SAML_METADATA_SIGNED_WITH_EXPIRED_CERT: the real Entra rollover file signed with its expired certificate', () => {
    const r = run(real('entra/ggtristams-entra-tenant-81c1df79-federationmetadata.xml'))
    expect(one(r, 'SAML_METADATA_SIGNED_WITH_EXPIRED_CERT').evidence).toMatchObject({
      actual: { notAfter: '2025-09-28T09:17:32.000Z' },
    })
    expect(one(r, 'CERT_ROLLOVER_EXPIRED_BESIDE_VALID').evidence).toMatchObject({
      expected: { keep: { notAfter: '2027-05-07T16:44:56.000Z' } },
      metadataSignedWith: { status: 'expired' },
    })
    expect(r.certificates?.map((c) => [c.notAfter, c.signsNow])).toEqual([
      ['2025-09-28T09:17:32.000Z', true],
      ['2027-05-07T16:44:56.000Z', false],
    ])
  })
  test('SAML_METADATA_SIGNER_NOT_LISTED: signed with a certificate that is not a KeyDescriptor one (derived)', () => {
    const r = run(signMetadata(OKTA), { now: SIGNED_NOW })
    expect(one(r, 'SAML_METADATA_SIGNER_NOT_LISTED')).toMatchObject({
      severity: 'info',
      evidence: { subject: 'SSO Preflight bench IdP (TEST ONLY)' },
    })
    expect(r.certificates?.find((c) => c.signsNow)).toMatchObject({
      where: 'Signature/KeyInfo (signs the metadata only)',
    })
  })
})

describe('what the admin typed (autodesk profile)', () => {
  const ok = {
    spEntityId: 'https://www.okta.com/saml2/service-provider/abc123def',
    acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/0oa1b2c3',
    signOnUrl: 'https://autodesk.example.net/sso',
  }
  test('correct values give no finding', () => {
    expect(run(OKTA, ok).findings).toEqual([])
  })
  test('SAML_CONFIG_REPLY_URL_PLACEHOLDER and SAML_CONFIG_SIGN_ON_URL_PLACEHOLDER: the Entra gallery placeholders', () => {
    const r = run(OKTA, {
      ...ok,
      acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1',
      signOnUrl: 'https://profile.autodesk.com/',
      idp: 'entra',
    })
    const a = one(r, 'SAML_CONFIG_REPLY_URL_PLACEHOLDER')
    expect(a).toMatchObject({
      owner: 'idp',
      severity: 'error',
      evidence: {
        expected: 'https://autodesk-prod.okta.com/sso/saml2/<idp-id>',
        actual: 'https://autodesk-prod.okta.com/sso/saml2/1',
      },
    })
    expect(a.fixAt).toBe(
      'Entra admin center › Entra ID › Enterprise apps › (app) › Single sign-on › Basic SAML Configuration › Edit › Reply URL (Assertion Consumer Service URL)',
    )
    // The vendor's own Entra guide enters this Sign on URL and the vendor is SP-initiated only: an info, never "clear it".
    const signOn = one(r, 'SAML_CONFIG_SIGN_ON_URL_PLACEHOLDER')
    expect(signOn).toMatchObject({
      severity: 'info',
      owner: 'idp',
      evidence: { actual: 'https://profile.autodesk.com/', placeholder: 'https://profile.autodesk.com' },
    })
    expect(signOn.nextStep).not.toMatch(/clear/i)
  })
  test('SAML_CONFIG_IDENTIFIER_PLACEHOLDER', () => {
    expect(
      one(
        run(OKTA, { spEntityId: 'https://www.okta.com/saml2/service-provider/1' }),
        'SAML_CONFIG_IDENTIFIER_PLACEHOLDER',
      ).evidence,
    ).toMatchObject({ actual: 'https://www.okta.com/saml2/service-provider/1' })
    expect(
      one(run(OKTA, { spEntityId: '{entity-id}' }), 'SAML_CONFIG_IDENTIFIER_PLACEHOLDER').evidence.reason,
    ).toBeDefined()
  })
  test("SAML_CONFIG_IDENTIFIER_MISMATCH: not the vendor's form", () => {
    const f = one(run(OKTA, { spEntityId: 'urn:autodesk:sso' }), 'SAML_CONFIG_IDENTIFIER_MISMATCH')
    expect(f).toMatchObject({
      owner: 'idp',
      evidence: { expected: 'https://www.okta.com/saml2/service-provider/<sp-id>', actual: 'urn:autodesk:sso' },
    })
  })
  test("SAML_CONFIG_IDENTIFIER_IS_IDP_ENTITY_ID: the IdP's own entity ID typed as Identifier", () => {
    const f = one(run(OKTA, { spEntityId: OKTA_ENTITY_ID + '/' }), 'SAML_CONFIG_IDENTIFIER_IS_IDP_ENTITY_ID')
    expect(f.evidence).toMatchObject({ actual: OKTA_ENTITY_ID + '/', idpEntityId: OKTA_ENTITY_ID })
  })
  test('SAML_CONFIG_REPLY_URL_MISMATCH', () => {
    expect(
      one(run(OKTA, { acsUrl: 'https://autodesk.okta.com/sso/saml2/0oa1' }), 'SAML_CONFIG_REPLY_URL_MISMATCH').evidence,
    ).toMatchObject({ actual: 'https://autodesk.okta.com/sso/saml2/0oa1' })
  })
  test('SAML_CONFIG_TRAILING_SLASH and SAML_CONFIG_NOT_HTTPS', () => {
    expect(one(run(OKTA, { spEntityId: ok.spEntityId + '/' }), 'SAML_CONFIG_TRAILING_SLASH').evidence).toMatchObject({
      expected: ok.spEntityId,
      actual: ok.spEntityId + '/',
      field: 'Identifier (Entity ID)',
    })
    const http = ok.acsUrl.replace('https:', 'http:')
    expect(one(run(OKTA, { acsUrl: http }), 'SAML_CONFIG_NOT_HTTPS').evidence).toMatchObject({
      expected: ok.acsUrl,
      actual: http,
      field: 'Reply URL (ACS URL)',
    })
  })
  test('typed values are still checked when the document is unusable', () => {
    expect(codes(run('nope', { acsUrl: 'https://autodesk-prod.okta.com/sso/saml2/1' }))).toEqual([
      'INPUT_NOT_XML',
      'SAML_CONFIG_REPLY_URL_PLACEHOLDER',
    ])
  })
})

test('catalog: every idp-owned metadata / cert code names the Entra and Okta screen', () => {
  for (const [code, e] of Object.entries({ ...samlMetadataCatalog, ...certCatalog })) {
    if (e.owner !== 'idp') continue
    expect(namesIdpScreen(e, 'entra'), code).toBe(true)
    expect(namesIdpScreen(e, 'okta'), code).toBe(true)
  }
})

test('catalog: no other area redefines a metadata / cert code (the merged catalog keeps these entries)', () => {
  const merged: Record<string, unknown> = catalog
  for (const [code, e] of Object.entries({ ...samlMetadataCatalog, ...certCatalog })) expect(merged[code], code).toBe(e)
})

afterAll(() => {
  // Each SAML_ code of this area is triggered by at least one test above (CERT_ codes: lib/certs/certs.test.ts).
  const missing = Object.keys(samlMetadataCatalog).filter((c) => !seen.has(c))
  expect(missing).toEqual([])
})

describe('NET_RESERVED_EXAMPLE_DOMAIN: a test IdP on a reserved example domain is said as such', () => {
  const TEST_IDP = 'https://idp.example.test/sso/saml'
  const xml = OKTA.replaceAll(SSO_POST, TEST_IDP).replace(OKTA_ENTITY_ID, 'https://idp.example.test/metadata')
  test('a warning under the generic profile (where test IdPs live), not "not a valid URL"', () => {
    const r = run(xml, { profile: BUILTIN_PROFILES.generic })
    expect(codes(r)).not.toContain('SAML_SSO_ENDPOINT_INVALID_URL')
    expect(codes(r)).not.toContain('SAML_ENTITY_ID_PLACEHOLDER')
    const reserved = r.findings.filter((f) => f.code === 'NET_RESERVED_EXAMPLE_DOMAIN')
    expect(reserved.map((f) => [f.severity, f.evidence.actual])).toEqual([
      ['warning', 'https://idp.example.test/metadata'],
      ['warning', TEST_IDP],
      ['warning', TEST_IDP],
    ])
    expect(reserved[1]!.title).toBe('The host is a reserved example domain')
    expect(reserved[1]!.evidence).toMatchObject({
      host: 'idp.example.test',
      reservedDomain: 'test',
      where: expect.stringContaining('SingleSignOnService'),
    })
    expect(r.summary.verdict).toBe('go')
  })
  test('an error under the vendor profile', () => {
    const r = run(xml)
    expect(r.findings.filter((f) => f.code === 'NET_RESERVED_EXAMPLE_DOMAIN').map((f) => f.severity)).toEqual([
      'error',
      'error',
      'error',
    ])
  })
  test('a redacted or template URL is still "not a valid URL"', () => {
    const r = run(alter(OKTA, `Location="${SSO_POST}"`, 'Location="https://idp.example.test/{tenant}/sso"'))
    expect(codes(r)).toContain('SAML_SSO_ENDPOINT_INVALID_URL')
  })
})
