// The HTTP API contract over every real fixture: the route handlers answer 200 with a schema-valid Report for
// every document (findings are not errors), and the same findings as the CLI.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { POST as postMetadata } from '../../app/api/reports/metadata/route'
import { POST as postOidc } from '../../app/api/reports/oidc/route'
import { main } from '../../lib/cli/main'
import { ReportSchema } from '../../lib/findings/report'
import { filesUnder, memoryIo, PINNED_NOW, REAL } from '../helpers'

const post = (handler: (r: Request) => Promise<Response>, path: string, body: unknown) =>
  handler(
    new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )

const metadataFiles = filesUnder(join(REAL, 'saml-metadata'), (n) => n.endsWith('.xml'))

describe('POST /api/reports/metadata over every real metadata document', () => {
  test.each(metadataFiles.map((f) => [f.slice(REAL.length + 1), f]))('%s', async (_name, file) => {
    const res = await post(postMetadata, '/api/reports/metadata', { xml: readFileSync(file, 'utf8'), now: PINNED_NOW })
    expect(res.status).toBe(200)
    const report = ReportSchema.parse(await res.json())
    // The API and the CLI are two faces of one Report.
    const io = memoryIo()
    await main(['metadata', file, '--json', '--now', PINNED_NOW], io)
    const cli = ReportSchema.parse(JSON.parse(io.out()))
    expect(report.findings.map((f) => f.code)).toEqual(cli.findings.map((f) => f.code))
    expect(report.summary).toEqual(cli.summary)
  })
})

describe('POST /api/reports/oidc over every real discovery document', () => {
  const docs = filesUnder(join(REAL, 'oidc'), (n) => n.includes('openid-configuration'))
  test.each(docs.map((f) => [f.slice(REAL.length + 1), f]))('%s', async (_name, file) => {
    const res = await post(postOidc, '/api/reports/oidc', {
      discovery: readFileSync(file, 'utf8'),
      now: PINNED_NOW,
      profile: 'generic',
    })
    expect(res.status).toBe(200)
    expect(ReportSchema.parse(await res.json()).subject.kind).toBe('oidc-discovery')
  })
})

describe('hostile bodies are 400s or findings, never a 500', () => {
  test.each([
    ['not JSON', 'not json'],
    ['an array', '[]'],
    ['xml and url together', JSON.stringify({ xml: '<a/>', url: 'https://example.com/md' })],
    ['a number for xml', JSON.stringify({ xml: 42 })],
    ['a URL that is not absolute', JSON.stringify({ url: 'alert(1)' })],
  ])('%s', async (_name, body) => {
    const res = await postMetadata(
      new Request('http://localhost/api/reports/metadata', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    )
    expect(res.status).toBe(400)
    expect((await res.json()).error).toBe('ERR_USAGE')
  })
  test('a javascript: URL is a 200 with the finding that only http(s) URLs are fetched', async () => {
    const res = await post(postMetadata, '/api/reports/metadata', { url: 'javascript:alert(1)' })
    expect(res.status).toBe(200)
    expect(ReportSchema.parse(await res.json()).findings.map((f) => f.code)).toEqual(['NET_SCHEME_NOT_ALLOWED'])
  })
  test('a DOCTYPE document is a 200 with the finding', async () => {
    const res = await post(postMetadata, '/api/reports/metadata', {
      xml: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    })
    expect(res.status).toBe(200)
    expect(ReportSchema.parse(await res.json()).findings.map((f) => f.code)).toEqual(['INPUT_XML_DOCTYPE'])
  })
})
