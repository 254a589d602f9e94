import { redacted } from '../mask'
import type { Har, HarEntry, HarNameValue } from './schema'

/** Query / form / JSON names whose values are secrets or assertions: never shown, never stored. */
export const SECRET_PARAMS = new Set([
  'code',
  'state',
  'nonce',
  'id_token',
  'access_token',
  'refresh_token',
  'token',
  'client_secret',
  'code_verifier',
  'samlresponse',
  'samlrequest',
  'relaystate',
  'password',
  'passwd',
  'pwd',
  'passcode',
  'otp',
  'assertion',
  'client_assertion',
  'session_token',
  'sessiontoken',
  'statetoken',
  'signature',
  'sigalg',
  'wresult',
  'wctx',
  'login_hint',
  'username',
  'email',
  'user',
  'loginfmt',
  'credential',
  'ctx',
  'flowtoken',
  'canary',
  'hpgrequestid',
  'sessionid',
])
const SECRET_HEADERS = new Set([
  'cookie',
  'set-cookie',
  'authorization',
  'proxy-authorization',
  'x-csrf-token',
  'x-xsrf-token',
  'x-okta-xsrftoken',
  'x-api-key',
])

export const isSecretParam = (name: string) => SECRET_PARAMS.has(name.toLowerCase())
export const isSecretHeader = (name: string) =>
  SECRET_HEADERS.has(name.toLowerCase()) || /token|secret|session/i.test(name)

/** A URL with secret query (and fragment) values replaced; the rest stays readable. Not a URL: returned cut and masked. */
export function redactUrl(url: string, onSecret?: (v: string) => void): string {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return url.length > 200 ? url.slice(0, 200) + '…' : url
  }
  const clean = (params: URLSearchParams) => {
    for (const [k, v] of [...params])
      if (isSecretParam(k) && v) {
        onSecret?.(v)
        params.set(k, redacted(v))
      }
  }
  clean(u.searchParams)
  if (u.hash.length > 1) {
    const frag = new URLSearchParams(u.hash.slice(1))
    if ([...frag.keys()].some(isSecretParam)) {
      clean(frag)
      u.hash = frag.toString()
    }
  }
  u.username = ''
  u.password = ''
  return u.toString()
}

/** Form or JSON body with secret fields replaced; anything else is replaced whole (it may hold a password). */
export function redactBody(text: string, mimeType: string | undefined, onSecret?: (v: string) => void): string {
  if (!text) return text
  if (/x-www-form-urlencoded/i.test(mimeType ?? '') || /^[\w.%-]+=[^&]*(&[\w.%-]+=[^&]*)*$/.test(text.slice(0, 2000))) {
    const params = new URLSearchParams(text)
    for (const [k, v] of [...params])
      if (isSecretParam(k) && v) {
        onSecret?.(v)
        params.set(k, redacted(v))
      }
    return params.toString()
  }
  onSecret?.(text)
  return redacted(text)
}

const nv = (
  list: readonly HarNameValue[],
  secret: (n: string) => boolean,
  onSecret?: (v: string) => void,
): HarNameValue[] =>
  list.map((h) => (secret(h.name) && h.value ? (onSecret?.(h.value), { ...h, value: redacted(h.value) }) : h))

/**
 * A copy of the HAR safe to show or store: cookies, Authorization and token headers, secret query / form values,
 * and every response body replaced by its length. `onSecret` sees each removed value (tests, output scrubbing).
 */
export function redactHar(har: Har, onSecret?: (v: string) => void): Har {
  return { log: { ...har.log, entries: har.log.entries.map((e) => redactEntry(e, onSecret)) } }
}

export function redactEntry(e: HarEntry, onSecret?: (v: string) => void): HarEntry {
  const all = () => true
  const rq = e.request,
    rs = e.response
  return {
    ...e,
    request: {
      ...rq,
      url: redactUrl(rq.url, onSecret),
      headers: nv(rq.headers, isSecretHeader, onSecret).map((h) =>
        h.name.toLowerCase() === 'referer' ? { ...h, value: redactUrl(h.value, onSecret) } : h,
      ),
      queryString: nv(rq.queryString, isSecretParam, onSecret),
      cookies: nv(rq.cookies, all, onSecret),
      ...(rq.postData
        ? {
            postData: {
              ...rq.postData,
              ...(rq.postData.text !== undefined
                ? { text: redactBody(rq.postData.text, rq.postData.mimeType, onSecret) }
                : {}),
              ...(rq.postData.params
                ? {
                    params: rq.postData.params.map((p) =>
                      isSecretParam(p.name) && p.value ? (onSecret?.(p.value), { ...p, value: redacted(p.value) }) : p,
                    ),
                  }
                : {}),
            },
          }
        : {}),
    },
    response: {
      ...rs,
      headers: nv(rs.headers, isSecretHeader, onSecret).map((h) =>
        h.name.toLowerCase() === 'location' ? { ...h, value: redactUrl(h.value, onSecret) } : h,
      ),
      cookies: nv(rs.cookies, all, onSecret),
      ...(rs.redirectURL ? { redirectURL: redactUrl(rs.redirectURL, onSecret) } : {}),
      ...(rs.content
        ? { content: { ...rs.content, ...(rs.content.text ? { text: redacted(rs.content.text) } : {}) } }
        : {}),
    },
  }
}
