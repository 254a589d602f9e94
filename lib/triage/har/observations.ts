import { finding, type FindingContext } from '../../findings/finding'
import type { Finding } from '../../findings/types'
import { exactMatches, searchKnowledge } from '../explain/search'
import { maskEmails } from '../mask'
import { isDocument, isIdpHost, isVendorHost, type SsoHop } from './hops'
import { redactUrl } from './redact'
import type { HarEntry } from './schema'

// host with port: two apps on one machine (or the IdP and the SP on 127.0.0.1) are different parties.
const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return ''
  }
}
const hostnameOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}
const pathKey = (url: string) => {
  try {
    const u = new URL(url)
    return u.host + u.pathname
  } catch {
    return url.slice(0, 200)
  }
}

/**
 * The seed's "sign-in page loops": the same page (host + path) visited 3+ times in the navigation chain with
 * other hosts in between, inside a few minutes.
 */
export function checkRedirectLoop(entries: readonly HarEntry[], ctx: FindingContext): Finding[] {
  const nav = entries.map((e, i) => ({ e, i })).filter(({ e }) => isDocument(e))
  const seen = new Map<string, Array<{ i: number; at: number; host: string }>>()
  for (const { e, i } of nav) {
    const k = pathKey(e.request.url)
    const list = seen.get(k) ?? []
    list.push({ i, at: Date.parse(e.startedDateTime), host: hostOf(e.request.url) })
    seen.set(k, list)
  }
  const looping: Array<{ page: string; visits: number; span: number; hosts: string[]; entries: number[] }> = []
  // Per navigation position: its host, and where the next navigation to another host is (linear, instead of
  // filtering the whole chain once per repeated page, which was quadratic on a HAR of thousands of navigations).
  const navHosts = nav.map(({ e }) => hostOf(e.request.url))
  const navPos = new Map(nav.map(({ i }, k) => [i, k]))
  const nextOtherHost = new Array<number>(nav.length)
  for (let k = nav.length - 1; k >= 0; k--) {
    nextOtherHost[k] =
      k + 1 >= nav.length ? nav.length : navHosts[k + 1] !== navHosts[k] ? k + 1 : nextOtherHost[k + 1]!
  }
  for (const [key, visits] of seen) {
    if (visits.length < 3) continue
    const span = (visits[visits.length - 1]!.at - visits[0]!.at) / 1000
    if (!(span <= 300)) continue
    // A loop goes somewhere and comes back: other hosts between the first and last visit.
    const a = navPos.get(visits[0]!.i)!,
      b = navPos.get(visits[visits.length - 1]!.i)!
    if (nextOtherHost[a]! >= b) continue
    // The hosts in between, for the evidence: at most 200 navigations are looked at, so this stays bounded.
    const others = [...new Set(navHosts.slice(nextOtherHost[a]!, Math.min(b, nextOtherHost[a]! + 200)))].filter(
      (h) => h !== visits[0]!.host,
    )
    if (others.length)
      looping.push({
        page: key,
        visits: visits.length,
        span,
        hosts: [visits[0]!.host, ...others],
        entries: visits.map((v) => v.i),
      })
  }
  if (!looping.length) return []
  // One loop, however many of its pages repeat: name the page that repeats most (the first one on a tie).
  const top = [...looping].sort((a, b) => b.visits - a.visits || a.entries[0]! - b.entries[0]!)[0]!
  return [
    finding(
      'TRIAGE_HAR_REDIRECT_LOOP',
      {
        expected: 'each sign-in page visited once',
        actual: `${top.page} visited ${top.visits} times in ${Math.round(top.span)} s`,
        cycle: [...new Set(looping.flatMap((l) => l.hosts))],
        pages: looping.map((l) => ({ page: l.page, visits: l.visits })),
        entries: top.entries,
        where: 'HAR navigation chain',
      },
      ctx,
    ),
  ]
}

function setCookies(e: HarEntry): string[] {
  return e.response.headers.filter((h) => h.name.toLowerCase() === 'set-cookie').flatMap((h) => h.value.split('\n'))
}
const cookieName = (sc: string) => sc.split('=')[0]!.trim().slice(0, 100)

/** SameSite=None without Secure (dropped by browsers) and cookies set but never sent back (third-party cookies blocked). */
export function checkCookies(
  entries: readonly HarEntry[],
  ctx: FindingContext,
): { findings: Finding[]; skipped?: { check: string; reason: string } } {
  const out: Finding[] = []
  const insecure = new Set<string>()
  const setAt = new Map<string, number>()
  // Requests to a host after its first Set-Cookie, counted in the same pass (one pass, whatever the number of hosts).
  const later = new Map<string, { count: number; withCookie: boolean }>()
  let anyCookieSent = false
  entries.forEach((e, i) => {
    const host = hostOf(e.request.url)
    const sent = e.request.headers.some((h) => h.name.toLowerCase() === 'cookie') || e.request.cookies.length > 0
    if (sent) anyCookieSent = true
    if (setAt.has(host)) {
      const l = later.get(host) ?? { count: 0, withCookie: false }
      l.count++
      if (sent) l.withCookie = true
      later.set(host, l)
    }
    for (const sc of setCookies(e)) {
      const attrs = sc.toLowerCase()
      if (/;\s*samesite=none/.test(attrs) && !/;\s*secure/.test(attrs)) {
        const key = `${host} ${cookieName(sc)}`
        if (!insecure.has(key)) {
          insecure.add(key)
          out.push(
            finding(
              'TRIAGE_HAR_COOKIE_SAMESITE_NONE_INSECURE',
              {
                expected: 'SameSite=None; Secure',
                actual: `cookie ${cookieName(sc)} set with SameSite=None and no Secure`,
                host,
                where: `HAR entry #${i} Set-Cookie`,
              },
              ctx,
            ),
          )
        }
      }
      if (!setAt.has(host)) setAt.set(host, i)
    }
  })
  // Chrome exports "sanitized" HARs without any Cookie header: then absence proves nothing.
  if (!anyCookieSent)
    return {
      findings: out,
      ...(setAt.size
        ? {
            skipped: {
              check: 'cookies sent back',
              reason:
                'the HAR has no Cookie headers at all (exported sanitized), so blocked cookies cannot be told apart',
            },
          }
        : {}),
    }
  for (const [host, first] of setAt) {
    const l = later.get(host)
    if (l && l.count >= 2 && !l.withCookie) {
      out.push(
        finding(
          'TRIAGE_HAR_COOKIES_NOT_SENT',
          {
            expected: `cookies set by ${host} sent back on later requests`,
            actual: `${l.count} later requests to ${host} carried no Cookie`,
            host,
            where: `HAR entries after #${first}`,
          },
          ctx,
        ),
      )
    }
  }
  return { findings: out }
}

/** Error codes (AADSTS..., Okta E0000...) on error pages and in redirect URLs; OIDC error redirects; HTTP errors on SSO hops. */
export function checkErrors(
  entries: readonly HarEntry[],
  hops: readonly SsoHop[],
  ctx: FindingContext,
): { findings: Finding[]; texts: string[] } {
  const out: Finding[] = []
  const texts: string[] = []
  const seenCodes = new Set<string>()
  const known = (text: string, where: string, sentence = false) => {
    // A known message text (e.g. Okta's "User is not assigned...") counts too, but only as a whole phrase.
    const phrases = sentence ? searchKnowledge(text).filter((m) => m.by === 'alias') : []
    for (const m of [...phrases, ...exactMatches(text)]) {
      if (seenCodes.has(m.code)) continue
      seenCodes.add(m.code)
      out.push(finding(m.code, { actual: m.matched, where }, ctx))
    }
  }
  for (const hop of hops) {
    if (!hop.error) continue
    const description = maskEmails((hop.errorDescription ?? '').slice(0, 1000))
    texts.push(description)
    const before = out.length
    known(
      `error=${hop.error} ${description}`,
      `HAR entry #${hop.index}: ${hop.kind === 'oidc-token' ? 'token response' : 'error redirect'} from ${hop.host}`,
      true,
    )
    if (out.length === before && !seenCodes.has(`oidc:${hop.error}`)) {
      seenCodes.add(`oidc:${hop.error}`)
      out.push(
        finding(
          'TRIAGE_HAR_OIDC_ERROR',
          {
            expected: 'an authorization code',
            actual: { error: hop.error, error_description: description },
            where: `HAR entry #${hop.index} (${hop.host})`,
          },
          ctx,
        ),
      )
    }
  }
  const hopEntries = new Set(hops.map((h) => h.index))
  const errorHopEntries = new Set(hops.filter((h) => h.error).map((h) => h.index))
  entries.forEach((e, i) => {
    const host = hostOf(e.request.url)
    const name = hostnameOf(e.request.url)
    const sso = isIdpHost(name) || isVendorHost(name) || hopEntries.has(i)
    if (!sso) return
    const urlCodes = e.request.url.match(/AADSTS\d{5,7}|E0000\d{3}/gi)
    if (urlCodes) known(urlCodes.join(' '), `HAR entry #${i}: URL`)
    const body = e.response.content?.text
    if (
      body &&
      e.response.content?.encoding !== 'base64' &&
      /html|json|text/i.test(e.response.content?.mimeType ?? '')
    ) {
      const slice = body.length > 2_000_000 ? body.slice(0, 2_000_000) : body
      // An error page states the code as "AADSTS50011: message"; a page that merely mentions a code is not an error.
      const codes = [...slice.matchAll(/(AADSTS\d{5,7}):|"errorCode"\s*:\s*"(E0000\d{3})"/g)].map(
        (m) => (m[1] ?? m[2])!,
      )
      if (codes.length) {
        known([...new Set(codes)].join(' '), `HAR entry #${i}: page from ${host}`)
        for (const c of new Set(codes)) {
          const at = slice.indexOf(c)
          texts.push(maskEmails(slice.slice(Math.max(0, at - 200), at + 600)))
        }
      }
    }
    if (e.response.status >= 400 && !errorHopEntries.has(i)) {
      out.push(
        finding(
          'TRIAGE_HAR_HTTP_ERROR',
          {
            expected: 'a 2xx or 3xx answer',
            actual: e.response.status,
            host,
            servedBy: isVendorHost(name) ? 'vendor' : isIdpHost(name) ? 'IdP' : 'other',
            where: `HAR entry #${i}: ${e.request.method} ${redactUrl(e.request.url)}`,
          },
          ctx,
        ),
      )
    }
  })
  return { findings: out, texts }
}

/** Pauses between sign-in steps longer than the threshold (a slow MFA prompt or a stuck server). */
export function checkTimingGaps(hops: readonly SsoHop[], ctx: FindingContext, thresholdSeconds = 30): Finding[] {
  const out: Finding[] = []
  for (let i = 1; i < hops.length; i++) {
    const a = hops[i - 1]!,
      b = hops[i]!
    const gap = (b.at.getTime() - a.at.getTime()) / 1000
    if (gap > thresholdSeconds)
      out.push(
        finding(
          'TRIAGE_HAR_TIMING_GAP',
          {
            expected: `under ${thresholdSeconds} s between steps`,
            actual: `${Math.round(gap)} s`,
            from: a.host,
            to: b.host,
            where: `HAR entries #${a.index} → #${b.index}`,
          },
          ctx,
        ),
      )
  }
  return out
}
