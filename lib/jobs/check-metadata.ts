import type { IdpKind } from '../findings/types'
import type { SafeFetchOptions } from '../net/types'
import type { SpProfile } from '../profiles/schema'
import { analyzeSamlMetadata } from '../saml/metadata/analyze'
import { defined, inputReport, withFetchFindings, type JobResult } from './report-parts'
import { readSource, type DocumentSource } from './source'

export interface CheckMetadataInput {
  /** The IdP's SAML metadata: its XML, or its URL (fetched through lib/net). */
  readonly source: DocumentSource<'xml'>
  readonly profile: SpProfile
  readonly now?: Date
  /** What the admin typed in the IdP for the vendor's app. */
  readonly spEntityId?: string
  readonly acsUrl?: string
  readonly signOnUrl?: string
  /** The IdP, when the admin said which one (overrides detection). */
  readonly idp?: IdpKind
  /** Certificates trusted to sign the metadata. */
  readonly trustedCertificates?: readonly string[]
  readonly fetch?: SafeFetchOptions
}

export interface CheckMetadataResult extends JobResult {
  /** The metadata as checked (given or fetched), e.g. for `watch` to notice a change; absent when none was read. */
  readonly xml?: string
}

/**
 * The whole metadata job: read the file or fetch the URL, analyse under the profile, and keep what the fetch noticed
 * (a metadata URL over http is NET_NOT_HTTPS whichever face asked). Never throws on bad input.
 * @example const { report } = await checkMetadata({ source: { kind: 'url', url }, profile })
 */
export async function checkMetadata(input: CheckMetadataInput): Promise<CheckMetadataResult> {
  const read = await readSource(input.source, input.fetch)
  if (!read.ok) return { report: inputReport('saml-metadata', input.profile, input.now, read.name, read.findings) }
  const opts = {
    profile: input.profile,
    ...defined({
      now: input.now,
      spEntityId: input.spEntityId,
      acsUrl: input.acsUrl,
      signOnUrl: input.signOnUrl,
      idp: input.idp,
      trustedCertificates: input.trustedCertificates,
    }),
  }
  const report = analyzeSamlMetadata({ xml: read.text, ...defined({ source: read.name }) }, opts)
  return { report: withFetchFindings(report, read.findings), xml: read.text }
}
