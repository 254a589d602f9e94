import { readFileSync } from 'node:fs'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { buildReport, ReportSchema } from '../findings/report'
import { finding } from '../findings/finding'
import { BUILTIN_PROFILES } from '../profiles/index'
import {
  buildSupportBundle,
  detectTriageInput,
  explain,
  GUIDE_QUESTIONS,
  GUIDE_ROWS,
  guideRow,
  parseSupportBundle,
  triageInput,
} from './index'
import { b64, deflated, entry, har } from './har/testing/build-har'

const F = new URL('../../../shared/fixtures/real/', import.meta.url)
const RESPONSE = readFileSync(new URL('saml-responses/okta/ssoready-okta-response.xml', F), 'utf8')
const METADATA = readFileSync(new URL('saml-metadata/okta/ssoready-okta-app-metadata.xml', F), 'utf8')
const B64_FIXTURE = readFileSync(new URL('saml-responses/okta/oktadev-scenarios/response_0.b64', F), 'utf8')
const NOW = new Date('2024-04-25T20:31:55.494Z')
const profile = BUILTIN_PROFILES.generic

describe('detectTriageInput', () => {
  test.each([
    [RESPONSE, 'saml'],
    [b64(RESPONSE), 'saml'],
    [B64_FIXTURE, 'saml'],
    [deflated(RESPONSE), 'saml'],
    [`SAMLResponse=${encodeURIComponent(b64(RESPONSE))}&RelayState=x`, 'saml'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'jwt'],
    [har([entry({ at: '2026-11-22T00:00:00Z', url: 'https://a.example/' })]), 'har'],
    [JSON.stringify(explain('AADSTS50011')), 'report'],
    [JSON.stringify(buildSupportBundle(explain('AADSTS50011'), { attachRaw: false })), 'support-bundle'],
    ['AADSTS50011', 'text'],
    [
      'The redirect URI specified in the request does not match the redirect URIs configured for the application',
      'text',
    ],
    ['{"hello":"world"}', 'text'],
    ['', 'text'],
  ])('%#: %s…', (text, kind) => {
    expect(detectTriageInput(text)).toBe(kind)
  })
})

describe('triageInput runs the right check', () => {
  test('an error text → explain', async () => {
    const r = await triageInput('User is not assigned to the client application', { profile, now: NOW })
    expect(r.kind).toBe('text')
    expect(r.reports[0]!.findings[0]!.code).toBe('TRIAGE_OKTA_USER_NOT_ASSIGNED')
  })
  test('a SAMLResponse with metadata → validated; without → decoded, status shown, not validated', async () => {
    const withMd = await triageInput(b64(RESPONSE), { profile, now: NOW, idpMetadataXml: METADATA })
    expect(withMd.reports[0]!.subject).toMatchObject({
      kind: 'saml-response',
      entityId: 'http://www.okta.com/exkdoocxa1VmjpXmX697',
    })
    const without = await triageInput(b64(RESPONSE), { profile, now: NOW })
    expect(without.reports[0]!.findings.map((f) => f.code)).toContain('TRIAGE_SAML_SIGNATURE_NOT_VERIFIED')
    expect(without.reports[0]!.summary.verdict).toBe('none')
    expect(without.reports[0]!.facts).toMatchObject({
      status: 'Success',
      issuer: 'http://www.okta.com/exkdoocxa1VmjpXmX697',
    })
    expect(JSON.stringify(without)).not.toContain('ulysse.carion@')
  })
  test('issue 9: a wrong-audience SAMLResponse pasted without metadata is a NO-GO, never a GO, and no text speaks of a HAR', async () => {
    const autodesk = BUILTIN_PROFILES.autodesk
    const r = (await triageInput(b64(RESPONSE), { profile: autodesk, now: NOW })).reports[0]!
    expect(r.summary.verdict).toBe('no-go')
    const audience = r.findings.find((f) => f.code === 'SAML_AUDIENCE_MISMATCH')
    expect(audience?.evidence).toMatchObject({
      signature: 'not verified',
      where: expect.stringContaining('unverified'),
    })
    expect(r.findings.map((f) => f.code)).toContain('TRIAGE_SAML_SIGNATURE_NOT_VERIFIED')
    for (const f of r.findings) expect(`${f.title} ${f.detail} ${f.nextStep}`).not.toMatch(/\bHAR\b/)
    // The expected SP values, when given, are what the audience is compared with.
    const given = (
      await triageInput(b64(RESPONSE), {
        profile: autodesk,
        now: NOW,
        spEntityId: 'https://www.okta.com/saml2/service-provider/spabc',
      })
    ).reports[0]!
    expect(given.findings.find((f) => f.code === 'SAML_AUDIENCE_MISMATCH')?.evidence.expected).toBe(
      'https://www.okta.com/saml2/service-provider/spabc',
    )
    // Its times are judged when it was issued, not years later.
    expect(r.findings.map((f) => f.code).filter((c) => /EXPIRED|NOT_ON_OR_AFTER|TOO_OLD/.test(c))).toEqual([])
  })
  test('issue 9, bug 5: the real AD FS failed-status response is explained from the SAML status table, never with Okta advice', async () => {
    const adfs = readFileSync(
      new URL('saml-responses/other/netsaml2-adfs-mintlab-failed-status-response.xml', F),
      'utf8',
    )
    const r = (await triageInput(adfs, { profile: BUILTIN_PROFILES.autodesk, now: NOW })).reports[0]!
    expect(r.subject.idp).toBe('adfs')
    expect(r.findings.map((f) => f.code)).toContain('SAML_STATUS_NOT_URI')
    expect(
      r.findings.map((f) => f.code).filter((c) => c.startsWith('TRIAGE_OKTA_') || c.startsWith('TRIAGE_AADSTS')),
    ).toEqual([])
    expect(JSON.stringify(r.findings)).not.toMatch(/Okta\)? password|E0000004/)
    expect(r.summary.verdict).toBe('no-go')
  })
  test('issue 9, bug 4: text that is not recognised gets no verdict, never GO', async () => {
    const r = (await triageInput('my boss says autodesk login is broken', { profile, now: NOW })).reports[0]!
    expect(r.findings.map((f) => f.code)).toEqual(['TRIAGE_UNKNOWN_ERROR'])
    expect(r.summary.verdict).toBe('none')
  })
  test('a JWT with and without JWKS', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] })
    const t = Math.floor(NOW.getTime() / 1000)
    const jwt = await new SignJWT({ email: 'x@y.example' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer('https://i.example')
      .setAudience('c')
      .setSubject('s')
      .setIssuedAt(t)
      .setExpirationTime(t + 60)
      .sign(privateKey)
    const checked = (await triageInput(jwt, { profile, now: NOW, jwks, clientId: 'c', issuer: 'https://i.example' }))
      .reports[0]!
    expect(checked.findings.map((f) => f.code)).toContain('OIDC_ID_TOKEN_VALID')
    expect(checked.summary.errors).toBe(0)
    const bare = await triageInput(jwt, { profile, now: NOW })
    expect(bare.reports[0]!.findings.map((f) => [f.code, f.evidence.actual])).toEqual([
      ['OIDC_ID_TOKEN_JWKS_INVALID', 'no JWKS, no client ID given'],
    ])
  })
  test('a HAR → analyzeHar', async () => {
    const r = await triageInput(
      har([
        entry({
          at: '2026-11-22T00:00:00Z',
          url: 'https://login.microsoftonline.com/t/saml2',
          body: 'AADSTS50105: not assigned',
        }),
      ]),
      { profile, now: NOW },
    )
    expect(r.reports[0]!.subject.kind).toBe('har')
  })
  test('an exported report and a support bundle are imported as they were', async () => {
    const original = explain('AADSTS50105 Correlation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11', { now: NOW })
    const again = await triageInput(JSON.stringify(original), { profile, now: NOW })
    expect(again.reports).toEqual([original])
    const bundle = buildSupportBundle([original], { attachRaw: false, now: NOW })
    const imported = await triageInput(JSON.stringify(bundle), { profile, now: NOW })
    expect(imported.kind).toBe('support-bundle')
    expect(imported.reports[0]!.findings.map((f) => f.code)).toEqual(['TRIAGE_AADSTS50105'])
    expect(imported.bundle?.identifiers.correlationIds).toEqual(['9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11'])
  })
  test('a damaged bundle is a finding', async () => {
    const r = await triageInput('{"schema":"sso-preflight/support-bundle@1","reports":[]}', { profile, now: NOW })
    expect(r.reports[0]!.findings.map((f) => f.code)).toEqual(['TRIAGE_BUNDLE_INVALID'])
  })
})

describe('support bundle', () => {
  const report = buildReport({
    subject: { kind: 'saml-response', idp: 'entra', source: 'x' },
    profile: 'autodesk',
    now: NOW,
    findings: [finding('TRIAGE_AADSTS50105', { actual: 'user jane.doe@contoso.com', nameId: 'jane.doe@contoso.com' })],
    facts: {
      nameId: 'jane.doe@contoso.com',
      correlationIds: ['9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11'],
      errorIds: ['oae123456'],
    },
  })

  test('masks personal values and leaves raw material out by default', () => {
    const b = buildSupportBundle(report, { attachRaw: false, raw: { samlResponse: b64(RESPONSE) }, now: NOW })
    const text = JSON.stringify(b)
    expect(text).not.toContain('jane.doe@')
    expect(text).not.toContain(b64(RESPONSE).slice(0, 40))
    expect(b).toMatchObject({
      masked: true,
      identifiers: { correlationIds: ['9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11'], errorIds: ['oae123456'] },
      configuration: [{ kind: 'saml-response', idp: 'entra', verdict: 'no-go', errors: 1 }],
    })
    expect(b.attachments).toBeUndefined()
  })
  test('attaches raw assertions only on explicit opt-in', () => {
    const b = buildSupportBundle(report, { attachRaw: true, raw: { samlResponse: 'PHNhbWw+' }, now: NOW })
    expect(b).toMatchObject({ masked: false, attachments: { rawSamlResponse: 'PHNhbWw+' } })
  })
  test('export → import round trip', () => {
    const b = buildSupportBundle([report, explain('E0000004', { now: NOW })], { attachRaw: false, now: NOW })
    const back = parseSupportBundle(JSON.stringify(b))
    expect(back).toEqual({ ok: true, value: b })
    for (const r of b.reports) expect(ReportSchema.safeParse(r).success).toBe(true)
  })
  test.each([
    'not json',
    '{}',
    '[]',
    JSON.stringify({ schema: 'sso-preflight/support-bundle@1', createdAt: 'x', masked: true, reports: [{}] }),
  ])('rejects %s', (t) => {
    const r = parseSupportBundle(t)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.findings.map((f) => [f.code, f.owner])).toEqual([['TRIAGE_BUNDLE_INVALID', 'end-user']])
  })
})

describe('sign-in triage guide', () => {
  test("the seed's five rows, only company SSO handed to the validator as SSO", () => {
    expect(GUIDE_ROWS.map((r) => r.id)).toEqual([
      'forgot-password',
      'email-otp',
      'authenticator',
      'loops',
      'company-sso',
    ])
    expect(GUIDE_ROWS.filter((r) => r.sso).map((r) => r.id)).toEqual(['company-sso'])
    expect(guideRow('company-sso')!.handoff.map((h) => h.href)).toEqual(['/triage', '/check'])
  })
  test('backup codes: one-time use, a new one is issued and must be saved, then Continue', () => {
    const steps = guideRow('authenticator')!.more!.steps.join(' ')
    expect(steps).toMatch(/only be used once/)
    expect(steps).toMatch(/a new one is generated/)
    expect(steps).toMatch(/I have saved this code for future use/)
    expect(guideRow('authenticator')!.more!.steps.at(-1)).toBe('Click Continue.')
  })
  test('every answer leads to a question or a row that exists', () => {
    for (const q of GUIDE_QUESTIONS)
      for (const a of q.answers) {
        if ('row' in a.next) expect(guideRow(a.next.row)).toBeDefined()
        else expect(GUIDE_QUESTIONS.some((x) => x.id === (a.next as { question: string }).question)).toBe(true)
      }
    const reachable = new Set(
      GUIDE_QUESTIONS.flatMap((q) => q.answers.flatMap((a) => ('row' in a.next ? [a.next.row] : []))),
    )
    expect([...reachable].sort()).toEqual(GUIDE_ROWS.map((r) => r.id).sort())
  })
})
