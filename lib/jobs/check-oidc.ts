import type { IdpKind } from '../findings/types'
import { analyzeOidcConfiguration } from '../oidc/analyze'
import { analyzeFetchedOidc, fetchOidcDocuments } from '../oidc/fetch-documents'
import type { SafeFetchOptions } from '../net/types'
import type { SpProfile } from '../profiles/schema'
import { defined, type JobResult } from './report-parts'
import type { DocumentSource } from './source'

export interface CheckOidcInput {
  /** The discovery document's JSON, or the issuer / discovery URL (discovery and jwks_uri fetched through lib/net). */
  readonly source: DocumentSource<'json'>
  /** The issuer's JWKS; with a URL source it wins over the fetched jwks_uri. */
  readonly jwks?: string
  readonly profile: SpProfile
  readonly now?: Date
  /** The issuer the admin configured; for a URL source it defaults to the URL's issuer. */
  readonly expectedIssuer?: string
  readonly clientId?: string
  readonly redirectUri?: string
  readonly idp?: IdpKind
  readonly fetch?: SafeFetchOptions
}

export interface CheckOidcResult extends JobResult {
  /** The documents as checked (given or fetched), e.g. for `watch` to notice a change; absent when none was read. */
  readonly documents?: { readonly discovery: string; readonly jwks?: string }
}

/**
 * The whole OIDC configuration job: the document as given, or fetched from the issuer with its JWKS, checked under
 * the profile, with the fetches' NET_ findings kept. Never throws on bad input.
 * @example const { report } = await checkOidc({ source: { kind: 'url', url: issuer }, profile: BUILTIN_PROFILES.generic })
 */
export async function checkOidc(input: CheckOidcInput): Promise<CheckOidcResult> {
  const opts = {
    profile: input.profile,
    ...defined({
      now: input.now,
      expectedIssuer: input.expectedIssuer,
      clientId: input.clientId,
      redirectUri: input.redirectUri,
      idp: input.idp,
    }),
  }
  if (input.source.kind === 'url') {
    const docs = await fetchOidcDocuments(input.source.url, input.fetch)
    const report = analyzeFetchedOidc(docs, { ...opts, ...defined({ jwks: input.jwks, fetch: input.fetch }) })
    const jwks = input.jwks ?? docs.jwks
    return {
      report,
      ...(docs.discovery !== undefined ? { documents: { discovery: docs.discovery, ...defined({ jwks }) } } : {}),
    }
  }
  const report = analyzeOidcConfiguration(
    { discovery: input.source.text, ...defined({ source: input.source.name, jwks: input.jwks }) },
    opts,
  )
  return { report, documents: { discovery: input.source.text, ...defined({ jwks: input.jwks }) } }
}
