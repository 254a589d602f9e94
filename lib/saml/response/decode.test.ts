import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeSamlMessage } from './decode'
import * as F from './testing/fixture'

const xml = F.readFixture('real/saml-responses/okta/ssoready-okta-response.xml')
const b64 = Buffer.from(xml).toString('base64')

describe('decodeSamlMessage', () => {
  it('passes raw XML through (BOM and surrounding whitespace dropped)', () => {
    const r = decodeSamlMessage(`\uFEFF  ${xml}\n`)
    expect(r).toMatchObject({ ok: true, value: { encoding: 'xml', xml: xml.trim() } })
  })
  it('decodes the HTTP-POST value, line-wrapped or URL-encoded', () => {
    expect(decodeSamlMessage(b64.replace(/(.{76})/g, '$1\r\n'))).toMatchObject({
      ok: true,
      value: { encoding: 'base64', xml: xml.trim() },
    })
    expect(decodeSamlMessage(encodeURIComponent(b64))).toMatchObject({ ok: true, value: { encoding: 'base64' } })
  })
  it('the compact POST value and any spelling of it decode to the same XML; a stray character is still refused', () => {
    // The compact value takes a shortcut (one native round trip); every other spelling the full alphabet check.
    const urlSafe = b64.replace(/\+/g, '-').replace(/\//g, '_')
    for (const v of [b64, urlSafe, b64.replace(/=+$/, ''), ` ${b64}\n`])
      expect(decodeSamlMessage(v), v.slice(-8)).toMatchObject({
        ok: true,
        value: { encoding: 'base64', xml: xml.trim() },
      })
    // Same length (a multiple of 4) with a character outside the alphabet: Buffer.from would skip it silently.
    const stray = b64.slice(0, 400) + '!' + b64.slice(401)
    const r = decodeSamlMessage(stray)
    expect(r.ok ? undefined : r.findings[0]?.code).toBe('INPUT_ENCODING')
  })
  it('inflates the HTTP-Redirect value (raw DEFLATE + base64)', () => {
    const v = deflateRawSync(Buffer.from(xml)).toString('base64')
    expect(decodeSamlMessage(v)).toMatchObject({ ok: true, value: { encoding: 'deflate-base64', xml: xml.trim() } })
  })
  it('INPUT_INFLATE_LIMIT: a deflate bomb stops at the output cap', () => {
    const bomb = deflateRawSync(Buffer.from('<a>' + ' '.repeat(8 * 1024 * 1024) + '</a>')).toString('base64')
    const r = decodeSamlMessage(bomb)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.findings[0]).toMatchObject({
        code: 'INPUT_INFLATE_LIMIT',
        evidence: { expected: 'at most 1048576 bytes inflated' },
      })
    const small = decodeSamlMessage(deflateRawSync(Buffer.from(xml)).toString('base64'), { maxInflatedBytes: 100 })
    expect(small.ok ? undefined : small.findings[0]?.code).toBe('INPUT_INFLATE_LIMIT')
  })
  it('INPUT_EMPTY and INPUT_ENCODING', () => {
    const empty = decodeSamlMessage('  \n')
    expect(empty.ok ? undefined : empty.findings[0]?.code).toBe('INPUT_EMPTY')
    for (const bad of [
      'not base64 at all!',
      Buffer.from('hello world, not xml').toString('base64'),
      '%E0%A4%A',
      '\u0000\n',
    ]) {
      const r = decodeSamlMessage(bad)
      expect(r.ok ? undefined : r.findings[0]?.code, bad).toBe('INPUT_ENCODING')
    }
  })
  it('INPUT_TOO_LARGE: more than any SAML message, refused before decoding', () => {
    const r = decodeSamlMessage('A'.repeat(7 * 1024 * 1024))
    expect(r.ok ? undefined : r.findings[0]?.code).toBe('INPUT_TOO_LARGE')
  })
  it('the real 2-byte ssoready "bad-assertion-utf8" file is an encoding finding', () => {
    const r = decodeSamlMessage(
      F.readFixture('real/saml-responses/okta/ssoready-negative/bad-assertion-utf8/assertion.xml'),
    )
    expect(r.ok ? undefined : r.findings[0]?.code).toMatch(/^INPUT_(ENCODING|EMPTY)$/)
  })
})
