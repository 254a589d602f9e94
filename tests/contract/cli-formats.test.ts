// `--format` is one flag for every command: JUnit for CI test views, GitHub annotations, Markdown, text, JSON.
import { DOMParser } from '@xmldom/xmldom'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { main } from '../../lib/cli/main'
import { memoryIo, PINNED_NOW, REAL } from '../helpers'

const expired = join(REAL, 'saml-metadata', 'entra', 'ssoready-entra-app-federationmetadata.xml')

async function run(argv: string[]) {
  const io = memoryIo()
  const code = await main([...argv, '--now', PINNED_NOW], io)
  return { code, out: io.out(), err: io.err() }
}

describe('--format', () => {
  test('junit: a failing case carries the finding code and the exit code is unchanged', async () => {
    const { code, out } = await run(['metadata', expired, '--format', 'junit'])
    expect(code).toBe(1)
    const doc = new DOMParser().parseFromString(out, 'text/xml')
    const types = Array.from(doc.getElementsByTagName('failure')).map((f) => f.getAttribute('type'))
    expect(types).toContain('CERT_EXPIRED')
    expect(types).toContain('no-go')
  })

  test('github: one workflow command per line, errors as ::error', async () => {
    const { code, out } = await run(['metadata', expired, '--format=github'])
    expect(code).toBe(1)
    const lines = out.trimEnd().split('\n')
    expect(lines.some((l) => l.startsWith('::error title=CERT_EXPIRED'))).toBe(true)
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) /)
  })

  test('markdown and json work on triage commands too', async () => {
    const md = await run(['explain', 'AADSTS50011', '--format', 'markdown'])
    expect(md.out).toMatch(/^#/)
    const json = await run(['explain', 'AADSTS50011', '--format', 'json'])
    expect(JSON.parse(json.out).schema).toBe('sso-preflight/report@1')
  })

  test('an unknown format is a usage error (exit 2, one line on stderr)', async () => {
    const { code, out, err } = await run(['metadata', expired, '--format', 'pdf'])
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err.trim().split('\n')).toHaveLength(1)
    expect(err).toContain('--format')
  })
})
