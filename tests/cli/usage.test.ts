import { describe, expect, test } from 'vitest'
import { join } from 'node:path'
import { main } from '../../lib/cli/main'
import { memoryIo, REAL } from '../helpers'

const OKTA_MD = join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml')

describe('CLI usage errors: exit 2, one line on stderr, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /Usage: sso-preflight/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['missing file', ['metadata', '/nonexistent/md.xml'], /no such file/],
    ['unknown flag', ['metadata', OKTA_MD, '--bogus'], /bogus/],
    ['bad --now', ['metadata', OKTA_MD, '--now', 'yesterday'], /--now expects an ISO 8601/],
    ['unknown profile', ['metadata', OKTA_MD, '--profile', 'salesforce'], /unknown profile "salesforce"/],
    ['missing positional', ['metadata'], /missing metadata file or URL/],
    ['response without --idp-metadata', ['response', OKTA_MD], /--idp-metadata <file> is required/],
    ['bad --acs-url', ['metadata', OKTA_MD, '--acs-url', 'javascript:alert(1)'], /--acs-url expects an http\(s\) URL/],
  ]
  test.each(cases)('%s', async (_name, argv, message) => {
    const io = memoryIo()
    expect(await main(argv, io)).toBe(2)
    expect(io.out()).toBe('')
    expect(io.err()).toMatch(message)
    if (argv.length) expect(io.err().trim().split('\n')).toHaveLength(1)
  })

  test('--help lists every command and exits 0', async () => {
    const io = memoryIo()
    expect(await main(['--help'], io)).toBe(0)
    for (const c of ['metadata', 'oidc', 'response']) expect(io.out()).toContain(`  ${c} `)
  })

  test('a custom profile that breaks the schema is a usage error naming the field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'prof-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ id: 'Bad Id', name: 'x', protocols: [] }))
    const io = memoryIo()
    expect(await main(['metadata', OKTA_MD, '--profile', file], io)).toBe(2)
    expect(io.err()).toMatch(/profile ".*bad\.json": (id|protocols)/)
  })
})
