/**
 * Drives an SP-initiated login through an IdP's HTML pages with plain HTTP: a cookie jar, manual redirects, the
 * username/password form, and the auto-submit form that carries the SAMLResponse. No browser.
 */

export interface PostedAnswer {
  /** Where the auto-submit form would POST (the ACS). */
  readonly action: string
  readonly samlResponse: string
  readonly relayState?: string
  /** Every page fetched, for failure messages. */
  readonly trail: readonly string[]
}

class CookieJar {
  private readonly cookies = new Map<string, string>()
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      if (eq > 0) this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/** Follows redirects by hand (the jar must see every Set-Cookie) until a page answers 200. */
async function fetchPage(
  jar: CookieJar,
  url: string,
  trail: string[],
  init: { method?: string; body?: URLSearchParams } = {},
): Promise<{ url: string; html: string }> {
  let current = url
  let method = init.method ?? 'GET'
  let body: URLSearchParams | undefined = init.body
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(current, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    })
    jar.take(res)
    trail.push(`${method} ${current.replace(/SAMLRequest=[^&]+/, 'SAMLRequest=…')} → ${res.status}`)
    const location = res.headers.get('location')
    if (res.status >= 300 && res.status < 400 && location) {
      current = new URL(location, current).href
      method = 'GET'
      body = undefined
      continue
    }
    const html = await res.text()
    if (res.status !== 200)
      throw new Error(`HTTP ${res.status} at ${current}\n${trail.join('\n')}\n${html.slice(0, 2000)}`)
    return { url: current, html }
  }
  throw new Error(`too many redirects\n${trail.join('\n')}`)
}

/**
 * Starts at the SSO URL (AuthnRequest in the query), signs in on the IdP's login form and returns the answer the
 * IdP would POST to the ACS.
 * @example const answer = await loginWithPassword(redirectBindingUrl(sso, xml, relay), { username, password })
 */
export async function loginWithPassword(
  startUrl: string,
  user: { username: string; password: string },
): Promise<PostedAnswer> {
  const jar = new CookieJar()
  const trail: string[] = []
  const login = await fetchPage(jar, startUrl, trail)
  const form = readForm(login.html, login.url)
  if (!form || !('password' in form.fields))
    throw new Error(`no password form on ${login.url}\n${trail.join('\n')}\n${login.html.slice(0, 2000)}`)
  const fields = new URLSearchParams({ ...form.fields, username: user.username, password: user.password })
  const answerPage = await fetchPage(jar, form.action, trail, { method: 'POST', body: fields })
  const answer = readForm(answerPage.html, answerPage.url)
  if (!answer?.fields.SAMLResponse)
    throw new Error(`no SAMLResponse form on ${answerPage.url}\n${trail.join('\n')}\n${answerPage.html.slice(0, 2000)}`)
  return {
    action: answer.action,
    samlResponse: answer.fields.SAMLResponse,
    ...(answer.fields.RelayState !== undefined ? { relayState: answer.fields.RelayState } : {}),
    trail,
  }
}

/** The first <form> with its action (resolved against the page URL) and named <input> values. */
export function readForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } | null {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html)
  if (!form) return null
  const action = attr(form[1]!, 'action') ?? ''
  const fields: Record<string, string> = {}
  for (const m of form[2]!.matchAll(/<(?:input|button)\b([^>]*)>/gi)) {
    const name = attr(m[1]!, 'name')
    if (name && !/type\s*=\s*["']?(submit|button)/i.test(m[1]!)) fields[name] = attr(m[1]!, 'value') ?? ''
  }
  return { action: new URL(decodeEntities(action), pageUrl).href, fields }
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase()
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16))
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10))
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[k]!
  })
}
