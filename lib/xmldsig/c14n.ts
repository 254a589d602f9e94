import type { XmlAttr, XmlElement } from '../xml/types'

/*
 * Canonical XML 1.0 and Exclusive XML Canonicalization 1.0, applied to an element subtree of our own parsed tree
 * (never a re-parse), optionally without one descendant (the enveloped-signature transform).
 *
 * The subtree is the whole node-set: every descendant, attribute and namespace node of the apex is in it, except
 * the excluded element and (unless withComments) comments. So "the nearest output ancestor" of a descendant is its
 * parent, and only the apex needs the ancestors' namespaces (and, for inclusive c14n, their xml:* attributes).
 * @see https://www.w3.org/TR/2001/REC-xml-c14n-20010315  https://www.w3.org/TR/2002/REC-xml-exc-c14n-20020718/
 */

export const C14N = {
  inclusive: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  inclusiveWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  exclusive: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  exclusiveWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
} as const

export interface C14nOptions {
  readonly exclusive: boolean
  readonly withComments: boolean
  /** Exclusive only: the InclusiveNamespaces PrefixList ('#default' names the default namespace). */
  readonly inclusivePrefixes?: readonly string[]
  /** An element left out with its subtree (the enveloped signature). */
  readonly exclude?: XmlElement
}

/** The options a canonicalization algorithm URI stands for, or undefined when we do not implement it. */
export function c14nOptionsFor(uri: string): { exclusive: boolean; withComments: boolean } | undefined {
  switch (uri) {
    case C14N.inclusive:
      return { exclusive: false, withComments: false }
    case C14N.inclusiveWithComments:
      return { exclusive: false, withComments: true }
    case C14N.exclusive:
      return { exclusive: true, withComments: false }
    case C14N.exclusiveWithComments:
      return { exclusive: true, withComments: true }
    default:
      return undefined
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace'
/** The output, built by concatenation (V8 ropes: cheaper than an array of small strings and a join). */
interface Out {
  s: string
}

/**
 * Rendering state. `scope` (in-scope bindings) and `rendered` (bindings the output ancestors declared, exclusive
 * only) are single mutable maps, changed on entering an element and restored on leaving it, so a document with
 * thousands of declarations costs O(declarations), not a copied map per element.
 */
interface Walk {
  readonly o: C14nOptions
  readonly prefixList: readonly string[] | undefined
  readonly scope: Map<string, string | undefined>
  readonly rendered: Map<string, string | undefined>
  readonly out: Out
  /**
   * Exclusive c14n, without an allocation per element: what to restore in `scope` and in `rendered` as flat stacks of
   * (prefix, previous URI) pairs, and the declarations of the element being opened in two scratch arrays (bound into
   * `rendered` before its children reuse them). A 50 KB Entra metadata document opens about 400 elements.
   */
  readonly scopeUndo: (string | undefined)[]
  readonly renderedUndo: (string | undefined)[]
  readonly declPrefixes: string[]
  readonly declUris: string[]
  /** How many scratch entries the element being opened uses; past SMALL_DECLS a Set keeps a PrefixList linear. */
  declCount: number
  declSeen: Set<string> | undefined
}

/** Namespaces in scope on `el` from its ancestors and itself (nearest declaration wins; '' = default). */
export function inScopeNamespaces(el: XmlElement): Map<string, string> {
  const chain: XmlElement[] = []
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) chain.push(cur)
  const scope = new Map<string, string>()
  for (let i = chain.length - 1; i >= 0; i--) for (const [p, uri] of chain[i]!.nsDecls) scope.set(p, uri)
  return scope
}

/**
 * Canonical form of `apex` and its subtree, as a string (UTF-8 encode it to get the octets).
 * @example canonicalize(assertion, { exclusive: true, withComments: false, exclude: signature })
 */
export function canonicalize(apex: XmlElement, o: C14nOptions): string {
  const w: Walk = {
    o,
    prefixList:
      o.exclusive && o.inclusivePrefixes?.length
        ? o.inclusivePrefixes.map((p) => (p === '#default' ? '' : p))
        : undefined,
    scope: inScopeNamespaces(apex),
    rendered: new Map(),
    out: { s: '' },
    scopeUndo: [],
    renderedUndo: [],
    declPrefixes: [],
    declUris: [],
    declCount: 0,
    declSeen: undefined,
  }
  render(apex, w)
  return w.out.s
}

/**
 * The walk, iterative like the parser: a tree deeper than the JS stack (the parser caps depth at 128, a tree built by
 * hand has no cap) cannot overflow it. Per open element the stack holds the element, its next child and the two undo
 * marks; exclusive c14n allocates nothing else per element.
 */
function render(apex: XmlElement, w: Walk): void {
  const o = w.o
  const els: XmlElement[] = []
  const next: number[] = []
  const scopeMarks: number[] = []
  const renderedMarks: number[] = []
  const open = (el: XmlElement, isApex: boolean) => {
    if (o.exclusive) {
      // The apex's own declarations are in scope already: binding them again changes nothing.
      scopeMarks.push(bindScope(el, w))
      renderedMarks.push(openExclusive(el, w))
    } else {
      scopeMarks.push(isApex ? w.scopeUndo.length : openInclusiveChild(el, w))
      if (isApex) openInclusiveApex(el, w)
      renderedMarks.push(w.renderedUndo.length)
    }
    els.push(el)
    next.push(0)
  }
  open(apex, true)
  while (els.length) {
    const top = els.length - 1
    const el = els[top]!
    const i = next[top]!
    if (i < el.children.length) {
      next[top] = i + 1
      const c = el.children[i]!
      if (c.type === 'text') w.out.s += escapeText(c.value)
      else if (c.type === 'comment') {
        if (o.withComments) w.out.s += '<!--' + c.value + '-->'
      } else if (c.type === 'element' && c !== o.exclude) open(c, false)
      // (processing instructions are refused by the parser)
      continue
    }
    w.out.s += '</' + el.name + '>'
    unbindTo(w.rendered, w.renderedUndo, renderedMarks.pop()!)
    unbindTo(w.scope, w.scopeUndo, scopeMarks.pop()!)
    els.pop()
    next.pop()
  }
}

/** Inclusive c14n gives the apex the xml:* attributes (xml:lang, xml:space, ...) of its ancestors it does not have. */
function inheritedXmlAttrs(apex: XmlElement): XmlAttr[] | undefined {
  let found: Map<string, XmlAttr> | undefined
  let own: Set<string> | undefined
  for (let cur = apex.parent; cur; cur = cur.parent) {
    for (const a of cur.attrs) {
      if (a.ns !== XML_NS) continue
      own ??= new Set(apex.attrs.filter((b) => b.ns === XML_NS).map((b) => b.local))
      if (own.has(a.local)) continue
      found ??= new Map()
      if (!found.has(a.local)) found.set(a.local, a)
    }
  }
  return found ? [...found.values()] : undefined
}

function bindScope(el: XmlElement, w: Walk): number {
  const mark = w.scopeUndo.length
  for (const [p, uri] of el.nsDecls) bindOne(w.scope, p, uri, w.scopeUndo)
  return mark
}

/**
 * Writes the start tag: the namespaces visibly utilised here (the element's prefix, prefixed attributes) plus the
 * PrefixList ones, then the attributes; the declarations written become what the output ancestors rendered for the
 * children. Returns where to undo that to.
 */
function openExclusive(el: XmlElement, w: Walk): number {
  w.declCount = 0
  w.declSeen = undefined
  utilise(el.prefix, w)
  for (const a of el.attrs) if (a.prefix) utilise(a.prefix, w)
  if (w.prefixList) for (const p of w.prefixList) utilise(p, w)
  const n = w.declCount
  const out = w.out
  out.s += '<' + el.name
  if (n > 0) {
    const ps = w.declPrefixes,
      us = w.declUris
    for (const i of declarationOrder(ps, n)) {
      const p = ps[i]!
      out.s += (p === '' ? ' xmlns="' : ' xmlns:' + p + '="') + escapeAttr(us[i]!) + '"'
    }
  }
  attributes(el.attrs, out)
  const mark = w.renderedUndo.length
  for (let i = 0; i < n; i++) bindOne(w.rendered, w.declPrefixes[i]!, w.declUris[i]!, w.renderedUndo)
  return mark
}

const SMALL_DECLS = 8

/** Adds prefix `p` to the element's declarations when its binding differs from what the output ancestors rendered. */
function utilise(p: string, w: Walk): void {
  if (p === 'xml') return
  let uri = w.scope.get(p)
  if (p === '') {
    uri ??= ''
    if (uri === (w.rendered.get('') ?? '')) return
  } else if (uri === undefined || w.rendered.get(p) === uri) return
  const ps = w.declPrefixes
  const n = w.declCount
  if (w.declSeen) {
    if (w.declSeen.has(p)) return
    w.declSeen.add(p)
  } else {
    for (let i = 0; i < n; i++) if (ps[i] === p) return
    if (n === SMALL_DECLS) {
      w.declSeen = new Set(ps.slice(0, n))
      w.declSeen.add(p)
    }
  }
  ps[n] = p
  w.declUris[n] = uri
  w.declCount = n + 1
}

const ONE = [0]
/** Indices of the first n prefixes in code-unit order (canonical XML sorts namespace nodes by local name). */
function declarationOrder(ps: readonly string[], n: number): readonly number[] {
  if (n === 1) return ONE
  const order = Array.from({ length: n }, (_, i) => i)
  return order.sort((a, b) => (ps[a]! < ps[b]! ? -1 : ps[a]! > ps[b]! ? 1 : 0))
}

function bindOne(map: Map<string, string | undefined>, p: string, uri: string, undo: (string | undefined)[]): void {
  undo.push(p, map.get(p))
  map.set(p, uri)
}

function unbindTo(map: Map<string, string | undefined>, undo: (string | undefined)[], mark: number): void {
  while (undo.length > mark) {
    const before = undo.pop()
    const p = undo.pop()!
    map.set(p, before) // (undefined, not deleted: see the parser's leaveScope)
  }
}

/** The apex of inclusive c14n: every namespace in scope, except an empty default (nothing to undeclare above it). */
function openInclusiveApex(el: XmlElement, w: Walk): void {
  let decls: [string, string][] | undefined
  for (const [p, uri] of w.scope) {
    if (uri === undefined || p === 'xml' || (p === '' && uri === '')) continue
    ;(decls ??= []).push([p, uri])
  }
  const extra = inheritedXmlAttrs(el)
  openTag(el, decls, extra ? [...el.attrs, ...extra] : el.attrs, w.out)
}

/** A descendant in inclusive c14n: its declarations that change what the parent has in scope. Returns the undo mark. */
function openInclusiveChild(c: XmlElement, w: Walk): number {
  let decls: [string, string][] | undefined
  for (const [p, uri] of c.nsDecls) {
    if (p === 'xml') continue
    const before = p === '' ? (w.scope.get('') ?? '') : w.scope.get(p)
    if (before === uri) continue
    ;(decls ??= []).push([p, uri])
  }
  const mark = bindScope(c, w)
  openTag(c, decls, c.attrs, w.out)
  return mark
}

function openTag(el: XmlElement, decls: [string, string][] | undefined, attrs: readonly XmlAttr[], out: Out): void {
  out.s += '<' + el.name
  if (decls) {
    if (decls.length > 1) decls.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    for (const [p, uri] of decls) out.s += (p === '' ? ' xmlns="' : ` xmlns:${p}="`) + escapeAttr(uri) + '"'
  }
  attributes(attrs, out)
}

/** The attributes of a start tag in canonical order, then its '>'. */
function attributes(attrs: readonly XmlAttr[], out: Out): void {
  if (attrs.length === 1) {
    const a = attrs[0]!
    out.s += ' ' + a.name + '="' + escapeAttr(a.value) + '"'
  } else if (attrs.length > 1) {
    // Most documents already write attributes in canonical order: check that before copying and sorting.
    let inOrder = true
    for (let i = 1; i < attrs.length; i++)
      if (compareAttrs(attrs[i - 1]!, attrs[i]!) > 0) {
        inOrder = false
        break
      }
    const sorted = inOrder ? attrs : [...attrs].sort(compareAttrs)
    for (const a of sorted) out.s += ' ' + a.name + '="' + escapeAttr(a.value) + '"'
  }
  out.s += '>'
}

/** Unqualified attributes first (their namespace is ''), then by namespace URI, then local name. */
function compareAttrs(a: XmlAttr, b: XmlAttr): number {
  if (a.ns !== b.ns) return a.ns < b.ns ? -1 : 1
  return a.local < b.local ? -1 : a.local > b.local ? 1 : 0
}

const TEXT_RE = /[&<>\r]/
const ATTR_RE = /[&<"\t\n\r]/

export function escapeText(s: string): string {
  if (!TEXT_RE.test(s)) return s
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'))
}

export function escapeAttr(s: string): string {
  if (!ATTR_RE.test(s)) return s
  return s.replace(/[&<"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '"':
        return '&quot;'
      case '\t':
        return '&#x9;'
      case '\n':
        return '&#xA;'
      default:
        return '&#xD;'
    }
  })
}
