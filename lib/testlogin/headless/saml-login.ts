import { checkContext } from '../../context'
import { finding } from '../../findings/finding'
import { buildReport, type Report, type TimelineStep } from '../../findings/report'
import type { Finding } from '../../findings/types'
import { safeFetch } from '../../net/index'
import type { SafeFetchOptions } from '../../net/types'
import type { SpProfile } from '../../profiles/index'
import { validateSamlResponse } from '../../saml/response/index'
import { buildAuthnRequest, newRequestId, postBindingFields, redirectBindingUrl } from '../saml/authn-request'
import { samlIdpEndpoint } from '../saml/idp-endpoint'
import { readForms, type HtmlForm } from './html-forms'

export interface HeadlessSamlLoginInput {
  readonly idpMetadataXml: string
  /** The SP entity ID the IdP's app is configured for (the AuthnRequest's Issuer). */
  readonly spEntityId: string
  /** The ACS URL the answer is addressed to. Nothing needs to listen there: the answer is captured before it is posted. */
  readonly acsUrl: string
  /** From the environment, never from flags. */
  readonly username?: string
  readonly password?: string
  /** Extra query parameters on the first request to the IdP (the mock IdP's `scenario`). */
  readonly ssoQuery?: Readonly<Record<string, string>>
  readonly profile: SpProfile
  readonly now?: Date
  readonly fetch?: SafeFetchOptions
}

const MAX_STEPS = 12
const USERNAME_NAME = /^(user(name)?|login|email|e-?mail|j_username|loginfmt|identifier|uid|subject)$/i
const MFA_NAME = /(otp|totp|passcode|mfa|2fa|verification|one-?time|answer|challenge|captcha)/i

/**
 * A SAML test login without a browser: sends the AuthnRequest, fills the IdP's username / password form with the
 * given credentials, follows the IdP's pages and captures the self-posting SAMLResponse form addressed to the ACS,
 * then validates the answer exactly as `checkResponse` would. Works with plain HTML login forms (SimpleSAMLphp,
 * Keycloak-style, the mock IdP); a page that wants more (MFA, a script) ends in SAML_HEADLESS_INTERACTIVE_STEP.
 */
export async function headlessSamlLogin(input: HeadlessSamlLoginInput): Promise<Report> {
  const now = input.now ?? new Date()
  const endpoint = samlIdpEndpoint(input.idpMetadataXml, { idp: 'other' })
  const subject = { kind: 'saml-test-login' as const, source: 'headless test login' }
  if (!endpoint.ok) return buildReport({ subject: { ...subject, idp: 'other' }, profile: input.profile.id, now, findings: endpoint.findings })
  const { ssoUrl, binding, trust } = endpoint.value
  const ctx = { idp: trust.kind }
  const requestId = newRequestId()
  const authnRequest = buildAuthnRequest({ id: requestId, issueInstant: now, destination: ssoUrl, issuer: input.spEntityId, acsUrl: input.acsUrl, forceAuthn: true })
  const timeline: TimelineStep[] = []
  const step = (kind: TimelineStep['kind'], summary: string) => timeline.push({ at: new Date().toISOString(), kind, summary })
  const done = (findings: Finding[]) =>
    buildReport({ subject: { ...subject, idp: trust.kind, entityId: trust.entityId }, profile: input.profile.id, now, findings, timeline })

  const cookies = new Map<string, Map<string, string>>()
  let next: { url: string; method: 'GET' | 'POST'; form?: Record<string, string> }
  const first = new URL(binding === 'redirect' ? redirectBindingUrl(ssoUrl, authnRequest) : ssoUrl)
  for (const [k, v] of Object.entries(input.ssoQuery ?? {})) first.searchParams.set(k, v)
  next = binding === 'redirect' ? { url: first.href, method: 'GET' } : { url: first.href, method: 'POST', form: postBindingFields(authnRequest) }
  step('request-sent', `AuthnRequest ${requestId} to ${ssoUrl} (${binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'})`)

  let credentialsSent = false
  let lastUrl = next.url
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
    const res = await safeFetch(url.href, { ...input.fetch, method: next.method, headers, ...(body !== undefined ? { body } : {}), followRedirects: false, ctx })
    lastUrl = url.href
    if (!res.ok) return done(res.findings)
    keepCookies(cookies, url, res.headers['set-cookie'])
    const location = res.headers.location
    if (res.status >= 300 && res.status < 400 && location) {
      next = { url: new URL(location, url).href, method: 'GET' }
      step('redirect', `${res.status} to ${new URL(next.url).origin}${new URL(next.url).pathname}`)
      continue
    }
    const forms = readForms(res.body)
    const answer = forms.find((f) => f.inputs.some((i) => i.name === 'SAMLResponse'))
    if (answer) {
      const response = answer.inputs.find((i) => i.name === 'SAMLResponse')!.value
      step('response-received', `SAMLResponse addressed to ${resolveAction(answer, url)}`)
      const validated = validateSamlResponse({ response }, trust, {
        ctx: checkContext({ profile: input.profile, now, idp: trust.kind, spEntityId: input.spEntityId, acsUrl: input.acsUrl }),
        requestId,
        source: 'headless test login',
      })
      return buildReport({
        subject: { ...validated.subject, ...subject, idp: validated.subject.idp },
        profile: validated.profile,
        now,
        findings: validated.findings,
        skipped: validated.skipped,
        certificates: validated.certificates,
        timeline: [...timeline, ...(validated.timeline ?? [])],
        facts: validated.facts,
      })
    }
    const login = forms.find((f) => f.inputs.some((i) => i.type === 'password') || f.inputs.some(isUsernameInput))
    if (login && login.inputs.some((i) => MFA_NAME.test(i.name) && i.type !== 'hidden')) {
      return done([finding('SAML_HEADLESS_INTERACTIVE_STEP', { expected: 'a username / password form', actual: 'a form asking for a one-time code or challenge', where: url.href }, ctx)])
    }
    if (login) {
      if (credentialsSent) {
        return done([finding('SAML_HEADLESS_CREDENTIALS_REFUSED', { expected: 'the IdP to accept the credentials', actual: 'the sign-in form again', where: url.href }, ctx)])
      }
      const needsPassword = login.inputs.some((i) => i.type === 'password')
      if (!input.username || (needsPassword && !input.password)) {
        return done([finding('SAML_HEADLESS_INTERACTIVE_STEP', { expected: 'SSO_PREFLIGHT_USERNAME' + (needsPassword ? ' and SSO_PREFLIGHT_PASSWORD' : ''), actual: 'not set', where: url.href }, ctx)])
      }
      const fields = formValues(login)
      for (const i of login.inputs) {
        if (i.type === 'password') fields[i.name] = input.password ?? ''
        else if (isUsernameInput(i)) fields[i.name] = input.username
      }
      credentialsSent = true
      step('redirect', `credentials submitted to ${resolveAction(login, url)}`)
      next = submit(login, url, fields)
      continue
    }
    // A page whose only form carries hidden fields (a POST-binding hop between the IdP's own endpoints) is submitted
    // as a browser's script would.
    const onlyHidden = forms.length === 1 && forms[0]!.inputs.every((i) => i.type === 'hidden' || i.type === 'submit')
    if (onlyHidden) {
      next = submit(forms[0]!, url, formValues(forms[0]!))
      continue
    }
    return done([
      forms.length || /<script/i.test(res.body.slice(0, 200_000))
        ? finding('SAML_HEADLESS_INTERACTIVE_STEP', { expected: 'a username / password form or the SAML answer', actual: `a page with ${forms.length} form(s) the script cannot fill`, where: url.href }, ctx)
        : finding('SAML_HEADLESS_NO_ANSWER', { expected: 'a SAMLResponse form addressed to the ACS', actual: `HTTP ${res.status}, no form`, where: url.href }, ctx),
    ])
  }
  return done([finding('SAML_HEADLESS_NO_ANSWER', { expected: `the SAML answer within ${MAX_STEPS} pages`, actual: 'the IdP kept sending pages', where: lastUrl }, ctx)])
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

function submit(form: HtmlForm, base: URL, fields: Record<string, string>): { url: string; method: 'GET' | 'POST'; form?: Record<string, string> } {
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
