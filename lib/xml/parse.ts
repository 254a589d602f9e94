import type { Parsed } from '../context'
import { finding, type FindingContext } from '../findings/finding'
import {
  DEFAULT_XML_LIMITS,
  type XmlAttr,
  type XmlComment,
  type XmlDocument,
  type XmlElement,
  type XmlLimits,
  type XmlNode,
  type XmlPI,
} from './types'

/*
 * A strict, non-validating XML 1.0 + Namespaces parser that builds the tree once.
 *
 * Why our own and not @xmldom/xmldom: xmldom accepts a DOCTYPE (an `&xxe;` survives as text), is ~30x slower than
 * this on SAML-sized input, and the signature code must canonicalise from the very tree every check reads, so that
 * "what was signed" and "what we read" cannot diverge. It refuses, as findings: DOCTYPE (so no entity can be
 * declared), processing instructions after the XML declaration, unknown entities, unbound prefixes, duplicate
 * attributes, several roots, text outside the root, and input over the size / depth / element limits.
 * Differential tests (parse.test.ts) compare it with xmldom on every real fixture.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace'
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/'
// NCName (an XML Name without ':'): a start character, then name characters.
const NCNAME_START =
  'A-Za-z_\\u00C0-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD'
const NCNAME_CHAR =
  '\\w.\\-\\u00B7\\u00C0-\\u02FF\\u0300-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u203F-\\u2040\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD'
const NCNAME = `[${NCNAME_START}][${NCNAME_CHAR}]*`
/** A QName: NCName, or prefix ':' NCName. One anchored test, no slicing (the parser checks every name it reads). */
const QNAME_RE = new RegExp(`^${NCNAME}(?::${NCNAME})?$`)
// Characters XML 1.0 forbids anywhere (C0 controls except tab, LF, CR; lone surrogates are left to the encoder).
const FORBIDDEN_CHAR_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
// The same check split in two for speed: the C0 class alone scans ~2.5x faster than with the two non-characters in
// it, and indexOf of U+FFFE / U+FFFF is free on one-byte strings (the usual SAML text). FORBIDDEN_CHAR_RE then only
// runs to name the character when there is one.
const FORBIDDEN_C0_RE = /[\x00-\x08\x0B\x0C\x0E-\x1F]/
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

type ErrorKind = 'syntax' | 'doctype' | 'pi' | 'depth' | 'size' | 'attributes' | 'namespaces'

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly kind: ErrorKind = 'syntax',
    readonly expected?: string,
  ) {
    super(message)
  }
}

/** Inline scans up to this many attributes; above it a Set finds duplicates (so 256 attributes stay linear). */
const SMALL_ATTR_COUNT = 8

/*
 * Allocation: the tree is most of what a validation allocates, and allocation volume, not only GC, is what makes a
 * validation slower than its parts measured alone. So an element without attributes, declarations or children shares
 * one empty array, a one-child element gets an array of one, and attributes are sized exactly (read first into scratch
 * arrays the parser reuses). The shared arrays are not frozen: a frozen array is another elements kind and made parsing
 * 5% slower; XmlElement's readonly types keep every reader from writing to them, and the parser writes children only
 * through addChild.
 */
const NO_ATTRS: XmlAttr[] = []
const NO_DECLS: [string, string][] = []
const NO_CHILDREN: XmlNode[] = []

function addChild(parent: MutableElement, child: XmlNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child]
  else parent.children.push(child)
}

interface MutableElement {
  type: 'element'
  name: string
  prefix: string
  local: string
  ns: string
  attrs: XmlAttr[]
  nsDecls: [string, string][]
  children: XmlNode[]
  parent: MutableElement | null
  depth: number
  start: number
}

/** Strips a UTF-8 BOM (every Entra federation metadata file starts with one) and normalises line ends. */
export function normaliseXmlText(text: string): string {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return s.indexOf('\r') === -1 ? s : s.replace(/\r\n?/g, '\n')
}

/**
 * Parses untrusted XML into a tree, or explains as findings why it cannot.
 * @example const doc = parseSafeXml(xml); if (!doc.ok) return doc
 */
export function parseSafeXml(
  text: string,
  o: { limits?: Partial<XmlLimits>; ctx?: FindingContext } = {},
): Parsed<XmlDocument> {
  const limits = { ...DEFAULT_XML_LIMITS, ...o.limits }
  const ctx = o.ctx ?? {}
  if (text.trim() === '' || text === '\uFEFF')
    return { ok: false, findings: [finding('INPUT_EMPTY', { actual: `${text.length} characters` }, ctx)] }
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      findings: [
        finding(
          'INPUT_TOO_LARGE',
          { expected: `at most ${limits.maxChars} characters`, actual: `${text.length} characters` },
          ctx,
        ),
      ],
    }
  }
  const src = normaliseXmlText(text)
  try {
    return { ok: true, value: new Parser(src, limits).parse() }
  } catch (err) {
    if (!(err instanceof XmlSyntaxError)) throw err
    const where = position(src, err.offset)
    switch (err.kind) {
      case 'doctype':
        return {
          ok: false,
          findings: [
            finding(
              'INPUT_XML_DOCTYPE',
              { expected: 'no DOCTYPE', actual: src.slice(err.offset, err.offset + 80), where },
              ctx,
            ),
          ],
        }
      case 'pi':
        return {
          ok: false,
          findings: [
            finding(
              'INPUT_XML_PROCESSING_INSTRUCTION',
              { expected: 'no processing instruction', actual: err.message, where },
              ctx,
            ),
          ],
        }
      case 'depth':
        return {
          ok: false,
          findings: [
            finding(
              'INPUT_XML_TOO_DEEP',
              { expected: `at most ${limits.maxDepth} levels`, actual: err.message, where },
              ctx,
            ),
          ],
        }
      case 'size':
        return {
          ok: false,
          findings: [
            finding(
              'INPUT_TOO_LARGE',
              { expected: `at most ${limits.maxElements} elements`, actual: err.message, where },
              ctx,
            ),
          ],
        }
      case 'attributes':
        return {
          ok: false,
          findings: [
            finding('INPUT_XML_TOO_MANY_ATTRIBUTES', { expected: err.expected, actual: err.message, where }, ctx),
          ],
        }
      case 'namespaces':
        return {
          ok: false,
          findings: [
            finding('INPUT_XML_TOO_MANY_NAMESPACES', { expected: err.expected, actual: err.message, where }, ctx),
          ],
        }
      default:
        return {
          ok: false,
          findings: [finding('INPUT_NOT_XML', { expected: 'well-formed XML', actual: err.message, where }, ctx)],
        }
    }
  }
}

function position(src: string, offset: number): string {
  let line = 1,
    col = 1
  for (let i = 0; i < offset && i < src.length; i++) {
    if (src.charCodeAt(i) === 10) {
      line++
      col = 1
    } else col++
  }
  return `line ${line}, column ${col}`
}

class Parser {
  private i = 0
  private elementCount = 0
  private attributeCount = 0
  private namespaceDeclCount = 0
  /** Where the name `readName` last read has its colon (-1: none). */
  private nameColon = -1
  /**
   * The first '<' and the first ']]>' at or after some earlier position (-1: none left; -2: not looked for yet). The
   * cursor only moves forward, so one search serves every attribute of a tag and the content after it, and ']]>'
   * (rare) is searched for about once per document instead of in every text node.
   */
  private lt = -2
  private cdataEnd = -2
  /** The last element prefix read and where it was written: the next element with that prefix reuses the string. */
  private prefix = ''
  private prefixAt = 0
  /**
   * The prefix → namespace bindings in scope at the current element, kept as one mutable map plus one undo stack
   * (see enterScope): entering costs O(own declarations), leaving restores them, lookups are O(1). (A copied map per
   * declaring element was quadratic: 10,000 declarations on the root and 10,000 children declaring one more each ran
   * the process out of memory.)
   */
  private readonly scope = new Map<string, string | undefined>([['xml', XML_NS]])
  private readonly undo: (string | undefined)[] = []
  private readonly ids = new Map<string, XmlElement[]>()
  private readonly prolog: (XmlComment | XmlPI)[] = []
  /** The current start tag's attributes as written (names, values, offsets), reused from tag to tag. */
  private readonly tagNames: string[] = []
  private readonly tagValues: string[] = []
  private readonly tagOffsets: number[] = []
  private readonly epilog: (XmlComment | XmlPI)[] = []

  constructor(
    private readonly s: string,
    private readonly limits: XmlLimits,
  ) {}

  parse(): XmlDocument {
    const s = this.s
    if (FORBIDDEN_C0_RE.test(s) || s.indexOf('\uFFFE') >= 0 || s.indexOf('\uFFFF') >= 0) {
      const m = FORBIDDEN_CHAR_RE.exec(s)!
      throw new XmlSyntaxError(
        `character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML`,
        m.index,
      )
    }
    if (/^<\?xml[ \t\n]/.test(s)) {
      const end = s.indexOf('?>')
      if (end < 0) throw new XmlSyntaxError('unterminated XML declaration', 0)
      const decl = s.slice(5, end)
      if (
        !/^(\s+version\s*=\s*(["'])1\.[0-9]\2)(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\4)?(\s+standalone\s*=\s*(["'])(yes|no)\6)?\s*$/.test(
          decl,
        )
      ) {
        throw new XmlSyntaxError('malformed XML declaration', 0)
      }
      this.i = end + 2
    }
    let root: MutableElement | null = null
    while (this.i < s.length) {
      const lt = s.indexOf('<', this.i)
      const textEnd = lt < 0 ? s.length : lt
      if (textEnd > this.i && !/^[ \t\n]*$/.test(s.slice(this.i, textEnd))) {
        throw new XmlSyntaxError(root ? 'text after the root element' : 'text before the root element', this.i)
      }
      if (lt < 0) break
      this.i = lt
      if (s.startsWith('<!--', lt)) {
        ;(root ? this.epilog : this.prolog).push({ type: 'comment', value: this.readComment(), parent: null })
      } else if (s.startsWith('<?', lt)) {
        const pi = this.readPI()
        ;(root ? this.epilog : this.prolog).push(pi)
      } else if (s.startsWith('<!DOCTYPE', lt) || s.startsWith('<!doctype', lt)) {
        throw new XmlSyntaxError('DOCTYPE', lt, 'doctype')
      } else if (s.startsWith('<!', lt)) {
        throw new XmlSyntaxError('markup declaration outside an element', lt)
      } else if (s.charCodeAt(lt + 1) === 47 /* / */) {
        throw new XmlSyntaxError('end tag without a start tag', lt)
      } else {
        if (root) throw new XmlSyntaxError('a second root element', lt)
        root = this.readElement()
      }
    }
    if (!root) throw new XmlSyntaxError('no root element', s.length)
    return { root, ids: this.ids, prolog: this.prolog, epilog: this.epilog, elementCount: this.elementCount }
  }

  private readComment(): string {
    const s = this.s,
      start = this.i
    const end = s.indexOf('-->', start + 4)
    if (end < 0) throw new XmlSyntaxError('unterminated comment', start)
    const value = s.slice(start + 4, end)
    if (value.includes('--') || value.endsWith('-')) throw new XmlSyntaxError("'--' inside a comment", start)
    this.i = end + 3
    return value
  }

  private readPI(): XmlPI {
    const s = this.s,
      start = this.i
    const end = s.indexOf('?>', start + 2)
    if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', start)
    const body = s.slice(start + 2, end)
    const m = /^([^\s?]+)(?:\s+([\s\S]*))?$/.exec(body)
    const target = m?.[1] ?? ''
    if (target.toLowerCase() === 'xml')
      throw new XmlSyntaxError('XML declaration not at the start of the document', start)
    // Any PI is refused: none belongs in SSO documents, and inside signed content they are a known signature trick.
    throw new XmlSyntaxError(`<?${target} ...?>`, start, 'pi')
  }

  /**
   * Reads a QName at the cursor. The usual name is ASCII and is checked in the scan that finds its end (position of
   * its colon in `nameColon`); a name with any other character takes the full regex of XML's name characters.
   */
  private readName(): string {
    const s = this.s,
      start = this.i
    let j = start
    let colon = -1
    let ascii = true
    let afterColon = true // at a name start: the first character, or the one after the colon
    let ok = true
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j)
      // whitespace, '/', '>', '=', '<', quotes end a name
      if (c === 32 || c === 9 || c === 10 || c === 47 || c === 62 || c === 61 || c === 60 || c === 34 || c === 39) break
      if (c >= 0x80) {
        ascii = false
        continue
      }
      if (c === 58 /* : */) {
        if (colon >= 0 || afterColon) ok = false
        colon = j - start
        afterColon = true
        continue
      }
      const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
      if (afterColon) {
        if (!letter) ok = false
        afterColon = false
      } else if (!letter && !((c >= 48 && c <= 57) || c === 45 || c === 46)) ok = false
    }
    const name = s.slice(start, j)
    if (ascii ? !ok || afterColon : !isQName(name))
      throw new XmlSyntaxError(`invalid name '${name.slice(0, 40)}'`, start)
    this.nameColon = ascii ? colon : name.indexOf(':')
    this.i = j
    return name
  }

  private ltFrom(i: number): number {
    if (this.lt !== -1 && this.lt < i) this.lt = this.s.indexOf('<', i)
    return this.lt
  }

  private cdataEndFrom(i: number): number {
    if (this.cdataEnd !== -1 && this.cdataEnd < i) this.cdataEnd = this.s.indexOf(']]>', i)
    return this.cdataEnd
  }

  /** The prefix of the element name at `at` (colon at at + len), as the same string as last time when it repeats. */
  private prefixOf(at: number, len: number): string {
    if (len !== this.prefix.length || !sameAt(this.s, at, this.prefixAt, len)) {
      this.prefix = this.s.slice(at, at + len)
      this.prefixAt = at
    }
    return this.prefix
  }

  private skipSpace(): boolean {
    const s = this.s
    const start = this.i
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i)
      if (c === 32 || c === 9 || c === 10) this.i++
      else break
    }
    return this.i > start
  }

  /**
   * Binds this element's declarations; returns the mark to restore to when it closes. What is restored is kept as
   * (prefix, previous URI) pairs on one flat stack, not an array per declaring element.
   */
  private enterScope(nsDecls: readonly (readonly [string, string])[]): number {
    const mark = this.undo.length
    for (const [p, uri] of nsDecls) {
      this.undo.push(p, this.scope.get(p))
      this.scope.set(p, uri)
    }
    return mark
  }

  private leaveScope(mark: number): void {
    const undo = this.undo
    while (undo.length > mark) {
      const before = undo.pop()
      const p = undo.pop()!
      // Unbound again is stored as undefined, not deleted: deleting and re-adding the same prefix (Entra metadata
      // declares xmlns:auth on each of ~110 sibling elements) made the map rehash and grow.
      this.scope.set(p, before)
    }
  }

  private readElement(): MutableElement {
    // Iterative over the whole subtree: deep input cannot exhaust the JS stack.
    const s = this.s
    const limits = this.limits
    let current: MutableElement | null = null
    /** Undo marks of the open elements, innermost last (parallel to the chain current → root). */
    const undoStack: number[] = []
    let root: MutableElement | null = null
    let text = ''
    let textStart = -1
    const flushText = (into: MutableElement) => {
      if (text !== '') {
        addChild(into, { type: 'text', value: text, parent: into as unknown as XmlElement })
        text = ''
      }
      textStart = -1
    }
    for (;;) {
      // at '<' of a start tag
      const start = this.i
      this.i++
      const qname = this.readName()
      const colon = this.nameColon
      const names = this.tagNames,
        values = this.tagValues,
        offsets = this.tagOffsets
      let count = 0 // the attributes written in this tag (the scratch arrays keep their length: no reallocation)
      let seen: Set<string> | null = null
      let nsDecls: [string, string][] = NO_DECLS
      let selfClosing = false
      for (;;) {
        const hadSpace = this.skipSpace()
        const c = s.charCodeAt(this.i)
        if (c === 62) {
          this.i++
          break
        }
        if (c === 47) {
          if (s.charCodeAt(this.i + 1) !== 62) throw new XmlSyntaxError("expected '>' after '/'", this.i)
          this.i += 2
          selfClosing = true
          break
        }
        if (Number.isNaN(c)) throw new XmlSyntaxError(`unterminated start tag <${qname}>`, start)
        if (!hadSpace) throw new XmlSyntaxError('expected whitespace between attributes', this.i)
        const at = this.i
        const aname = this.readName()
        this.skipSpace()
        if (s.charCodeAt(this.i) !== 61) throw new XmlSyntaxError(`attribute '${aname}' without '='`, this.i)
        this.i++
        this.skipSpace()
        const q = s.charCodeAt(this.i)
        if (q !== 34 && q !== 39) throw new XmlSyntaxError(`attribute '${aname}' value not quoted`, this.i)
        const close = s.indexOf(q === 34 ? '"' : "'", this.i + 1)
        if (close < 0) throw new XmlSyntaxError(`unterminated value of attribute '${aname}'`, this.i)
        const next = this.ltFrom(this.i + 1)
        if (next >= 0 && next < close) throw new XmlSyntaxError(`'<' in the value of attribute '${aname}'`, this.i)
        const raw = s.slice(this.i + 1, close)
        this.i = close + 1
        // Counted before any further work, so a tag with 100,000 attributes is refused at the 257th.
        if (count >= limits.maxAttributesPerElement) {
          throw new XmlSyntaxError(
            `more than ${limits.maxAttributesPerElement} attributes on <${qname}>`,
            at,
            'attributes',
            `at most ${limits.maxAttributesPerElement} attributes on one element`,
          )
        }
        if (++this.attributeCount > limits.maxAttributes) {
          throw new XmlSyntaxError(
            `more than ${limits.maxAttributes} attributes in the document`,
            at,
            'attributes',
            `at most ${limits.maxAttributes} attributes in the document`,
          )
        }
        if (seen) {
          if (seen.has(aname)) throw new XmlSyntaxError(`duplicate attribute '${aname}'`, at)
          seen.add(aname)
        } else {
          for (let x = 0; x < count; x++)
            if (names[x] === aname) throw new XmlSyntaxError(`duplicate attribute '${aname}'`, at)
          if (count === SMALL_ATTR_COUNT) {
            seen = new Set(names.slice(0, count))
            seen.add(aname)
          }
        }
        const value = decodeText(raw, this.i, true)
        names[count] = aname
        values[count] = value
        offsets[count++] = at
        if (aname.charCodeAt(0) === 120 /* x */ && (aname === 'xmlns' || aname.startsWith('xmlns:'))) {
          if (nsDecls.length >= limits.maxNamespaceDeclsPerElement) {
            throw new XmlSyntaxError(
              `more than ${limits.maxNamespaceDeclsPerElement} namespace declarations on <${qname}>`,
              at,
              'namespaces',
              `at most ${limits.maxNamespaceDeclsPerElement} namespace declarations on one element`,
            )
          }
          if (++this.namespaceDeclCount > limits.maxNamespaceDecls) {
            throw new XmlSyntaxError(
              `more than ${limits.maxNamespaceDecls} namespace declarations in the document`,
              at,
              'namespaces',
              `at most ${limits.maxNamespaceDecls} namespace declarations in the document`,
            )
          }
          if (nsDecls === NO_DECLS) nsDecls = []
          if (aname === 'xmlns') nsDecls.push(['', value])
          else {
            const p = aname.slice(6)
            if (p === 'xmlns' || (p === 'xml' && value !== XML_NS))
              throw new XmlSyntaxError(`reserved prefix '${p}' redeclared`, at)
            if (value === '') throw new XmlSyntaxError(`prefix '${p}' bound to an empty namespace`, at)
            nsDecls.push([p, value])
          }
        }
      }

      // namespaces declared here come into scope (undone when the element closes, or below when it is empty)
      const undo = this.enterScope(nsDecls)
      const scope = this.scope

      const prefix = colon < 0 ? '' : this.prefixOf(start + 1, colon)
      const local = colon < 0 ? qname : qname.slice(colon + 1)
      const bound = scope.get(prefix)
      if (prefix && bound === undefined) throw new XmlSyntaxError(`unbound prefix '${prefix}' on <${qname}>`, start)
      const ns = bound ?? ''

      const attrCount = count - nsDecls.length
      const attrs: XmlAttr[] = attrCount === 0 ? NO_ATTRS : new Array<XmlAttr>(attrCount)
      let seenNs: Set<string> | null = null
      let prefixed = 0
      let k = 0
      for (let x = 0; x < count; x++) {
        const name = names[x]!
        // (none of them is a declaration when the element declares nothing)
        if (nsDecls.length && (name === 'xmlns' || name.startsWith('xmlns:'))) continue
        const ac = name.indexOf(':')
        const ap = ac < 0 ? '' : name.slice(0, ac)
        const al = ac < 0 ? name : name.slice(ac + 1)
        let ans = ''
        if (ap) {
          const u = scope.get(ap)
          if (u === undefined) throw new XmlSyntaxError(`unbound prefix '${ap}' on attribute '${name}'`, offsets[x]!)
          ans = u
          // Two prefixes bound to one namespace name the same attribute: {ns}local must be unique too.
          if (seenNs) {
            const key = ans + '\u0000' + al
            if (seenNs.has(key)) throw new XmlSyntaxError(`duplicate attribute '{${ans}}${al}'`, offsets[x]!)
            seenNs.add(key)
          } else {
            for (let y = 0; y < k; y++) {
              const b = attrs[y]!
              if (b.prefix && b.local === al && b.ns === ans)
                throw new XmlSyntaxError(`duplicate attribute '{${ans}}${al}'`, offsets[x]!)
            }
            if (++prefixed === SMALL_ATTR_COUNT) {
              seenNs = new Set()
              for (let y = 0; y < k; y++) if (attrs[y]!.prefix) seenNs.add(attrs[y]!.ns + '\u0000' + attrs[y]!.local)
              seenNs.add(ans + '\u0000' + al)
            }
          }
        }
        attrs[k] = { name, prefix: ap, local: al, ns: ans, value: values[x]! }
        k++
      }

      const depth = current ? current.depth + 1 : 0
      if (depth >= this.limits.maxDepth)
        throw new XmlSyntaxError(`nesting deeper than ${this.limits.maxDepth} at <${qname}>`, start, 'depth')
      if (++this.elementCount > this.limits.maxElements)
        throw new XmlSyntaxError(`more than ${this.limits.maxElements} elements`, start, 'size')

      const el: MutableElement = {
        type: 'element',
        name: qname,
        prefix,
        local,
        ns,
        attrs,
        nsDecls,
        children: NO_CHILDREN,
        parent: current,
        depth,
        start,
      }
      for (const a of attrs) {
        if (!a.prefix && (a.local === 'ID' || a.local === 'Id' || a.local === 'id')) {
          const list = this.ids.get(a.value)
          if (list) list.push(el as unknown as XmlElement)
          else this.ids.set(a.value, [el as unknown as XmlElement])
        }
      }
      if (current) addChild(current, el as unknown as XmlNode)
      if (!root) root = el

      if (!selfClosing) {
        current = el
        undoStack.push(undo)
      } else {
        this.leaveScope(undo)
        if (!current) return root
      }

      // content until the next start tag, or close elements
      for (;;) {
        if (!current) return root
        const lt = this.ltFrom(this.i)
        if (lt < 0) throw new XmlSyntaxError(`unclosed element <${current.name}>`, current.start)
        if (lt > this.i) {
          if (textStart < 0) textStart = this.i
          const cdataEnd = this.cdataEndFrom(this.i)
          if (cdataEnd >= 0 && cdataEnd + 3 <= lt) throw new XmlSyntaxError("']]>' in text", this.i)
          const raw = s.slice(this.i, lt)
          text += decodeText(raw, this.i, false)
        }
        this.i = lt
        const c1 = s.charCodeAt(lt + 1)
        if (c1 === 47 /* / */) {
          flushText(current)
          this.i = lt + 2
          // The usual end tag repeats the open element's name, already checked as a QName: match it in place (no
          // slice, no second name check); anything else takes the general path and its error messages.
          const open = current.name
          const after = s.charCodeAt(lt + 2 + open.length)
          if (
            (after === 62 || after === 32 || after === 9 || after === 10) /* '>' or whitespace ends the name */ &&
            sameAt(s, lt + 2, current.start + 1, open.length)
          ) {
            this.i = lt + 2 + open.length
            this.skipSpace()
            if (s.charCodeAt(this.i) !== 62) throw new XmlSyntaxError(`malformed end tag </${open}`, lt)
            this.i++
            const done: MutableElement = current
            current = done.parent && done !== root ? done.parent : null
            this.leaveScope(undoStack.pop()!)
            if (done === root) return root
            continue
          }
          const name = this.readName()
          this.skipSpace()
          if (s.charCodeAt(this.i) !== 62) throw new XmlSyntaxError(`malformed end tag </${name}`, lt)
          this.i++
          if (name !== current.name) throw new XmlSyntaxError(`end tag </${name}> does not match <${current.name}>`, lt)
          const done: MutableElement = current
          current = done.parent && done !== root ? done.parent : null
          this.leaveScope(undoStack.pop()!)
          if (done === root) return root
          continue
        }
        if (c1 === 33 /* ! */) {
          if (s.startsWith('<!--', lt)) {
            flushText(current)
            const value = this.readComment()
            addChild(current, { type: 'comment', value, parent: current as unknown as XmlElement })
            continue
          }
          if (s.startsWith('<![CDATA[', lt)) {
            const end = s.indexOf(']]>', lt + 9)
            if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', lt)
            if (textStart < 0) textStart = lt
            text += s.slice(lt + 9, end)
            this.i = end + 3
            continue
          }
          if (s.startsWith('<!DOCTYPE', lt)) throw new XmlSyntaxError('DOCTYPE', lt, 'doctype')
          throw new XmlSyntaxError('markup declaration inside an element', lt)
        }
        if (c1 === 63 /* ? */) this.readPI() // always throws
        flushText(current)
        break // a child start tag: loop to the top
      }
    }
  }
}

/**
 * Whether s holds the same `len` characters at `at` as at `from`: an end tag against its start tag's name, in the
 * one flat source string (startsWith with the sliced name, or a loop over it, was the parser's hottest line).
 */
function sameAt(s: string, at: number, from: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(at + k) !== s.charCodeAt(from + k)) return false
  return true
}

function isQName(name: string): boolean {
  return QNAME_RE.test(name)
}

/** Decodes entity and character references; in attribute values also normalises literal whitespace to spaces. */
function decodeText(raw: string, offset: number, attribute: boolean): string {
  let v = raw
  if (attribute && (v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0)) v = v.replace(/[\t\n]/g, ' ')
  if (v.indexOf('&') < 0) return v
  return v.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlSyntaxError(`'&' not part of a reference`, offset)
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      const ok =
        /^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(ref) &&
        Number.isFinite(cp) &&
        (cp === 9 ||
          cp === 10 ||
          cp === 13 ||
          (cp >= 0x20 && cp <= 0xd7ff) ||
          (cp >= 0xe000 && cp <= 0xfffd) ||
          (cp >= 0x10000 && cp <= 0x10ffff))
      if (!ok) throw new XmlSyntaxError(`invalid character reference &${ref};`, offset)
      return String.fromCodePoint(cp)
    }
    const c = PREDEFINED[ref]
    if (c === undefined) throw new XmlSyntaxError(`undeclared entity &${ref};`, offset)
    return c
  })
}

export { XMLNS_NS, XML_NS }
