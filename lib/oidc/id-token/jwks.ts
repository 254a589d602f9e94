import { z } from 'zod'

/** A JWK as published in a JWKS: only public members are read; private members make the key unusable here. */
const JwkSchema = z.looseObject({
  kty: z.string(),
  kid: z.string().optional(),
  use: z.string().optional(),
  alg: z.string().optional(),
  key_ops: z.array(z.string()).optional(),
})
export type PublicJwk = z.infer<typeof JwkSchema>

const JwksSchema = z.object({ keys: z.array(z.unknown()).max(100) })

export type ParsedJwks = { ok: true; keys: PublicJwk[] } | { ok: false; reason: string }

/** Parses a JWKS text. Keys that are not objects or carry private members (d, p, q, k) are dropped. */
export function parseJwks(text: string): ParsedJwks {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, reason: 'not JSON' }
  }
  const shape = JwksSchema.safeParse(json)
  if (!shape.success) return { ok: false, reason: 'no "keys" array' }
  const keys = shape.data.keys.flatMap((k) => {
    const jwk = JwkSchema.safeParse(k)
    if (!jwk.success) return []
    // A symmetric or private key in a public JWKS would let the HS-with-public-key confusion through.
    if (jwk.data.kty === 'oct' || 'd' in jwk.data || 'k' in jwk.data) return []
    return [jwk.data]
  })
  return keys.length ? { ok: true, keys } : { ok: false, reason: 'no usable public keys' }
}

const KTY_FOR_ALG: Readonly<Record<string, string>> = {
  RS256: 'RSA',
  RS384: 'RSA',
  RS512: 'RSA',
  PS256: 'RSA',
  PS384: 'RSA',
  PS512: 'RSA',
  ES256: 'EC',
  ES384: 'EC',
  ES512: 'EC',
  EdDSA: 'OKP',
  Ed25519: 'OKP',
}
export const ASYMMETRIC_ALGS: readonly string[] = Object.keys(KTY_FOR_ALG)

/** Keys that may have signed a token with this alg and kid: same key type, signing use, kid equal when both have one. */
export function candidateKeys(keys: readonly PublicJwk[], alg: string, kid: string | undefined): PublicJwk[] {
  const kty = KTY_FOR_ALG[alg]
  return keys.filter(
    (k) =>
      k.kty === kty &&
      (k.use === undefined || k.use === 'sig') &&
      (k.alg === undefined || k.alg === alg) &&
      (k.key_ops === undefined || k.key_ops.includes('verify')) &&
      (kid === undefined || k.kid === undefined || k.kid === kid),
  )
}
