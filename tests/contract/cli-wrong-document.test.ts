// Issue 9: a JWKS given where the discovery document belongs, through the shipped bin (npm run build:cli first).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../lib/findings/report'
import { REAL } from '../helpers'

const ROOT = join(__dirname, '..', '..')
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SSO_PREFLIGHT_ALLOW_LOOPBACK: '' },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('sso-preflight oidc keys.json', () => {
  const keys = join(REAL, 'oidc/google/wellknown-google-jwks.json')
  test('one finding that says it is a JWKS, with the next step, exit 1', () => {
    const r = cli(['oidc', keys, '--profile', 'generic', '--json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const report = ReportSchema.parse(JSON.parse(r.stdout))
    expect(report.findings.map((f) => f.code)).toEqual(['INPUT_JWKS_NOT_DISCOVERY'])
    expect(report.findings[0]!.nextStep).toContain('--jwks')
    expect(report.facts?.detectedInput).toMatchObject({ kind: 'jwks' })
  })
  test('the text report says what it was recognised as', () => {
    const r = cli(['oidc', keys, '--profile', 'generic'])
    expect(r.stdout).toContain('recognised as: JWKS (a key set, not a discovery document)')
    expect(r.stdout.match(/INPUT_JWKS_NOT_DISCOVERY/g)).toHaveLength(1)
    expect(r.stdout).not.toContain('OIDC_METADATA_MEMBER_MISSING')
  })
  test('the real discovery document is recognised and checked as one', () => {
    const r = cli([
      'oidc',
      join(REAL, 'oidc/google/wellknown-google-openid-configuration.json'),
      '--profile',
      'generic',
      '--json',
    ])
    const report = ReportSchema.parse(JSON.parse(r.stdout))
    expect(report.facts?.detectedInput).toMatchObject({ kind: 'oidc-discovery' })
    expect(report.findings.map((f) => f.code)).not.toContain('INPUT_JWKS_NOT_DISCOVERY')
  })
})
