import * as oc from 'openid-client'
import { z } from 'zod'
import { finding } from '../../findings/finding'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import type { Finding, IdpKind } from '../../findings/types'
import type { SpProfile } from '../../profiles/index'
import type { Store, TestLoginRun } from '../../store/index'
import { checkSteps, inCheck, OIDC_CHECKS } from '../check-steps'
import { allowLoopbackForTests } from '../../net/index'
import { countFindings, countTestLogin } from '../../ops/metrics'
import { NO_BROWSER } from '../../store/index'
import { clientFromMetadata } from './client'
import { profileFor } from '../profile'
import type { AcsOutcome } from '../saml/complete'
import { step } from '../timeline'
import { runPath } from '../urls'
import { checkRequiredClaims } from './claims'
import { errorRedirectFindings, idpKindFromIssuer } from './error-redirect'
import { oidcRunSecretKey, OidcRunSecretSchema, type OidcPending, type OidcRunMemory } from './start'
import { oidcErrorToFindings } from './to-findings'

const OidcPendingSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  redirectUri: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  browserHash: z.string().optional(),
  deadline: z.string(),
})

/** What only the browser that started the run may see (store.loginSecrets: encrypted, 10 minutes): the unmasked claims. */
export interface PrivateOidcView {
  readonly browserHash?: string
  readonly idTokenClaims?: Record<string, unknown>
  readonly userinfo?: Record<string, unknown>
}

async function claimRun(store: Store, state: string): Promise<{ run?: TestLoginRun; replayOf?: TestLoginRun }> {
  if (!state) return {}
  const run = await store.runs.consume(state)
  if (run) return { run }
  const seen = await store.runs.findByKey(state)
  return seen?.consumedAt ? { replayOf: seen } : {}
}

/**
 * The redirect URI's handler: finds the run by state (once), turns an error redirect into findings, else exchanges
 * the code (PKCE, nonce and ID-token signature checked by openid-client), fetches userinfo, checks required claims.
 */
export const oidcViewKey = (runId: string) => `oidc-view:${runId}`

/**
 * The run's client secret, taken once from the store for the browser presenting the callback, as the Configuration
 * the code exchange needs. Undefined when expired, already taken, or the browser is not the one that started the run.
 */
async function takeRunSecret(
  store: Store,
  runId: string,
  browserHash: string,
  idp: IdpKind,
  clientId: string,
): Promise<OidcRunMemory | undefined> {
  const parsed = OidcRunSecretSchema.safeParse(await store.loginSecrets.take(oidcRunSecretKey(runId), browserHash))
  if (!parsed.success) return undefined
  const s = parsed.data
  const fetchOptions = { ctx: { idp }, ...(s.loopbackForTests ? { [allowLoopbackForTests]: true as const } : {}) }
  return { config: clientFromMetadata(s.serverMetadata as oc.ServerMetadata, clientId, s.clientSecret, fetchOptions) }
}

/**
 * @param o.browserHash browserKeyHash of the browser cookie the callback came with: the secret is released only to
 *   the browser that started the run (NO_BROWSER for runs started without one, as the test harness does).
 */
export async function completeOidcTestLogin(
  callback: URL,
  o: { store: Store; now?: Date; browserHash?: string },
): Promise<AcsOutcome> {
  const t0 = performance.now()
  const now = o.now ?? new Date()
  const q = callback.searchParams
  const state = q.get('state') ?? ''
  const error = q.get('error')
  const { run, replayOf } = await claimRun(o.store, state)

  if (!run) {
    const code = replayOf ? 'OIDC_TEST_LOGIN_REPLAYED' : 'OIDC_TEST_LOGIN_RUN_NOT_FOUND'
    const findings: Finding[] = [
      finding(code, {
        expected: replayOf
          ? 'a callback not seen before'
          : 'the state of a test login started here in the last 15 minutes',
        actual: { state: state || null },
        ...(replayOf ? { firstResult: runPath(replayOf.id) } : {}),
      }),
    ]
    if (error)
      findings.push(
        ...errorRedirectFindings(
          { error, ...(q.get('error_description') ? { error_description: q.get('error_description')! } : {}) },
          { idp: 'other', redirectUri: `${callback.origin}${callback.pathname}` },
        ),
      )
    const report = buildReport({
      subject: { kind: 'oidc-test-login', idp: 'other', source: 'test login (callback)' },
      profile: 'generic',
      now,
      findings,
      timeline: [
        step(
          'response-received',
          `Callback received (${error ? `error=${error}` : q.has('code') ? 'code' : 'no code'})`,
          { at: now },
        ),
      ],
    })
    // A replay belongs to the workspace of the run it replays, as at the ACS.
    const saved = await o.store.savedReports.save({
      kind: 'test-login',
      report,
      ...(replayOf ? { workspaceId: replayOf.workspaceId } : {}),
    })
    countTestLogin('oidc', 'unmatched')
    return { kind: 'report', reportId: saved.id }
  }

  const parsed = OidcPendingSchema.safeParse(run.pending)
  const connection = run.connectionId ? await o.store.connections.get(run.connectionId) : null
  const profile = profileFor(connection?.profileId ?? 'generic')
  const pending = parsed.success ? parsed.data : undefined
  const idp: IdpKind = idpKindFromIssuer(pending?.issuer)
  const timeline: TimelineStep[] = [...run.timeline]
  timeline.push(
    step(
      'response-received',
      `Redirected back to the callback with ${error ? `error=${error}` : q.has('code') ? 'an authorization code' : 'neither code nor error'}${q.has('iss') ? ', iss' : ''}`,
      {
        at: now,
        data: { params: [...q.keys()], ...(error ? { error, error_description: q.get('error_description') } : {}) },
      },
    ),
  )
  const memory = pending
    ? await takeRunSecret(o.store, run.id, o.browserHash ?? NO_BROWSER, idp, pending.clientId)
    : undefined
  const {
    report: withTimeline,
    testUser,
    idTokenClaims,
    userinfo,
  } = await evaluateOidcCallback(callback, {
    ...(pending ? { pending } : {}),
    ...(memory ? { memory } : {}),
    profile,
    idp,
    now,
    t0,
    timeline,
    runId: run.id,
    ...(connection ? { connectionId: connection.id, connectionName: connection.name } : {}),
  })
  await o.store.runs.complete(run.id, {
    status: withTimeline.summary.verdict === 'go' ? 'completed' : 'failed',
    report: withTimeline,
    testUser: testUser || null,
    timeline: withTimeline.timeline ?? [],
  })
  countTestLogin('oidc', withTimeline.summary.verdict === 'go' ? 'passed' : 'failed')
  countFindings(withTimeline.findings.map((f) => f.code))
  await o.store.loginSecrets.put(oidcViewKey(run.id), pending?.browserHash ?? NO_BROWSER, {
    ...(pending?.browserHash ? { browserHash: pending.browserHash } : {}),
    ...(idTokenClaims ? { idTokenClaims } : {}),
    ...(userinfo ? { userinfo } : {}),
  } satisfies PrivateOidcView)
  return { kind: 'run', runId: run.id }
}

/**
 * Judges one redirect back to the client: an error redirect becomes findings; a code is exchanged (PKCE, state,
 * nonce and the ID token's signature checked by openid-client), userinfo fetched and the profile's claims checked.
 * Store-free, so the app's callback and the headless login share it.
 */
export async function evaluateOidcCallback(
  callback: URL,
  o: {
    pending?: OidcPending
    memory?: OidcRunMemory
    profile: SpProfile
    idp: IdpKind
    now: Date
    t0: number
    timeline: TimelineStep[]
    runId?: string
    connectionId?: string
    connectionName?: string
  },
): Promise<{
  report: Report
  testUser: string
  idTokenClaims?: Record<string, unknown>
  userinfo?: Record<string, unknown>
}> {
  const { pending, memory, profile, idp, now, t0, timeline } = o
  const q = callback.searchParams
  const error = q.get('error')
  const findings: Finding[] = []
  let idTokenClaims: Record<string, unknown> | undefined
  let userinfo: Record<string, unknown> | undefined

  if (!pending) {
    findings.push(
      finding('OIDC_TEST_LOGIN_RUN_NOT_FOUND', {
        expected: 'an OIDC test login run',
        actual: { runId: o.runId ?? null },
      }),
    )
  } else if (error) {
    const description = q.get('error_description')
    findings.push(
      ...errorRedirectFindings(
        { error, ...(description ? { error_description: description } : {}) },
        { idp, redirectUri: pending.redirectUri, clientId: pending.clientId },
      ),
    )
  } else if (!q.get('code')) {
    findings.push(
      finding(
        'OIDC_TEST_LOGIN_CALLBACK_INVALID',
        { expected: 'code and state (or error) in the query', actual: [...q.keys()] },
        { idp },
      ),
    )
  } else if (!memory) {
    findings.push(
      finding('OIDC_TEST_LOGIN_SECRET_UNAVAILABLE', {
        expected: 'the client secret typed when this test login started',
        actual: 'not available: expired, already used, or another browser than the one that started the run',
      }),
    )
  } else {
    if (now.getTime() > Date.parse(pending.deadline)) {
      findings.push(
        finding('OIDC_TEST_LOGIN_RUN_EXPIRED', {
          expected: `a callback before ${pending.deadline}`,
          actual: now.toISOString(),
        }),
      )
    }
    const currentUrl = new URL(pending.redirectUri)
    currentUrl.search = callback.search
    const ctx = { idp, clientId: pending.clientId, issuer: pending.issuer, redirectUri: pending.redirectUri }
    const tToken = performance.now()
    try {
      const tokens = await oc.authorizationCodeGrant(memory.config, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
      idTokenClaims = { ...(tokens.claims() ?? {}) }
      timeline.push(
        step(
          'decoded',
          `Code exchanged for tokens; ID token signature verified (${String(idTokenHeaderAlg(tokens.id_token))}); claims: ${Object.keys(idTokenClaims).sort().join(', ')}`,
          {
            since: tToken,
            data: { idTokenClaims },
          },
        ),
      )
      const tInfo = performance.now()
      try {
        userinfo = {
          ...(await oc.fetchUserInfo(
            memory.config,
            tokens.access_token,
            String(idTokenClaims.sub ?? oc.skipSubjectCheck),
          )),
        }
        timeline.push(
          step('decoded', `Userinfo: ${Object.keys(userinfo).sort().join(', ')}`, { since: tInfo, data: { userinfo } }),
        )
      } catch (err) {
        findings.push(
          finding(
            'OIDC_USERINFO_FAILED',
            {
              expected: 'a userinfo answer for the access token',
              actual: oidcErrorToFindings(err, ctx).map((f) => f.evidence.actual ?? f.code),
            },
            { idp },
          ),
        )
      }
      findings.push(...checkRequiredClaims(idTokenClaims, userinfo, profile, { idp }))
    } catch (err) {
      findings.push(...oidcErrorToFindings(err, ctx))
      timeline.push(step('error', 'The code exchange or the ID token checks failed', { since: tToken }))
    }
  }
  // Error redirect: nothing after the authorization response ran; a failed exchange stops before the claims.
  // openid-client stops at the first failed check, so what comes after it was not verified.
  const firstFailed = OIDC_CHECKS.findIndex((g) => findings.some((f) => f.severity === 'error' && inCheck(g, f.code)))
  const reachedUntil =
    !pending || error || !q.get('code') || !memory
      ? 0
      : !idTokenClaims
        ? Math.max(firstFailed, 1)
        : OIDC_CHECKS.length - 1
  timeline.push(...checkSteps(OIDC_CHECKS, findings, { reachedUntil }))
  const testUser = idTokenClaims
    ? String(idTokenClaims.email ?? idTokenClaims.preferred_username ?? idTokenClaims.sub ?? '')
    : ''
  const report = buildReport({
    subject: {
      kind: 'oidc-test-login',
      idp,
      source: 'test login',
      ...(pending ? { issuer: pending.issuer } : {}),
      ...(o.connectionId ? { connectionId: o.connectionId } : {}),
      // Who and where, so an export stands alone; the store masks testUser like any personal value (lib/store/mask.ts).
      ...(o.connectionName ? { connectionName: o.connectionName } : {}),
      ...(testUser ? { testUser } : {}),
    },
    profile: profile.id,
    now,
    findings,
    facts: {
      ...(o.runId ? { runId: o.runId } : {}),
      serverMs: Math.round((performance.now() - t0) * 10) / 10,
      ...(idTokenClaims ? { idTokenClaims } : {}),
      ...(userinfo ? { userinfoClaims: Object.keys(userinfo).sort() } : {}),
    },
  })
  timeline.push(
    step(
      'check',
      `${report.summary.errors} error(s), ${report.summary.warnings} warning(s): ${report.summary.verdict === 'go' ? 'the vendor would accept this login' : 'the vendor would reject this login'}`,
      { since: t0 },
    ),
  )
  return {
    report: { ...report, timeline },
    testUser,
    ...(idTokenClaims ? { idTokenClaims } : {}),
    ...(userinfo ? { userinfo } : {}),
  }
}

function idTokenHeaderAlg(idToken: string | undefined): string {
  try {
    const header = JSON.parse(Buffer.from((idToken ?? '').split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      alg?: unknown
    }
    return typeof header.alg === 'string' ? header.alg : 'unknown alg'
  } catch {
    return 'unknown alg'
  }
}
