import { usageError } from '../../errors'
import { buildReport, finding, type Report } from '../../findings/index'
import { readSource } from '../../jobs/source'
import { BUILTIN_PROFILES, isBuiltinProfileId } from '../../profiles/index'
import { headlessOidcLogin, headlessSamlLogin, type LoginDriver } from '../../testlogin/headless/index'
import { API_TOKEN_ENV, appApi, type SavedConnection } from '../app-api'
import type { CliIo } from '../io'

export interface SavedConnectionLoginInput {
  readonly connectionId: string
  readonly appUrl: string | undefined
  readonly scenario?: string
  readonly username?: string
  readonly password?: string
  readonly now?: Date
  /** The login driver (`--driver`), as for a login from metadata. */
  readonly driver?: LoginDriver
}

/**
 * `login --connection <id> --app-url <url>`: the connection's values come from the app (with the API token in
 * SSO_PREFLIGHT_API_TOKEN, never a flag), then the same headless login runs as for `--idp-metadata` / `--issuer`,
 * addressed as the app's own test login is: the vendor's SP entity ID as Issuer and the app's ACS / redirect URI,
 * which the IdP already lists for test logins.
 */
export async function loginSavedConnection(input: SavedConnectionLoginInput, io: CliIo): Promise<Report> {
  if (!input.appUrl)
    throw usageError('--app-url is required with --connection (the SSO Preflight app that has the connection)')
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(input.connectionId))
    throw usageError(
      `--connection ${JSON.stringify(input.connectionId)} is not a connection ID (22 letters, digits, - and _)`,
    )
  const token = io.env[API_TOKEN_ENV]?.trim() || undefined
  const api = appApi(input.appUrl, token)
  const saved = await api.getConnection(input.connectionId)
  const { connection, urls } = saved
  const profile = BUILTIN_PROFILES[isBuiltinProfileId(connection.profileId) ? connection.profileId : 'generic']
  const now = input.now ?? new Date()
  const credentials = {
    ...(input.username ? { username: input.username } : {}),
    ...(input.password ? { password: input.password } : {}),
    ...(input.driver ? { driver: input.driver, env: io.env } : {}),
  }

  if (connection.protocol === 'oidc') {
    return headlessOidcLogin({
      issuer: connection.config.issuer ?? '',
      clientId: connection.config.clientId ?? '',
      redirectUri: urls.redirectUri,
      profile,
      ...credentials,
      ...(io.env.SSO_PREFLIGHT_CLIENT_SECRET ? { clientSecret: io.env.SSO_PREFLIGHT_CLIENT_SECRET } : {}),
      ...(input.scenario ? { authorizeQuery: { scenario: input.scenario } } : {}),
    })
  }
  const spEntityId = connection.config.spEntityId?.trim()
  const subject = { kind: 'saml-test-login' as const, idp: 'other' as const, source: `connection ${connection.id}` }
  if (!spEntityId) {
    return buildReport({
      subject,
      profile: profile.id,
      now,
      findings: [
        finding('SAML_TEST_LOGIN_SP_ENTITY_ID_MISSING', {
          expected: profile.saml?.entityIdTemplate ?? 'the vendor’s SP entity ID',
          actual: null,
          ...(profile.vendor ? { where: profile.vendor.spValues.shownAt.join(' › ') } : {}),
        }),
      ],
    })
  }
  const metadata = await idpMetadata(saved, api.getIdpMetadata)
  if (!metadata.ok) return buildReport({ subject, profile: profile.id, now, findings: metadata.findings })
  return headlessSamlLogin({
    idpMetadataXml: metadata.xml,
    spEntityId,
    acsUrl: urls.acsUrl,
    profile,
    now,
    ...credentials,
    ...(input.scenario ? { ssoQuery: { scenario: input.scenario } } : {}),
  })
}

async function idpMetadata(saved: SavedConnection, pasted: (id: string) => Promise<string>) {
  const { config, id } = saved.connection
  if (config.idpMetadataXmlBytes !== undefined) return { ok: true as const, xml: await pasted(id) }
  if (config.metadataUrl) {
    const fetched = await readSource({ kind: 'url', url: config.metadataUrl })
    return fetched.ok ? { ok: true as const, xml: fetched.text } : { ok: false as const, findings: fetched.findings }
  }
  // No metadata saved: the endpoint lookup reports it as it does for an empty document.
  return { ok: true as const, xml: '' }
}
