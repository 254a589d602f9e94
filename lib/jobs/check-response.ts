import { checkContext } from '../context'
import type { SafeFetchOptions } from '../net/types'
import type { SpProfile } from '../profiles/schema'
import { readIdpTrust } from '../saml/metadata/parse'
import { readableSamlMessage } from '../saml/response/readable'
import { validateSamlResponse } from '../saml/response/validate'
import type { PrettyXml } from '../xml/pretty'
import { defined, inputReport, withFetchFindings, type JobResult } from './report-parts'
import { readSource, type DocumentSource } from './source'

export interface CheckResponseInput {
  /** The captured response: raw XML, the base64 SAMLResponse value, or the deflated redirect-binding value. */
  readonly response: string
  /** How the report names the response ("pasted text", a file path). */
  readonly responseName?: string
  /** The IdP's metadata (its XML or its URL): its certificates are the only ones trusted to verify the response. */
  readonly idpMetadata: DocumentSource<'xml'>
  readonly profile: SpProfile
  readonly now?: Date
  readonly spEntityId?: string
  readonly acsUrl?: string
  /** The AuthnRequest ID the response must answer. */
  readonly requestId?: string
  /** Also return the message decoded and indented, with the elements findings point at marked (the check page). */
  readonly readable?: boolean
  readonly fetch?: SafeFetchOptions
}

export interface CheckResponseResult extends JobResult {
  /** The decoded message, indented, when `readable` was asked and it decodes to XML. */
  readonly readable?: PrettyXml
}

/**
 * The whole response job: metadata (text or URL) → trust → context → validation, with the metadata fetch's findings
 * kept. Without readable metadata there is no certificate to trust, so the response is not read at all.
 * @example const { report } = await checkResponse({ response, idpMetadata: { kind: 'xml', text: md }, profile })
 */
export async function checkResponse(input: CheckResponseInput): Promise<CheckResponseResult> {
  const metadata = await readSource(input.idpMetadata, input.fetch)
  if (!metadata.ok)
    return { report: inputReport('saml-response', input.profile, input.now, metadata.name, metadata.findings) }
  const trust = readIdpTrust(metadata.text)
  if (!trust.ok)
    return {
      report: inputReport('saml-response', input.profile, input.now, metadata.name ?? 'IdP metadata', [
        ...trust.findings,
        ...metadata.findings,
      ]),
    }
  const ctx = checkContext({
    profile: input.profile,
    idp: trust.value.kind,
    ...defined({ now: input.now, spEntityId: input.spEntityId, acsUrl: input.acsUrl }),
  })
  const validated = validateSamlResponse({ response: input.response }, trust.value, {
    ctx,
    ...defined({ source: input.responseName, requestId: input.requestId }),
  })
  const report = withFetchFindings(validated, metadata.findings)
  const readable = input.readable ? readableSamlMessage(input.response, report) : undefined
  return { report, ...(readable ? { readable } : {}) }
}
