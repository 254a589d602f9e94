import { z } from 'zod'
import { constants, inflateRawSync } from 'node:zlib'
import { REPORT_SCHEMA_ID } from '../findings/report'
import { SUPPORT_BUNDLE_SCHEMA_ID } from '../triage/bundle'

/** What an admin gave us, as far as its first bytes tell. */
export const InputKindSchema = z.enum([
  'empty',
  'saml-metadata',
  'saml-response',
  'saml-assertion',
  'saml-request',
  'saml-logout',
  'oidc-discovery',
  'jwks',
  'jwk',
  'har',
  'id-token',
  'support-bundle',
  'report',
  'certificate',
  'error-code',
  'json',
  'xml',
  'text',
])
export type InputKind = z.infer<typeof InputKindSchema>

/** How a SAML message was given: raw XML, the HTTP-POST form value (base64) or the HTTP-Redirect value (deflated). */
export const InputEncodingSchema = z.enum(['xml', 'base64', 'deflate-base64'])
export type InputEncoding = z.infer<typeof InputEncodingSchema>

/** What detectInput answers; also what crosses the analysis worker's boundary and a report's facts. */
export const DetectedInputSchema = z.object({
  kind: InputKindSchema,
  /** What the page and the report say: "JWKS (a key set, not a discovery document)". */
  description: z.string(),
  encoding: InputEncodingSchema.optional(),
  /** For an error code: the code itself (AADSTS50105, E0000004, the SAML status URN). */
  code: z.string().optional(),
})
export type DetectedInput = Readonly<z.infer<typeof DetectedInputSchema>>

/*
 * Detection reads a bounded prefix wherever the prefix decides (XML root, base64 head, JSON markers), and whole-text
 * work is single-pass and capped (the base64 alphabet test, JSON.parse of documents up to 1 MB), so any input costs
 * time linear in its length and at most a few MB of work. Hand-written: no library sniffs SSO documents.
 */
const XML_HEAD = 64 * 1024
const JSON_HEAD = 200_000
const JSON_PARSE_MAX = 1024 * 1024
const B64_HEAD = 16 * 1024
/** 2,048 base64 characters are 1,536 deflated bytes: inflated, far more than any SAML message's root element. */
const DEFLATE_HEAD = 2048
const TEXT_HEAD = 64 * 1024

const JWT = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/
const B64_ALPHABET = /^[A-Za-z0-9+/=%_-]+$/

/**
 * The one detector of what was pasted, uploaded or dropped, for /check, /triage and the CLI: SAML metadata, a SAML
 * message (raw, base64 POST value or deflated redirect value, also as `SAMLResponse=...`), an OIDC discovery
 * document, a JWKS, a HAR, an ID token, a support bundle or report, a certificate, an error code, or free text.
 * @example detectInput('{"keys":[...]}').description // 'JWKS (a key set, not a discovery document)'
 */
export function detectInput(text: string): DetectedInput {
  const t = trimmedHead(text)
  if (t === '') return { kind: 'empty', description: 'Nothing (empty input)' }
  if (t.startsWith('{') || t.startsWith('[')) return detectJson(text.replace(/^\uFEFF/, '').trim())
  if (t.startsWith('<'))
    return (
      detectXml(t.slice(0, XML_HEAD), 'xml') ?? {
        kind: 'xml',
        description: 'XML that is neither SAML metadata nor a SAML message',
      }
    )
  if (t.startsWith('-----BEGIN CERTIFICATE-----'))
    return { kind: 'certificate', description: 'An X.509 certificate (PEM), not metadata' }
  const whole = text.replace(/^\uFEFF/, '').trim()
  const bare = whole.replace(/^(?:id_token=|Bearer\s+)/i, '')
  if (bare.startsWith('eyJ') && JWT.test(bare)) return { kind: 'id-token', description: 'An ID token (JWT)' }
  const encoded = detectEncodedSaml(samlFormValue(whole) ?? whole)
  if (encoded) return encoded
  return detectText(whole.slice(0, TEXT_HEAD))
}

/**
 * What an already decoded SAML message is, without decoding it again (the validator decoded the whole message
 * once); the same answer as `detectInput` on the encoded text. `original` is asked only when the XML is not SAML.
 */
export function detectDecodedXml(xml: string, encoding: InputEncoding, original: string): DetectedInput {
  const head = encoding === 'base64' ? xml.slice(0, (B64_HEAD / 4) * 3) : xml.slice(0, XML_HEAD)
  return detectXml(head, encoding) ?? detectInput(original)
}

/** `SAMLResponse=...` or `SAMLRequest=...` copied from a form body or URL: the value. */
export function samlFormValue(text: string): string | undefined {
  const m = /(?:^|[?&\s])SAML(?:Response|Request)=([^&\s]+)/.exec(text.slice(0, 8 * 1024 * 1024))
  if (!m) return undefined
  try {
    return decodeURIComponent(m[1]!.replace(/\+/g, ' ')).replace(/ /g, '+')
  } catch {
    return m[1]
  }
}

/** The start of the text without BOM and leading whitespace, never more than a prefix. */
function trimmedHead(text: string): string {
  let i = 0
  while (i < text.length && (text.charCodeAt(i) === 0xfeff || /\s/.test(text[i]!))) i++
  return text.slice(i, i + XML_HEAD).trimEnd()
}

function detectJson(t: string): DetectedInput {
  const head = t.slice(0, 4000)
  if (/"log"\s*:\s*\{/.test(head) && /"entries"\s*:/.test(t.slice(0, JSON_HEAD)))
    return { kind: 'har', description: 'A HAR file (browser network capture)' }
  if (head.includes(`"${SUPPORT_BUNDLE_SCHEMA_ID}"`))
    return { kind: 'support-bundle', description: 'An SSO Preflight support bundle' }
  if (head.includes(`"${REPORT_SCHEMA_ID}"`)) return { kind: 'report', description: 'An exported SSO Preflight report' }
  const members = topLevelMembers(t)
  if (members.has('keys')) return { kind: 'jwks', description: 'JWKS (a key set, not a discovery document)' }
  if (
    members.has('issuer') &&
    ['authorization_endpoint', 'jwks_uri', 'token_endpoint', 'response_types_supported'].some((k) => members.has(k))
  )
    return { kind: 'oidc-discovery', description: 'An OpenID Connect discovery document (openid-configuration)' }
  if (members.has('kty'))
    return { kind: 'jwk', description: 'A single JSON Web Key, not a key set or a discovery document' }
  return { kind: 'json', description: 'JSON that is not a discovery document, JWKS, HAR, report or support bundle' }
}

/** No SSO document, HAR or bundle nests this deep; V8's JSON.parse grows faster than linear on deep nesting. */
const JSON_MAX_DEPTH = 64

/** One pass over JSON text: does an array or object nest deeper than `max` (brackets inside strings do not count)? */
function nestsDeeperThanText(t: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** The names of the top-level members: parsed when the document is small enough, else read from its head. */
function topLevelMembers(t: string): Set<string> {
  if (t.length <= JSON_PARSE_MAX && !nestsDeeperThanText(t, JSON_MAX_DEPTH)) {
    try {
      const v: unknown = JSON.parse(t)
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const o = v as Record<string, unknown>
        return new Set(Object.keys(o).filter((k) => k !== 'keys' || Array.isArray(o.keys)))
      }
      return new Set()
    } catch {
      /* not JSON: fall through to the head, which may still name members */
    }
  }
  const out = new Set<string>()
  for (const m of t
    .slice(0, JSON_HEAD)
    .matchAll(/"(keys|issuer|authorization_endpoint|jwks_uri|token_endpoint|response_types_supported|kty)"\s*:/g))
    out.add(m[1]!)
  return out
}

const XML_ROOT: Record<string, { kind: InputKind; description: string }> = {
  EntityDescriptor: { kind: 'saml-metadata', description: 'SAML metadata' },
  EntitiesDescriptor: { kind: 'saml-metadata', description: 'SAML metadata aggregate (several entities)' },
  Response: { kind: 'saml-response', description: 'A SAML response' },
  Assertion: { kind: 'saml-assertion', description: 'A SAML assertion (without its Response)' },
  EncryptedAssertion: { kind: 'saml-assertion', description: 'An encrypted SAML assertion (without its Response)' },
  AuthnRequest: { kind: 'saml-request', description: 'A SAML AuthnRequest' },
  LogoutRequest: { kind: 'saml-logout', description: 'A SAML LogoutRequest' },
  LogoutResponse: { kind: 'saml-logout', description: 'A SAML LogoutResponse' },
}

const ENCODING_NOTE: Record<InputEncoding, string> = {
  xml: 'raw XML',
  base64: 'base64, as in the HTTP-POST SAMLResponse value',
  'deflate-base64': 'deflated and base64, as in the HTTP-Redirect value',
}

/** The root element of an XML head (after the declaration, comments and processing instructions). */
function detectXml(head: string, encoding: InputEncoding): DetectedInput | undefined {
  const m = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(skipProlog(head))
  const root = m ? XML_ROOT[m[1]!] : undefined
  if (!root) return undefined
  if (root.kind === 'saml-metadata') {
    // The IdP's role names the document; an SP-only EntityDescriptor is the vendor's side, not the IdP's.
    // (the SP test only when there is no IdP role: each is a pass over up to the whole head)
    const role = /IDPSSODescriptor\b/.test(head)
      ? ' (IdP)'
      : /SPSSODescriptor\b/.test(head)
        ? " (SP: the service provider's side, not the IdP's)"
        : ''
    return { kind: root.kind, description: `${root.description}${role}`, encoding }
  }
  return { kind: root.kind, description: `${root.description} (${ENCODING_NOTE[encoding]})`, encoding }
}

/** The head from its first element on: skips `<?...?>`, `<!--...-->` and `<!DOCTYPE ...>`. */
function skipProlog(head: string): string {
  let i = 0
  for (;;) {
    while (i < head.length && /\s/.test(head[i]!)) i++
    if (head.startsWith('<?', i)) {
      const e = head.indexOf('?>', i)
      if (e < 0) return ''
      i = e + 2
    } else if (head.startsWith('<!--', i)) {
      const e = head.indexOf('-->', i)
      if (e < 0) return ''
      i = e + 3
    } else if (head.startsWith('<!', i)) {
      const e = head.indexOf('>', i)
      if (e < 0) return ''
      i = e + 1
    } else return head.slice(i)
  }
}

/** A base64 (or URL-encoded, line-wrapped, base64url) SAML message: its head decoded, inflated if deflated. */
function detectEncodedSaml(value: string): DetectedInput | undefined {
  const compactHead = value.slice(0, B64_HEAD * 2).replace(/\s+/g, '')
  if (compactHead.length < 40) return undefined
  // The whole text must be in the alphabet (one linear pass); only its head is decoded.
  if (!B64_ALPHABET.test(value.replace(/\s+/g, ''))) return undefined
  const bytes = headBytes(compactHead, B64_HEAD)
  if (!bytes) return undefined
  const text = new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (text.startsWith('<')) return detectXml(text, 'base64')
  try {
    const small = headBytes(compactHead, DEFLATE_HEAD)
    if (!small) return undefined
    // A prefix of a DEFLATE stream: a sync flush yields what it holds so far instead of failing as truncated.
    const inflated = inflateRawSync(small, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 4 * 1024 * 1024 })
    const xml = new TextDecoder('utf-8').decode(inflated).trimStart()
    return xml.startsWith('<') ? detectXml(xml.slice(0, XML_HEAD), 'deflate-base64') : undefined
  } catch {
    return undefined
  }
}

/** The first `chars` base64 characters as bytes, after undoing %-escapes and base64url. */
function headBytes(compact: string, chars: number): Buffer | undefined {
  let s = compact.slice(0, chars + 8)
  if (s.includes('%')) {
    s = s.replace(/%[0-9A-Fa-f]?$/, '')
    try {
      s = decodeURIComponent(s)
    } catch {
      return undefined
    }
  }
  s = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  s = s.slice(0, Math.min(chars, s.length - (s.length % 4)))
  return s.length >= 4 ? Buffer.from(s, 'base64') : undefined
}

const ERROR_CODES: readonly { re: RegExp; what: string }[] = [
  { re: /\bAADSTS\d{4,7}\b/i, what: 'Microsoft Entra ID error code' },
  { re: /\bE0000\d{3}\b/, what: 'Okta error code' },
  { re: /urn:oasis:names:tc:SAML:2\.0:status:[A-Za-z]+/, what: 'SAML status code' },
]

function detectText(head: string): DetectedInput {
  for (const { re, what } of ERROR_CODES) {
    const m = re.exec(head)
    if (m) return { kind: 'error-code', description: `${what}: ${m[0]}`, code: m[0] }
  }
  return { kind: 'text', description: 'Free text (no document, token or known error code in it)' }
}
