import { describe, expect, test } from 'vitest'
import { idpErrorCodeCatalog } from '../../findings/catalog/idp-error-codes'
import { samlStatusCatalog } from '../../findings/catalog/saml-status'
import { triageCatalog } from '../../findings/catalog/triage'
import { ReportSchema } from '../../findings/report'
import { explain } from './index'

// The IdP error-code table, the SAML status table and what the vendor's sign-in service shows.
const tables: Record<string, { aliases?: readonly string[]; owner: string }> = {
  ...idpErrorCodeCatalog,
  ...samlStatusCatalog,
  ...triageCatalog,
}
type KnowledgeCode = string
const knowledge: KnowledgeCode[] = [
  ...Object.keys(idpErrorCodeCatalog),
  ...Object.keys(samlStatusCatalog),
  ...Object.keys(triageCatalog).filter((c) => c.startsWith('TRIAGE_VENDOR_')),
]
const entry = (c: KnowledgeCode) => tables[c]!

/** What a user would paste as "the code": AADSTS number, the SAML status URN, Okta's E-code or OAuth error name. */
function codeQuery(code: KnowledgeCode): string {
  if (code.startsWith('TRIAGE_AADSTS')) return code.slice('TRIAGE_'.length)
  return entry(code).aliases?.[0] ?? code
}
/** A typical message: the longest message text the entry knows. */
function messageQuery(code: KnowledgeCode): string {
  return [...(entry(code).aliases ?? [])].sort((a, b) => b.length - a.length)[0] ?? code
}

describe('explain: every knowledge entry is reachable', () => {
  test('there are at least 40 Entra codes, 12 Okta errors, 3 OAuth error names and 23 SAML status codes', () => {
    expect(knowledge.filter((c) => c.startsWith('TRIAGE_AADSTS')).length).toBeGreaterThanOrEqual(40)
    expect(knowledge.filter((c) => c.startsWith('TRIAGE_OKTA_')).length).toBeGreaterThanOrEqual(12)
    expect(knowledge.filter((c) => c.startsWith('OIDC_')).sort()).toEqual([
      'OIDC_AUTHORIZE_ACCESS_DENIED',
      'OIDC_AUTHORIZE_CONSENT_REQUIRED',
      'OIDC_CLIENT_SECRET_INVALID',
    ])
    expect(knowledge.filter((c) => c.startsWith('SAML_STATUS_')).length).toBe(23)
  })
  test.each(knowledge)('%s by its code', (code) => {
    const r = explain(codeQuery(code))
    expect(r.findings.map((f) => f.code)).toContain(code)
    expect(r.findings.find((f) => f.code === code)!.owner).toBe(entry(code).owner)
  })
  test.each(knowledge)('%s by a typical message', (code) => {
    const r = explain(messageQuery(code))
    expect(r.findings[0]?.code === code || r.findings.some((f) => f.code === code)).toBe(true)
  })
  test.each(knowledge)('%s by its catalog code', (code) => {
    expect(explain(code).findings[0]?.code).toBe(code)
  })
})

describe('explain: what users actually paste', () => {
  test.each([
    ['AADSTS50011', 'TRIAGE_AADSTS50011', 'idp'],
    ['50011', 'TRIAGE_AADSTS50011', 'idp'],
    ['aadsts700016', 'TRIAGE_AADSTS700016', 'idp'],
    [
      'AADSTS50126: Error validating credentials due to invalid username or password.',
      'TRIAGE_AADSTS50126',
      'end-user',
    ],
    ['User is not assigned to the client application', 'TRIAGE_OKTA_USER_NOT_ASSIGNED', 'idp'],
    ['The redirect URI specified in the request does not match', 'TRIAGE_AADSTS50011', 'idp'],
    [
      "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: https://admin.okta.com/x",
      'TRIAGE_OKTA_REDIRECT_URI_NOT_ALLOWED',
      'idp',
    ],
    [
      '{"errorCode":"E0000015","errorSummary":"You do not have permission to access the feature you are requesting"}',
      'TRIAGE_OKTA_E0000015',
      'idp',
    ],
    ['urn:oasis:names:tc:SAML:2.0:status:Requester', 'SAML_STATUS_REQUESTER', 'vendor'],
    [
      'https://app/cb?error=no_matching_policy&error_description=Policy+evaluation+failed',
      'TRIAGE_OKTA_NO_MATCHING_POLICY',
      'idp',
    ],
    ['Access has been blocked by Conditional Access policies', 'TRIAGE_AADSTS53003', 'idp'],
    [
      'There was an error processing the SAML response. errorId: oae8d7f6s5a4',
      'TRIAGE_VENDOR_BROKER_ASSERTION_REJECTED',
      'idp',
    ],
    ['Unable to process the SAML assertion', 'TRIAGE_VENDOR_BROKER_ASSERTION_REJECTED', 'idp'],
  ])('%s → %s (%s)', (q, code, owner) => {
    const f = explain(q).findings[0]!
    expect({ code: f.code, owner: f.owner }).toEqual({ code, owner })
  })

  test('a status with a second-level code yields both, top level first as pasted', () => {
    const r = explain(
      '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/>',
    )
    expect(r.findings.map((f) => f.code).sort()).toEqual(['SAML_STATUS_AUTHN_FAILED', 'SAML_STATUS_RESPONDER'])
  })

  test('an unknown text gives TRIAGE_UNKNOWN_ERROR saying what to collect', () => {
    const r = explain('the printer is on fire')
    expect(r.findings).toHaveLength(1)
    const f = r.findings[0]!
    expect({ code: f.code, severity: f.severity }).toEqual({ code: 'TRIAGE_UNKNOWN_ERROR', severity: 'info' })
    expect(f.evidence).toEqual({ actual: 'the printer is on fire', where: 'pasted text' })
    expect(f.nextStep).toMatch(/Correlation ID/)
  })

  test('an Okta message picks the Okta admin screen even without the word Okta', () => {
    const r = explain('User is not assigned to the client application')
    expect(r.subject.idp).toBe('okta')
    expect(r.findings[0]!.fixAt).toContain('Okta Admin Console')
    expect(explain('User is not assigned to the client application', { idp: 'entra' }).findings[0]!.fixAt).toContain(
      'Entra admin center',
    )
  })

  test('an unknown AADSTS number is not guessed', () => {
    expect(explain('AADSTS99999999').findings[0]!.code).toBe('TRIAGE_UNKNOWN_ERROR')
  })

  test('an unknown AADSTS code with a known message is answered from the Entra entries only', () => {
    const r = explain('AADSTS99998: The user or administrator has not consented to use the application')
    expect(r.findings.map((f) => f.code)).toEqual(['TRIAGE_AADSTS65001'])
    expect(
      explain('AADSTS99998: You do not have permission to perform the requested action').findings.every(
        (f) => !f.code.startsWith('TRIAGE_OKTA_'),
      ),
    ).toBe(true)
  })

  test('values inside a message (URLs, quoted names) do not hide the message', () => {
    expect(
      explain(
        "Application with identifier 'https://www.okta.com/saml2/service-provider/abc' was not found in the directory 'Contoso'",
      ).findings[0]!.code,
    ).toBe('TRIAGE_AADSTS700016')
  })

  test('the seed\'s "sign-in page loops" words lead to the loop entry, owned by the person signing in', () => {
    const f = explain('The sign-in page loops and I keep returning to the sign-in screen').findings[0]!
    expect({ code: f.code, owner: f.owner }).toEqual({ code: 'TRIAGE_HAR_REDIRECT_LOOP', owner: 'end-user' })
  })

  test('IDs, timestamps and errorId go to facts; emails are masked', () => {
    const r = explain(
      'Request Id: 5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100\nCorrelation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11\n' +
        'Timestamp: 2026-11-22T13:45:01Z\nMessage: AADSTS50105: user jane.doe@contoso.com not assigned. errorId=oaeAbc123XYZ',
    )
    expect(r.facts).toMatchObject({
      requestIds: ['5fc5a4d4-8b38-4e44-a8e4-1b6f8cbd0100'],
      correlationIds: ['9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11'],
      timestamps: ['2026-11-22T13:45:01Z'],
      errorIds: ['oaeAbc123XYZ'],
      errorCodes: ['AADSTS50105'],
    })
    expect(JSON.stringify(r)).not.toContain('jane.doe@')
    expect(r.subject).toMatchObject({ kind: 'explain', idp: 'entra' })
    expect(r.findings[0]!.fixAt).toContain('Users and groups')
    expect(r.findings[0]!.logs).toContain('Correlation ID')
  })

  test('the report is valid report JSON and the clock is an input', () => {
    const r = explain('E0000004', { now: new Date('2026-11-22T00:00:00Z') })
    expect(ReportSchema.safeParse(r).success).toBe(true)
    expect(r.checkedAt).toBe('2026-11-22T00:00:00.000Z')
    expect(r.subject.idp).toBe('okta')
  })

  test('hostile or huge input never throws', () => {
    expect(() => explain('a'.repeat(2_000_000))).not.toThrow()
    expect(() => explain('')).not.toThrow()
    expect(explain('').findings[0]!.code).toBe('TRIAGE_UNKNOWN_ERROR')
    expect(() => explain('((((((((((((((((((((((' + '\u0000'.repeat(100))).not.toThrow()
  })
})

describe('triage catalog hygiene', () => {
  test('no other catalog file defines a code this file defines (a spread would silently override it)', async () => {
    const dir = new URL('../../findings/catalog/', import.meta.url)
    const { readdirSync } = await import('node:fs')
    const others = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'triage.ts' && f !== 'index.ts',
    )
    const mine = new Set(Object.keys(triageCatalog))
    for (const file of others) {
      const mod = (await import(new URL(file, dir).href)) as Record<string, Record<string, unknown>>
      for (const cat of Object.values(mod)) {
        if (cat && typeof cat === 'object') expect(Object.keys(cat).filter((k) => mine.has(k))).toEqual([])
      }
    }
  })
  test('every idp-owned entry names the Entra and Okta screen', () => {
    for (const [code, e] of Object.entries(triageCatalog) as Array<
      [string, { owner: string; fixAt?: { entra?: string; okta?: string } }]
    >) {
      if (e.owner === 'idp')
        expect({ code, entra: !!e.fixAt?.entra, okta: !!e.fixAt?.okta }).toEqual({ code, entra: true, okta: true })
    }
  })
})
