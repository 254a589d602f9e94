import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { isStringArray } from '../parse'
import type { OidcCheckContext, OidcDiscovery } from '../types'

/** REQUIRED by OpenID Connect Discovery §3 (issuer is checked on its own). */
export const REQUIRED_MEMBERS = [
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'response_types_supported',
  'subject_types_supported',
  'id_token_signing_alg_values_supported',
] as const

// Non-standard spellings seen in real documents, named in the evidence so the admin sees why it still counts as missing.
const KNOWN_MISSPELLINGS: Readonly<Record<string, string>> = {
  id_token_signing_alg_values_supported: 'id_token_alg_values_supported',
}

/**
 * Required members present, and every *_supported member a list of strings.
 * A document without the OIDC-only members is usually OAuth AS metadata (RFC 8414): the evidence says so.
 */
export function checkRequiredMembers(doc: OidcDiscovery, ctx: OidcCheckContext): Finding[] {
  const out: Finding[] = []
  const looksLikeOAuthMetadata =
    doc.id_token_signing_alg_values_supported === undefined && doc.userinfo_endpoint === undefined
  for (const member of REQUIRED_MEMBERS) {
    if (doc[member] !== undefined && doc[member] !== null) continue
    const misspelled = KNOWN_MISSPELLINGS[member]
    out.push(
      finding(
        'OIDC_METADATA_MEMBER_MISSING',
        {
          expected: member,
          actual: 'missing',
          where: member,
          ...(misspelled && doc[misspelled] !== undefined
            ? { note: `the document has the non-standard "${misspelled}" instead` }
            : {}),
          ...(member === 'id_token_signing_alg_values_supported' && looksLikeOAuthMetadata
            ? {
                looksLike:
                  'OAuth 2.0 authorization server metadata (/.well-known/oauth-authorization-server), not the OpenID configuration',
              }
            : {}),
        },
        ctx,
      ),
    )
  }
  for (const [member, value] of Object.entries(doc)) {
    if (member.endsWith('_supported') && value !== undefined && typeof value !== 'boolean' && !isStringArray(value))
      out.push(
        finding(
          'OIDC_METADATA_MEMBER_INVALID',
          { expected: 'a list of strings', actual: describe(value), where: member },
          ctx,
        ),
      )
  }
  const subjects = doc.subject_types_supported
  if (isStringArray(subjects) && (subjects.length === 0 || subjects.some((t) => t !== 'public' && t !== 'pairwise')))
    out.push(
      finding(
        'OIDC_METADATA_MEMBER_INVALID',
        { expected: ['public', 'pairwise'], actual: subjects, where: 'subject_types_supported' },
        ctx,
      ),
    )
  return out
}

export function describe(v: unknown): string {
  if (Array.isArray(v))
    return `list containing ${[...new Set(v.map((x) => (x === null ? 'null' : typeof x)))].join(', ')}`
  return v === null ? 'null' : typeof v
}
