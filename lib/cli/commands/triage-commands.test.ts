import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../findings/report'
import { entry, har } from '../../triage/har/testing/build-har'
import { main } from '../main'
import type { CliIo } from '../io'
import { readFile } from 'node:fs/promises'

function memoryIo(): CliIo & { out: () => string; err: () => string } {
  let out = '',
    err = ''
  return {
    stdout: {
      write: (s: string) => {
        out += s
        return true
      },
      isTTY: false,
    },
    stderr: {
      write: (s: string) => {
        err += s
        return true
      },
    },
    env: {},
    readFile: (p: string) => readFile(p, 'utf8'),
    out: () => out,
    err: () => err,
  }
}
const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'))
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}
async function run(argv: string[]) {
  const io = memoryIo()
  const code = await main(argv, io)
  return { code, out: io.out(), err: io.err() }
}

describe('sso-preflight explain', () => {
  test('a code: the report on stdout, exit 1 for an error entry', async () => {
    const r = await run(['explain', 'AADSTS50011', '--json'])
    expect(r.code).toBe(1)
    const report = ReportSchema.parse(JSON.parse(r.out))
    expect(report.subject.kind).toBe('explain')
    expect(report.findings[0]).toMatchObject({ code: 'TRIAGE_AADSTS50011', owner: 'idp' })
  })
  test('unquoted text is one message', async () => {
    const r = await run(['explain', 'User', 'is', 'not', 'assigned', 'to', 'the', 'client', 'application'])
    expect(r.out).toContain('TRIAGE_OKTA_USER_NOT_ASSIGNED')
  })
  test('an unknown error: exit 0 (info only) with what to collect', async () => {
    const r = await run(['explain', 'the printer is on fire', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).findings[0].code).toBe('TRIAGE_UNKNOWN_ERROR')
  })
  test.each([
    [['explain'], /missing error code or text/],
    [['explain', 'x', '--idp', 'foo'], /--idp must be one of/],
  ])('usage error %j', async (argv, msg) => {
    const r = await run(argv)
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' })
    expect(r.err).toMatch(msg)
  })
})

describe('sso-preflight har', () => {
  test('a HAR with an AADSTS page', async () => {
    const p = file(
      'a.har',
      har([
        entry({
          at: '2026-11-22T13:45:00Z',
          url: 'https://login.microsoftonline.com/t/saml2',
          body: '<p>AADSTS50105: The signed in user is not assigned. Correlation Id: 9f1a7c1a-2f41-4b3a-9a6e-3f0d8c2e4a11</p>',
        }),
      ]),
    )
    const r = await run(['har', p, '--json', '--now', '2026-11-22T14:00:00Z'])
    expect(r.code).toBe(1)
    const report = ReportSchema.parse(JSON.parse(r.out))
    expect(report.subject).toMatchObject({ kind: 'har', idp: 'entra', source: p })
    expect(report.findings.map((f) => f.code)).toContain('TRIAGE_AADSTS50105')
  })
  test('an unreadable HAR is a finding (exit 1), a missing file a usage error (exit 2)', async () => {
    expect((await run(['har', file('b.har', 'nope')])).code).toBe(1)
    const missing = await run(['har', join(dir, 'none.har')])
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/no such file/)
  })
})

describe('sso-preflight token', () => {
  test('valid token → exit 0; wrong client → exit 1; missing flags → exit 2', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    const jwks = file(
      'jwks.json',
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig' }] }),
    )
    const now = Math.floor(Date.parse('2026-11-22T12:00:00Z') / 1000)
    const jwt = await new SignJWT({ email: 'a@b.example' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://idp.example')
      .setAudience('cid')
      .setSubject('s')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey)
    const tok = file('token.txt', jwt + '\n')
    const disco = file('disco.json', JSON.stringify({ issuer: 'https://idp.example' }))
    const ok = await run([
      'token',
      tok,
      '--issuer',
      'https://idp.example',
      '--jwks',
      jwks,
      '--client-id',
      'cid',
      '--now',
      '2026-11-22T12:01:00Z',
      '--json',
    ])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out).findings.map((f: { code: string }) => f.code)).toContain('OIDC_ID_TOKEN_VALID')
    const bad = await run([
      'token',
      tok,
      '--discovery',
      disco,
      '--jwks',
      jwks,
      '--client-id',
      'other',
      '--now',
      '2026-11-22T12:01:00Z',
      '--json',
    ])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.out).findings[0].code).toBe('OIDC_ID_TOKEN_AUDIENCE_MISMATCH')
    for (const [argv, msg] of [
      [['token', tok, '--jwks', jwks, '--client-id', 'cid'], /--issuer URL or --discovery/],
      [['token', tok, '--issuer', 'https://idp.example', '--client-id', 'cid'], /--jwks <file> is required/],
      [['token', tok, '--issuer', 'https://idp.example', '--jwks', jwks], /--client-id ID is required/],
    ] as const) {
      const r = await run([...argv])
      expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' })
      expect(r.err).toMatch(msg)
    }
  })
})
