/**
 * A tiny browser stand-in for tests and the benchmark: follows redirects, keeps cookies per host, submits the mock
 * IdP's forms. It only ever talks to loopback (the mock IdP and an app under test).
 */

export interface DriverResponse {
  readonly url: string
  readonly status: number
  readonly location?: string
  readonly body: string
}

export class MockBrowser {
  private readonly jar = new Map<string, Map<string, string>>()

  /** `stopAt`: an origin whose redirects are not followed (the app's callback, when the test calls it directly). */
  constructor(private readonly o: { stopAt?: string } = {}) {}

  private cookieHeader(url: URL): string | undefined {
    const c = this.jar.get(url.host)
    return c && c.size ? [...c].map(([k, v]) => `${k}=${v}`).join('; ') : undefined
  }

  private keep(url: URL, res: Response): void {
    const set = res.headers.getSetCookie()
    if (!set.length) return
    const c = this.jar.get(url.host) ?? new Map<string, string>()
    for (const line of set) {
      const [pair] = line.split(';')
      const i = pair!.indexOf('=')
      const name = pair!.slice(0, i).trim()
      const value = pair!.slice(i + 1).trim()
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') c.delete(name)
      else c.set(name, value)
    }
    this.jar.set(url.host, c)
  }

  /** One request, no redirect following. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<DriverResponse> {
    const u = new URL(url)
    const headers: Record<string, string> = {}
    const cookie = this.cookieHeader(u)
    if (cookie) headers.cookie = cookie
    let body: string | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    }
    const res = await fetch(u, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      ...(body !== undefined ? { body } : {}),
      redirect: 'manual',
    })
    this.keep(u, res)
    const location = res.headers.get('location')
    return {
      url: u.href,
      status: res.status,
      body: await res.text(),
      ...(location ? { location: new URL(location, u).href } : {}),
    }
  }

  /** Follows redirects (GET after 303/302) until a page answers. */
  async go(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    maxHops = 15,
  ): Promise<DriverResponse> {
    let res = await this.request(url, init)
    for (let i = 0; i < maxHops && res.location && res.status >= 300 && res.status < 400; i++) {
      if (this.o.stopAt && res.location.startsWith(this.o.stopAt)) break
      res = await this.request(res.location)
    }
    return res
  }

  /** Submits the first form on a page (hidden fields plus `fields`), as the browser would. */
  async submitForm(page: DriverResponse, fields: Record<string, string> = {}): Promise<DriverResponse> {
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(page.body)
    if (!form) throw new Error(`no form on ${page.url} (status ${page.status}): ${page.body.slice(0, 200)}`)
    const action = new URL(unescapeHtml(form[1]!), page.url).href
    const values: Record<string, string> = {}
    for (const m of form[2]!.matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"[^>]*>/gi))
      values[unescapeHtml(m[1]!)] = unescapeHtml(m[2]!)
    return this.go(action, { method: 'POST', form: { ...values, ...fields } })
  }
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
