import { finding } from '../../findings/finding'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import type { SafeFetchOptions } from '../../net/types'
import type { SpProfile } from '../../profiles/index'
import { evaluateOidcCallback } from '../oidc/callback'
import { idpKindFromIssuer } from '../oidc/error-redirect'
import { prepareOidcAuthorization } from '../oidc/start'
import { step } from '../timeline'
import { driveLogin, type DriverChoice } from './drive'

export interface HeadlessOidcLoginInput extends DriverChoice {
  readonly issuer: string
  readonly clientId: string
  /** From the environment, never from flags; an empty one for public clients. */
  readonly clientSecret?: string
  /** A redirect URI registered for the client. Nothing needs to listen there: the redirect is captured. */
  readonly redirectUri: string
  readonly username?: string
  readonly password?: string
  /** Extra query parameters on the authorization request (the mock IdP's `scenario`). */
  readonly authorizeQuery?: Readonly<Record<string, string>>
  readonly profile: SpProfile
  readonly fetch?: SafeFetchOptions
}

/**
 * An OIDC test login without a browser: the app's own authorization request and callback checks (code + PKCE +
 * state + nonce with openid-client, the ID token's signature and the profile's claims), with the browser's part
 * played by the page driver. Nothing is stored: the run lives for the length of the call.
 */
export async function headlessOidcLogin(input: HeadlessOidcLoginInput): Promise<Report> {
  const t0 = performance.now()
  const now = new Date()
  const idp = idpKindFromIssuer(input.issuer)
  const subject = { kind: 'oidc-test-login' as const, idp, issuer: input.issuer, source: 'headless test login' }
  const prepared = await prepareOidcAuthorization({
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret ?? '',
    redirectUri: input.redirectUri,
    profile: input.profile,
    now,
    ...(input.fetch ? { fetchOptions: input.fetch } : {}),
  })
  if (!prepared.ok) return buildReport({ subject, profile: input.profile.id, now, findings: prepared.findings })
  const url = new URL(prepared.url)
  for (const [k, v] of Object.entries(input.authorizeQuery ?? {})) url.searchParams.set(k, v)
  const timeline: TimelineStep[] = [...prepared.timeline]
  const outcome = await driveLogin(
    { url: url.href, method: 'GET' },
    { ...input, ctx: { idp }, redirectBackTo: input.redirectUri, timeline },
  )
  if (outcome.kind !== 'redirect-back') {
    const findings =
      outcome.kind === 'stopped'
        ? outcome.findings
        : [
            finding(
              'INPUT_LOGIN_NO_ANSWER',
              { expected: `a redirect to ${input.redirectUri}`, actual: 'a SAML answer form' },
              { idp },
            ),
          ]
    return buildReport({ subject, profile: input.profile.id, now, findings, timeline })
  }
  const q = outcome.url.searchParams
  timeline.push(
    step(
      'response-received',
      `Redirected back with ${q.has('error') ? `error=${q.get('error')}` : q.has('code') ? 'an authorization code' : 'neither code nor error'}`,
      { at: new Date() },
    ),
  )
  const { report } = await evaluateOidcCallback(outcome.url, {
    pending: prepared.pending,
    memory: prepared.memory,
    profile: input.profile,
    idp,
    now,
    t0,
    timeline,
  })
  return { ...report, subject: { ...report.subject, source: 'headless test login' } }
}
