import type { XmlElement, XmlNode } from './types'

/** Namespaces of the documents we read. */
export const NS = {
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  fed: 'http://docs.oasis-open.org/wsfed/federation/200706',
} as const

export function isElement(n: XmlNode): n is XmlElement {
  return n.type === 'element'
}

/** Child elements, optionally only those with the given namespace and local name. */
export function childElements(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) {
    if (c.type === 'element' && (ns === undefined || c.ns === ns) && (local === undefined || c.local === local))
      out.push(c)
  }
  return out
}

export function firstChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  for (const c of el.children) if (c.type === 'element' && c.ns === ns && c.local === local) return c
  return undefined
}

/** Every descendant element (document order) with that namespace and local name. */
export function descendants(el: XmlElement, ns: string, local: string): XmlElement[] {
  const out: XmlElement[] = []
  const stack: XmlElement[] = [el]
  while (stack.length) {
    const cur = stack.pop()!
    for (let i = cur.children.length - 1; i >= 0; i--) {
      const c = cur.children[i]!
      if (c.type === 'element') stack.push(c)
    }
    if (cur !== el && cur.ns === ns && cur.local === local) out.push(cur)
  }
  return out
}

/** Concatenated text of the element's own text children (comments and child elements are not text). */
export function ownText(el: XmlElement): string {
  let s = ''
  for (const c of el.children) if (c.type === 'text') s += c.value
  return s
}

/** All text below the element, as the XPath string() value. */
export function textContent(el: XmlElement): string {
  let s = ''
  for (const c of el.children) {
    if (c.type === 'text') s += c.value
    else if (c.type === 'element') s += textContent(c)
  }
  return s
}

export function attr(el: XmlElement, local: string, ns = ''): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.ns === ns) return a.value
  return undefined
}

/** A readable path for evidence.where: /EntityDescriptor/IDPSSODescriptor/KeyDescriptor[2] */
export function pathOf(el: XmlElement): string {
  const parts: string[] = []
  let cur: XmlElement | null = el
  while (cur) {
    const p: XmlElement | null = cur.parent
    let label = cur.local
    if (p) {
      const same = childElements(p, cur.ns, cur.local)
      if (same.length > 1) label += `[${same.indexOf(cur) + 1}]`
    }
    parts.unshift(label)
    cur = p
  }
  return '/' + parts.join('/')
}

/** Resolves a QName value (e.g. xsi:type="fed:SecurityTokenServiceType") against the element's in-scope namespaces. */
export function resolveQNameValue(el: XmlElement, value: string): { ns: string; local: string } {
  const colon = value.indexOf(':')
  const prefix = colon < 0 ? '' : value.slice(0, colon)
  const local = colon < 0 ? value : value.slice(colon + 1)
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) {
    for (const [p, uri] of cur.nsDecls) if (p === prefix) return { ns: uri, local }
  }
  return { ns: '', local }
}
