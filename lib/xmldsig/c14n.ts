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
    case C14N.inclusive: return { exclusive: false, withComments: false }
    case C14N.inclusiveWithComments: return { exclusive: false, withComments: true }
    case C14N.exclusive: return { exclusive: true, withComments: false }
    case C14N.exclusiveWithComments: return { exclusive: true, withComments: true }
    default: return undefined
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace'
type Scope = ReadonlyMap<string, string>
const EMPTY_SCOPE: Scope = new Map()
/** The output, built by concatenation (V8 ropes: cheaper than an array of small strings and a join). */
interface Out { s: string }

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
  const scope = inScopeNamespaces(apex)
  const out: Out = { s: '' }
  const prefixList = o.exclusive && o.inclusivePrefixes?.length
    ? o.inclusivePrefixes.map((p) => (p === '#default' ? '' : p)) : undefined
  const extraAttrs = o.exclusive ? undefined : inheritedXmlAttrs(apex)
  if (o.exclusive) renderExclusive(apex, scope, EMPTY_SCOPE, o, prefixList, out)
  else renderInclusive(apex, scope, null, o, extraAttrs, out)
  return out.s
}

/** Inclusive c14n gives the apex the xml:* attributes (xml:lang, xml:space, ...) of its ancestors it does not have. */
function inheritedXmlAttrs(apex: XmlElement): XmlAttr[] | undefined {
  let found: Map<string, XmlAttr> | undefined
  for (let cur = apex.parent; cur; cur = cur.parent) {
    for (const a of cur.attrs) {
      if (a.ns !== XML_NS || apex.attrs.some((b) => b.ns === XML_NS && b.local === a.local)) continue
      found ??= new Map()
      if (!found.has(a.local)) found.set(a.local, a)
    }
  }
  return found ? [...found.values()] : undefined
}

function scopeOf(el: XmlElement, parentScope: Scope): Scope {
  if (el.nsDecls.length === 0) return parentScope
  const s = new Map(parentScope)
  for (const [p, uri] of el.nsDecls) s.set(p, uri)
  return s
}

function renderExclusive(el: XmlElement, scope: Scope, rendered: Scope, o: C14nOptions, prefixList: readonly string[] | undefined, out: Out): void {
  // Namespaces visibly utilised here (the element's prefix, prefixed attributes) plus the PrefixList ones.
  let decls = utilise(el.prefix, scope, rendered, undefined)
  for (const a of el.attrs) if (a.prefix) decls = utilise(a.prefix, scope, rendered, decls)
  if (prefixList) for (const p of prefixList) decls = utilise(p, scope, rendered, decls)
  let nextRendered = rendered
  if (decls) {
    const m = new Map(rendered)
    for (const [p, uri] of decls) m.set(p, uri)
    nextRendered = m
  }
  openTag(el, decls, el.attrs, out)
  renderChildren(el, scope, nextRendered, o, prefixList, out)
  out.s += '</' + el.name + '>'
}

/** Adds prefix `p` to `decls` when its in-scope binding differs from what the output ancestors rendered. */
function utilise(p: string, scope: Scope, rendered: Scope, decls: [string, string][] | undefined): [string, string][] | undefined {
  if (p === 'xml') return decls
  let uri = scope.get(p)
  if (p === '') {
    uri ??= ''
    if (uri === (rendered.get('') ?? '')) return decls
  } else if (uri === undefined || rendered.get(p) === uri) return decls
  if (decls) {
    for (const d of decls) if (d[0] === p) return decls
    decls.push([p, uri])
    return decls
  }
  return [[p, uri]]
}

function renderInclusive(el: XmlElement, scope: Scope, parentScope: Scope | null, o: C14nOptions, extraAttrs: XmlAttr[] | undefined, out: Out): void {
  let decls: [string, string][] | undefined
  if (parentScope === null) {
    // The apex: every namespace in scope, except an empty default (nothing to undeclare above the apex).
    for (const [p, uri] of scope) {
      if (p === 'xml' || (p === '' && uri === '')) continue
      ;(decls ??= []).push([p, uri])
    }
  } else {
    for (const [p, uri] of el.nsDecls) {
      if (p === 'xml') continue
      const before = p === '' ? (parentScope.get('') ?? '') : parentScope.get(p)
      if (before === uri) continue
      ;(decls ??= []).push([p, uri])
    }
  }
  openTag(el, decls, extraAttrs ? [...el.attrs, ...extraAttrs] : el.attrs, out)
  renderChildren(el, scope, scope, o, undefined, out)
  out.s += '</' + el.name + '>'
}

function renderChildren(el: XmlElement, scope: Scope, rendered: Scope, o: C14nOptions, prefixList: readonly string[] | undefined, out: Out): void {
  for (const c of el.children) {
    switch (c.type) {
      case 'text': out.s += escapeText(c.value); break
      case 'comment': if (o.withComments) out.s += '<!--' + c.value + '-->'; break
      case 'element': {
        if (c === o.exclude) break
        const s = scopeOf(c, scope)
        if (o.exclusive) renderExclusive(c, s, rendered, o, prefixList, out)
        else renderInclusive(c, s, scope, o, undefined, out)
        break
      }
      default: break // processing instructions are refused by the parser
    }
  }
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
    const sorted = [...attrs].sort(compareAttrs)
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
      case '&': return '&amp;'
      case '<': return '&lt;'
      case '"': return '&quot;'
      case '\t': return '&#x9;'
      case '\n': return '&#xA;'
      default: return '&#xD;'
    }
  })
}
