import type { Report } from '@/lib/findings'
import { runCheck } from '@/app/check/run-check'
import type { CheckRequest } from '@/app/check/check-request'
import { DEFAULT_PROFILE_ID, isBuiltinProfileId } from '@/lib/profiles'
import { connectionUrls, type NewConnectionRequest } from '@/lib'

export type StaticCheck = { ok: true; report: Report } | { ok: false; message: string }

/**
 * The static check of a new connection's configuration: the IdP metadata (SAML) or discovery document (OIDC)
 * against the profile and the vendor values. A URL is fetched through lib/net (inside runCheck).
 */
export async function staticCheck(
  r: NewConnectionRequest,
  sp: { spEntityId?: string; acsUrl?: string },
  origin: string,
): Promise<StaticCheck> {
  const profile = isBuiltinProfileId(r.profileId) ? r.profileId : DEFAULT_PROFILE_ID
  const req: CheckRequest =
    r.protocol === 'saml'
      ? {
          kind: 'saml-metadata',
          profile,
          ...(r.metadataXml !== undefined ? { xml: r.metadataXml } : {}),
          ...(r.metadataUrl !== undefined ? { url: r.metadataUrl } : {}),
          ...sp,
        }
      : {
          kind: 'oidc-discovery',
          profile,
          url: r.issuer!,
          expectedIssuer: r.issuer!,
          ...(r.clientId ? { clientId: r.clientId } : {}),
          redirectUri: connectionUrls(origin, 'x').redirectUri,
        }
  const outcome = await runCheck(req)
  return outcome.ok ? { ok: true, report: outcome.report } : { ok: false, message: outcome.message }
}
