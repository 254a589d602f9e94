// `metadata file:///etc/passwd` used to answer "no such file" (exit 2): a URL of another scheme is a finding (exit 1).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../../lib/findings/report'

const ROOT = join(__dirname, '..', '..')
const run = (args: string[]) =>
  spawnSync(process.execPath, ['dist/cli.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })

describe('only http(s) URLs are fetched', () => {
  test.each([
    ['metadata', 'file:///etc/passwd'],
    ['metadata', 'gopher://127.0.0.1:70/_x'],
    ['metadata', 'data:application/xml,<a/>'],
    ['metadata', 'javascript:alert(1)'],
    ['oidc', 'file:///etc/passwd'],
    ['oidc', 'ftp://idp.example.com/'],
  ])('%s %s: the NET_SCHEME_NOT_ALLOWED finding, exit 1', (command, url) => {
    const r = run([command, url, '--json'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    const report = ReportSchema.parse(JSON.parse(r.stdout))
    expect(report.findings.map((f) => f.code)).toEqual(['NET_SCHEME_NOT_ALLOWED'])
  })
  test('the text says so', () => {
    const r = run(['metadata', 'file:///etc/passwd'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Only http(s) URLs are fetched')
    expect(r.stdout).not.toContain('no such file')
  })
  test('a missing file is still a usage error', () => {
    const r = run(['metadata', 'missing-file.xml'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('no such file')
  })
})
