import { existsSync } from 'node:fs'
import type { Browser, Page, Request, Route } from 'playwright-core'
import { usageError } from '../../errors'
import { finding } from '../../findings/finding'
import type { TimelineStep } from '../../findings/report'
import { idpErrorCodeFindings } from '../idp-error-codes'
import type { HtmlForm } from './html-forms'
import { idpErrorPageText, type DriveOptions, type DriveOutcome, type PageRequest } from './page-driver'

/** How long a browser sign-in may take before it ends in a finding (an MFA prompt waits forever otherwise). */
export const DEFAULT_BROWSER_TIMEOUT_MS = 20_000
const STEP_MS = 50
/** Debian's chromium, as playwright.config.ts uses it; PLAYWRIGHT_CHROMIUM_PATH overrides. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface ChromiumOptions {
  /** The browser binary; default PLAYWRIGHT_CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. */
  readonly executablePath?: string
  readonly timeoutMs?: number
}

type PlaywrightCore = typeof import('playwright-core')

/**
 * Playwright, loaded only when a browser login runs: it is a development dependency of this project and an optional
 * one for users, and loading it costs every other command nothing. playwright-core first (the engine alone), then the
 * full `playwright` / `@playwright/test` packages, which carry the same `chromium`.
 */
export async function loadPlaywright(): Promise<PlaywrightCore> {
  for (const load of [
    () => import('playwright-core'),
    () => import('playwright' as string),
    () => import('@playwright/test' as string),
  ]) {
    try {
      const mod = (await load()) as Partial<PlaywrightCore> & { default?: Partial<PlaywrightCore> }
      const chromium = mod.chromium ?? mod.default?.chromium
      if (chromium) return { ...mod, chromium } as PlaywrightCore
    } catch (err) {
      if (!isModuleNotFound(err)) throw err
    }
  }
  throw usageError(
    '--driver chromium needs Playwright: install playwright-core next to sso-preflight (npm install playwright-core), or use --driver http',
  )
}

/** A module that is not installed (the error itself, or the cause a loader wrapped it in). */
function isModuleNotFound(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return true
  }
  return false
}

/** True when Playwright can be loaded (for `--driver auto`, which falls back to the browser only when it can). */
export async function playwrightAvailable(): Promise<boolean> {
  try {
    await loadPlaywright()
    return true
  } catch {
    return false
  }
}

/** The browser to start: a named one must exist; without a name, Debian's chromium, else Playwright's own (undefined). */
function chromiumPath(env: Readonly<Record<string, string | undefined>>, o: ChromiumOptions): string | undefined {
  const named = o.executablePath ?? env.PLAYWRIGHT_CHROMIUM_PATH
  if (named) {
    if (!existsSync(named))
      throw usageError(
        `PLAYWRIGHT_CHROMIUM_PATH ${JSON.stringify(named)}: no such file (name a Chromium binary, or unset it for ${DEFAULT_CHROMIUM})`,
      )
    return named
  }
  return existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : undefined
}

/** A visible input the sign-in wants: what kind it is, for the decision what to type. */
interface PageFields {
  readonly username: boolean
  readonly password: boolean
  readonly oneTimeCode: boolean
  readonly text: string
}

/** Reads the page in the browser: which sign-in fields are visible, and the page's text for an IdP error line. */
async function readPage(page: Page): Promise<PageFields | undefined> {
  try {
    return await page.evaluate(() => {
      const visible = (e: Element) => {
        const r = (e as HTMLElement).getBoundingClientRect()
        const s = getComputedStyle(e)
        return (
          r.width > 0 &&
          r.height > 0 &&
          s.visibility !== 'hidden' &&
          s.display !== 'none' &&
          !(e as HTMLInputElement).disabled
        )
      }
      const inputs = Array.from(document.querySelectorAll('input')).filter(visible)
      const key = (i: HTMLInputElement) => `${i.name} ${i.id} ${i.autocomplete}`
      const mfa = /(otp|totp|passcode|mfa|2fa|verification|one-?time|challenge|captcha)/i
      return {
        username: inputs.some((i) => (i.type === 'text' || i.type === 'email') && !mfa.test(key(i))),
        password: inputs.some((i) => i.type === 'password'),
        oneTimeCode: inputs.some(
          (i) =>
            i.autocomplete === 'one-time-code' ||
            ((i.type === 'text' || i.type === 'tel' || i.type === 'number') && mfa.test(key(i))),
        ),
        text: (document.body?.innerText ?? '').slice(0, 100_000),
      }
    })
  } catch {
    return undefined // the page is navigating: read it on the next step
  }
}

/** Fills the visible field of `kind` and submits its form (the submit button, or Enter as a person would). */
async function fillAndSubmit(page: Page, kind: 'username' | 'password', value: string): Promise<void> {
  const selector =
    kind === 'password' ? 'input[type=password]:visible' : 'input[type=text]:visible, input[type=email]:visible'
  const field = page.locator(selector).first()
  await field.fill(value, { timeout: 2_000 })
  const submit = page
    .locator('button[type=submit]:visible, input[type=submit]:visible, button:not([type]):visible')
    .first()
  if (await submit.count()) await submit.click({ timeout: 2_000, noWaitAfter: true })
  else await field.press('Enter', { timeout: 2_000, noWaitAfter: true })
}

/**
 * The browser's part of a test login with a real browser engine (Playwright's chromium, headless): for IdPs whose
 * sign-in pages need script. It starts the login, types the username and password from the environment into the
 * visible fields, and captures the IdP's answer addressed to the ACS (a POST carrying SAMLResponse) or to the redirect
 * URI by request interception: the request never leaves the browser, so nothing needs to listen there. A one-time-code
 * prompt, a page that never answers or the sign-in form shown again end in the same findings as the HTTP driver,
 * within `timeoutMs`.
 */
export async function driveWithChromium(
  first: PageRequest,
  o: DriveOptions & { readonly env: Readonly<Record<string, string | undefined>>; readonly chromium?: ChromiumOptions },
): Promise<DriveOutcome> {
  const note = (summary: string) =>
    o.timeline.push({ at: new Date().toISOString(), kind: 'redirect' as TimelineStep['kind'], summary })
  const stop = (
    code: 'INPUT_LOGIN_INTERACTIVE_STEP' | 'INPUT_LOGIN_CREDENTIALS_REFUSED' | 'INPUT_LOGIN_NO_ANSWER',
    expected: string,
    actual: string,
    where: string,
  ): DriveOutcome => ({ kind: 'stopped', findings: [finding(code, { expected, actual, where }, o.ctx)] })
  const timeoutMs = o.chromium?.timeoutMs ?? DEFAULT_BROWSER_TIMEOUT_MS
  const executablePath = chromiumPath(o.env, o.chromium ?? {}) // before loading Playwright: a wrong path fails at once
  const { chromium } = await loadPlaywright()
  let browser: Browser | undefined
  try {
    try {
      browser = await chromium.launch({
        headless: true,
        args: CHROMIUM_ARGS,
        ...(executablePath ? { executablePath } : {}),
        timeout: 30_000,
      })
    } catch (err) {
      throw usageError(
        `cannot start Chromium (${executablePath ?? "Playwright's own browser"}): ${(err as Error).message.split('\n')[0]}; install chromium or set PLAYWRIGHT_CHROMIUM_PATH`,
        err,
      )
    }
    const context = await browser.newContext({ ignoreHTTPSErrors: false, javaScriptEnabled: true })
    let captured: DriveOutcome | undefined
    const answerTo = o.answerField ? undefined : o.redirectBackTo
    // Every request passes here: the answer is kept and answered by us; anything not http(s) never leaves the browser.
    await context.route('**/*', async (route: Route, request: Request) => {
      const url = request.url()
      if (!/^https?:/i.test(url)) return route.abort()
      if (!captured && o.answerField && request.method() === 'POST' && request.isNavigationRequest()) {
        const fields = new URLSearchParams(request.postData() ?? '')
        if (fields.has(o.answerField)) {
          const form: HtmlForm = {
            action: url,
            method: 'post',
            inputs: [...fields].map(([name, value]) => ({ name, type: 'hidden', value })),
          }
          captured = { kind: 'answer-form', form, action: url }
          return route.fulfill({
            status: 200,
            contentType: 'text/html',
            body: '<!doctype html><title>Answer captured</title>',
          })
        }
      }
      if (!captured && answerTo && url.startsWith(answerTo)) {
        note(`redirect back to ${new URL(url).origin}${new URL(url).pathname}`)
        captured = { kind: 'redirect-back', url: new URL(url) }
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>Answer captured</title>',
        })
      }
      return route.continue()
    })
    const page = await context.newPage()
    let navigations = 0
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && /^https?:/.test(frame.url())) {
        navigations++
        const u = new URL(frame.url())
        note(`browser at ${u.origin}${u.pathname}`)
      }
    })
    if (first.method === 'GET') void page.goto(first.url, { timeout: timeoutMs }).catch(() => undefined)
    else {
      // The HTTP-POST binding: the browser posts the AuthnRequest as the SP's page would.
      const inputs = Object.entries(first.form ?? {})
        .map(([k, v]) => `<input type="hidden" name="${attr(k)}" value="${attr(v)}">`)
        .join('')
      await page.setContent(`<form method="post" action="${attr(first.url)}">${inputs}</form>`)
      void page.evaluate(() => document.forms[0]!.submit()).catch(() => undefined)
    }

    const deadline = Date.now() + timeoutMs
    let sentUsername = false
    let navigationsAtUsername = 0
    let passwordSubmits = 0
    let lastUrl = first.url
    while (Date.now() < deadline) {
      if (captured) return captured
      await new Promise((r) => setTimeout(r, STEP_MS))
      if (captured) return captured
      lastUrl = pageUrl(page.url(), lastUrl)
      const fields = await readPage(page)
      if (!fields) continue
      // An error line counts only on a page without sign-in fields (a login page may well mention error codes).
      const idpError = fields.username || fields.password ? undefined : idpErrorPageText(fields.text)
      if (idpError) {
        return {
          kind: 'stopped',
          findings: [
            finding(
              'SAML_TEST_LOGIN_IDP_ERROR_PAGE',
              { expected: "the IdP's answer at the ACS / redirect URI", actual: idpError, where: lastUrl },
              o.ctx,
            ),
            ...idpErrorCodeFindings(idpError, { idp: o.ctx.idp ?? 'other', where: lastUrl }),
          ],
        }
      }
      if (fields.oneTimeCode)
        return stop(
          'INPUT_LOGIN_INTERACTIVE_STEP',
          'a username / password form',
          'a form asking for a one-time code or challenge',
          lastUrl,
        )
      if (fields.password) {
        if (!o.password || (fields.username && !o.username))
          return stop(
            'INPUT_LOGIN_INTERACTIVE_STEP',
            'SSO_PREFLIGHT_USERNAME and SSO_PREFLIGHT_PASSWORD',
            'not set',
            lastUrl,
          )
        if (passwordSubmits > 0) {
          // The password form again after the password went in: give the IdP a moment to move on, then call it refused.
          await page.waitForLoadState('load', { timeout: 1_500 }).catch(() => undefined)
          const again = await readPage(page)
          if (captured) return captured
          if (again?.password)
            return stop(
              'INPUT_LOGIN_CREDENTIALS_REFUSED',
              'the IdP to accept the credentials',
              'the sign-in form again',
              pageUrl(page.url(), lastUrl),
            )
          continue
        }
        if (fields.username && o.username)
          await page
            .locator('input[type=text]:visible, input[type=email]:visible')
            .first()
            .fill(o.username, { timeout: 2_000 })
            .catch(() => undefined)
        passwordSubmits++
        note('credentials submitted in the browser')
        await fillAndSubmit(page, 'password', o.password).catch(() => undefined)
        continue
      }
      if (fields.username && sentUsername && navigations > navigationsAtUsername) {
        // The username form again on a new page after the name went in: the IdP refused the name.
        return stop(
          'INPUT_LOGIN_CREDENTIALS_REFUSED',
          'the IdP to accept the credentials',
          'the sign-in form again',
          lastUrl,
        )
      }
      if (fields.username && !sentUsername) {
        if (!o.username) return stop('INPUT_LOGIN_INTERACTIVE_STEP', 'SSO_PREFLIGHT_USERNAME', 'not set', lastUrl)
        sentUsername = true
        navigationsAtUsername = navigations
        note('username submitted in the browser')
        await fillAndSubmit(page, 'username', o.username).catch(() => undefined)
      }
    }
    if (captured) return captured
    return stop(
      'INPUT_LOGIN_INTERACTIVE_STEP',
      `the IdP's answer within ${Math.round(timeoutMs / 1000)} s`,
      "the browser stayed on the IdP's pages (an interactive step, or a page that never answers)",
      lastUrl,
    )
  } finally {
    await browser?.close().catch(() => undefined)
  }
}

function attr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The page's address for a finding: before its first navigation commits, a page is at about:blank, which says nothing. */
function pageUrl(current: string, last: string): string {
  return current && current !== 'about:blank' ? current : last
}
