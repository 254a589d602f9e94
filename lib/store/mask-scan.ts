import { createHmac, randomBytes } from 'node:crypto'

/*
 * The linear scanners behind lib/store/mask.ts: one pass over the text, each character looked at a bounded number of
 * times, no regex that can backtrack over a long run (the old EMAIL / JWT regexes took 37 s on 160 K characters).
 *
 * A personal value becomes its first character, a short keyed hash and, for an address, the domain:
 * `entra-claims@demo.test` → `e…·3fa2c1@demo.test`. The hash keeps two people apart (issue 9: `e***@demo.test` was
 * both a passing and a failing user) without saying who they are.
 *
 * The key is a per-installation secret (HMAC-SHA-256), not a fixed salt: a fixed salt is public (this code is), so
 * anyone holding a shared report and a list of candidate addresses (the vendor knows every account's email) could
 * hash the list and unmask every user. The store installs its key when it opens: derived from the installation's
 * user-key secret (one random secret in the database, so every app instance on one database masks a person alike,
 * across restarts). Until then — the CLI, a check that never touches the store — a random key per process is used:
 * still distinct per value, and it links to nothing.
 */

export const MASK_MARK = '…·'
const HASH_CHARS = 6

// On globalThis, like the store handle (lib/store/index.ts): Next.js may load this module once per server layer (route
// handlers, server actions, pages), and the key the store installs in one must be the key every other one masks with,
// or the same address masks two ways in one server (a setup page comparing a typed email with stored runs saw that).
const slot = globalThis as typeof globalThis & { __ssoPreflightMask?: { key: Buffer; cache: Map<string, string> } }
const mask = (slot.__ssoPreflightMask ??= { key: randomBytes(32), cache: new Map() })
const CACHE_MAX = 10_000

/** Installs the installation's masking key (the store does this when it opens). */
export function useMaskKey(secret: string): void {
  const key = createHmac('sha256', secret).update('sso-preflight/mask/v1').digest()
  if (key.equals(mask.key)) return
  mask.key = key
  mask.cache = new Map()
}

function keyedHash(value: string): string {
  let h = mask.cache.get(value)
  if (h === undefined) {
    h = createHmac('sha256', mask.key).update(value).digest('hex').slice(0, HASH_CHARS)
    if (mask.cache.size >= CACHE_MAX) mask.cache.clear()
    mask.cache.set(value, h)
  }
  return h
}

const code = (s: string, i: number) => s.charCodeAt(i)
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102)
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
/** Characters of an address' local part (RFC 5322 atext and dots, less `=`, `?`, `&` that end a query value). */
const isLocal = (c: number) =>
  isAlnum(c) ||
  c === 46 ||
  c === 95 ||
  c === 37 ||
  c === 43 ||
  c === 45 ||
  c === 39 ||
  c === 33 ||
  c === 35 ||
  c === 36 ||
  c === 42 ||
  c === 94 ||
  c === 96 ||
  c === 123 ||
  c === 124 ||
  c === 125 ||
  c === 126 ||
  c > 0x7f
/** Characters of a domain (letters, digits, dots, hyphens; IDN as Unicode). */
const isDomain = (c: number) => isAlnum(c) || c === 46 || c === 45 || (c > 0x7f && c !== 0x2026 && c !== 0xb7)

/** True when `local` (the text before an `@`) ends in an already masked form `x…·3fa2c1`. */
function endsMasked(s: string, end: number, from: number): boolean {
  const start = end - HASH_CHARS
  if (start - MASK_MARK.length < from) return false
  for (let i = start; i < end; i++) if (!isHex(code(s, i))) return false
  return s.startsWith(MASK_MARK, start - MASK_MARK.length)
}

/** A whole personal value, masked: `x…·3fa2c1` (or `…·3fa2c1` when it is 3 characters or fewer). */
export function maskPlain(value: string): string {
  const v = value.trim()
  if (v === '') return value
  // Already masked (or removed): kept, so masking masked output changes nothing.
  if (v === REDACTED || isMaskedPlain(v)) return v
  // An `@` is not kept in front: `@…·3fa2c1` would be read back as an address and masked again.
  const first = v.length > 3 && !v.startsWith('@') ? String.fromCodePoint(v.codePointAt(0)!) : ''
  return `${first}${MASK_MARK}${keyedHash(v)}`
}

/** A personal value: an address keeps its domain (`j…·3fa2c1@corp.example`), anything else is masked whole. */
export function maskPersonal(value: string): string {
  const v = value.trim()
  if (v.includes('@') && !/\s/.test(v)) return maskAddresses(v)
  return maskPlain(v)
}

function isMaskedPlain(v: string): boolean {
  const at = v.indexOf(MASK_MARK)
  if (at < 0 || at > 2 || v.length - at - MASK_MARK.length !== HASH_CHARS) return false
  // In front of the mark, nothing or the one character maskPlain keeps (never `@`, never a space): `@\n…·3fa2c1` is
  // a value to mask, not a masked one.
  if (at > 0) {
    const first = v.codePointAt(0)!
    if (String.fromCodePoint(first).length !== at || first <= 32 || first === 64 || /\s/.test(v.slice(0, at)))
      return false
  }
  for (let i = at + MASK_MARK.length; i < v.length; i++) if (!isHex(code(v, i))) return false
  return true
}

/**
 * Every `@` in the text, with the address around it, masked: `mail jane.doe@corp.example` → `mail j…·3fa2c1@corp.example`.
 * Anything with an `@` counts, even without a local part or a domain. Linear: the local part is looked for only back to
 * the end of the previous address, the domain only forward, and the scan resumes after it.
 */
export function maskAddresses(s: string): string {
  let at = s.indexOf('@')
  if (at < 0) return s
  const out: string[] = []
  let done = 0
  while (at >= 0) {
    let start = at
    while (start > done && isLocal(code(s, start - 1))) start--
    let end = at + 1
    while (end < s.length && isDomain(code(s, end))) end++
    // A trailing dot ends the sentence, not the domain.
    while (end > at + 1 && code(s, end - 1) === 46) end--
    if (endsMasked(s, at, done)) {
      out.push(s.slice(done, end))
    } else {
      const local = s.slice(start, at)
      const domain = s.slice(at + 1, end)
      // Addresses are compared without case (the user key does the same), so `Jane@` and `jane@` mask alike.
      const first = local.length > 3 ? String.fromCodePoint(local.codePointAt(0)!).toLowerCase() : ''
      out.push(
        s.slice(done, start),
        `${first}${MASK_MARK}${keyedHash(`${local.toLowerCase()}@${domain.toLowerCase()}`)}@${domain}`,
      )
    }
    done = end
    at = s.indexOf('@', end)
  }
  out.push(s.slice(done))
  return out.join('')
}

export const REDACTED = '[redacted]'

const isTokenChar = (c: number) =>
  c > 32 &&
  c !== 34 &&
  c !== 39 &&
  c !== 60 &&
  c !== 62 &&
  c !== 40 &&
  c !== 41 &&
  c !== 44 &&
  c !== 59 &&
  c !== 91 &&
  c !== 93 &&
  c !== 96

/**
 * Free text: JWTs and the credential after `Bearer` / `Basic` removed, addresses masked. One pass over whitespace- and
 * punctuation-separated tokens.
 */
export function scanText(s: string): string {
  const out: string[] = []
  let done = 0
  let afterScheme = false
  let i = 0
  while (i < s.length) {
    if (!isTokenChar(code(s, i))) {
      i++
      continue
    }
    let j = i
    while (j < s.length && isTokenChar(code(s, j))) j++
    const token = s.slice(i, j)
    let replaced: string | undefined
    // A credential after the scheme goes, and so does anything with an `@` there: masked, a short `@` token would
    // grow past 8 characters and be taken for a credential the next time (`Bearer @` → `Bearer …·3fa2c1@`).
    if (afterScheme && (token.length >= 8 || token.includes('@')) && token !== 'redacted') replaced = REDACTED
    else {
      const noJwt = token.includes('eyJ') ? redactJwts(token) : token
      replaced = noJwt.includes('@') ? maskAddresses(noJwt) : noJwt
    }
    afterScheme = token.length <= 6 && /^(bearer|basic)$/i.test(token)
    if (replaced !== undefined && replaced !== token) {
      out.push(s.slice(done, i), replaced)
      done = j
    }
    i = j
  }
  if (done === 0) return s
  out.push(s.slice(done))
  return out.join('')
}

const isB64url = (c: number) => isAlnum(c) || c === 45 || c === 95
const JWT_MIN_PART = 5

/**
 * Every JWT inside a token (alone, or in a URL such as `...#id_token=eyJ...`) replaced: three base64url parts, the
 * first two JSON objects ("eyJ" is base64 for '{"'). Linear: a failed match resumes where its run of base64url
 * characters ended, since any start inside that run would end at the same place and fail the same way.
 */
function redactJwts(t: string): string {
  const out: string[] = []
  let done = 0
  let from = t.indexOf('eyJ')
  while (from >= 0) {
    let p = from
    while (p < t.length && isB64url(code(t, p))) p++
    let ok = p - from >= JWT_MIN_PART && code(t, p) === 46 && t.startsWith('eyJ', p + 1)
    let end = p
    if (ok) {
      let q = p + 1
      while (q < t.length && isB64url(code(t, q))) q++
      ok = q - p - 1 >= JWT_MIN_PART && code(t, q) === 46
      end = q
      if (ok) {
        q++
        while (q < t.length && isB64url(code(t, q))) q++
        end = q
      }
    }
    if (ok) {
      out.push(t.slice(done, from), '[redacted JWT]')
      done = end
    }
    from = t.indexOf('eyJ', Math.max(end, from + 1))
  }
  if (done === 0) return t
  out.push(t.slice(done))
  return out.join('')
}

/** XML elements whose text is not personal (protocol values, endpoints, algorithms, public key material). */
const XML_TEXT_ALLOWED = new Set([
  'Issuer',
  'Audience',
  'AuthnContextClassRef',
  'AuthnContextDeclRef',
  'AuthenticatingAuthority',
  'NameIDFormat',
  'StatusMessage',
  'DigestValue',
  'SignatureValue',
  'X509Certificate',
  'DigestMethod',
  'SignatureMethod',
  'Transform',
  'RequesterID',
  'EntityDescriptor',
])
/** XML attributes that are not personal: IDs of the exchange, times, endpoints, formats, attribute names. */
const XML_ATTR_ALLOWED = new Set([
  'ID',
  'InResponseTo',
  'Version',
  'IssueInstant',
  'Destination',
  'Recipient',
  'NotBefore',
  'NotOnOrAfter',
  'AuthnInstant',
  'SessionNotOnOrAfter',
  'Format',
  'Name',
  'NameFormat',
  'FriendlyName',
  'Algorithm',
  'URI',
  'Value',
  'Method',
  'AssertionConsumerServiceURL',
  'AssertionConsumerServiceIndex',
  'ProtocolBinding',
  'Location',
  'Binding',
  'ResponseLocation',
  'entityID',
  'use',
  'AllowCreate',
  'ForceAuthn',
  'IsPassive',
  'Comparison',
  'SPNameQualifier',
  'NameQualifier',
  'type',
  'Id',
  'PrefixList',
  'index',
  'isDefault',
  'validUntil',
  'cacheDuration',
  'protocolSupportEnumeration',
  'WantAuthnRequestsSigned',
  'AuthnRequestsSigned',
  'WantAssertionsSigned',
])
const XML_TEXT_SECRET = new Set(['CipherValue'])

// Same bound as a value anywhere else (lib/store/mask.ts MAX_VALUE_CHARS), so a NameID masks alike in XML and in facts.
const MAX_XML_VALUE_CHARS = 512

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1)

/**
 * SAML / metadata XML as text: element and attribute names kept, the text of elements and the values of attributes
 * masked unless allowed above, encrypted content removed. Linear: every `<` is matched to the next `>` once, and a
 * missing `>` ends the scan. Not a parser: a `>` inside an attribute value only makes more of the tag count as text,
 * which is then masked.
 */
export function scanXml(s: string): string {
  const out: string[] = []
  const open: string[] = []
  let i = 0
  while (i < s.length) {
    const lt = s.indexOf('<', i)
    const element = open[open.length - 1]
    if (lt < 0) {
      out.push(maskXmlText(s.slice(i), element))
      break
    }
    const close = s.startsWith('<!--', lt)
      ? '-->'
      : s.startsWith('<?', lt)
        ? '?>'
        : s.startsWith('<![CDATA[', lt)
          ? ']]>'
          : '>'
    const end = s.indexOf(close, lt)
    // Never closed (a `<` without `>`, a comment, CDATA or instruction without its end): not markup, so the rest of
    // the text, one value with the text before it. Masked as two, the two masked forms would stand side by side and
    // be read back as one value (`!<` → `…·7327ee…·119470`, then `……·39f159`). Masked as personal even in an allowed
    // element, and removed when it opens a comment, CDATA or instruction, as those were before.
    if (end < 0) {
      out.push(maskXmlText(s.slice(i), element, close === '>' ? 'personal' : 'secret'))
      break
    }
    if (lt > i) out.push(maskXmlText(s.slice(i, lt), element))
    if (close === '>') {
      out.push(scanTag(s.slice(lt, end + 1), open))
      i = end + 1
      continue
    }
    // Comments and CDATA can carry the same values as text: masked whole unless empty.
    out.push(
      close === '?>' ? s.slice(lt, end + 2) : `${s.slice(lt, lt + (close === '-->' ? 4 : 9))}${REDACTED}${close}`,
    )
    i = end + close.length
  }
  // Element and attribute names are kept as they are: the @ rule still holds for them (masked forms are left alone).
  return maskAddresses(out.join(''))
}

/** The deepest nesting of `[` / `{` outside strings, counted in one pass, so deep JSON is refused before parsing. */
export function jsonDepth(s: string): number {
  let depth = 0,
    max = 0,
    inString = false
  for (let i = 0; i < s.length; i++) {
    const c = code(s, i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth
    } else if (c === 93 || c === 125) depth--
  }
  return max
}

/** Text between tags, masked by its element; `as` masks it as a personal value (unless secret) or removes it. */
function maskXmlText(text: string, element: string | undefined, as?: 'personal' | 'secret'): string {
  const start = text.search(/\S/)
  if (start < 0) return text
  let end = text.length
  while (end > start && code(text, end - 1) <= 32) end--
  const value = text.slice(start, end)
  const name = element ? localName(element) : undefined
  const masked =
    as === 'secret' || (name && XML_TEXT_SECRET.has(name))
      ? REDACTED
      : as === undefined && name && XML_TEXT_ALLOWED.has(name)
        ? scanText(value)
        : maskPersonal(value.slice(0, MAX_XML_VALUE_CHARS))
  return text.slice(0, start) + masked + text.slice(end)
}

// One tag `<name a="v" ...>` (or `</name>`, `<name/>`): names kept, values masked unless allowed.
function scanTag(tag: string, open: string[]): string {
  if (tag.startsWith('</')) {
    open.pop()
    return tag
  }
  let n = 1
  while (n < tag.length && code(tag, n) > 32 && code(tag, n) !== 62 && code(tag, n) !== 47) n++
  const name = tag.slice(1, n)
  if (!tag.endsWith('/>')) open.push(name)
  const out: string[] = [tag.slice(0, n)]
  let i = n
  while (i < tag.length) {
    const eq = tag.indexOf('=', i)
    if (eq < 0) {
      out.push(tag.slice(i))
      break
    }
    let q = eq + 1
    while (q < tag.length && code(tag, q) <= 32) q++
    const quote = tag[q]
    if (quote !== '"' && quote !== "'") {
      out.push(tag.slice(i, q))
      i = q
      continue
    }
    const close = tag.indexOf(quote, q + 1)
    // A value never closed runs to the end of the tag, but not over its `>` (or `/>`): masked with the value, the
    // tag would have no end, and be read back as text the next time.
    const valueEnd = close >= 0 ? close : tag.length - (tag.endsWith('/>') ? 2 : 1)
    const attr = tag.slice(i, eq).trim()
    const value = tag.slice(q + 1, valueEnd)
    const allowed = attr.startsWith('xmlns') || XML_ATTR_ALLOWED.has(localName(attr))
    out.push(
      tag.slice(i, q + 1),
      allowed ? scanText(value) : value === '' ? '' : maskPersonal(value.slice(0, MAX_XML_VALUE_CHARS)),
    )
    if (close < 0) {
      out.push(tag.slice(valueEnd))
      break
    }
    out.push(quote)
    i = close + 1
  }
  return out.join('')
}
