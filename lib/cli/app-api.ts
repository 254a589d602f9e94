import { z } from 'zod'
import { usageError } from '../errors'

/*
 * The CLI's client for a running SSO Preflight app (`login --connection`): reads a saved connection with an API token
 * from the environment. Every failure is a one-line usage error (exit 2) that says what to do, never a finding: a
 * refused token or a wrong URL is about the pipeline, not about the customer's IdP.
 */

/** The part of GET /api/connections/:id the CLI uses (the app sends more; unknown keys are ignored). */
export const SavedConnectionSchema = z.object({
  connection: z.object({
    id: z.string(),
    name: z.string(),
    protocol: z.enum(['saml', 'oidc']),
    profileId: z.string(),
    config: z.object({
      metadataUrl: z.string().optional(),
      idpMetadataXmlBytes: z.number().optional(),
      issuer: z.string().optional(),
      clientId: z.string().optional(),
      spEntityId: z.string().optional(),
    }),
  }),
  urls: z.object({ acsUrl: z.string(), redirectUri: z.string() }),
})
export type SavedConnection = z.infer<typeof SavedConnectionSchema>

export const API_TOKEN_ENV = 'SSO_PREFLIGHT_API_TOKEN'
const MAX_ANSWER_BYTES = 4 * 1024 * 1024
const TIMEOUT_MS = 20_000

export interface AppApi {
  readonly appUrl: URL
  getConnection(id: string): Promise<SavedConnection>
  /** The IdP metadata XML saved with the connection (pasted, not a URL). */
  getIdpMetadata(id: string): Promise<string>
}

/**
 * @example const api = appApi('https://preflight.example.com', env.SSO_PREFLIGHT_API_TOKEN)
 */
export function appApi(appUrlText: string, token: string | undefined): AppApi {
  const appUrl = parseAppUrl(appUrlText)
  // A token travels to the app only over https (or to this machine, as in CI against a local app).
  if (appUrl.protocol === 'http:' && !isLoopback(appUrl.hostname)) {
    throw usageError(`--app-url ${appUrl.origin} is plain http: use https, so the API token is not sent in the clear`)
  }
  const get = async (path: string, what: string, accept: string): Promise<string> => {
    const url = new URL(path, appUrl)
    let res: Response
    try {
      res = await fetch(url, {
        headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        // A redirect would be sign-in (no token accepted) or another host: never follow it with the token.
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (cause) {
      throw usageError(
        `cannot reach the app at ${appUrl.origin} (${cause instanceof Error && cause.name === 'TimeoutError' ? 'no answer in 20 s' : 'connection failed'}); check --app-url`,
        cause,
      )
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel()
      throw usageError(
        token
          ? `token refused (revoked, expired or wrong workspace): the app answered ${res.status}; check ${API_TOKEN_ENV}`
          : `the app wants an API token: set ${API_TOKEN_ENV} (Settings › API tokens, scope "run")`,
      )
    }
    if (res.status === 404) {
      await res.body?.cancel()
      throw usageError(`no such ${what} in this token's workspace (the app answered 404); check --connection`)
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel()
      throw usageError(
        `the app answered ${res.status} with a redirect (to sign-in?): it did not accept the token; check --app-url and ${API_TOKEN_ENV}`,
      )
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw usageError(`the app answered ${res.status} for the ${what}; try again later`)
    }
    const declared = Number(res.headers.get('content-length') ?? 0)
    if (declared > MAX_ANSWER_BYTES) {
      await res.body?.cancel()
      throw usageError(`the app's answer for the ${what} is too large (${declared} bytes)`)
    }
    const body = Buffer.from(await res.arrayBuffer())
    if (body.byteLength > MAX_ANSWER_BYTES)
      throw usageError(`the app's answer for the ${what} is too large (${body.byteLength} bytes)`)
    return body.toString('utf8')
  }
  return {
    appUrl,
    async getConnection(id) {
      const text = await get(`api/connections/${encodeURIComponent(id)}`, 'connection', 'application/json')
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined
      }
      const parsed = SavedConnectionSchema.safeParse(json)
      if (!parsed.success)
        throw usageError(
          `the app's answer for connection ${JSON.stringify(id)} is not a saved connection; is --app-url an SSO Preflight app?`,
        )
      return parsed.data
    },
    getIdpMetadata: (id) =>
      get(
        `api/connections/${encodeURIComponent(id)}/idp-metadata`,
        'connection',
        'application/samlmetadata+xml, application/xml',
      ),
  }
}

function parseAppUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw usageError(`--app-url ${JSON.stringify(text)} is not a URL (e.g. https://preflight.example.com)`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw usageError('--app-url must be an http(s) URL')
  if (url.username || url.password)
    throw usageError('--app-url must not carry a user or password; the token comes from the environment')
  // The app's API lives at its root or under a path prefix: resolve relative to a trailing slash.
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  url.search = ''
  url.hash = ''
  return url
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}
