import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReportSchema, type Report } from '../../findings/report'
import type { IdpTrust } from '../types'
import { validateSamlResponse } from './validate'
import { detectInput } from '../../input/detect-input'
import * as F from './testing/fixture'

/* The real captured responses of fixtures/real/saml-responses with their metadata / params companions. */

const params = (rel: string) => JSON.parse(F.readFixture(rel)) as { sp_entity_id: string; now: string }
const codes = (r: Report) => r.findings.map((f) => f.code)
const errors = (r: Report) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code)
// The protocol checks only: these fixtures carry whatever attributes their IdP had configured.
const NO_ATTRIBUTES = F.profileWith('generic', { requiredAttributes: [] })

function check(
  resp: string,
  trust: IdpTrust,
  p: { sp_entity_id: string; now: string },
  o: { profile?: typeof NO_ATTRIBUTES } = {},
): Report {
  const r = validateSamlResponse({ response: F.readFixture(resp) }, trust, {
    ctx: F.ctx({ profile: o.profile ?? NO_ATTRIBUTES, now: new Date(p.now), spEntityId: p.sp_entity_id, acsUrl: null }),
    source: resp,
  })
  expect(ReportSchema.safeParse(r).success).toBe(true)
  return r
}

const OKTA = 'real/saml-responses/okta/ssoready-okta-response.xml'
const OKTA_MD = 'real/saml-metadata/okta/ssoready-okta-app-metadata.xml'
const OKTA_PARAMS = params('real/saml-responses/okta/ssoready-okta-response.params.json')
const oktaTrust = () => F.trustFromMetadata(F.readFixture(OKTA_MD), 'okta')

describe('ssoready’s known-good responses at their pinned clock', () => {
  it('Okta: valid; only the re-formatted Response signature is reported (a warning: the assertion signature holds)', () => {
    const r = check(OKTA, oktaTrust(), OKTA_PARAMS)
    expect(codes(r)).toEqual(['SAML_RESPONSE_SIGNATURE_INVALID_IGNORED'])
    expect(r.summary.verdict).toBe('go')
    expect(r.facts).toMatchObject({
      issuer: 'http://www.okta.com/exkdoocxa1VmjpXmX697',
      nameId: 'ulysse.carion@codomaindata.com',
      signature: { response: 'invalid', assertion: 'valid' },
    })
  })
  it('Okta under the generic profile proper: go; no email attribute, but the emailAddress NameID carries it (a warning)', () => {
    const r = check(OKTA, oktaTrust(), OKTA_PARAMS, { profile: F.profileWith('generic', {}) })
    expect(errors(r)).toEqual([])
    expect(r.findings.find((f) => f.code === 'SAML_ATTRIBUTE_MISSING')).toMatchObject({
      severity: 'warning',
      evidence: { expected: 'email', note: expect.stringContaining('NameID') },
    })
  })
  it('Okta under autodesk: the vendor wants the email attribute itself (and firstName, lastName, objectGUID)', () => {
    const r = check(OKTA, oktaTrust(), OKTA_PARAMS, { profile: F.profileWith('autodesk', {}) })
    expect(
      r.findings.filter((f) => f.code === 'SAML_ATTRIBUTE_MISSING').map((f) => [f.evidence.expected, f.severity]),
    ).toEqual([
      ['firstName', 'error'],
      ['lastName', 'error'],
      ['email', 'error'],
      ['objectGUID', 'error'],
    ])
  })
  const others: [string, string, string, string[]][] = [
    [
      'entra/ssoready-entra-response.xml',
      'entra/ssoready-entra-app-federationmetadata.xml',
      'entra/ssoready-entra-response.params.json',
      [],
    ],
    [
      'other/ssoready-google-response.xml',
      'other/ssoready-google-idp-metadata.xml',
      'other/ssoready-google-response.params.json',
      [],
    ],
    [
      'other/ssoready-jumpcloud-response.xml',
      'other/ssoready-jumpcloud-idp-metadata.xml',
      'other/ssoready-jumpcloud-response.params.json',
      [],
    ],
    [
      'other/ssoready-ping-response.xml',
      'other/ssoready-ping-idp-metadata.xml',
      'other/ssoready-ping-response.params.json',
      [],
    ],
    // Stricter than ssoready, per the Web SSO profile (4.1.4.2): this Keycloak assertion has no AuthnStatement; and
    // Keycloak sends each role as its own Attribute named Role (a warning).
    [
      'other/ssoready-keycloak-response.xml',
      'other/ssoready-keycloak-idp-metadata.xml',
      'other/ssoready-keycloak-response.params.json',
      ['SAML_AUTHN_STATEMENT_MISSING', 'SAML_ATTRIBUTE_DUPLICATE'],
    ],
  ]
  for (const [resp, md, p, expected] of others) {
    it(`${resp}: ${expected.length ? expected.join(', ') : 'no finding'}`, () => {
      const r = check(
        `real/saml-responses/${resp}`,
        F.trustFromMetadata(F.readFixture(`real/saml-metadata/${md}`)),
        params(`real/saml-responses/${p}`),
      )
      expect(codes(r)).toEqual(expected)
    })
  }
  it('Entra at 2026-11-22: the assertion has expired and its signing certificate (notAfter 2026-11-16) too', () => {
    const r = check(
      'real/saml-responses/entra/ssoready-entra-response.xml',
      F.trustFromMetadata(F.readFixture('real/saml-metadata/entra/ssoready-entra-app-federationmetadata.xml')),
      { ...params('real/saml-responses/entra/ssoready-entra-response.params.json'), now: '2026-11-22T00:00:00Z' },
    )
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        'SAML_ASSERTION_EXPIRED',
        'SAML_SUBJECT_CONFIRMATION_EXPIRED',
        'SAML_RESPONSE_SIGNING_CERT_EXPIRED',
      ]),
    )
    expect(r.findings.find((f) => f.code === 'SAML_RESPONSE_SIGNING_CERT_EXPIRED')?.severity).toBe('warning')
  })
})

describe('ssoready’s negative cases (each altered upstream from the Okta response)', () => {
  const NEG = 'real/saml-responses/okta/ssoready-negative'
  const cases: [string, () => Report, string][] = [
    [
      'bad-assertion-expired-early (clock a year early)',
      () => check(OKTA, oktaTrust(), params(`${NEG}/bad-assertion-expired-early/params.json`)),
      'SAML_ASSERTION_NOT_YET_VALID',
    ],
    [
      'bad-assertion-expired-late (clock a year late)',
      () => check(OKTA, oktaTrust(), params(`${NEG}/bad-assertion-expired-late/params.json`)),
      'SAML_ASSERTION_EXPIRED',
    ],
    [
      'bad-sp-entity-id',
      () => check(OKTA, oktaTrust(), params(`${NEG}/bad-sp-entity-id/params.json`)),
      'SAML_AUDIENCE_MISMATCH',
    ],
    [
      'bad-idp-entity-id (metadata)',
      () => check(OKTA, F.trustFromMetadata(F.readFixture(`${NEG}/bad-idp-entity-id/metadata.xml`)), OKTA_PARAMS),
      'SAML_ISSUER_MISMATCH',
    ],
    [
      'bad-certificate (metadata)',
      () => check(OKTA, F.trustFromMetadata(F.readFixture(`${NEG}/bad-certificate/metadata.xml`)), OKTA_PARAMS),
      'SAML_SIGNATURE_CERT_NOT_TRUSTED',
    ],
    [
      'bad-digest-algorithm',
      () => check(`${NEG}/bad-digest-algorithm/assertion.xml`, oktaTrust(), OKTA_PARAMS),
      'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
    ],
    [
      'bad-signature-algorithm',
      () => check(`${NEG}/bad-signature-algorithm/assertion.xml`, oktaTrust(), OKTA_PARAMS),
      'SAML_SIGNATURE_ALGORITHM_UNSUPPORTED',
    ],
    [
      'no-certificate (assertion signature removed)',
      () => check(`${NEG}/no-certificate/assertion.xml`, oktaTrust(), OKTA_PARAMS),
      'SAML_SIGNATURE_DIGEST_MISMATCH',
    ],
    [
      'unsigned-assertion',
      () => check(`${NEG}/unsigned-assertion/assertion.xml`, oktaTrust(), OKTA_PARAMS),
      'SAML_SIGNATURE_DIGEST_MISMATCH',
    ],
    [
      'bad-assertion-utf8 (2 bytes)',
      () => check(`${NEG}/bad-assertion-utf8/assertion.xml`, oktaTrust(), OKTA_PARAMS),
      'INPUT_ENCODING',
    ],
  ]
  for (const [name, run, code] of cases) {
    it(`${name} → ${code}, no-go`, () => {
      const r = run()
      expect(codes(r)).toContain(code)
      expect(r.summary.verdict).toBe('no-go')
    })
  }
})

describe('every real response file', () => {
  const dir = join(F.REAL, 'saml-responses')
  const files: string[] = []
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(xml|b64)$/.test(n)) files.push(p)
    }
  }
  walk(dir)
  const anyCert = oktaTrust().signingCertificates
  it(`gives a schema-valid report, never a crash (${files.length} files)`, () => {
    expect(files.length).toBeGreaterThan(40)
    for (const f of files) {
      const pem = readdirSync(join(f, '..')).find((n) => n.endsWith('.pem'))
      const certs = pem
        ? [
            readFileSync(join(f, '..', pem), 'utf8')
              .replace(/-----[^-]+-----/g, '')
              .replace(/\s+/g, ''),
          ]
        : anyCert
      const r = validateSamlResponse(
        { response: readFileSync(f, 'utf8') },
        { entityId: 'x', signingCertificates: certs, kind: 'other' },
        { ctx: F.ctx({ profile: 'generic' }), source: relative(F.FIXTURES, f) },
      )
      expect(ReportSchema.safeParse(r).success, f).toBe(true)
      expect(codes(r), f).not.toContain('SAML_RESPONSE_CHECK_FAILED')
    }
  })
  it('names what was given as detectInput does, as XML and as the base64 POST value (the message is decoded once)', () => {
    const trust = { entityId: 'x', signingCertificates: anyCert, kind: 'other' as const }
    let named = 0
    for (const f of files.filter((p) => p.endsWith('.xml'))) {
      const xml = readFileSync(f, 'utf8')
      for (const response of [xml, Buffer.from(xml).toString('base64')]) {
        const r = validateSamlResponse({ response }, trust, { ctx: F.ctx({ profile: 'generic' }) })
        if (r.facts?.detectedInput === undefined) continue
        named++
        expect(r.facts.detectedInput, f).toEqual(detectInput(response))
      }
    }
    expect(named).toBeGreaterThan(40)
  })
})

describe('metadata uploaded by mistake', () => {
  it('every real metadata file is named as such (or refused as input), never validated as a response', () => {
    const dir = join(F.REAL, 'saml-metadata')
    const files = readdirSync(dir).flatMap((d) => readdirSync(join(dir, d)).map((n) => join(dir, d, n)))
    expect(files.length).toBeGreaterThan(30)
    for (const f of files) {
      const r = validateSamlResponse({ response: readFileSync(f, 'utf8') }, oktaTrust(), { ctx: F.ctx() })
      expect(ReportSchema.safeParse(r).success, f).toBe(true)
      expect(r.findings[0]?.code, f).toMatch(/^(SAML_RESPONSE_WRONG_MESSAGE|INPUT_\w+)$/)
      expect(r.summary.verdict, f).toBe('no-go')
    }
  })
})
