/** A read-only XML tree built once by `parseSafeXml`; every reader and the signature code walk this, never re-parse. */
export interface XmlAttr {
  /** Qualified name as written (`xsi:type`). */
  readonly name: string
  readonly prefix: string
  readonly local: string
  /** Namespace URI ('' for unprefixed attributes, as XML Namespaces says). */
  readonly ns: string
  /** Value after entity decoding and attribute-value normalisation. */
  readonly value: string
}

export interface XmlElement {
  readonly type: 'element'
  readonly name: string
  readonly prefix: string
  readonly local: string
  readonly ns: string
  /** Ordinary attributes (namespace declarations excluded), in document order. */
  readonly attrs: readonly XmlAttr[]
  /** Namespace declarations made on this element, in document order: [prefix ('' = default), uri]. */
  readonly nsDecls: readonly (readonly [string, string])[]
  readonly children: readonly XmlNode[]
  readonly parent: XmlElement | null
  readonly depth: number
  /** Offset of '<' in the (normalised) source, for error positions. */
  readonly start: number
}

export interface XmlText {
  readonly type: 'text'
  readonly value: string
  readonly parent: XmlElement
}
export interface XmlComment {
  readonly type: 'comment'
  readonly value: string
  readonly parent: XmlElement | null
}
export interface XmlPI {
  readonly type: 'pi'
  readonly target: string
  readonly data: string
  readonly parent: XmlElement | null
}
export type XmlNode = XmlElement | XmlText | XmlComment | XmlPI

export interface XmlDocument {
  readonly root: XmlElement
  /** Elements by their ID-type attribute (`ID`, `Id`, `id`); more than one element per ID is a finding. */
  readonly ids: ReadonlyMap<string, readonly XmlElement[]>
  /** Comments and PIs outside the root (PIs inside are refused at parse time). */
  readonly prolog: readonly (XmlComment | XmlPI)[]
  readonly epilog: readonly (XmlComment | XmlPI)[]
  /** Number of elements, for limits and benchmarks. */
  readonly elementCount: number
}

export interface XmlLimits {
  /** Characters of input (default 4 MiB). */
  readonly maxChars: number
  /** Element nesting (default 128). */
  readonly maxDepth: number
  /** Elements in all (default 200,000). */
  readonly maxElements: number
  /** Attributes on one element, namespace declarations included (default 256; real SSO documents use at most ~15). */
  readonly maxAttributesPerElement: number
  /** Attributes in the whole document, namespace declarations included (default 100,000; real documents: < 1,000). */
  readonly maxAttributes: number
  /** Namespace declarations on one element (default 64; real documents: at most ~12). */
  readonly maxNamespaceDeclsPerElement: number
  /** Namespace declarations in the whole document (default 4,096; real documents: < 250). */
  readonly maxNamespaceDecls: number
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxChars: 4 * 1024 * 1024,
  maxDepth: 128,
  maxElements: 200_000,
  maxAttributesPerElement: 256,
  maxAttributes: 100_000,
  maxNamespaceDeclsPerElement: 64,
  maxNamespaceDecls: 4096,
}
