import { finding } from '../findings/finding'
import { buildReport } from '../findings/report'
import { checkIdToken } from '../oidc/id-token/check-id-token'
import type { SpProfile } from '../profiles/schema'
import { defined, type JobResult } from './report-parts'

export interface CheckTokenInput {
  /** The ID token (a compact JWS; `id_token=` or `Bearer ` in front is tolerated). */
  readonly token: string
  /** The issuer's JWKS as JSON text: the only source of keys (never fetched from the token). */
  readonly jwks?: string
  readonly clientId?: string
  /** The expected issuer; else read from `discovery`. */
  readonly issuer?: string
  readonly discovery?: string
  readonly nonce?: string
  readonly profile: SpProfile
  readonly now?: Date
  /** Where the JWKS and client ID were to be given, for the finding when they were not ("triage form"). */
  readonly where?: string
}

/**
 * The whole ID-token job: without the issuer's keys and the client ID nothing can be verified, and the report says
 * so; else signature, issuer, audience, times, nonce and the profile's claims. Never throws on bad input.
 * @example const { report } = await checkToken({ token, jwks, clientId, issuer, profile: BUILTIN_PROFILES.generic })
 */
export async function checkToken(input: CheckTokenInput): Promise<JobResult> {
  if (!input.jwks || !input.clientId) {
    const missing = [input.jwks ? '' : 'no JWKS', input.clientId ? '' : 'no client ID'].filter(Boolean).join(', ')
    return {
      report: buildReport({
        subject: { kind: 'oidc-id-token', idp: 'other', source: 'pasted ID token' },
        profile: input.profile.id,
        now: input.now ?? new Date(),
        findings: [
          finding('OIDC_ID_TOKEN_JWKS_INVALID', {
            expected: "the issuer's JWKS and the client ID, to check the signature and audience",
            actual: `${missing} given`,
            where: input.where ?? 'input',
          }),
        ],
      }),
    }
  }
  return {
    report: await checkIdToken(input.token, {
      jwks: input.jwks,
      clientId: input.clientId,
      profile: input.profile,
      ...defined({ now: input.now, issuer: input.issuer, discovery: input.discovery, nonce: input.nonce }),
    }),
  }
}
