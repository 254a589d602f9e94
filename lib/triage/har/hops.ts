import { isVendorHost } from '../../profiles/index'
import type { HarEntry } from './schema'

export type HopKind =
  | 'saml-request'
  | 'saml-response'
  | 'oidc-authorize'
  | 'oidc-callback'
  | 'oidc-error'
  | 'oidc-token'
  | 'idp-page'
  | 'vendor-page'

/** One step of the sign-in seen in the HAR. Raw message values stay here, in memory; reports get only derived data. */
export interface SsoHop {
  readonly index: number
  readonly at: Date
  readonly kind: HopKind
  readonly method: string
  readonly url: string
  readonly host: string
  readonly status: number
  readonly binding?: 'redirect' | 'post'
  /** The raw SAMLRequest / SAMLResponse value (secret: never copied into a report). */
  readonly samlMessage?: string
  readonly error?: string
  readonly errorDescription?: string
}

const IDP_HOSTS =
  /(^|\.)(login\.microsoftonline\.(com|us)|login\.microsoft\.com|login\.windows\.net|sts\.windows\.net|login\.live\.com|okta\.com|oktapreview\.com|okta-emea\.com|okta-gov\.com|accounts\.google\.com|onelogin\.com|pingone\.com|auth0\.com|duosecurity\.com)$/i
const IDP_PATHS =
  /\/(adfs\/ls|adfs\/oauth2|saml2?\/|sso\/saml|oauth2\/|protocol\/openid-connect\/|protocol\/saml|idp\/profile\/)/i
// The vendor's own hosts are profile data (vendor.hosts).
export { isVendorHost }
export const isIdpHost = (host: string) => IDP_HOSTS.test(host) && !isVendorHost(host)

// host with port: the IdP and the SP on one machine (127.0.0.1) are still different parties.
function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return ''
  }
}
function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}

function queryParams(e: HarEntry): URLSearchParams {
  const p = new URLSearchParams()
  try {
    new URL(e.request.url).searchParams.forEach((v, k) => p.append(k, v))
  } catch {
    for (const q of e.request.queryString) p.append(q.name, q.value)
  }
  return p
}

function formParams(e: HarEntry): URLSearchParams {
  const pd = e.request.postData
  if (!pd) return new URLSearchParams()
  if (pd.params?.length) return new URLSearchParams(pd.params.map((p) => [p.name, p.value ?? '']))
  if (pd.text && (/x-www-form-urlencoded/i.test(pd.mimeType ?? '') || /^[\w.%-]+=/.test(pd.text)))
    return new URLSearchParams(pd.text)
  return new URLSearchParams()
}

/** Classifies every entry that belongs to the sign-in: SAML messages in either binding, OIDC authorize / callback / token, IdP and vendor pages. */
export function extractHops(entries: readonly HarEntry[]): SsoHop[] {
  const hops: SsoHop[] = []
  entries.forEach((e, index) => {
    const at = new Date(e.startedDateTime)
    const url = e.request.url
    const host = hostOf(url)
    const method = e.request.method.toUpperCase()
    const base = {
      index,
      at: Number.isNaN(at.getTime()) ? new Date(0) : at,
      method,
      url,
      host,
      status: e.response.status,
    }
    const q = queryParams(e)
    const f = method === 'POST' ? formParams(e) : new URLSearchParams()
    for (const [name, kind] of [
      ['SAMLResponse', 'saml-response'],
      ['SAMLRequest', 'saml-request'],
    ] as const) {
      const inQuery = q.get(name),
        inForm = f.get(name)
      if (inQuery || inForm) {
        hops.push({ ...base, kind, binding: inForm ? 'post' : 'redirect', samlMessage: (inForm ?? inQuery)! })
        return
      }
    }
    const error = q.get('error') ?? f.get('error')
    if (error) {
      hops.push({
        ...base,
        kind: 'oidc-error',
        error,
        errorDescription: q.get('error_description') ?? f.get('error_description') ?? undefined,
      })
      return
    }
    if (q.has('response_type') && q.has('client_id')) {
      hops.push({ ...base, kind: 'oidc-authorize' })
      return
    }
    if (f.has('grant_type') || /\/token$/i.test(safePath(url))) {
      if (method === 'POST') {
        hops.push({ ...base, kind: 'oidc-token', ...tokenError(e) })
        return
      }
    }
    if (q.has('code') && q.has('state')) {
      hops.push({ ...base, kind: 'oidc-callback' })
      return
    }
    const name = hostnameOf(url)
    if (isDocument(e) && (isIdpHost(name) || IDP_PATHS.test(safePath(url)))) {
      hops.push({ ...base, kind: 'idp-page' })
      return
    }
    if (isDocument(e) && isVendorHost(name)) hops.push({ ...base, kind: 'vendor-page' })
  })
  return hops
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return ''
  }
}

/** Navigations and redirects: what the user's window went through (not images, scripts or XHR noise). */
export function isDocument(e: HarEntry): boolean {
  const s = e.response.status
  if (s >= 300 && s < 400) return true
  const mime =
    e.response.content?.mimeType ?? e.response.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? ''
  const type = (e as { _resourceType?: unknown })._resourceType
  return type === 'document' || (type === undefined && /text\/html/i.test(mime))
}

/** A token endpoint's JSON error body: { error, error_description }. */
function tokenError(e: HarEntry): { error?: string; errorDescription?: string } {
  if (e.response.status < 400) return {}
  const text = e.response.content?.text
  if (!text || text.length > 100_000 || e.response.content?.encoding === 'base64') return {}
  try {
    const j = JSON.parse(text) as { error?: unknown; error_description?: unknown }
    return {
      ...(typeof j.error === 'string' ? { error: j.error } : {}),
      ...(typeof j.error_description === 'string' ? { errorDescription: j.error_description } : {}),
    }
  } catch {
    return {}
  }
}
