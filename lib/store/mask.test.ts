import { describe, expect, test } from 'vitest'
import { buildReport, finding } from '../findings/index'
import { maskDeep, maskReport, maskText, maskValue, REDACTED } from './mask'

const PERSONAL = ['john.doe@contoso.com', 'John', 'Doe', 'John Doe', '7f3a9c2e-41b5-4d2a-9c1e-0b6d5e4f3a21', 'jdoe-persistent-0042', '+1 555 0100']
const SECRETS = [
  'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl',
  'hunter2-the-password', 'client-secret-value-xyz', 'SplxlOBeZQQYbYS6WxSbIA-authz-code-1234',
  Buffer.from('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Assertion>...</saml:Assertion></samlp:Response>').toString('base64'),
]

function leakyReport() {
  return buildReport({
    subject: { kind: 'saml-test-login', idp: 'entra', source: 'login by john.doe@contoso.com' },
    profile: 'autodesk',
    now: new Date('2026-03-01T10:00:00Z'),
    findings: [finding('CERT_EXPIRED', { expected: 'john.doe@contoso.com', actual: '7f3a9c2e-41b5-4d2a-9c1e-0b6d5e4f3a21', where: 'NameID' }, { idp: 'entra' })],
    facts: {
      nameId: 'jdoe-persistent-0042',
      attributes: [
        { name: 'firstName', values: ['John'] },
        { name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname', values: ['Doe'] },
        { name: 'objectGUID', values: ['7f3a9c2e-41b5-4d2a-9c1e-0b6d5e4f3a21'] },
      ],
      claims: { sub: 'jdoe-persistent-0042', name: 'John Doe', phone_number: '+1 555 0100', email: 'john.doe@contoso.com' },
      issuer: 'https://sts.windows.net/11111111-2222-3333-4444-555555555555/',
    },
    timeline: [
      { at: '2026-03-01T10:00:00Z', kind: 'response-received', summary: 'SAMLResponse received',
        data: { SAMLResponse: SECRETS[4], RelayState: 'abc' } },
      { at: '2026-03-01T10:00:01Z', kind: 'decoded', summary: 'decoded',
        data: { xml: '<saml:Assertion><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">john.doe@contoso.com</saml:NameID></saml:Subject><saml:AttributeStatement><saml:Attribute Name="firstName"><saml:AttributeValue>John</saml:AttributeValue></saml:Attribute><saml:Attribute Name="lastName"><saml:AttributeValue>Doe</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>' } },
      { at: '2026-03-01T10:00:02Z', kind: 'response-received', summary: `token response with ${SECRETS[0]}`,
        data: { id_token: SECRETS[0], code: SECRETS[3], password: SECRETS[1], headers: { Authorization: `Bearer ${SECRETS[2]}` }, client_secret: SECRETS[2] } },
    ],
  })
}

describe('maskReport', () => {
  test('no personal value or secret survives in the stored JSON', () => {
    const json = JSON.stringify(maskReport(leakyReport()))
    for (const v of [...PERSONAL, ...SECRETS]) expect(json, v).not.toContain(v)
    // "John" and "Doe" also as whole XML text / JSON strings
    expect(json).not.toMatch(/>John<|>Doe<|"John"|"Doe"/)
  })

  test('keeps what support needs: email domains, GUID ends, tenant IDs in URLs, codes, XML shape', () => {
    const m = maskReport(leakyReport())
    expect(m.findings[0]?.evidence).toEqual({ expected: 'j***@contoso.com', actual: '7f3a****-****-****-****-********3a21', where: 'NameID' })
    expect(m.facts?.issuer).toBe('https://sts.windows.net/11111111-2222-3333-4444-555555555555/')
    expect(m.findings[0]?.code).toBe('CERT_EXPIRED')
    expect(JSON.stringify(m.timeline?.[1]?.data)).toContain('emailAddress\\">j***@contoso.com</saml:NameID>')
    expect(m.timeline?.[0]?.data).toEqual({ SAMLResponse: REDACTED, RelayState: 'abc' })
    expect(m.subject).toEqual({ kind: 'saml-test-login', idp: 'entra', source: 'login by j***@contoso.com' })
  })

  test('masking twice changes nothing more', () => {
    const once = maskReport(leakyReport())
    expect(maskReport(once)).toEqual(once)
  })

  test('leaves the original report untouched', () => {
    const r = leakyReport()
    const before = JSON.stringify(r)
    maskReport(r)
    expect(JSON.stringify(r)).toBe(before)
  })
})

describe('maskValue / maskText / maskDeep', () => {
  test.each([
    ['jane@example.com', 'j***@example.com'],
    ['7F3A9C2E-41B5-4D2A-9C1E-0B6D5E4F3A21', '7F3A****-****-****-****-********3A21'],
    ['jdoe-persistent-0042', 'jd***42'],
    ['Ann', 'A***'],
    ['Al', '**'],
  ])('%s → %s', (input, masked) => {
    expect(maskValue(input)).toBe(masked)
  })

  test('a verdict about the assertion stays; an assertion itself goes', () => {
    const masked = maskDeep({ signature: { response: 'not signed', assertion: 'valid' }, assertion: '<saml:Assertion ID="_1">…</saml:Assertion>' }) as Record<string, unknown>
    expect(masked.signature).toEqual({ response: 'not signed', assertion: 'valid' })
    expect(masked.assertion).toBe('[redacted]')
  })

  test('error codes stay readable; authorization codes go', () => {
    expect(maskDeep({ code: 'AADSTS50011', error: 'invalid_client' })).toEqual({ code: 'AADSTS50011', error: 'invalid_client' })
    expect(maskDeep({ code: 'SplxlOBeZQQYbYS6WxSbIA-authz-code-1234' })).toEqual({ code: REDACTED })
  })

  test('attribute names are not personal, their values are', () => {
    expect(maskDeep({ name: 'email', values: ['x.y@corp.example'] })).toEqual({ name: 'email', values: ['x***@corp.example'] })
    expect(maskDeep({ name: 'Role', values: ['Admin'] })).toEqual({ name: 'Role', values: ['Admin'] })
  })

  test('JSON text (claims pasted as a string) is masked like an object', () => {
    const masked = maskText(JSON.stringify({ sub: 'abc-123-def-456', name: 'Dana Scully', email: 'dana@fbi.example', access_token: 'opaque-token-value' }))
    expect(JSON.parse(masked)).toEqual({ sub: 'ab***56', name: 'Da***ly', email: 'd***@fbi.example', access_token: REDACTED })
    expect(maskText('{not json')).toBe('{not json')
  })

  test('free text: JWTs and bearer tokens removed, emails masked', () => {
    expect(maskText(`Bearer abcdefghijklmnop sent by x@y.example`)).toBe('Bearer [redacted] sent by x***@y.example')
    expect(maskText(`got ${SECRETS[0]}`)).toBe('got [redacted JWT]')
  })
})
