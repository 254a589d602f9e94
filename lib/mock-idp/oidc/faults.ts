import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose'
import { OIDC_SCENARIOS, scenarioFromUsername } from '../scenarios'

/** Re-signs an issued ID token with the fault its subject's scenario asks for; 'ok' and claim-only faults pass through. */
export async function tamperIdToken(
  idToken: string,
  o: { signingJwk: JWK; rogueJwk: JWK; issuer: string },
): Promise<string> {
  const payload = decodeJwt(idToken)
  const header = decodeProtectedHeader(idToken)
  const scenario = scenarioFromUsername(String(payload.sub ?? ''), OIDC_SCENARIOS).id
  const now = Math.floor(Date.now() / 1000)
  let claims: JWTPayload
  switch (scenario) {
    case 'wrong-aud':
      claims = { ...payload, aud: 'another-client-id' }
      break
    case 'wrong-iss':
      claims = { ...payload, iss: `${o.issuer}/other-tenant` }
      break
    case 'expired':
      claims = { ...payload, iat: now - 7200, exp: now - 3600 }
      break
    case 'bad-signature':
      claims = payload
      break
    default:
      return idToken
  }
  const key = await importJWK(scenario === 'bad-signature' ? o.rogueJwk : o.signingJwk, 'RS256')
  // Same kid as the real key: the client finds a key, and only the signature check can tell.
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? String(o.signingJwk.kid), typ: header.typ ?? 'JWT' })
    .sign(key)
}
