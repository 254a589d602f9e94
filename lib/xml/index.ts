export { parseSafeXml, normaliseXmlText } from './parse'
export {
  attr,
  childElements,
  descendants,
  firstChild,
  isElement,
  NS,
  ownText,
  pathOf,
  resolveQNameValue,
  textContent,
} from './query'
export { DEFAULT_XML_LIMITS } from './types'
export type { XmlAttr, XmlComment, XmlDocument, XmlElement, XmlLimits, XmlNode, XmlPI, XmlText } from './types'
export { prettyXml, prettyXmlText } from './pretty'
export type { PrettyXml, PrettyXmlLine } from './pretty'
