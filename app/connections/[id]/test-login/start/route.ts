import { randomBytes } from 'node:crypto'
import { autoPostContentSecurityPolicy } from '@/app/_server/request-policy'
import {
  browserCookieHeader,
  browserKeyHash,
  BROWSER_COOKIE,
  newBrowserKey,
  runPath,
  startOidcTestLogin,
  startSamlTestLogin,
} from '@/lib/testlogin'
import { getStore } from '@/lib/store'
import { originOf } from '@/app/connections/_server/http'
import { readCappedForm } from '@/app/test-logins/_ui/read-form'
import { BODY_LIMITS } from '@/app/_server/body-limits'
import { autoPostPage } from '@/app/test-logins/_ui/auto-post'
import { apiAccess, asPageRefusal, checkApi } from '@/app/_server/access'
import { recordAudit } from '@/app/_server/audit'
import { readCookie } from '@/lib/team/cookies'

const MAX_SECRET_LENGTH = 1000

/**
 * POST /connections/:id/test-login/start — "Run test login". Sends the browser to the IdP: a 303 (HTTP-Redirect
 * binding, OIDC), or a self-posting form (SAML HTTP-POST binding). A run that cannot start ends on its result page.
 * The OIDC client secret comes in this form, stays in memory for the run, and is never stored or logged.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  const origin = originOf(request.url)
  const access = await apiAccess(request, 'runs.start')
  if (!access.ok) return asPageRefusal(access.response, 'runs.start', '/connections')
  const store = await getStore()
  const connection = /^[A-Za-z0-9_-]{16,64}$/.test(id)
    ? await store.connections.get(id, access.principal.workspaceId)
    : null
  if (!connection) return Response.redirect(new URL('/connections', origin), 303)
  const allowed = checkApi(access.principal, 'runs.start', {
    workspaceId: connection.workspaceId,
    connectionId: connection.id,
  })
  if (!allowed.ok) return asPageRefusal(allowed.response, 'runs.start', '/connections')
  await recordAudit(
    access.principal,
    'run.start',
    { kind: 'connection', id: connection.id },
    { protocol: connection.protocol },
  )

  const existing = readCookie(request.headers.get('cookie'), BROWSER_COOKIE)
  const browserKey = existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing) ? existing : newBrowserKey()
  const setCookie = browserCookieHeader(browserKey, origin.startsWith('https:'))
  const browserHash = browserKeyHash(browserKey)
  const redirect = (url: string) =>
    new Response(null, {
      status: 303,
      headers: { location: url, 'set-cookie': setCookie, 'cache-control': 'no-store' },
    })

  if (connection.protocol === 'saml') {
    const started = await startSamlTestLogin(connection, { store, origin, browserHash })
    if (!started.ok) return redirect(new URL(runPath(started.runId), origin).href)
    if (started.dispatch.binding === 'redirect') return redirect(started.dispatch.url)
    // The proxy leaves this page's CSP to us: only here is the IdP's URL known, which the form must be allowed to post to.
    const nonce = request.headers.get('x-nonce') ?? randomBytes(16).toString('base64')
    return new Response(autoPostPage(started.dispatch.url, started.dispatch.fields, 'Continue to your IdP', nonce), {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'set-cookie': setCookie,
        'cache-control': 'no-store',
        'content-security-policy': autoPostContentSecurityPolicy(nonce, started.dispatch.url),
      },
    })
  }
  const form = await readCappedForm(request, BODY_LIMITS.smallForm).catch(() => undefined)
  const secretField = form?.get('clientSecret')
  const clientSecret = typeof secretField === 'string' ? secretField.trim().slice(0, MAX_SECRET_LENGTH) : ''
  const started = await startOidcTestLogin(connection, { store, origin, clientSecret, browserHash })
  return redirect(started.ok ? started.url : new URL(runPath(started.runId), origin).href)
}
