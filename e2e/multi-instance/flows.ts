import { randomBytes } from 'node:crypto'
import { MockBrowser } from '../mock-idp/driver'

/*
 * Test logins driven over HTTP (no browser engine) where the start and the IdP's answer may go to different app
 * instances, as behind a load balancer: the browser cookie travels with every request to the app, whichever
 * instance answers.
 */

export interface AppBrowser {
  /** The sso_preflight_browser cookie value this simulated browser presents to every instance. */
  readonly key: string
  readonly cookie: string
}

export function newAppBrowser(): AppBrowser {
  const key = randomBytes(24).toString('base64url')
  return { key, cookie: `sso_preflight_browser=${key}` }
}

async function appRequest(
  url: string,
  b: AppBrowser,
  init: { method?: string; form?: Record<string, string>; extraCookie?: string } = {},
): Promise<Response> {
  const u = new URL(url)
  const headers: Record<string, string> = {
    cookie: [b.cookie, init.extraCookie].filter(Boolean).join('; '),
    origin: u.origin,
  }
  let body: string | undefined
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(init.form).toString()
  }
  return fetch(u, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    headers,
    ...(body !== undefined ? { body } : {}),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  })
}

const onInstance = (url: string, instance: string) => {
  const u = new URL(url)
  const i = new URL(instance)
  u.protocol = i.protocol
  u.host = i.host
  return u.href
}
const runIdOf = (location: string | null) => /\/test-logins\/([A-Za-z0-9_-]{16,64})/.exec(location ?? '')?.[1]

export interface CrossLogin {
  runId: string
  resultPage: string
  startedOn: string
  finishedOn: string
}

/** An OIDC test login started on `start` (with the client secret) whose callback the IdP's redirect brings to `finish`. */
export async function oidcLoginAcross(o: {
  start: string
  finish: string
  connectionId: string
  clientSecret: string
  username: string
  browser?: AppBrowser
  extraCookie?: string
}): Promise<CrossLogin> {
  const b = o.browser ?? newAppBrowser()
  const started = await appRequest(`${o.start}/connections/${o.connectionId}/test-login/start`, b, {
    form: { clientSecret: o.clientSecret },
    ...(o.extraCookie ? { extraCookie: o.extraCookie } : {}),
  })
  const toIdp = started.headers.get('location')
  if (started.status !== 303 || !toIdp)
    throw new Error(`start on ${o.start}: ${started.status} ${(await started.text()).slice(0, 300)}`)
  const idpBrowser = new MockBrowser({
    stopAt: new URL(toIdp).searchParams.get('redirect_uri')?.replace(/\/oidc\/callback$/, '') ?? o.start,
  })
  const login = await idpBrowser.go(toIdp)
  const back = await idpBrowser.submitForm(login, { username: o.username })
  const callback = back.location ?? back.url
  if (!/\/oidc\/callback\?/.test(callback))
    throw new Error(`the IdP did not redirect to the callback: ${back.status} ${callback}`)
  const done = await appRequest(onInstance(callback, o.finish), b, o.extraCookie ? { extraCookie: o.extraCookie } : {})
  const claim = done.headers.get('location')
  const runId = runIdOf(claim)
  if (done.status !== 303 || !runId) throw new Error(`callback on ${o.finish}: ${done.status} ${claim}`)
  return {
    runId,
    startedOn: o.start,
    finishedOn: o.finish,
    resultPage: await followClaim(onInstance(claim!, o.finish), b, o.extraCookie),
  }
}

/** A SAML test login started on `start` whose answer (the IdP's auto-post) is posted to `finish`'s ACS. */
export async function samlLoginAcross(o: {
  start: string
  finish: string
  connectionId: string
  username: string
  browser?: AppBrowser
  extraCookie?: string
}): Promise<CrossLogin> {
  const b = o.browser ?? newAppBrowser()
  const started = await appRequest(`${o.start}/connections/${o.connectionId}/test-login/start`, b, {
    method: 'POST',
    form: {},
    ...(o.extraCookie ? { extraCookie: o.extraCookie } : {}),
  })
  const toIdp = started.headers.get('location')
  if (started.status !== 303 || !toIdp)
    throw new Error(`start on ${o.start}: ${started.status} ${(await started.text()).slice(0, 300)}`)
  const idpBrowser = new MockBrowser()
  const login = await idpBrowser.go(toIdp)
  const answer = await idpBrowser.submitForm(login, { username: o.username })
  const fields = Object.fromEntries(
    [...answer.body.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
  )
  if (!fields.SAMLResponse)
    throw new Error(`no SAMLResponse from the IdP: ${answer.status} ${answer.body.slice(0, 300)}`)
  // The IdP posts cross-site: no cookie comes with it (SameSite=Lax), only the form.
  const posted = await fetch(`${o.finish}/saml/acs`, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' },
    body: new URLSearchParams({ SAMLResponse: fields.SAMLResponse, RelayState: fields.RelayState ?? '' }).toString(),
  })
  const claim = posted.headers.get('location')
  const runId = runIdOf(claim)
  if (posted.status !== 303 || !runId)
    throw new Error(`ACS on ${o.finish}: ${posted.status} ${claim} ${(await posted.text()).slice(0, 300)}`)
  return {
    runId,
    startedOn: o.start,
    finishedOn: o.finish,
    resultPage: await followClaim(onInstance(claim!, o.finish), b, o.extraCookie),
  }
}

/** The claim step and the result page, on the finishing instance, as the browser that started the run. */
async function followClaim(claimUrl: string, b: AppBrowser, extraCookie?: string): Promise<string> {
  const claimed = await appRequest(claimUrl, b, extraCookie ? { extraCookie } : {})
  const page = claimed.headers.get('location')
  if (claimed.status !== 303 || !page) throw new Error(`claim: ${claimed.status}`)
  const result = await appRequest(new URL(page, claimUrl).href, b, extraCookie ? { extraCookie } : {})
  if (result.status !== 200) throw new Error(`result page: ${result.status}`)
  return result.text()
}
