import * as oc from 'openid-client'
import { z } from 'zod'
import { finding } from '../../findings/finding'
import { buildReport } from '../../findings/report'
import type { TimelineStep } from '../../findings/report'
import type { Finding } from '../../findings/types'
import type { SafeFetchOptions } from '../../net/index'
import type { SpProfile } from '../../profiles/index'
import type { Connection, Store } from '../../store/index'
import { allowLoopbackForTests } from '../../net/index'
import { countTestLogin } from '../../ops/metrics'
import { NO_BROWSER } from '../../store/index'
import { profileFor } from '../profile'
import { step } from '../timeline'
import { ourOidcRedirectUri } from '../urls'
import { discoverClient } from './client'
import { idpKindFromIssuer } from './error-redirect'
import { oidcErrorToFindings } from './to-findings'

export const OIDC_RUN_TTL_MS = 10 * 60_000

/** What the callback needs later about a run (the store's `pending`). The PKCE verifier is useless without the code. */
export interface OidcPending {
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
  readonly redirectUri: string
  readonly issuer: string
  readonly clientId: string
  readonly browserHash?: string
  readonly deadline: string
}

/** What the callback needs that is not in `pending`: the client secret's Configuration (never stored in clear). */
export interface OidcRunMemory {
  readonly config: oc.Configuration
}

/**
 * The run's client secret as kept in store.loginSecrets (AES-256-GCM, bound to the browser, taken once), with the
 * discovered server metadata so the callback, on any instance, rebuilds the Configuration without a new discovery.
 * `loopbackForTests` carries the tests' loopback allowance across: only our own code can write an encrypted row.
 */
export const OidcRunSecretSchema = z.object({
  clientSecret: z.string().max(2000),
  serverMetadata: z.looseObject({ issuer: z.string() }),
  loopbackForTests: z.boolean(),
})
export type OidcRunSecret = z.infer<typeof OidcRunSecretSchema>

export const oidcRunSecretKey = (runId: string) => `oidc-run:${runId}`

export type OidcStartResult =
  | { readonly ok: true; readonly runId: string; readonly url: string }
  | { readonly ok: false; readonly runId: string; readonly findings: Finding[] }

/** The authorization request of one run, before anything is stored: where to send the browser, what to check later. */
export type OidcAuthorization =
  | {
      readonly ok: true
      readonly url: URL
      readonly state: string
      readonly pending: OidcPending
      readonly memory: OidcRunMemory
      readonly timeline: TimelineStep[]
    }
  | { readonly ok: false; readonly state: string; readonly findings: Finding[] }

/**
 * Discovers the IdP and builds the authorization request: code flow + PKCE S256 + state + nonce. Store-free, so the
 * app's test login and the headless one share it.
 */
export async function prepareOidcAuthorization(o: {
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  profile: SpProfile
  now: Date
  browserHash?: string
  fetchOptions?: SafeFetchOptions
}): Promise<OidcAuthorization> {
  const { issuer, clientId, redirectUri, profile, now } = o
  const idp = idpKindFromIssuer(issuer)
  const state = oc.randomState()
  if (!issuer || !clientId) {
    return {
      ok: false,
      state,
      findings: [
        finding(
          'OIDC_TEST_LOGIN_DISCOVERY_FAILED',
          {
            expected: 'an issuer URL and a client ID saved with the connection',
            actual: { issuer: issuer || null, clientId: clientId || null },
          },
          { idp },
        ),
      ],
    }
  }
  const t0 = performance.now()
  let config: oc.Configuration
  try {
    config = await discoverClient(issuer, clientId, o.clientSecret, { ctx: { idp }, ...o.fetchOptions })
  } catch (err) {
    const why = oidcErrorToFindings(err, { idp, clientId, issuer, redirectUri })
    return {
      ok: false,
      state,
      findings: [
        finding(
          'OIDC_TEST_LOGIN_DISCOVERY_FAILED',
          { expected: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, actual: why.map((f) => f.code) },
          { idp },
        ),
        ...why,
      ],
    }
  }
  const discovered = step('decoded', `OpenID configuration loaded from ${issuer}`, {
    since: t0,
    data: {
      authorization_endpoint: config.serverMetadata().authorization_endpoint,
      token_endpoint: config.serverMetadata().token_endpoint,
    },
  })
  const nonce = oc.randomNonce()
  const codeVerifier = oc.randomPKCECodeVerifier()
  const scope = (profile.oidc?.scopes ?? ['openid', 'email', 'profile']).join(' ')
  const params = {
    redirect_uri: redirectUri,
    scope,
    state,
    nonce,
    code_challenge: await oc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    // Each run signs in again, so several test users can be tried from one browser.
    prompt: 'login',
  }
  const url = oc.buildAuthorizationUrl(config, params)
  const pending: OidcPending = {
    state,
    nonce,
    codeVerifier,
    redirectUri,
    issuer,
    clientId,
    ...(o.browserHash ? { browserHash: o.browserHash } : {}),
    deadline: new Date(now.getTime() + OIDC_RUN_TTL_MS).toISOString(),
  }
  const sent = step(
    'request-sent',
    `Authorization request sent to ${url.origin}${url.pathname}: code flow, PKCE S256, scope "${scope}", redirect_uri ${redirectUri}`,
    {
      at: now,
      data: {
        client_id: clientId,
        redirect_uri: redirectUri,
        scope,
        response_type: 'code',
        code_challenge_method: 'S256',
        prompt: 'login',
      },
    },
  )
  return { ok: true, url, state, pending, memory: { config }, timeline: [discovered, sent] }
}

/**
 * Starts an OIDC test login: authorization code + PKCE S256 + state + nonce. The client secret typed for the run
 * is kept encrypted in the store, bound to the starting browser, until the callback takes it (at most 10 minutes).
 */
export async function startOidcTestLogin(
  connection: Connection,
  o: {
    store: Store
    origin: string
    clientSecret: string
    browserHash?: string
    now?: Date
    fetchOptions?: SafeFetchOptions
  },
): Promise<OidcStartResult> {
  const now = o.now ?? new Date()
  const profile = profileFor(connection.profileId)
  const issuer = connection.config.issuer ?? ''
  const prepared = await prepareOidcAuthorization({
    issuer,
    clientId: connection.config.clientId ?? '',
    clientSecret: o.clientSecret,
    redirectUri: ourOidcRedirectUri(o.origin),
    profile,
    now,
    ...(o.browserHash ? { browserHash: o.browserHash } : {}),
    ...(o.fetchOptions ? { fetchOptions: o.fetchOptions } : {}),
  })
  if (!prepared.ok) {
    const run = await o.store.runs.create({ connectionId: connection.id, protocol: 'oidc', stateKey: prepared.state })
    const timeline = [step('error', 'The test login could not start: see the findings', { at: now })]
    const report = buildReport({
      subject: { kind: 'oidc-test-login', idp: idpKindFromIssuer(issuer), issuer, source: 'test login' },
      profile: profile.id,
      now,
      findings: prepared.findings,
      timeline,
    })
    await o.store.runs.complete(run.id, { status: 'failed', report, timeline })
    return { ok: false, runId: run.id, findings: prepared.findings }
  }
  const run = await o.store.runs.create({
    connectionId: connection.id,
    protocol: 'oidc',
    stateKey: prepared.state,
    pending: { ...prepared.pending },
    timeline: prepared.timeline,
    ttlSeconds: 15 * 60,
  })
  const secret: OidcRunSecret = {
    clientSecret: o.clientSecret,
    serverMetadata: { ...prepared.memory.config.serverMetadata() },
    loopbackForTests: o.fetchOptions?.[allowLoopbackForTests] === true,
  }
  await o.store.loginSecrets.put(oidcRunSecretKey(run.id), o.browserHash ?? NO_BROWSER, secret, OIDC_RUN_TTL_MS)
  countTestLogin('oidc', 'started')
  return { ok: true, runId: run.id, url: prepared.url.href }
}
