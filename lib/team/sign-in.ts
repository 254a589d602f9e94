import * as oc from 'openid-client'
import { z } from 'zod'
import type { SignedInIdentity } from '../store/team'
import type { TeamConfig } from './config'
import { seal, unseal } from './sealed'

/*
 * Sign-in to the app itself (team mode) with the company's OIDC provider: code flow + PKCE (S256) + state + nonce with
 * openid-client. The transaction (verifier, state, nonce, where to go after) travels in a sealed, short-lived cookie,
 * not in this process's memory, so any instance can finish a sign-in another one started.
 *
 * The issuer is the operator's configuration, not user input, so discovery uses the platform fetch (an internal IdP on
 * a private address is normal); plain http is accepted only for a loopback issuer (tests, the demo IdP).
 */

export const SIGN_IN_TTL_MS = 10 * 60_000
const PURPOSE = 'sign-in-transaction'

const TransactionSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), returnTo: z.string() })

const configs = new Map<string, Promise<oc.Configuration>>()

function isLoopbackHttp(u: URL): boolean {
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
}

/** The provider's configuration, discovered once per process (retried after a failure). */
export function signInClient(config: TeamConfig): Promise<oc.Configuration> {
  const key = `${config.auth.issuer}\n${config.auth.clientId}`
  let found = configs.get(key)
  if (!found) {
    const issuer = new URL(config.auth.issuer)
    found = oc.discovery(issuer, config.auth.clientId, undefined, oc.ClientSecretBasic(config.auth.clientSecret), {
      // The ID token comes straight from the token endpoint, but its signature is checked anyway.
      execute: [oc.enableNonRepudiationChecks, ...(isLoopbackHttp(issuer) ? [oc.allowInsecureRequests] : [])],
      timeout: 10,
    })
    found.catch(() => configs.delete(key))
    configs.set(key, found)
  }
  return found
}

export function callbackUrl(config: TeamConfig): string {
  return new URL('/auth/callback', config.publicUrl).href
}

/**
 * Where to go after sign-in: a path on this site only ("/connections?x=1"), never "//evil.example" or a URL, so the
 * sign-in page cannot be used as an open redirect.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (
    !next ||
    next.length > 2000 ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\') ||
    /[\u0000-\u001f]/.test(next)
  )
    return '/'
  try {
    const u = new URL(next, 'http://x.invalid')
    return u.origin === 'http://x.invalid' ? `${u.pathname}${u.search}` : '/'
  } catch {
    return '/'
  }
}

/** The authorization URL to send the browser to, and the sealed transaction for the sign-in cookie. */
export async function startSignIn(config: TeamConfig, returnTo: string): Promise<{ url: URL; transaction: string }> {
  const client = await signInClient(config)
  const state = oc.randomState()
  const nonce = oc.randomNonce()
  const verifier = oc.randomPKCECodeVerifier()
  const url = oc.buildAuthorizationUrl(client, {
    redirect_uri: callbackUrl(config),
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const transaction = seal(
    config.sessionSecret,
    PURPOSE,
    { state, nonce, verifier, returnTo: safeReturnPath(returnTo) },
    SIGN_IN_TTL_MS,
  )
  return { url, transaction }
}

export type SignInResult =
  | { ok: true; identity: SignedInIdentity & { emailVerified: boolean }; returnTo: string }
  /** `code`: safe to log (an OAuth error code or openid-client's check code), unlike `detail`, which may quote the IdP. */
  | { ok: false; reason: 'no-transaction' | 'idp-error' | 'rejected'; detail: string; code?: string }

/**
 * The callback: the sealed transaction must be there (same browser, within 10 minutes); openid-client checks state,
 * PKCE, nonce, issuer, audience, expiry and the ID token's signature.
 */
export async function finishSignIn(
  config: TeamConfig,
  current: URL,
  sealedTransaction: string | undefined,
): Promise<SignInResult> {
  const tx = TransactionSchema.safeParse(
    sealedTransaction ? unseal(config.sessionSecret, PURPOSE, sealedTransaction) : undefined,
  )
  if (!tx.success)
    return {
      ok: false,
      reason: 'no-transaction',
      detail: 'This sign-in was not started in this browser, or took longer than 10 minutes.',
    }
  const error = current.searchParams.get('error')
  if (error)
    return {
      ok: false,
      reason: 'idp-error',
      code: /^[a-z_]{1,64}$/.test(error) ? error : 'invalid',
      detail: `${error.slice(0, 64)}: ${(current.searchParams.get('error_description') ?? '').slice(0, 300)}`,
    }
  const client = await signInClient(config)
  // openid-client compares the callback URL with the redirect URI: rebuild it on the public URL (behind a proxy the
  // request's own URL may be http://internal:3000).
  const callback = new URL(callbackUrl(config))
  callback.search = current.search
  try {
    const tokens = await oc.authorizationCodeGrant(client, callback, {
      pkceCodeVerifier: tx.data.verifier,
      expectedState: tx.data.state,
      expectedNonce: tx.data.nonce,
      idTokenExpected: true,
    })
    const claims = tokens.claims()
    if (!claims) return { ok: false, reason: 'rejected', detail: 'The provider sent no ID token.' }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase().slice(0, 320) : null
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 500) : null
    return {
      ok: true,
      returnTo: tx.data.returnTo,
      identity: {
        issuer: claims.iss,
        subject: claims.sub,
        email,
        displayName: name,
        emailVerified: claims.email_verified !== false,
      },
    }
  } catch (err) {
    const code =
      err instanceof Error && 'code' in err
        ? String((err as { code: unknown }).code).slice(0, 64)
        : err instanceof Error
          ? err.name
          : 'unknown'
    return { ok: false, reason: 'rejected', code, detail: `The provider's answer was refused (${code}).` }
  }
}
