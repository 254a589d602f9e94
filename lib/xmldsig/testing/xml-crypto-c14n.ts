import { DOMParser, type Element as XElement, type Node as XNode } from '@xmldom/xmldom'
import {
  C14nCanonicalization,
  C14nCanonicalizationWithComments,
  ExclusiveCanonicalization,
  ExclusiveCanonicalizationWithComments,
} from 'xml-crypto'
import { createRequire } from 'node:module'

/*
 * Test support: xml-crypto 6.3.2's canonicalizers driven the way SignedXml drives them (clone, enveloped transform,
 * comments dropped for same-document references, ancestor namespaces for the apex), over an @xmldom/xmldom DOM.
 */

const require = createRequire(import.meta.url)
// Not exported from the package index; SignedXml itself uses it for the apex's ancestor namespaces.
const utils = require('xml-crypto/lib/utils') as {
  findAncestorNsForElement(node: XNode): { prefix: string; namespaceURI: string }[]
}

const DS = 'http://www.w3.org/2000/09/xmldsig#'
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

interface Canon {
  process(node: XNode, options: Record<string, unknown>): string
}

function canonFor(uri: string): Canon | undefined {
  switch (uri) {
    case 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315':
      return new C14nCanonicalization() as unknown as Canon
    case 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments':
      return new C14nCanonicalizationWithComments() as unknown as Canon
    case 'http://www.w3.org/2001/10/xml-exc-c14n#':
      return new ExclusiveCanonicalization() as unknown as Canon
    case 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments':
      return new ExclusiveCanonicalizationWithComments() as unknown as Canon
    default:
      return undefined
  }
}

export function parseDom(xml: string): XNode | undefined {
  try {
    return new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml') as unknown as XNode
  } catch {
    return undefined
  }
}

export function domSignatures(doc: XNode): XElement[] {
  const list = (
    doc as unknown as { getElementsByTagNameNS(ns: string, l: string): ArrayLike<XElement> }
  ).getElementsByTagNameNS(DS, 'Signature')
  return Array.from(list)
}

function dsChild(el: XElement, local: string): XElement | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as XElement).namespaceURI === DS && (c as XElement).localName === local)
      return c as XElement
  }
  return undefined
}

/** xml-crypto's canonical SignedInfo for `sig`, or undefined when it has no canonicalizer for the method. */
export function xmlCryptoSignedInfo(sig: XElement): string | undefined {
  const si = dsChild(sig, 'SignedInfo')
  const cm = si && dsChild(si, 'CanonicalizationMethod')
  const canon = cm && canonFor(cm.getAttribute('Algorithm') ?? '')
  if (!si || !canon) return undefined
  const ancestorNamespaces = utils.findAncestorNsForElement(si)
  return canon.process(si.cloneNode(true) as XNode, { ancestorNamespaces })
}

/** xml-crypto's canonical bytes of the signature's parent after the Reference's transforms (first Reference). */
export function xmlCryptoReference(sig: XElement): string | undefined {
  const si = dsChild(sig, 'SignedInfo')
  const ref = si && dsChild(si, 'Reference')
  const parent = sig.parentNode as XElement | null
  if (!ref || !parent || parent.nodeType !== 1) return undefined
  const transformsEl = dsChild(ref, 'Transforms')
  const transforms: XElement[] = []
  if (transformsEl)
    for (let c = transformsEl.firstChild; c; c = c.nextSibling)
      if (c.nodeType === 1 && (c as XElement).localName === 'Transform') transforms.push(c as XElement)
  const uris = transforms.map((t) => t.getAttribute('Algorithm') ?? '')
  let prefixList: string[] = []
  const last = transforms[transforms.length - 1]
  if (last) {
    for (let c = last.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && (c as XElement).localName === 'InclusiveNamespaces')
        prefixList = ((c as XElement).getAttribute('PrefixList') ?? '').split(' ').filter((p) => p)
    }
  }
  if (uris.length === 0 || uris[uris.length - 1] === ENVELOPED)
    uris.push('http://www.w3.org/TR/2001/REC-xml-c14n-20010315')
  const c14ns = uris.filter((u) => u !== ENVELOPED)
  if (c14ns.length !== 1) return undefined
  const canon = canonFor(c14ns[0]!)
  if (!canon) return undefined
  const ancestorNamespaces = utils.findAncestorNsForElement(parent)
  const clone = parent.cloneNode(true) as XElement
  const index = Array.from(parent.childNodes as unknown as ArrayLike<XNode>).indexOf(sig as unknown as XNode)
  if (uris.includes(ENVELOPED)) clone.removeChild(clone.childNodes[index] as XNode)
  const uri = ref.getAttribute('URI') ?? ''
  if (uri === '' || uri.startsWith('#')) removeComments(clone)
  return canon.process(clone, { ancestorNamespaces, inclusiveNamespacesPrefixList: prefixList })
}

function removeComments(el: XNode): void {
  for (let c = el.firstChild; c;) {
    const next = c.nextSibling
    if (c.nodeType === 8) el.removeChild(c)
    else if (c.nodeType === 1) removeComments(c)
    c = next
  }
}
