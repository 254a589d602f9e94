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
  readonly scope: Map<string, string>
  readonly rendered: Map<string, string>
  readonly out: Out
}
type Undo = [string, string | undefined][]

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
  }
  if (o.exclusive) renderExclusive(apex, w)
  else renderInclusive(apex, inheritedXmlAttrs(apex), w)
  return w.out.s
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

function bind(map: Map<string, string>, decls: readonly (readonly [string, string])[]): Undo | undefined {
  if (!decls.length) return undefined
  const undo: Undo = []
  for (const [p, uri] of decls) {
    undo.push([p, map.get(p)])
    map.set(p, uri)
  }
  return undo
}

function unbind(map: Map<string, string>, undo: Undo | undefined): void {
  if (!undo) return
  for (let k = undo.length - 1; k >= 0; k--) {
    const [p, before] = undo[k]!
    if (before === undefined) map.delete(p)
    else map.set(p, before)
  }
}

function renderExclusive(el: XmlElement, w: Walk): void {
  // Namespaces visibly utilised here (the element's prefix, prefixed attributes) plus the PrefixList ones.
  const d: Decls = { list: undefined, seen: undefined }
  utilise(el.prefix, w, d)
  for (const a of el.attrs) if (a.prefix) utilise(a.prefix, w, d)
  if (w.prefixList) for (const p of w.prefixList) utilise(p, w, d)
  const list = d.list
  openTag(el, list, el.attrs, w.out)
  const undoRendered = list ? bind(w.rendered, list) : undefined
  renderChildren(el, w)
  unbind(w.rendered, undoRendered)
  w.out.s += '</' + el.name + '>'
}

/**
 * The declarations an element renders, in first-utilised order. Real elements have 0-3, so the list is searched in
 * place (a Map per element cost more than the search); past SMALL_DECLS a Set keeps a hostile PrefixList linear.
 */
interface Decls {
  list: [string, string][] | undefined
  seen: Set<string> | undefined
}
const SMALL_DECLS = 8

/** Adds prefix `p` to `d` when its in-scope binding differs from what the output ancestors rendered. */
function utilise(p: string, w: Walk, d: Decls): void {
  if (p === 'xml') return
  let uri = w.scope.get(p)
  if (p === '') {
    uri ??= ''
    if (uri === (w.rendered.get('') ?? '')) return
  } else if (uri === undefined || w.rendered.get(p) === uri) return
  const list = d.list
  if (!list) {
    d.list = [[p, uri]]
    return
  }
  if (d.seen) {
    if (d.seen.has(p)) return
    d.seen.add(p)
  } else {
    for (const e of list) if (e[0] === p) return
    if (list.length === SMALL_DECLS) {
      d.seen = new Set(list.map((e) => e[0]))
      d.seen.add(p)
    }
  }
  list.push([p, uri])
}

/** The apex of inclusive c14n: every namespace in scope, except an empty default (nothing to undeclare above it). */
function renderInclusive(el: XmlElement, extraAttrs: XmlAttr[] | undefined, w: Walk): void {
  let decls: [string, string][] | undefined
  for (const [p, uri] of w.scope) {
    if (p === 'xml' || (p === '' && uri === '')) continue
    ;(decls ??= []).push([p, uri])
  }
  openTag(el, decls, extraAttrs ? [...el.attrs, ...extraAttrs] : el.attrs, w.out)
  renderChildren(el, w)
  w.out.s += '</' + el.name + '>'
}

function renderChildren(el: XmlElement, w: Walk): void {
  const o = w.o
  for (const c of el.children) {
    switch (c.type) {
      case 'text':
        w.out.s += escapeText(c.value)
        break
      case 'comment':
        if (o.withComments) w.out.s += '<!--' + c.value + '-->'
        break
      case 'element': {
        if (c === o.exclude) break
        if (o.exclusive) {
          const undo = bind(w.scope, c.nsDecls)
          renderExclusive(c, w)
          unbind(w.scope, undo)
        } else renderInclusiveChild(c, w)
        break
      }
      default:
        break // processing instructions are refused by the parser
    }
  }
}

/** A descendant in inclusive c14n: its declarations that change what the parent has in scope. */
function renderInclusiveChild(c: XmlElement, w: Walk): void {
  let decls: [string, string][] | undefined
  for (const [p, uri] of c.nsDecls) {
    if (p === 'xml') continue
    const before = p === '' ? (w.scope.get('') ?? '') : w.scope.get(p)
    if (before === uri) continue
    ;(decls ??= []).push([p, uri])
  }
  const undo = bind(w.scope, c.nsDecls)
  openTag(c, decls, c.attrs, w.out)
  renderChildren(c, w)
  w.out.s += '</' + c.name + '>'
  unbind(w.scope, undo)
}

function openTag(el: XmlElement, decls: [string, string][] | undefined, attrs: readonly XmlAttr[], out: Out): void {
  out.s += '<' + el.name
  if (decls) {
    if (decls.length > 1) decls.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    for (const [p, uri] of decls) out.s += (p === '' ? ' xmlns="' : ` xmlns:${p}="`) + escapeAttr(uri) + '"'
  }
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
