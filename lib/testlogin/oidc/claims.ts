import { finding } from '../../findings/finding'
import type { Finding, IdpKind } from '../../findings/types'
import type { SpProfile } from '../../profiles/index'

/**
 * Required and recommended claims per profile. openid-client does not care whether email is there; the vendor does.
 * A claim counts when the ID token or userinfo carries a non-empty value.
 */
export function checkRequiredClaims(
  idToken: Record<string, unknown>,
  userinfo: Record<string, unknown> | undefined,
  profile: SpProfile,
  o: { idp: IdpKind },
): Finding[] {
  const out: Finding[] = []
  for (const claim of profile.oidc?.requiredClaims ?? []) {
    const names = [claim.name, ...claim.aliases]
    const present = (src: Record<string, unknown> | undefined) =>
      names.some((n) => {
        const v = src?.[n]
        return v !== undefined && v !== null && (!claim.nonEmpty || String(v).trim() !== '')
      })
    if (present(idToken) || present(userinfo)) continue
    const code =
      claim.level === 'required' ? 'OIDC_ID_TOKEN_REQUIRED_CLAIM_MISSING' : 'OIDC_ID_TOKEN_RECOMMENDED_CLAIM_MISSING'
    out.push(
      finding(
        code,
        {
          expected: claim.name,
          actual: {
            idTokenClaims: Object.keys(idToken).sort(),
            userinfoClaims: userinfo ? Object.keys(userinfo).sort() : null,
          },
          where: 'ID token and userinfo',
          ...(claim.source[o.idp] ? { mapFrom: claim.source[o.idp] } : {}),
        },
        { idp: o.idp },
      ),
    )
  }
  return out
}
