import { describe, expect, it } from 'vitest'
import { catalog } from '../../findings/catalog/index'
import { samlResponseCatalog } from '../../findings/catalog/saml-response'
import { namesIdpScreen } from '../../findings/testing/screens'
import { samlStatusCatalog } from '../../findings/catalog/saml-status'
import type { Finding } from '../../findings/types'
import { ReportSchema, type Report } from '../../findings/report'
import { validateSamlResponse } from './validate'
import * as F from './testing/fixture'

/*
 * One test per finding code of lib/findings/catalog/saml-response.ts. Each builds a derived fixture from the real
 * Okta response (testing/fixture.ts says how) and names what it altered.
 */

type Code = keyof typeof samlResponseCatalog | keyof typeof samlStatusCatalog
const triggered = new Set<string>()

function run(
  xml: string,
  o: { trust?: Parameters<typeof F.trust>[0]; ctx?: Parameters<typeof F.ctx>[0]; requestId?: string } = {},
): Report {
  const r = validateSamlResponse({ response: xml }, F.trust(o.trust), {
    ctx: F.ctx(o.ctx),
    ...(o.requestId ? { requestId: o.requestId } : {}),
  })
  expect(ReportSchema.safeParse(r).success).toBe(true)
  return r
}

function expectFinding(r: Report, code: Code, owner?: Finding['owner']): Finding {
  const f = r.findings.find((x) => x.code === code)
  expect(f, `${code} in ${r.findings.map((x) => x.code).join(', ')}`).toBeDefined()
  expect(f!.owner).toBe(
    owner ??
      ({ ...samlResponseCatalog, ...samlStatusCatalog } as Record<Code, { owner: Finding['owner'] }>)[code].owner,
  )
  triggered.add(code)
  return f!
}

const signed = (xml: string, o?: Parameters<typeof F.sign>[1]) => F.sign(xml, o)
const base = () => F.baseResponse()
const ASSERTION_ID = 'id35528194006743571812188338'

describe('the derived baseline', () => {
  it('a correctly signed, correctly addressed response has no finding under the autodesk profile', () => {
    const r = run(signed(base(), { assertion: true, response: true }))
    expect(r.findings).toEqual([])
    expect(r.summary.verdict).toBe('go')
    expect(r.facts).toMatchObject({
      nameId: 'ulysse.carion@codomaindata.com',
      issuer: F.ISSUER,
      attributeNames: ['firstName', 'lastName', 'email', 'objectGUID'],
    })
  })
})

describe('what was uploaded', () => {
  it('SAML_RESPONSE_WRONG_MESSAGE: an AuthnRequest, and IdP metadata', () => {
    const req =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0" IssueInstant="2024-04-25T20:31:55Z"/>'
    const f = expectFinding(run(req), 'SAML_RESPONSE_WRONG_MESSAGE', 'idp')
    expect(f.evidence.actual).toMatch(/AuthnRequest/)
    const md = F.readFixture('real/saml-metadata/okta/ssoready-okta-app-metadata.xml')
    expect(expectFinding(run(md), 'SAML_RESPONSE_WRONG_MESSAGE').evidence.actual).toMatch(/metadata/)
  })
  it('SAML_RESPONSE_BARE_ASSERTION: the signed Assertion cut out of its Response is validated on its own', () => {
    const xml = signed(base())
    const assertion = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(xml)![0]
    const r = run(assertion)
    expect(expectFinding(r, 'SAML_RESPONSE_BARE_ASSERTION', 'vendor').severity).toBe('info')
    expect(r.summary.errors).toBe(0)
  })
  it('SAML_RESPONSE_VERSION_UNSUPPORTED: Response Version 2.0 → 1.1', () => {
    expectFinding(
      run(signed(base().replace('Version="2.0" xmlns:saml2p', 'Version="1.1" xmlns:saml2p'))),
      'SAML_RESPONSE_VERSION_UNSUPPORTED',
    )
  })
  it('SAML_RESPONSE_ID_MISSING: the Response ID attribute removed', () => {
    const f = expectFinding(
      run(signed(base().replace(' ID="id35528194005172931133953195"', ''))),
      'SAML_RESPONSE_ID_MISSING',
    )
    expect(f.evidence.where).toBe('/Response/@ID')
  })
  it('SAML_RESPONSE_DUPLICATE_ID: after signing, the Response ID set to the Assertion ID', () => {
    const xml = signed(base()).replace('ID="id35528194005172931133953195"', `ID="${ASSERTION_ID}"`)
    const r = run(xml)
    expectFinding(r, 'SAML_RESPONSE_DUPLICATE_ID')
    expect(r.facts?.nameId).toBeUndefined()
  })
  it('SAML_RESPONSE_NO_ASSERTION: the Assertion removed, the Response signed', () => {
    const xml = base().replace(/<saml2:Assertion[\s\S]*<\/saml2:Assertion>/, '')
    expectFinding(run(signed(xml, { assertion: false, response: true })), 'SAML_RESPONSE_NO_ASSERTION')
  })
  it('SAML_RESPONSE_MULTIPLE_ASSERTIONS: the signed Assertion duplicated with an altered NameID (wrapping)', () => {
    const xml = signed(base())
    const a = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(xml)![0]
    const evil = a.replace(ASSERTION_ID, '_evil').replace('ulysse.carion@', 'attacker@')
    const r = run(xml.replace(a, evil + a))
    expectFinding(r, 'SAML_RESPONSE_MULTIPLE_ASSERTIONS')
    expect(JSON.stringify(r.facts ?? {})).not.toContain('attacker')
  })
  it('SAML_ASSERTION_ENCRYPTED and SAML_ASSERTION_ENCRYPTED_UNSUPPORTED: a real Okta response with an EncryptedAssertion', () => {
    const xml = F.readFixture('real/saml-responses/okta/crewjam-okta-response-signed-encrypted-assertion-signed.b64')
    const md = F.readFixture('real/saml-metadata/okta/crewjam-okta-dev-513394-idp-metadata.xml')
    const certs = [...md.matchAll(/<(?:ds:)?X509Certificate>([\s\S]*?)<\/(?:ds:)?X509Certificate>/g)].map((m) => m[1]!)
    const trust = { entityId: 'http://www.okta.com/exkppsa1qwuFV4D7z0h7', certs }
    const generic = run(xml, { trust, ctx: { profile: 'generic', spEntityId: null, acsUrl: null } })
    expect(expectFinding(generic, 'SAML_ASSERTION_ENCRYPTED', 'vendor').severity).toBe('warning')
    expect(generic.skipped?.length).toBeGreaterThan(0)
    expectFinding(
      run(xml, { trust, ctx: { spEntityId: null, acsUrl: null } }),
      'SAML_ASSERTION_ENCRYPTED_UNSUPPORTED',
      'idp',
    )
  })
  it('SAML_RESPONSE_CHECK_FAILED: a caller passing a trust without certificates gets a finding, not a throw', () => {
    const r = validateSamlResponse({ response: signed(base()) }, { entityId: F.ISSUER, kind: 'okta' } as never, {
      ctx: F.ctx(),
    })
    expectFinding(r, 'SAML_RESPONSE_CHECK_FAILED')
  })
})

describe('signature', () => {
  it('SAML_SIGNATURE_MISSING: nothing signed; nothing read from the assertion', () => {
    const r = run(base())
    expectFinding(r, 'SAML_SIGNATURE_MISSING')
    expect(r.skipped?.map((s) => s.check)).toContain('attributes')
    expect(r.facts?.nameId).toBeUndefined()
  })
  it('SAML_ASSERTION_NOT_COVERED: the Response validly signed, the assertion moved into samlp:Extensions', () => {
    const b = base()
    const a = /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(b)![0]
    const xml = b.replace(a, '').replace('<saml2p:Status', `<saml2p:Extensions>${a}</saml2p:Extensions><saml2p:Status`)
    const r = run(signed(xml, { assertion: false, response: true }), { ctx: { profile: 'generic' } })
    expectFinding(r, 'SAML_ASSERTION_NOT_COVERED')
    expect(r.facts?.nameId).toBeUndefined()
  })
  it('SAML_ASSERTION_SIGNATURE_REQUIRED: only the Response signed, under autodesk (requireSignedAssertion)', () => {
    const xml = signed(base(), { assertion: false, response: true })
    expectFinding(run(xml), 'SAML_ASSERTION_SIGNATURE_REQUIRED')
    expect(run(xml, { ctx: { profile: 'generic' } }).findings.filter((f) => f.severity === 'error')).toEqual([])
  })
  it('SAML_SIGNATURE_INVALID: SignatureValue altered (KeyInfo still the trusted certificate)', () => {
    // One character changed for sure (swapping two could swap equal ones: 1 run in 64 signed validly).
    const xml = signed(base()).replace(
      /<ds:SignatureValue>(.)/,
      (_, a: string) => `<ds:SignatureValue>${a === 'A' ? 'B' : 'A'}`,
    )
    const f = expectFinding(run(xml), 'SAML_SIGNATURE_INVALID')
    expect(f.evidence.expected).toEqual([F.testKeys().trusted.sha256])
    expect(f.evidence.actual).toBe(F.testKeys().trusted.sha256)
  })
  it('SAML_SIGNATURE_CERT_NOT_TRUSTED: signed with another key (its certificate in KeyInfo)', () => {
    const f = expectFinding(run(signed(base(), { key: F.testKeys().rogue })), 'SAML_SIGNATURE_CERT_NOT_TRUSTED')
    expect(f.evidence).toMatchObject({ expected: [F.testKeys().trusted.sha256], actual: F.testKeys().rogue.sha256 })
  })
  it('SAML_SIGNATURE_NO_TRUSTED_CERT: the metadata certificate is unreadable', () => {
    expectFinding(run(signed(base()), { trust: { certs: ['not a certificate'] } }), 'SAML_SIGNATURE_NO_TRUSTED_CERT')
  })
  it('SAML_SIGNATURE_DIGEST_MISMATCH: NameID changed after signing; the altered identity is not shown', () => {
    const r = run(signed(base()).replace('>ulysse.carion@', '>attacker@'))
    expectFinding(r, 'SAML_SIGNATURE_DIGEST_MISMATCH')
    expect(JSON.stringify(r.facts ?? {})).not.toContain('attacker')
  })
  it('SAML_SIGNATURE_REFERENCE_INVALID: the Reference URI points at the Response, not the Assertion', () => {
    const xml = signed(base()).replace(`URI="#${ASSERTION_ID}"`, 'URI="#id35528194005172931133953195"')
    expectFinding(run(xml), 'SAML_SIGNATURE_REFERENCE_INVALID')
  })
  it('SAML_SIGNATURE_ALGORITHM_UNSUPPORTED: the real ssoready negative with SignatureMethod "BAD_SIGNATURE_ALGORITHM"', () => {
    const xml = F.readFixture('real/saml-responses/okta/ssoready-negative/bad-signature-algorithm/assertion.xml')
    const md = F.readFixture('real/saml-metadata/okta/ssoready-okta-app-metadata.xml')
    const certs = [...md.matchAll(/<ds:X509Certificate>([\s\S]*?)<\/ds:X509Certificate>/g)].map((m) => m[1]!)
    const f = expectFinding(
      run(xml, { trust: { certs }, ctx: { spEntityId: 'http://localhost:8080', acsUrl: 'http://localhost:8080' } }),
      'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
    )
    expect(JSON.stringify(f.evidence)).toContain('BAD_SIGNATURE_ALGORITHM')
  })
  it('SAML_SIGNATURE_MALFORMED: the SignatureValue element removed', () => {
    expectFinding(
      run(signed(base()).replace(/<ds:SignatureValue>[\s\S]*?<\/ds:SignatureValue>/, '')),
      'SAML_SIGNATURE_MALFORMED',
    )
  })
  it('SAML_SIGNATURE_SHA1: rsa-sha1 / sha1 signature: an error under autodesk, a warning under generic', () => {
    const xml = signed(base(), { alg: 'sha1' })
    expect(expectFinding(run(xml), 'SAML_SIGNATURE_SHA1').severity).toBe('error')
    expect(expectFinding(run(xml, { ctx: { profile: 'generic' } }), 'SAML_SIGNATURE_SHA1').severity).toBe('warning')
  })
  it('SAML_RESPONSE_SIGNATURE_INVALID_IGNORED: Response altered after both were signed; the assertion signature holds', () => {
    const xml = signed(base(), { assertion: true, response: true }).replace(
      'IssueInstant="2024-04-25T20:31:55.494Z" Version="2.0" xmlns:saml2p',
      'IssueInstant="2024-04-25T20:31:54.494Z" Version="2.0" xmlns:saml2p',
    )
    const r = run(xml)
    expect(expectFinding(r, 'SAML_RESPONSE_SIGNATURE_INVALID_IGNORED').severity).toBe('warning')
    expect(r.summary.errors).toBe(0)
  })
  it('SAML_RESPONSE_SIGNING_CERT_EXPIRED: the clock moved past the signing certificate’s notAfter (times shifted with it)', () => {
    const now = new Date(F.testKeys().trusted.notAfter.getTime() + 86_400_000)
    const xml = signed(F.shiftTimes(base(), now.getTime() - F.NOW.getTime()))
    const f = expectFinding(run(xml, { ctx: { now } }), 'SAML_RESPONSE_SIGNING_CERT_EXPIRED')
    expect(f.severity).toBe('warning')
    expect(f.evidence.actual).toMatch(/expired/)
  })
})

describe('issuer and status', () => {
  it('SAML_ISSUER_MISMATCH: metadata entity ID differs from the Issuer', () => {
    const r = run(signed(base(), { response: true }), { trust: { entityId: 'http://www.okta.com/other' } })
    const f = r.findings.filter((x) => x.code === 'SAML_ISSUER_MISMATCH')
    expect(f.map((x) => x.evidence.where).sort()).toEqual(['/Assertion/Issuer', '/Response/Issuer'])
    expectFinding(r, 'SAML_ISSUER_MISMATCH')
    expect(f[0]!.evidence).toMatchObject({ expected: 'http://www.okta.com/other', actual: F.ISSUER })
  })
  it('SAML_ISSUER_MISSING: the Assertion Issuer removed before signing', () => {
    const xml = base().replace(/(<saml2:Assertion[^>]*>)<saml2:Issuer[^>]*>[^<]*<\/saml2:Issuer>/, '$1')
    expectFinding(run(signed(xml)), 'SAML_ISSUER_MISSING')
  })
  it('SAML_STATUS_MISSING: samlp:Status removed', () => {
    expectFinding(run(signed(base().replace(/<saml2p:Status[\s\S]*?<\/saml2p:Status>/, ''))), 'SAML_STATUS_MISSING')
  })
  const statusResponse = (top: string, sub?: string, message?: string) =>
    base()
      .replace(/<saml2:Assertion[\s\S]*<\/saml2:Assertion>/, '')
      .replace(
        /<saml2p:StatusCode Value="[^"]*"\/>/,
        `<saml2p:StatusCode Value="${top}">${sub ? `<saml2p:StatusCode Value="${sub}"/>` : ''}</saml2p:StatusCode>${message ? `<saml2p:StatusMessage>${message}</saml2p:StatusMessage>` : ''}`,
      )
  const S = 'urn:oasis:names:tc:SAML:2.0:status:'
  const cases: [Code, string, string | undefined, Finding['owner']][] = [
    ['SAML_STATUS_REQUESTER', `${S}Requester`, undefined, 'vendor'],
    ['SAML_STATUS_RESPONDER', `${S}Responder`, undefined, 'idp'],
    ['SAML_STATUS_VERSION_MISMATCH', `${S}VersionMismatch`, undefined, 'vendor'],
    ['SAML_STATUS_AUTHN_FAILED', `${S}Responder`, `${S}AuthnFailed`, 'end-user'],
    ['SAML_STATUS_REQUEST_DENIED', `${S}Responder`, `${S}RequestDenied`, 'idp'],
    ['SAML_STATUS_UNKNOWN_PRINCIPAL', `${S}Responder`, `${S}UnknownPrincipal`, 'idp'],
    ['SAML_STATUS_NO_PASSIVE', `${S}Responder`, `${S}NoPassive`, 'end-user'],
    ['SAML_STATUS_INVALID_NAMEID_POLICY', `${S}Requester`, `${S}InvalidNameIDPolicy`, 'idp'],
    ['SAML_STATUS_NO_AUTHN_CONTEXT', `${S}Requester`, `${S}NoAuthnContext`, 'vendor'],
    // Every status of the SAML status table is its own finding, at either level (the response check reads the table).
    ['SAML_STATUS_REQUEST_UNSUPPORTED', `${S}Responder`, `${S}RequestUnsupported`, 'vendor'],
    ['SAML_STATUS_UNSUPPORTED_BINDING', `${S}Requester`, `${S}UnsupportedBinding`, 'vendor'],
    ['SAML_STATUS_ERROR', `${S}NotAStatusSamlDefines`, undefined, 'idp'],
  ]
  for (const [code, top, sub, owner] of cases) {
    it(`${code}: the Assertion removed and StatusCode ${top.slice(S.length)}${sub ? ` / ${sub.slice(S.length)}` : ''}`, () => {
      const r = run(statusResponse(top, sub, 'AADSTS50105: user not assigned'))
      const f = expectFinding(r, code, owner)
      expect(f.evidence).toMatchObject({
        expected: `${S}Success`,
        actual: top,
        statusMessage: 'AADSTS50105: user not assigned',
      })
      expect(r.findings.map((x) => x.code)).not.toContain('SAML_SIGNATURE_MISSING')
    })
  }
  it('SAML_STATUS_NOT_URI: the real AD FS response with StatusCode "main status" / "sub status"', () => {
    const xml = F.readFixture('real/saml-responses/other/netsaml2-adfs-mintlab-failed-status-response.xml')
    const f = expectFinding(
      run(xml, { trust: { entityId: 'http://adfs.dev.mintlab.nl/adfs/services/trust' } }),
      'SAML_STATUS_NOT_URI',
    )
    expect(f.evidence).toMatchObject({
      actual: 'main status',
      secondLevel: 'sub status',
      statusMessage: 'Authentication Failed',
    })
  })
})

describe('addressing', () => {
  it('SAML_AUDIENCE_MISMATCH: the admin typed another SP entity ID', () => {
    const f = expectFinding(
      run(signed(base()), { ctx: { spEntityId: 'https://www.okta.com/saml2/service-provider/other' } }),
      'SAML_AUDIENCE_MISMATCH',
    )
    expect(f.evidence).toMatchObject({ expected: 'https://www.okta.com/saml2/service-provider/other', actual: F.SP })
    expect(f.fixAt).toMatch(/Audience URI/)
  })
  it('SAML_AUDIENCE_MISMATCH against the profile pattern when no SP entity ID was typed (Audience with a trailing slash)', () => {
    const xml = signed(base().replace(`${F.SP}<`, `${F.SP}/<`))
    const f = expectFinding(run(xml, { ctx: { spEntityId: null } }), 'SAML_AUDIENCE_MISMATCH')
    expect(f.evidence.expected).toBe('https://www.okta.com/saml2/service-provider/<sp-id>')
  })
  it('SAML_AUDIENCE_MISSING: AudienceRestriction removed', () => {
    expectFinding(
      run(signed(base().replace(/<saml2:AudienceRestriction>[\s\S]*?<\/saml2:AudienceRestriction>/, ''))),
      'SAML_AUDIENCE_MISSING',
    )
  })
  it('SAML_AUDIENCE_PLACEHOLDER: Audience is the documented placeholder …/service-provider/1', () => {
    const xml = signed(base().replace(`${F.SP}<`, 'https://www.okta.com/saml2/service-provider/1<'))
    expectFinding(run(xml, { ctx: { spEntityId: null } }), 'SAML_AUDIENCE_PLACEHOLDER')
  })
  it('SAML_RECIPIENT_MISMATCH: Recipient is another ACS URL', () => {
    const xml = signed(
      base().replace(`Recipient="${F.ACS}"`, 'Recipient="https://autodesk-prod.okta.com/sso/saml2/0oaother"'),
    )
    const f = expectFinding(run(xml), 'SAML_RECIPIENT_MISMATCH')
    expect(f.evidence).toMatchObject({ expected: F.ACS, actual: 'https://autodesk-prod.okta.com/sso/saml2/0oaother' })
  })
  it('SAML_RECIPIENT_MISSING: Recipient attribute removed', () => {
    expectFinding(run(signed(base().replace(` Recipient="${F.ACS}"`, ''))), 'SAML_RECIPIENT_MISSING')
  })
  it('SAML_ACS_PLACEHOLDER: Recipient and Destination are the gallery placeholder …/sso/saml2/1', () => {
    const xml = signed(base().replaceAll(F.ACS, 'https://autodesk-prod.okta.com/sso/saml2/1'))
    const r = run(xml, { ctx: { acsUrl: null } })
    expectFinding(r, 'SAML_ACS_PLACEHOLDER')
    expect(r.findings.filter((f) => f.code === 'SAML_ACS_PLACEHOLDER')).toHaveLength(2)
  })
  it('SAML_DESTINATION_MISMATCH: only the Response Destination altered', () => {
    const xml = signed(base().replace(`Destination="${F.ACS}"`, 'Destination="https://example.com/acs"'))
    expect(expectFinding(run(xml), 'SAML_DESTINATION_MISMATCH').evidence).toMatchObject({
      expected: F.ACS,
      actual: 'https://example.com/acs',
    })
  })
  it('SAML_IN_RESPONSE_TO_MISMATCH: InResponseTo added on Response and SubjectConfirmationData, another request expected', () => {
    const answering = (id: string) =>
      signed(
        base()
          .replace('<saml2p:Response ', `<saml2p:Response InResponseTo="${id}" `)
          .replace('<saml2:SubjectConfirmationData ', `<saml2:SubjectConfirmationData InResponseTo="${id}" `),
      )
    const r = run(answering('_other'), { requestId: F.REQUEST_ID })
    expect(expectFinding(r, 'SAML_IN_RESPONSE_TO_MISMATCH', 'end-user').evidence).toMatchObject({
      expected: F.REQUEST_ID,
      actual: '_other',
    })
    expect(run(answering(F.REQUEST_ID), { requestId: F.REQUEST_ID }).findings).toEqual([])
  })
  it('of several bearer confirmations, the one that fits is used (an expired one with another Recipient comes first)', () => {
    const other =
      '<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml2:SubjectConfirmationData NotOnOrAfter="2024-04-25T20:00:00Z" Recipient="https://example.com/other"/></saml2:SubjectConfirmation>'
    const xml = signed(base().replace('<saml2:SubjectConfirmation ', `${other}<saml2:SubjectConfirmation `))
    expect(run(xml).findings).toEqual([])
  })
  it('SAML_UNSOLICITED_RESPONSE: the (IdP-initiated) response has no InResponseTo but a request ID was expected', () => {
    expectFinding(run(signed(base()), { requestId: F.REQUEST_ID }), 'SAML_UNSOLICITED_RESPONSE', 'end-user')
  })
})

describe('time', () => {
  const min = 60_000
  it('SAML_ASSERTION_EXPIRED: now 10 minutes after Conditions NotOnOrAfter; evidence carries now and tolerance', () => {
    const now = new Date(Date.parse('2024-04-25T20:36:55.494Z') + 10 * min)
    const f = expectFinding(run(signed(base()), { ctx: { now } }), 'SAML_ASSERTION_EXPIRED', 'end-user')
    expect(f.evidence).toMatchObject({
      now: now.toISOString(),
      tolerance: '180 s',
      notOnOrAfter: '2024-04-25T20:36:55.494Z',
    })
  })
  it('SAML_ASSERTION_EXPIRED respects the skew: 2 minutes late is tolerated with 180 s, not with 60 s', () => {
    const now = new Date(Date.parse('2024-04-25T20:36:55.494Z') + 2 * min)
    expect(run(signed(base()), { ctx: { now } }).findings.map((f) => f.code)).not.toContain('SAML_ASSERTION_EXPIRED')
    expectFinding(run(signed(base()), { ctx: { now, skewSeconds: 60 } }), 'SAML_ASSERTION_EXPIRED')
  })
  it('SAML_ASSERTION_NOT_YET_VALID: now 10 minutes before Conditions NotBefore', () => {
    const now = new Date(Date.parse('2024-04-25T20:26:55.494Z') - 10 * min)
    expectFinding(run(signed(base()), { ctx: { now } }), 'SAML_ASSERTION_NOT_YET_VALID')
  })
  it('SAML_CONDITIONS_NO_EXPIRY: Conditions NotOnOrAfter removed', () => {
    expectFinding(
      run(signed(base().replace(/(<saml2:Conditions[^>]*?) NotOnOrAfter="[^"]*"/, '$1'))),
      'SAML_CONDITIONS_NO_EXPIRY',
    )
  })
  it('SAML_SUBJECT_CONFIRMATION_EXPIRED: SubjectConfirmationData NotOnOrAfter moved 10 minutes earlier', () => {
    const xml = signed(
      base().replace(
        '<saml2:SubjectConfirmationData NotOnOrAfter="2024-04-25T20:36:55.494Z"',
        '<saml2:SubjectConfirmationData NotOnOrAfter="2024-04-25T20:21:55.494Z"',
      ),
    )
    expectFinding(run(xml), 'SAML_SUBJECT_CONFIRMATION_EXPIRED')
  })
  it('SAML_SUBJECT_CONFIRMATION_NOT_YET_VALID: SubjectConfirmationData NotBefore added, an hour ahead', () => {
    const xml = signed(
      base().replace(
        '<saml2:SubjectConfirmationData ',
        '<saml2:SubjectConfirmationData NotBefore="2024-04-25T21:31:55Z" ',
      ),
    )
    expectFinding(run(xml), 'SAML_SUBJECT_CONFIRMATION_NOT_YET_VALID')
  })
  it('SAML_SUBJECT_CONFIRMATION_NO_EXPIRY: SubjectConfirmationData NotOnOrAfter removed', () => {
    expectFinding(
      run(
        signed(
          base().replace(
            '<saml2:SubjectConfirmationData NotOnOrAfter="2024-04-25T20:36:55.494Z"',
            '<saml2:SubjectConfirmationData',
          ),
        ),
      ),
      'SAML_SUBJECT_CONFIRMATION_NO_EXPIRY',
    )
  })
  it('SAML_ISSUE_INSTANT_IN_FUTURE: Response IssueInstant an hour ahead', () => {
    const xml = signed(
      base().replace(
        'IssueInstant="2024-04-25T20:31:55.494Z" Version="2.0" xmlns:saml2p',
        'IssueInstant="2024-04-25T21:31:55.494Z" Version="2.0" xmlns:saml2p',
      ),
    )
    expect(expectFinding(run(xml), 'SAML_ISSUE_INSTANT_IN_FUTURE').evidence.where).toBe('/Response/@IssueInstant')
  })
  it('SAML_SESSION_EXPIRED: AuthnStatement SessionNotOnOrAfter added, in the past', () => {
    expectFinding(
      run(
        signed(
          base().replace('<saml2:AuthnStatement ', '<saml2:AuthnStatement SessionNotOnOrAfter="2024-04-25T20:00:00Z" '),
        ),
      ),
      'SAML_SESSION_EXPIRED',
    )
  })
  it('SAML_TIME_INVALID: Conditions NotBefore "yesterday"', () => {
    expect(
      expectFinding(
        run(signed(base().replace('NotBefore="2024-04-25T20:26:55.494Z"', 'NotBefore="yesterday"'))),
        'SAML_TIME_INVALID',
      ).evidence.actual,
    ).toBe('yesterday')
  })
  it('7-digit fractions (Azure AD B2C) and no fraction parse', () => {
    const xml = signed(
      base()
        .replace('NotBefore="2024-04-25T20:26:55.494Z"', 'NotBefore="2024-04-25T20:26:55.4940000Z"')
        .replace('NotOnOrAfter="2024-04-25T20:36:55.494Z" xmlns', 'NotOnOrAfter="2024-04-25T20:36:55Z" xmlns'),
    )
    expect(run(xml).findings).toEqual([])
  })
})

describe('subject and attributes', () => {
  const attrs = (a: Record<string, string | string[]>) => F.baseResponse({ attributes: a })
  it('SAML_AUTHN_STATEMENT_MISSING: AuthnStatement removed', () => {
    expectFinding(
      run(signed(base().replace(/<saml2:AuthnStatement[\s\S]*?<\/saml2:AuthnStatement>/, ''))),
      'SAML_AUTHN_STATEMENT_MISSING',
    )
  })
  it('SAML_SUBJECT_CONFIRMATION_NOT_BEARER: Method bearer → holder-of-key', () => {
    expectFinding(run(signed(base().replace('cm:bearer', 'cm:holder-of-key'))), 'SAML_SUBJECT_CONFIRMATION_NOT_BEARER')
  })
  it('SAML_SUBJECT_CONFIRMATION_DATA_MISSING: SubjectConfirmationData removed', () => {
    expectFinding(
      run(signed(base().replace(/<saml2:SubjectConfirmationData[^>]*\/>/, ''))),
      'SAML_SUBJECT_CONFIRMATION_DATA_MISSING',
    )
  })
  it('SAML_NAMEID_MISSING: NameID emptied', () => {
    expectFinding(
      run(signed(base().replace('>ulysse.carion@codomaindata.com</saml2:NameID>', '></saml2:NameID>'))),
      'SAML_NAMEID_MISSING',
    )
  })
  it('SAML_NAMEID_FORMAT_UNSUPPORTED: Format emailAddress → transient', () => {
    const f = expectFinding(
      run(
        signed(
          base().replace(
            'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">ulysse',
            'urn:oasis:names:tc:SAML:2.0:nameid-format:transient">ulysse',
          ),
        ),
      ),
      'SAML_NAMEID_FORMAT_UNSUPPORTED',
    )
    expect(f.evidence.actual).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:transient')
  })
  it('SAML_NAMEID_COMMENT: a comment inserted inside NameID before signing (the signature holds)', () => {
    const xml = signed(
      base().replace('>ulysse.carion@codomaindata.com<', '>ulysse.carion@codomaindata.com<!---->.evil.com<'),
    )
    const r = run(xml)
    expectFinding(r, 'SAML_NAMEID_COMMENT')
    expect(r.findings.map((f) => f.code)).not.toContain('SAML_SIGNATURE_DIGEST_MISMATCH')
  })
  it('SAML_ATTRIBUTE_COMMENT: a comment inside the email AttributeValue, as inside NameID (the signature holds)', () => {
    const r = run(signed(attrs({ ...F.ATTRIBUTES, email: 'ulysse.carion@codomaindata.com<!---->.evil.com' })))
    const f = expectFinding(r, 'SAML_ATTRIBUTE_COMMENT')
    expect(f).toMatchObject({ severity: 'error', evidence: { attribute: 'email' } })
    expect(r.summary.verdict).toBe('no-go')
    expect(r.findings.map((x) => x.code)).not.toContain('SAML_SIGNATURE_DIGEST_MISMATCH')
    // Any attribute, and a comment nested in a child element of the value, too.
    expectFinding(
      run(signed(attrs({ ...F.ATTRIBUTES, objectGUID: '<x:v xmlns:x="urn:x">8f6c<!-- x -->1a2e</x:v>' }))),
      'SAML_ATTRIBUTE_COMMENT',
    )
    expect(run(signed(attrs(F.ATTRIBUTES))).findings.map((x) => x.code)).not.toContain('SAML_ATTRIBUTE_COMMENT')
  })
  it('SAML_NAMEID_SP_NAME_QUALIFIER_MISMATCH: SPNameQualifier of another SP added to NameID', () => {
    expectFinding(
      run(signed(base().replace('<saml2:NameID ', '<saml2:NameID SPNameQualifier="https://other.example.com" '))),
      'SAML_NAMEID_SP_NAME_QUALIFIER_MISMATCH',
    )
  })
  it('SAML_ATTRIBUTE_MISSING: objectGUID not sent', () => {
    const { objectGUID: _, ...rest } = F.ATTRIBUTES
    const f = expectFinding(run(signed(attrs(rest))), 'SAML_ATTRIBUTE_MISSING')
    expect(f.evidence).toMatchObject({
      expected: 'objectGUID',
      actual: ['firstName', 'lastName', 'email'],
      mapFrom: 'user.id (or an immutable directory attribute)',
    })
  })
  it('SAML_ATTRIBUTE_RECOMMENDED_MISSING: no firstName under the generic profile (a warning)', () => {
    const { firstName: _, ...rest } = F.ATTRIBUTES
    const f = expectFinding(
      run(signed(attrs(rest)), { ctx: { profile: 'generic' } }),
      'SAML_ATTRIBUTE_RECOMMENDED_MISSING',
    )
    expect(f.severity).toBe('warning')
  })
  it('SAML_ATTRIBUTE_EMPTY: objectGUID blank', () => {
    expectFinding(run(signed(attrs({ ...F.ATTRIBUTES, objectGUID: '' }))), 'SAML_ATTRIBUTE_EMPTY')
  })
  it('SAML_ATTRIBUTE_ALIAS: givenName sent instead of firstName', () => {
    const { firstName, ...rest } = F.ATTRIBUTES
    const f = expectFinding(run(signed(attrs({ givenName: firstName, ...rest }))), 'SAML_ATTRIBUTE_ALIAS')
    expect(f.evidence).toMatchObject({ expected: 'firstName', actual: 'givenName' })
  })
  it('SAML_ATTRIBUTE_NAMESPACED: Entra’s namespaced emailaddress claim instead of email', () => {
    const { email, ...rest } = F.ATTRIBUTES
    const ns = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'
    const f = expectFinding(run(signed(attrs({ ...rest, [ns]: email }))), 'SAML_ATTRIBUTE_NAMESPACED')
    expect(f.evidence).toMatchObject({ expected: 'email', actual: ns })
    expect(samlResponseCatalog.SAML_ATTRIBUTE_NAMESPACED.fixAt.entra).toMatch(/Namespace \(clear it\)/)
  })
  it('SAML_ATTRIBUTE_NAMESPACED: a namespaced claim ending in the expected name (…/claims/objectGUID)', () => {
    const { objectGUID, ...rest } = F.ATTRIBUTES
    expectFinding(
      run(signed(attrs({ ...rest, 'http://schemas.microsoft.com/identity/claims/objectGUID': objectGUID }))),
      'SAML_ATTRIBUTE_NAMESPACED',
    )
  })
  it('SAML_ATTRIBUTE_DUPLICATE: email sent twice', () => {
    const xml = attrs(F.ATTRIBUTES).replace(
      '</saml2:AttributeStatement>',
      '<saml2:Attribute Name="email"><saml2:AttributeValue>x@y.z</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement>',
    )
    expectFinding(run(signed(xml)), 'SAML_ATTRIBUTE_DUPLICATE')
  })
  it('SAML_AUTHN_CONTEXT_MISMATCH: the profile requires MFA, the assertion says PasswordProtectedTransport', () => {
    const profile = F.profileWith('autodesk', { authnContexts: ['http://schemas.microsoft.com/claims/multipleauthn'] })
    const f = expectFinding(run(signed(base()), { ctx: { profile } }), 'SAML_AUTHN_CONTEXT_MISMATCH')
    expect(f.evidence.actual).toEqual(['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'])
  })
})

describe('the catalog', () => {
  it('every SAML response code is in the one catalog unchanged (no other area redefines it) and idp entries name Entra and Okta screens', () => {
    for (const [code, entry] of Object.entries(samlResponseCatalog)) {
      expect((catalog as Record<string, unknown>)[code]).toBe(entry)
      if (entry.owner === 'idp') {
        expect(namesIdpScreen(entry, 'entra'), code).toBe(true)
        expect(namesIdpScreen(entry, 'okta'), code).toBe(true)
      }
    }
  })
  it('every code was triggered by a test above', () => {
    const missing = Object.keys(samlResponseCatalog).filter((c) => !triggered.has(c))
    expect(missing).toEqual([])
  })
})
