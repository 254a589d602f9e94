import { inflateRawSync } from 'node:zlib'
import type { Parsed } from '../../context'
import { finding, type FindingContext } from '../../findings/finding'

export type SamlMessageEncoding = 'xml' | 'base64' | 'deflate-base64'
export interface DecodedSamlMessage {
  readonly xml: string
  readonly encoding: SamlMessageEncoding
}

export const DEFAULT_MAX_INFLATED_BYTES = 1024 * 1024
/** Base64 of the XML parser's 4 MiB cap, plus line breaks: anything longer is not a SAML message. */
const MAX_INPUT_CHARS = 6 * 1024 * 1024

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Turns what an admin pastes into SAML XML: raw XML, the HTTP-POST `SAMLResponse` value (base64, possibly
 * URL-encoded or line-wrapped), or the HTTP-Redirect value (raw DEFLATE, then base64), inflated with a hard cap.
 * @example const m = decodeSamlMessage(pasted); if (m.ok) parseSafeXml(m.value.xml)
 */
export function decodeSamlMessage(
  text: string,
  o: { maxInflatedBytes?: number; ctx?: FindingContext } = {},
): Parsed<DecodedSamlMessage> {
  const ctx = o.ctx ?? {}
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '')
    return { ok: false, findings: [finding('INPUT_EMPTY', { actual: `${text.length} characters` }, ctx)] }
  if (trimmed.length > MAX_INPUT_CHARS) {
    return {
      ok: false,
      findings: [
        finding(
          'INPUT_TOO_LARGE',
          { expected: `at most ${MAX_INPUT_CHARS} characters`, actual: `${trimmed.length} characters` },
          ctx,
        ),
      ],
    }
  }
  if (trimmed.startsWith('<')) return { ok: true, value: { xml: trimmed, encoding: 'xml' } }

  const bytes = base64Bytes(trimmed)
  if (bytes === undefined) {
    return { ok: false, findings: [encodingFinding('the text is neither XML nor base64', trimmed, ctx)] }
  }
  const asXml = decodeUtf8Xml(bytes)
  if (asXml !== undefined) return { ok: true, value: { xml: asXml, encoding: 'base64' } }

  const max = o.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES
  let inflated: Buffer
  try {
    inflated = inflateRawSync(bytes, { maxOutputLength: max })
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        ok: false,
        findings: [
          finding(
            'INPUT_INFLATE_LIMIT',
            { expected: `at most ${max} bytes inflated`, actual: `more than ${max} bytes` },
            ctx,
          ),
        ],
      }
    }
    return { ok: false, findings: [encodingFinding('base64 that is neither XML nor a DEFLATE stream', trimmed, ctx)] }
  }
  const xml = decodeUtf8Xml(inflated)
  if (xml === undefined)
    return { ok: false, findings: [encodingFinding('a DEFLATE stream that does not hold UTF-8 XML', trimmed, ctx)] }
  return { ok: true, value: { xml, encoding: 'deflate-base64' } }
}

/** The bytes of a base64 text (see base64Text); undefined when it is not base64 or shorter than one quantum. */
function base64Bytes(s: string): Buffer | undefined {
  // The usual POST value is already compact, padded base64: one native decode proves that without the three regex
  // passes over the whole value below, which cost more than the signature's RSA verify. Buffer.from skips characters
  // outside the alphabet (and stops at a '=' inside), so all of them were read only when no byte is missing.
  if (s.length >= 4 && s.length % 4 === 0) {
    const fast = Buffer.from(s, 'base64')
    const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
    if (fast.length === (s.length / 4) * 3 - padding) return fast
  }
  const compact = base64Text(s)
  return compact === undefined || compact.length < 4 ? undefined : Buffer.from(compact, 'base64')
}

/** The base64 alphabet only, after undoing URL-encoding and dropping whitespace; undefined when it is not base64. */
function base64Text(s: string): string | undefined {
  let t = s
  if (t.includes('%')) {
    try {
      t = decodeURIComponent(t)
    } catch {
      return undefined
    }
  }
  t = t.replace(/\s+/g, '')
  // A form value copied from a URL query may carry '+' as ' ' (already removed) — and base64url is tolerated too.
  t = t.replace(/-/g, '+').replace(/_/g, '/')
  if (!BASE64_RE.test(t)) return undefined
  const rest = t.length % 4
  if (rest === 1) return undefined
  return rest ? t + '='.repeat(4 - rest) : t
}

function decodeUtf8Xml(bytes: Buffer): string | undefined {
  let s: string
  try {
    s = utf8.decode(bytes)
  } catch {
    return undefined
  }
  s = s.replace(/^\uFEFF/, '').trim()
  return s.startsWith('<') ? s : undefined
}

function encodingFinding(actual: string, input: string, ctx: FindingContext) {
  return finding(
    'INPUT_ENCODING',
    {
      expected: 'SAML XML, the base64 SAMLResponse form value, or the deflated redirect-binding value',
      actual: `${actual} (${input.length} characters, starting ${JSON.stringify(input.slice(0, 12))})`,
    },
    ctx,
  )
}
