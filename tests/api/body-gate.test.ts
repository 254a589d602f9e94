import './store-env'
import { describe, expect, test } from 'vitest'
import { BODY_LIMITS, bodyLimitFor } from '@/app/_server/body-limits'
import { readFormBody, readMultipartBody } from '@/app/_server/read-capped-body'
import { POST as postConnection } from '@/app/api/connections/route'
import { POST as postSavedReport } from '@/app/api/saved-reports/route'
import { POST as postAcs } from '@/app/saml/acs/route'
import { POST as postAnalyze } from '@/app/triage/analyze/route'
import { POST as postBundle } from '@/app/triage/bundle/route'

const ORIGIN = 'http://localhost:3106'
// next.config.mjs is plain JS without types: read as data.
const CONFIG_URL = new URL('../../next.config.mjs', import.meta.url).href
const nextConfig = ((await import(/* @vite-ignore */ CONFIG_URL)) as { default: unknown }).default
const MB = 1024 * 1024

/** A body of `total` bytes made on demand, counting what the server pulled: proof it stopped early. */
function lazyBody(total: number, prefix = '', chunk = 256 * 1024) {
  const state = { pulled: 0 }
  const head = new TextEncoder().encode(prefix)
  const filler = new Uint8Array(chunk).fill(0x61)
  let sent = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close()
        const piece = sent === 0 && head.length ? head : filler.subarray(0, Math.min(chunk, total - sent))
        sent += piece.byteLength
        state.pulled += piece.byteLength
        controller.enqueue(piece)
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, state }
}

function post(path: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>) {
  return new Request(`${ORIGIN}${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit)
}

const BOUNDARY = '----gate'
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`
const multipartHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.har"\r\nContent-Type: application/json\r\n\r\n`

async function expectRefused(res: Response) {
  expect(res.status).toBe(413)
  const body = await res.json()
  expect(body.message).toMatch(/larger than \d+(\.\d)? MB/)
}

describe('one body gate: oversized bodies are refused before parsing', () => {
  test('POST /triage/analyze, 1 GB multipart declared by Content-Length: 413 without reading a byte', async () => {
    const { stream, state } = lazyBody(1024 * MB, multipartHead)
    const res = await postAnalyze(
      post('/triage/analyze', stream, { 'content-type': MULTIPART, 'content-length': String(1024 * MB) }),
    )
    await expectRefused(res)
    expect(state.pulled).toBeLessThanOrEqual(256 * 1024)
  })

  test('POST /triage/analyze, 1 GB chunked multipart (no length): 413 once the cap is passed, the rest never read', async () => {
    const { stream, state } = lazyBody(1024 * MB, multipartHead)
    const res = await postAnalyze(post('/triage/analyze', stream, { 'content-type': MULTIPART }))
    await expectRefused(res)
    expect(state.pulled).toBeGreaterThan(BODY_LIMITS.triageAnalyze)
    expect(state.pulled).toBeLessThan(BODY_LIMITS.triageAnalyze + 2 * MB)
  })

  test('POST /triage/bundle, 300 MB chunked JSON: 413 after at most the cap', async () => {
    const { stream, state } = lazyBody(300 * MB, '{"reports":["')
    const res = await postBundle(post('/triage/bundle', stream, { 'content-type': 'application/json' }))
    await expectRefused(res)
    expect(state.pulled).toBeLessThan(BODY_LIMITS.triageBundle + 2 * MB)
  })

  test('POST /api/connections and /api/saved-reports: oversized JSON is 413 with a message', async () => {
    const big = lazyBody(50 * MB, '{"name":"')
    await expectRefused(
      await postConnection(post('/api/connections', big.stream, { 'content-type': 'application/json' })),
    )
    expect(big.state.pulled).toBeLessThan(BODY_LIMITS.connections + 2 * MB)
    await expectRefused(
      await postSavedReport(
        post('/api/saved-reports', 'x', { 'content-type': 'application/json', 'content-length': String(6 * MB) }),
      ),
    )
  })

  test('POST /saml/acs with a 100 MB urlencoded body: only the cap is read, and the run still ends with a redirect', async () => {
    const { stream, state } = lazyBody(100 * MB, 'SAMLResponse=')
    const res = await postAcs(post('/saml/acs', stream, { 'content-type': 'application/x-www-form-urlencoded' }))
    expect(res.status).toBe(303)
    expect(state.pulled).toBeLessThan(BODY_LIMITS.samlAcs + 2 * MB)
  })

  test('the readers: urlencoded and multipart over the cap are refused, under it parsed', async () => {
    const form = (body: string, type: string, length?: number) =>
      post('/x', body, { 'content-type': type, ...(length ? { 'content-length': String(length) } : {}) })
    expect((await readFormBody(form('a=1&b=2', 'application/x-www-form-urlencoded'), 100)).ok).toBe(true)
    const over = await readFormBody(form('a='.padEnd(200, 'x'), 'application/x-www-form-urlencoded'), 100)
    expect(over.ok ? 200 : over.response.status).toBe(413)
    const mp = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`
    const ok = await readMultipartBody(form(mp, MULTIPART), 1000)
    expect(ok.ok && ok.value.get('text')).toBe('hello')
    const tooBig = await readMultipartBody(form(mp, MULTIPART), 50)
    expect(tooBig.ok ? 200 : tooBig.response.status).toBe(413)
    const notForm = await readMultipartBody(form('{}', 'application/json'), 1000)
    expect(notForm.ok ? 200 : notForm.response.status).toBe(400)
  })

  test('the proxy and the server-action limit use the same caps as the route handlers', () => {
    expect(bodyLimitFor('/triage/analyze', false)).toBe(BODY_LIMITS.triageAnalyze)
    expect(bodyLimitFor('/check', true)).toBe(BODY_LIMITS.serverAction)
    const limit = (nextConfig as { experimental: { serverActions: { bodySizeLimit: string } } }).experimental
      .serverActions.bodySizeLimit
    expect(limit).toBe(`${BODY_LIMITS.serverAction / MB}mb`)
    // The proxy buffers at most this much; a body cut there must still be over every route's cap, so it is refused.
    const proxyLimit = (nextConfig as { experimental: { proxyClientMaxBodySize: string } }).experimental
      .proxyClientMaxBodySize
    expect(Number.parseInt(proxyLimit, 10) * MB).toBeGreaterThan(Math.max(...Object.values(BODY_LIMITS)))
  })
})
