// What an attacker's document can make the shipped bin print: values are shown, never obeyed by a terminal or CI runner.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../lib/findings/report'
import { PINNED_NOW } from '../helpers'

const ROOT = join(__dirname, '..', '..')
const run = (args: string[]) =>
  spawnSync(process.execPath, ['dist/cli.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
const dir = mkdtempSync(join(tmpdir(), 'sso-preflight-untrusted-'))

const HOSTILE_ISSUER =
  'https://idp.example.com/\u001b[2J\u001b[32mGO\n::error::fake failure\n##vso[task.setvariable variable=x]1'
const discovery = join(dir, 'discovery.json')
writeFileSync(
  discovery,
  JSON.stringify({
    issuer: HOSTILE_ISSUER,
    authorization_endpoint: 'https://idp.example.com/authorize',
    token_endpoint: 'https://idp.example.com/token',
    jwks_uri: 'https://idp.example.com/jwks',
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  }),
)

describe('untrusted text in the CLI output', () => {
  test('text: an ESC sequence and a newline in the issuer neither reach the terminal nor start a CI command', () => {
    const r = run(['oidc', discovery, '--issuer', 'https://idp.example.com', '--now', PINNED_NOW])
    expect(r.stdout).toContain('\\x1B[2J')
    expect(r.stdout).not.toContain('\u001b')
    expect(r.stdout).not.toContain('##vso[')
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^\s*(::|##\[)/)
  })
  test('json: the value stays exact', () => {
    const r = run(['oidc', discovery, '--issuer', 'https://idp.example.com', '--now', PINNED_NOW, '--json'])
    const report = ReportSchema.parse(JSON.parse(r.stdout))
    expect(JSON.stringify(report)).toContain(JSON.stringify(HOSTILE_ISSUER).slice(1, -1))
  })
})
