// `sso-preflight watch`: a cron or CI job over an IdP's metadata, remembering the last check in a state file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { main } from '../../lib/cli/main'
import { ReportSchema } from '../../lib/findings/report'
import { memoryIo, REAL } from '../helpers'

const entraApp = join(REAL, 'saml-metadata', 'entra', 'ssoready-entra-app-federationmetadata.xml') // notAfter 2026-11-16
const rollover = join(REAL, 'saml-metadata', 'entra', 'ggtristams-entra-tenant-81c1df79-federationmetadata.xml') // 2 signing certs

async function watch(argv: string[]) {
  const io = memoryIo()
  const code = await main(['watch', ...argv, '--json'], io)
  const out = io.out()
  return { code, err: io.err(), report: out ? ReportSchema.parse(JSON.parse(out)) : undefined }
}
const withCode = (r: { report?: { findings: { code: string; severity: string }[] } }, code: string) =>
  r.report!.findings.filter((f) => f.code === code)

describe('sso-preflight watch', () => {
  test.each([
    ['2026-08-20T00:00:00Z', 90, 'info', 0],
    ['2026-10-20T00:00:00Z', 30, 'warning', 0],
    ['2026-11-12T00:00:00Z', 7, 'error', 1],
  ])('at %s the signing certificate is inside the %i-day window (%s), exit %i', async (now, window, severity, exit) => {
    const r = await watch([entraApp, '--now', now, '--profile', 'generic'])
    const hits = withCode(r, 'CERT_EXPIRY_THRESHOLD')
    expect(hits).toHaveLength(1)
    expect(hits[0]!.severity).toBe(severity)
    expect((hits[0] as unknown as { evidence: { window: number } }).evidence.window).toBe(window)
    expect(r.code).toBe(exit)
  })

  test('no window is reported a year before expiry, and an expired certificate is CERT_EXPIRED only', async () => {
    expect(withCode(await watch([entraApp, '--now', '2025-06-01T00:00:00Z']), 'CERT_EXPIRY_THRESHOLD')).toHaveLength(0)
    const expired = await watch([entraApp, '--now', '2026-12-01T00:00:00Z'])
    expect(withCode(expired, 'CERT_EXPIRY_THRESHOLD')).toHaveLength(0)
    expect(withCode(expired, 'CERT_EXPIRED').length).toBeGreaterThan(0)
  })

  test('a second certificate published since the last check is a rollover; the state file remembers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-'))
    const state = join(dir, 'state.json')
    const full = readFileSync(rollover, 'utf8')
    const certs = [...new Set([...full.matchAll(/<X509Certificate>([^<]+)<\/X509Certificate>/g)].map((m) => m[1]!))]
    expect(certs.length).toBe(2)
    // Before the rollover the IdP published only the first certificate: the same file with the second replaced.
    const source = join(dir, 'metadata.xml')
    writeFileSync(source, full.split(certs[1]!).join(certs[0]!))
    const first = await watch([source, '--state', state, '--now', '2024-06-01T00:00:00Z'])
    expect(withCode(first, 'CERT_NEW_PUBLISHED')).toHaveLength(0)
    const saved = JSON.parse(readFileSync(state, 'utf8'))
    expect(saved.schema).toBe('sso-preflight/watch@1')
    expect(saved.certificates).toHaveLength(1)

    writeFileSync(source, full)
    const second = await watch([source, '--state', state, '--now', '2024-06-02T00:00:00Z'])
    expect(withCode(second, 'CERT_NEW_PUBLISHED')).toHaveLength(1)
    expect(withCode(second, 'INPUT_CONFIGURATION_CHANGED')).toHaveLength(1)

    const third = await watch([source, '--state', state, '--now', '2024-06-03T00:00:00Z'])
    expect(withCode(third, 'CERT_NEW_PUBLISHED')).toHaveLength(0)
    expect(withCode(third, 'INPUT_CONFIGURATION_CHANGED')).toHaveLength(0)

    // The rollover finished: the old certificate is gone.
    writeFileSync(source, full.split(certs[0]!).join(certs[1]!))
    const fourth = await watch([source, '--state', state, '--now', '2024-06-04T00:00:00Z'])
    expect(withCode(fourth, 'CERT_REMOVED')).toHaveLength(1)
    expect(withCode(fourth, 'CERT_NEW_PUBLISHED')).toHaveLength(0)
  })

  test('a verdict that changed since the last check is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-'))
    const state = join(dir, 'state.json')
    await watch([entraApp, '--state', state, '--now', '2026-06-01T00:00:00Z', '--profile', 'generic'])
    const later = await watch([entraApp, '--state', state, '--now', '2026-11-20T00:00:00Z', '--profile', 'generic'])
    expect(withCode(later, 'INPUT_VERDICT_CHANGED')).toHaveLength(1)
    expect(later.code).toBe(1)
  })

  test('a damaged state file, or one for another source, is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'watch-'))
    const state = join(dir, 'state.json')
    writeFileSync(state, '{"schema":"nope"}')
    const bad = await watch([entraApp, '--state', state])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('not a watch state')
    writeFileSync(state, '')
    await watch([rollover, '--state', join(dir, 'other.json'), '--now', '2024-06-01T00:00:00Z'])
    const other = await watch([entraApp, '--state', join(dir, 'other.json')])
    expect(other.code).toBe(2)
    expect(other.err).toContain('belongs to')
  })
})
