import * as oc from 'openid-client'
import { finding } from '../../findings/finding'
import { buildReport } from '../../findings/report'
import type { Finding } from '../../findings/types'
import type { SafeFetchOptions } from '../../net/index'
import type { Connection, Store } from '../../store/index'
import { remember } from '../private-memory'
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

/** Held in this process's memory only (never stored): the client secret's Configuration for the callback. */
export interface OidcRunMemory {
  readonly config: oc.Configuration
}

export type OidcStartResult =
  | { readonly ok: true; readonly runId: string; readonly url: string }
  | { readonly ok: false; readonly runId: string; readonly findings: Finding[] }

/**
 * Starts an OIDC test login: authorization code + PKCE S256 + state + nonce. The client secret typed for the run
 * stays in memory (inside openid-client's Configuration) until the callback takes it, at most 10 minutes.
 */
export async function startOidcTestLogin(connection: Connection, o: { store: Store; origin: string; clientSecret: string; browserHash?: string; now?: Date; fetchOptions?: SafeFetchOptions }): Promise<OidcStartResult> {
  const now = o.now ?? new Date()
  const profile = profileFor(connection.profileId)
  const issuer = connection.config.issuer ?? ''
  const clientId = connection.config.clientId ?? ''
  const idp = idpKindFromIssuer(issuer)
  const redirectUri = ourOidcRedirectUri(o.origin)
  const state = oc.randomState()
  const fail = async (findings: Finding[]): Promise<OidcStartResult> => {
    const run = await o.store.runs.create({ connectionId: connection.id, protocol: 'oidc', stateKey: state })
    const timeline = [step('error', 'The test login could not start: see the findings', { at: now })]
    const report = buildReport({ subject: { kind: 'oidc-test-login', idp, issuer, source: 'test login' }, profile: profile.id, now, findings, timeline })
    await o.store.runs.complete(run.id, { status: 'failed', report, timeline })
    return { ok: false, runId: run.id, findings }
  }
  if (!issuer || !clientId) {
    return fail([finding('OIDC_TEST_LOGIN_DISCOVERY_FAILED', { expected: 'an issuer URL and a client ID saved with the connection', actual: { issuer: issuer || null, clientId: clientId || null } }, { idp })])
  }
  const t0 = performance.now()
  let config: oc.Configuration
  try {
    config = await discoverClient(issuer, clientId, o.clientSecret, { ctx: { idp }, ...o.fetchOptions })
  } catch (err) {
    const why = oidcErrorToFindings(err, { idp, clientId, issuer, redirectUri })
    return fail([finding('OIDC_TEST_LOGIN_DISCOVERY_FAILED', { expected: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, actual: why.map((f) => f.code) }, { idp }), ...why])
  }
  const discovered = step('decoded', `OpenID configuration loaded from ${issuer}`, { since: t0, data: { authorization_endpoint: config.serverMetadata().authorization_endpoint, token_endpoint: config.serverMetadata().token_endpoint } })
  const nonce = oc.randomNonce()
  const codeVerifier = oc.randomPKCECodeVerifier()
  const scope = (profile.oidc?.scopes ?? ['openid', 'email', 'profile']).join(' ')
  const params = {
    redirect_uri: redirectUri, scope, state, nonce,
    code_challenge: await oc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    // Each run signs in again, so several test users can be tried from one browser.
    prompt: 'login',
  }
  const url = oc.buildAuthorizationUrl(config, params)
  const pending: OidcPending = {
    state, nonce, codeVerifier, redirectUri, issuer, clientId,
    ...(o.browserHash ? { browserHash: o.browserHash } : {}),
    deadline: new Date(now.getTime() + OIDC_RUN_TTL_MS).toISOString(),
  }
  const sent = step('request-sent', `Authorization request sent to ${url.origin}${url.pathname}: code flow, PKCE S256, scope "${scope}", redirect_uri ${redirectUri}`, {
    at: now, data: { client_id: clientId, redirect_uri: redirectUri, scope, response_type: 'code', code_challenge_method: 'S256', prompt: 'login' },
  })
  const run = await o.store.runs.create({ connectionId: connection.id, protocol: 'oidc', stateKey: state, pending: { ...pending }, timeline: [discovered, sent], ttlSeconds: 15 * 60 })
  remember<OidcRunMemory>(`oidc-run:${run.id}`, { config }, OIDC_RUN_TTL_MS)
  return { ok: true, runId: run.id, url: url.href }
}
