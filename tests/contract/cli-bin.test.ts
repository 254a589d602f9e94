// The shipped bin (dist/cli.mjs, built by `npm run build:cli` / `npm ci`) honours the same contract as main().
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../lib/findings/report'
import { PINNED_NOW, REAL } from '../helpers'

const ROOT = join(__dirname, '..', '..')
const run = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })

describe('dist/cli.mjs', () => {
  test('metadata --json: stdout is the report only, exit 1 when an error finding exists', () => {
    const r = run(process.execPath, [
      'dist/cli.mjs',
      'metadata',
      join(REAL, 'saml-metadata/entra/wowblacksheep-entra-app-70186da4-federationmetadata.xml'),
      '--json',
      '--now',
      PINNED_NOW,
    ])
    expect(r.status).toBe(1)
    const report = ReportSchema.parse(JSON.parse(r.stdout))
    expect(report.summary.errors).toBeGreaterThan(0)
  })
  test('human output groups findings by who fixes them', () => {
    const r = run(process.execPath, [
      'dist/cli.mjs',
      'metadata',
      join(REAL, 'saml-metadata/entra/wowblacksheep-entra-app-70186da4-federationmetadata.xml'),
      '--now',
      PINNED_NOW,
    ])
    expect(r.stdout).toMatch(/^NO-GO/)
    expect(r.stdout).toContain('Fix in: your IdP / IT team')
    expect(r.stdout).not.toContain('\u001b[') // no colour when stdout is not a TTY
  })
  test('usage error: exit 2 and a single stderr line', () => {
    const r = run(process.execPath, ['dist/cli.mjs', 'metadata', 'missing-file.xml'])
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
  test('npm run --silent cli -- … is the same command', () => {
    const r = run('npm', [
      'run',
      '--silent',
      'cli',
      '--',
      'metadata',
      join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml'),
      '--json',
      '--now',
      PINNED_NOW,
    ])
    expect([0, 1]).toContain(r.status)
    expect(ReportSchema.parse(JSON.parse(r.stdout)).subject.idp).toBe('okta')
  })
})
