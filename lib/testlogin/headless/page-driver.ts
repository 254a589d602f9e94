import { finding, type FindingContext } from '../../findings/finding'
import type { TimelineStep } from '../../findings/report'
import type { Finding } from '../../findings/types'
import { fetchBytes } from '../../net/index'
import type { SafeFetchOptions } from '../../net/types'
import { idpErrorCodeFindings } from '../idp-error-codes'
import { readForms, type HtmlForm } from './html-forms'

export interface PageRequest {
  readonly url: string
  readonly method: 'GET' | 'POST'
  readonly form?: Readonly<Record<string, string>>
}

/** How a scripted sign-in ended: the answer form (SAML), the redirect back to the client (OIDC), or a finding. */
export type DriveOutcome =
  | { readonly kind: 'answer-form'; readonly form: HtmlForm; readonly action: string }
  | { readonly kind: 'redirect-back'; readonly url: URL }
  | {
      readonly kind: 'stopped'
      readonly findings: Finding[]
      /** The page wants script: a browser might get further. */ readonly needsBrowser?: true
    }

export interface DriveOptions {
  readonly username?: string
  readonly password?: string
  readonly fetch?: SafeFetchOptions
  readonly ctx: FindingContext
  /** A form carrying this field is the IdP's answer (SAML: SAMLResponse). */
  readonly answerField?: string
  /** A redirect to a URL starting with this is the way back to the client (OIDC: the redirect URI). */
  readonly redirectBackTo?: string
  readonly timeline: TimelineStep[]
}

const MAX_STEPS = 12
const USERNAME_NAME = /^(user(name)?|login|email|e-?mail|j_username|loginfmt|identifier|uid|subject)$/i
const MFA_NAME = /(otp|totp|passcode|mfa|2fa|verification|one-?time|answer|challenge|captcha)/i

/**
 * Plays the browser's part in a sign-in without a browser: follows redirects with a cookie jar per host (through
 * lib/net, so every hop obeys the SSRF policy), fills a username / password form once with the given credentials,
 * submits hidden-field-only forms as their script would, and stops at the IdP's answer. Anything else (MFA, a page
 * that needs script, the same login form again) ends in a finding instead of a hang.
 */
export async function drivePages(first: PageRequest, o: DriveOptions): Promise<DriveOutcome> {
  const cookies = new Map<string, Map<string, string>>()
  const note = (kind: TimelineStep['kind'], summary: string) =>
    o.timeline.push({ at: new Date().toISOString(), kind, summary })
  const stop = (
    code: 'INPUT_LOGIN_INTERACTIVE_STEP' | 'INPUT_LOGIN_CREDENTIALS_REFUSED' | 'INPUT_LOGIN_NO_ANSWER',
    expected: string,
    actual: string,
    where: string,
  ): DriveOutcome => ({
    kind: 'stopped',
    findings: [finding(code, { expected, actual, where }, o.ctx)],
  })
  let next: PageRequest = first
  let credentialsSent = false
  for (let n = 0; n < MAX_STEPS; n++) {
    const url = new URL(next.url)
    const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml' }
    const jar = cookies.get(url.host)
    if (jar?.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    let body: string | undefined
    if (next.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(next.form).toString()
    }
    const raw = await fetchBytes(url.href, {
      ...o.fetch,
      method: next.method,
      headers,
      ...(body !== undefined ? { body } : {}),
      followRedirects: false,
      ctx: o.ctx,
    })
    if (!raw.ok) return { kind: 'stopped', findings: raw.findings }
    const res = { status: raw.status, headers: raw.headers, body: raw.body.toString('utf8') }
    if (res.status >= 400) {
      // IdPs show their error pages with a 4xx / 5xx status: read the page before calling it an HTTP error.
      const idpError = idpErrorPageStop(res.body, url, o)
      return (
        idpError ?? {
          kind: 'stopped',
          findings: [finding('NET_HTTP_ERROR', { expected: '2xx', actual: res.status, where: url.href }, o.ctx)],
        }
      )
    }
    keepCookies(cookies, url, res.headers['set-cookie'])
    const location = res.headers.location
    if (res.status >= 300 && res.status < 400 && location) {
      const target = new URL(location, url)
      if (o.redirectBackTo && target.href.startsWith(o.redirectBackTo)) {
        note('redirect', `${res.status} back to ${target.origin}${target.pathname}`)
        return { kind: 'redirect-back', url: target }
      }
      next = { url: target.href, method: 'GET' }
      note('redirect', `${res.status} to ${target.origin}${target.pathname}`)
      continue
    }
    const forms = readForms(res.body)
    const answer = o.answerField ? forms.find((f) => f.inputs.some((i) => i.name === o.answerField)) : undefined
    if (answer) return { kind: 'answer-form', form: answer, action: resolveAction(answer, url) }

    const login = forms.find((f) => f.inputs.some((i) => i.type === 'password') || f.inputs.some(isUsernameInput))
    // A form asking for a one-time code (on its own or beside the password) is a person's step: no browser gets past it.
    if (forms.some((f) => f.inputs.some((i) => MFA_NAME.test(i.name) && i.type !== 'hidden' && i.type !== 'submit'))) {
      return stop(
        'INPUT_LOGIN_INTERACTIVE_STEP',
        'a username / password form',
        'a form asking for a one-time code or challenge',
        url.href,
      )
    }
    if (login) {
      if (credentialsSent)
        return stop(
          'INPUT_LOGIN_CREDENTIALS_REFUSED',
          'the IdP to accept the credentials',
          'the sign-in form again',
          url.href,
        )
      const needsPassword = login.inputs.some((i) => i.type === 'password')
      if (!o.username || (needsPassword && !o.password)) {
        return stop(
          'INPUT_LOGIN_INTERACTIVE_STEP',
          'SSO_PREFLIGHT_USERNAME' + (needsPassword ? ' and SSO_PREFLIGHT_PASSWORD' : ''),
          'not set',
          url.href,
        )
      }
      const fields = formValues(login)
      for (const i of login.inputs) {
        if (i.type === 'password') fields[i.name] = o.password ?? ''
        else if (isUsernameInput(i)) fields[i.name] = o.username
      }
      credentialsSent = true
      note('redirect', `credentials submitted to ${resolveAction(login, url)}`)
      next = submit(login, url, fields)
      continue
    }
    // A page whose only form carries hidden fields (a POST hop between the IdP's own endpoints) is submitted as its
    // script would submit it.
    if (forms.length === 1 && forms[0]!.inputs.every((i) => i.type === 'hidden' || i.type === 'submit')) {
      next = submit(forms[0]!, url, formValues(forms[0]!))
      continue
    }
    // The IdP's own error page (Entra's AADSTS page, Okta's E-code page): the same finding as an error page an admin
    // reports from a browser test login, with the catalog's knowledge of the code.
    const idpError = idpErrorPageStop(res.body, url, o)
    if (idpError) return idpError
    return forms.length || /<script/i.test(res.body.slice(0, 200_000))
      ? {
          kind: 'stopped',
          needsBrowser: true,
          findings: [
            finding(
              'INPUT_LOGIN_INTERACTIVE_STEP',
              {
                expected: "a username / password form or the IdP's answer",
                actual: `a page with ${forms.length} form(s) the script cannot fill`,
                where: url.href,
              },
              o.ctx,
            ),
          ],
        }
      : stop('INPUT_LOGIN_NO_ANSWER', "the IdP's answer", `HTTP ${res.status}, no form`, url.href)
  }
  return stop(
    'INPUT_LOGIN_NO_ANSWER',
    `the IdP's answer within ${MAX_STEPS} pages`,
    'the IdP kept sending pages',
    next.url,
  )
}

function idpErrorPageStop(html: string, url: URL, o: DriveOptions): DriveOutcome | undefined {
  const line = idpErrorPageText(html)
  if (!line) return undefined
  return {
    kind: 'stopped',
    findings: [
      finding(
        'SAML_TEST_LOGIN_IDP_ERROR_PAGE',
        { expected: "the IdP's answer at the ACS / redirect URI", actual: line, where: url.href },
        o.ctx,
      ),
      ...idpErrorCodeFindings(line, { idp: o.ctx.idp ?? 'other', where: url.href }),
    ],
  }
}

/**
 * The error line of an IdP error page: "AADSTS<code>: <message>" (Entra) or an Okta E0000xxx code with its summary.
 * Bounded quantifiers over a capped prefix of the page: linear, whatever the page.
 */
export function idpErrorPageText(html: string): string | undefined {
  const text = html.slice(0, 200_000)
  const entra = /AADSTS\d{5,7}:[^<\n]{0,400}/.exec(text)
  if (entra) return entra[0].trim()
  const okta = /\bE0000\d{3}\b/.exec(text)
  if (!okta) return undefined
  const summary = /"errorSummary":"([^"<]{0,300})"/.exec(text)
  return `${okta[0]}${summary ? `: ${summary[1]}` : ''}`
}

function isUsernameInput(i: { name: string; type: string }): boolean {
  return (i.type === 'text' || i.type === 'email') && USERNAME_NAME.test(i.name)
}

function formValues(form: HtmlForm): Record<string, string> {
  const out: Record<string, string> = {}
  for (const i of form.inputs) if (i.type !== 'submit' && i.type !== 'button') out[i.name] ??= i.value
  return out
}

function resolveAction(form: HtmlForm, base: URL): string {
  return new URL(form.action || base.href, base).href
}

function submit(form: HtmlForm, base: URL, fields: Record<string, string>): PageRequest {
  const action = new URL(resolveAction(form, base))
  if (form.method === 'get') {
    for (const [k, v] of Object.entries(fields)) action.searchParams.set(k, v)
    return { url: action.href, method: 'GET' }
  }
  return { url: action.href, method: 'POST', form: fields }
}

/** Set-Cookie values arrive joined with ", " (lib/net joins repeated headers); a new cookie starts at "name=". */
function keepCookies(jar: Map<string, Map<string, string>>, url: URL, header: string | undefined): void {
  if (!header) return
  const forHost = jar.get(url.host) ?? new Map<string, string>()
  for (const line of header.split(/,\s*(?=[^;,=\s]+=)/)) {
    const pair = line.split(';', 1)[0]!
    const eq = pair.indexOf('=')
    if (eq <= 0) continue
    const name = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (value === '' || /max-age=0/i.test(line)) forHost.delete(name)
    else forHost.set(name, value)
  }
  jar.set(url.host, forHost)
}
