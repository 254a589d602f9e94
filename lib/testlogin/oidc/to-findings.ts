import * as oc from 'openid-client'
import { idpCodesIn } from '../../findings/catalog/idp-error-codes'
import { finding } from '../../findings/finding'
import type { Finding, IdpKind } from '../../findings/types'
import { SafeFetchError } from '../../net/index'
import { errorRedirectFindings } from './error-redirect'

/*
 * The only file that knows openid-client's (and oauth4webapi's) error shapes, as openid-client's own errorHandler
 * is for its dependencies. Every failure becomes a finding; nothing is silently lost (the fallback keeps the code).
 */

interface ClaimDetail {
  readonly claim?: string
  readonly expected?: unknown
  readonly claims?: Record<string, unknown>
  readonly now?: number
  readonly tolerance?: number
  readonly attribute?: string
  readonly parameters?: unknown
}

export interface TranslateContext {
  readonly idp: IdpKind
  readonly clientId: string
  readonly issuer: string
  readonly redirectUri: string
}

function causes(err: unknown): unknown[] {
  const out: unknown[] = []
  let cur: unknown = err
  for (let i = 0; i < 5 && cur; i++) {
    out.push(cur)
    cur = cur instanceof Error ? cur.cause : undefined
  }
  return out
}

/** Detail objects ride in `cause` as plain data ({ claim, expected, claims }), one or two levels down. */
function detailOf(err: unknown): ClaimDetail {
  for (const c of causes(err)) if (c && typeof c === 'object' && !(c instanceof Error)) return c as ClaimDetail
  return {}
}

const TIME_CODES = {
  exp: 'OIDC_ID_TOKEN_EXPIRED',
  nbf: 'OIDC_ID_TOKEN_NOT_YET_VALID',
  iat: 'OIDC_ID_TOKEN_ISSUED_IN_FUTURE',
} as const
const CLAIM_CODES = {
  aud: 'OIDC_ID_TOKEN_AUDIENCE_MISMATCH',
  iss: 'OIDC_ID_TOKEN_ISSUER_MISMATCH',
  nonce: 'OIDC_ID_TOKEN_NONCE_MISMATCH',
  azp: 'OIDC_ID_TOKEN_AZP_MISMATCH',
} as const

/** openid-client's failure during the code exchange (or discovery) as findings. */
export function oidcErrorToFindings(err: unknown, ctx: TranslateContext): Finding[] {
  const fctx = { idp: ctx.idp }
  const refused = causes(err).find((c): c is SafeFetchError => c instanceof SafeFetchError)
  if (refused) return refused.findings
  // A 401 with WWW-Authenticate (client authentication failed) comes as a challenge error, not a body error.
  const challenge = err instanceof oc.WWWAuthenticateChallengeError ? err.cause[0]?.parameters : undefined
  if (err instanceof oc.ResponseBodyError || challenge) {
    const e = challenge
      ? {
          error: challenge.error ?? 'invalid_client',
          error_description: challenge.error_description,
          status: (err as oc.WWWAuthenticateChallengeError).status,
        }
      : {
          error: (err as oc.ResponseBodyError).error,
          error_description: (err as oc.ResponseBodyError).error_description,
          status: (err as oc.ResponseBodyError).status,
        }
    const body = { error: e.error, ...(e.error_description ? { error_description: e.error_description } : {}) }
    // The IdP's own code (AADSTS7000215, 54005, ...) is the IdP error-code table's row, as everywhere else.
    const known = idpCodesIn(e.error_description ?? '').find((m) => m.code)
    if (known?.code) {
      return [
        finding(
          known.code,
          {
            expected: 'tokens for the authorization code',
            actual: { ...body, status: e.status },
            where: 'token endpoint',
          },
          { idp: known.idp },
        ),
      ]
    }
    if (e.error === 'invalid_client') {
      return [
        finding(
          'OIDC_CLIENT_SECRET_INVALID',
          {
            expected: 'the client secret Value of this app',
            actual: { ...body, status: e.status },
            where: 'token endpoint',
          },
          fctx,
        ),
      ]
    }
    return [
      finding(
        'OIDC_TOKEN_EXCHANGE_FAILED',
        {
          expected: 'tokens for the authorization code',
          actual: { ...body, status: e.status },
          where: 'token endpoint',
        },
        fctx,
      ),
    ]
  }
  if (err instanceof oc.AuthorizationResponseError) {
    return errorRedirectFindings(
      { error: err.error, ...(err.error_description ? { error_description: err.error_description } : {}) },
      { idp: ctx.idp, redirectUri: ctx.redirectUri, clientId: ctx.clientId },
    )
  }
  const code = err instanceof oc.ClientError ? err.code : undefined
  const d = detailOf(err)
  const message = causes(err)
    .map((c) => (c instanceof Error ? c.message : ''))
    .filter(Boolean)
    .join(' / ')
    .slice(0, 300)
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && d.claim && d.claim in CLAIM_CODES) {
    return [
      finding(
        CLAIM_CODES[d.claim as keyof typeof CLAIM_CODES],
        { expected: d.expected, actual: d.claims?.[d.claim], where: `ID token "${d.claim}"` },
        fctx,
      ),
    ]
  }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' && d.claim && d.claim in TIME_CODES) {
    const now = d.now ?? Math.floor(Date.now() / 1000)
    return [
      finding(
        TIME_CODES[d.claim as keyof typeof TIME_CODES],
        {
          expected:
            d.claim === 'exp'
              ? `exp after ${new Date(now * 1000).toISOString()}`
              : `${d.claim} before ${new Date(now * 1000).toISOString()}`,
          actual:
            typeof d.claims?.[d.claim] === 'number'
              ? new Date((d.claims[d.claim] as number) * 1000).toISOString()
              : d.claims?.[d.claim],
          where: `ID token "${d.claim}"`,
          now: new Date(now * 1000).toISOString(),
          toleranceSeconds: d.tolerance ?? 0,
        },
        fctx,
      ),
    ]
  }
  if (code === 'OAUTH_INVALID_RESPONSE' && /signature verification failed/i.test(message)) {
    return [
      finding(
        'OIDC_ID_TOKEN_SIGNATURE_INVALID',
        {
          expected: `a signature by a key in the issuer's JWKS (${ctx.issuer})`,
          actual: 'the signature does not verify',
          where: 'ID token',
        },
        fctx,
      ),
    ]
  }
  if (code === 'OAUTH_KEY_SELECTION_FAILED') {
    return [
      finding(
        'OIDC_ID_TOKEN_KEY_NOT_FOUND',
        { expected: 'a JWKS key matching the ID token header (kid, alg)', actual: message, where: 'ID token header' },
        fctx,
      ),
    ]
  }
  if (code === 'OAUTH_INVALID_RESPONSE' && /"state"/.test(message)) {
    const got = d.parameters instanceof URLSearchParams ? d.parameters.get('state') : null
    return [
      finding(
        'OIDC_STATE_MISMATCH',
        { expected: d.expected ?? null, actual: got, where: 'authorization response "state"' },
        fctx,
      ),
    ]
  }
  if (/"?id_token"?/.test(message) && /missing|must be a string|expected/i.test(message)) {
    return [finding('OIDC_TOKEN_NO_ID_TOKEN', { expected: 'an id_token in the token response', actual: message }, fctx)]
  }
  return [
    finding(
      'OIDC_CLIENT_REJECTED',
      {
        expected: 'a valid OpenID Connect answer',
        actual: { code: code ?? (err instanceof Error ? err.name : typeof err), message },
        ...(d.claim ? { where: d.claim } : {}),
      },
      fctx,
    ),
  ]
}
