import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ReportSchema } from '../findings/report'
import { main } from './main'
import { memoryIo, REAL } from '../../tests/helpers'

// A real Okta response (ssoready's fixture) at its own clock, under the generic profile.
const RESPONSE = join(REAL, 'saml-responses/okta/ssoready-okta-response.xml')
const METADATA = join(REAL, 'saml-metadata/okta/ssoready-okta-app-metadata.xml')
const NOW = (
  JSON.parse(readFileSync(join(REAL, 'saml-responses/okta/ssoready-okta-response.params.json'), 'utf8')) as {
    now: string
  }
).now

async function run(extra: string[]) {
  const io = memoryIo()
  const code = await main(
    ['response', RESPONSE, '--idp-metadata', METADATA, '--profile', 'generic', '--now', NOW, ...extra],
    io,
  )
  return { code, out: io.out(), err: io.err() }
}

describe('the CLI report shows what the IdP sent; --mask is for sharing', () => {
  test('by default the signed NameID and the attribute values are there to assert on in CI', async () => {
    const { out } = await run(['--format', 'json'])
    const report = ReportSchema.parse(JSON.parse(out))
    expect(report.facts?.nameId).toBe('ulysse.carion@codomaindata.com')
    // This Okta app sends no attributes: the list is there, empty, rather than absent.
    expect(report.facts?.attributes).toEqual([])
  })
  test('--mask (anywhere on the line, with any format) masks them and keeps the findings and the verdict', async () => {
    const plain = ReportSchema.parse(JSON.parse((await run(['--json'])).out))
    const { code, out } = await run(['--mask', '--json'])
    const masked = ReportSchema.parse(JSON.parse(out))
    expect(out).not.toContain('ulysse.carion@')
    expect(masked.facts?.nameId).toEqual(expect.any(String))
    expect(masked.facts?.nameId).not.toContain('ulysse')
    expect(masked.findings.map((f) => f.code)).toEqual(plain.findings.map((f) => f.code))
    expect(code).toBe(plain.summary.errors > 0 ? 1 : 0)
    const md = await run(['--format', 'markdown', '--mask'])
    expect(md.out).not.toContain('ulysse.carion@')
  })
  test('the side-by-side comparison is in the JSON report, masked or not (it holds no personal value)', async () => {
    const masked = ReportSchema.parse(JSON.parse((await run(['--mask', '--json'])).out))
    expect(masked.comparison?.rows.map((r) => r.key)).toEqual(
      expect.arrayContaining(['entityId', 'acsUrl', 'nameIdFormat', 'signing', 'signatureAlgorithm', 'certificate']),
    )
  })
})
