import type { CheckContext } from '../../context'
import { finding } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { isStringArray } from '../parse'
import type { Jwks, OidcDiscovery } from '../types'

const KTY_FOR_ALG: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(RS|PS)\d+$/, 'RSA'],
  [/^ES\d+K?$/, 'EC'],
  [/^(EdDSA|Ed25519|Ed448)$/, 'OKP'],
]

/** At least one signing key in the JWKS can verify one of the advertised asymmetric ID token algorithms. */
export function checkKeysForAlgs(doc: OidcDiscovery, jwks: Jwks, ctx: CheckContext): Finding[] {
  const algs = doc.id_token_signing_alg_values_supported
  const keys = jwks.keys
  if (!isStringArray(algs) || !Array.isArray(keys) || keys.length === 0) return []
  const needed = new Set(algs.flatMap((a) => KTY_FOR_ALG.filter(([re]) => re.test(a)).map(([, kty]) => kty)))
  if (needed.size === 0) return []
  const signing = keys.filter(
    (k): k is Record<string, unknown> => typeof k === 'object' && k !== null && (k as { use?: unknown }).use !== 'enc',
  )
  const have = signing.map((k) => k.kty)
  if (have.some((kty) => typeof kty === 'string' && needed.has(kty))) return []
  return [
    finding(
      'OIDC_JWKS_NO_KEY_FOR_ALG',
      {
        expected: [...needed].map((k) => `an ${k} signing key`),
        actual: have.length ? have.map(String) : 'no signing keys',
        where: 'jwks.keys vs id_token_signing_alg_values_supported',
        algs,
      },
      ctx,
    ),
  ]
}
