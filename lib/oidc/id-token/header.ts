import { finding, type FindingContext } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { ASYMMETRIC_ALGS } from './jwks'

export interface JwsHeader {
  readonly alg?: unknown
  readonly kid?: unknown
  readonly typ?: unknown
  readonly jwk?: unknown
  readonly jku?: unknown
  readonly x5u?: unknown
  readonly crit?: unknown
  readonly [k: string]: unknown
}

/**
 * Header refusals, before any key is touched: alg none, HMAC (the HS-with-public-key confusion), an embedded jwk,
 * jku / x5u (never fetched), any crit (we understand no extension). @see RFC 8725 §3.1–3.2, RFC 7515 §4.1.11
 */
export function checkHeader(h: JwsHeader, ctx: FindingContext): Finding[] {
  const out: Finding[] = []
  const alg = typeof h.alg === 'string' ? h.alg : undefined
  if (alg === undefined || alg.toLowerCase() === 'none')
    out.push(
      finding(
        'OIDC_ID_TOKEN_ALG_NONE',
        { expected: 'RS256 (or another algorithm from the JWKS)', actual: alg ?? '(missing)', where: 'JWT header alg' },
        ctx,
      ),
    )
  else if (/^HS\d+$/i.test(alg))
    out.push(
      finding(
        'OIDC_ID_TOKEN_ALG_HMAC',
        { expected: 'RS256 (or another asymmetric algorithm)', actual: alg, where: 'JWT header alg' },
        ctx,
      ),
    )
  else if (!ASYMMETRIC_ALGS.includes(alg))
    out.push(
      finding(
        'OIDC_ID_TOKEN_ALG_UNSUPPORTED',
        { expected: ASYMMETRIC_ALGS, actual: alg, where: 'JWT header alg' },
        ctx,
      ),
    )
  if (h.jwk !== undefined)
    out.push(
      finding(
        'OIDC_ID_TOKEN_EMBEDDED_JWK',
        {
          expected: "no jwk header (keys come from the issuer's JWKS)",
          actual: 'jwk header present',
          where: 'JWT header jwk',
        },
        ctx,
      ),
    )
  for (const name of ['jku', 'x5u'] as const) {
    const v = h[name]
    if (v !== undefined)
      out.push(
        finding(
          'OIDC_ID_TOKEN_REMOTE_KEY_HEADER',
          {
            expected: `no ${name} header`,
            actual: typeof v === 'string' ? v.slice(0, 200) : String(v),
            where: `JWT header ${name} (not fetched)`,
          },
          ctx,
        ),
      )
  }
  if (h.crit !== undefined)
    out.push(
      finding(
        'OIDC_ID_TOKEN_CRIT_UNKNOWN',
        { expected: 'no crit header', actual: h.crit, where: 'JWT header crit' },
        ctx,
      ),
    )
  return out
}
