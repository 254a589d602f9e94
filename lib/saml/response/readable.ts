import type { Report } from '../../findings/report'
import { parseSafeXml } from '../../xml/parse'
import { prettyXml, type PrettyXml } from '../../xml/pretty'
import { decodeSamlMessage } from './decode'

/**
 * The pasted or uploaded message as a reader wants it: decoded (base64 / deflate), indented from our parser's tree,
 * with the elements the report's findings point at marked. For the page of whoever ran the check only (it is the
 * user's own message); undefined when the input does not decode to XML (the report already says why).
 * Decodes and parses once more, under the same caps as validation: the report keeps no copy of the message.
 */
export function readableSamlMessage(input: string, report: Pick<Report, 'findings'>): PrettyXml | undefined {
  const decoded = decodeSamlMessage(input)
  if (!decoded.ok) return undefined
  const doc = parseSafeXml(decoded.value.xml)
  if (!doc.ok) return undefined
  return prettyXml(decoded.value.xml, doc.value, { highlight: report.findings.map((f) => f.evidence.where) })
}
