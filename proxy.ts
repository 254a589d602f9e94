import { NextResponse, type NextRequest } from 'next/server'
import { decideRequest, requestPolicyConfigFromEnv } from '@/app/_server/request-policy'
import { requestIdFor } from '@/lib/ops/env'

const policy = requestPolicyConfigFromEnv(process.env)
/** An incoming X-Request-Id is believed only from a trusted proxy (SSO_PREFLIGHT_TRUSTED_PROXY_HOPS > 0). */
const trustProxyRequestId = Number(process.env.SSO_PREFLIGHT_TRUSTED_PROXY_HOPS ?? 0) > 0

/**
 * Every request passes here first (Next.js 16 "proxy", formerly middleware): foreign Host names, cross-site writes,
 * non-JSON bodies on the JSON APIs and declared oversized bodies are refused with a message; everything else goes
 * on with a fresh CSP nonce and the security headers. The decision itself is app/_server/request-policy.ts.
 *
 * Mind: with a proxy, Next.js holds a request until its body has ended (it buffers up to
 * `experimental.proxyClientMaxBodySize` and drops the rest as it arrives), so a refusal, even by Content-Length, is
 * sent once the client stops sending. Memory stays bounded (measured: +100 MB peak for 1 GB); the route handlers'
 * capped reader then refuses a cut body, which is always over their cap. The team server (scripts/serve-team.mjs)
 * applies this same policy at the socket to requests with a body (app/_server/early-refusal.ts), so there a refused
 * body is answered at once and never read.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const decision = decideRequest(
    { method: request.method, url: `${request.nextUrl.pathname}${request.nextUrl.search}`, headers: request.headers },
    policy,
    nonce,
  )
  // One ID per request, on the request (route handlers, audit entries) and the response (logs, the user's report).
  const requestId = requestIdFor(request.headers.get('x-request-id'), trustProxyRequestId)
  if (decision.action === 'refuse') {
    return NextResponse.json(
      { error: decision.error ?? 'ERR_REQUEST_REFUSED', message: decision.message },
      { status: decision.status, headers: { ...decision.responseHeaders, 'x-request-id': requestId } },
    )
  }
  if (decision.action === 'sign-in') {
    return new NextResponse(null, {
      status: 303,
      headers: {
        ...decision.responseHeaders,
        'x-request-id': requestId,
        location: new URL(decision.location, policy.publicOrigin ?? request.nextUrl.origin).href,
      },
    })
  }
  const requestHeaders = new Headers(request.headers)
  for (const [k, v] of Object.entries(decision.requestHeaders)) requestHeaders.set(k, v)
  requestHeaders.set('x-request-id', requestId)
  // Pages that send an expired session to sign in come back here afterwards (app/_server/access.ts).
  requestHeaders.set('x-preflight-path', `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 2000))
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('x-request-id', requestId)
  for (const [k, v] of Object.entries(decision.responseHeaders)) response.headers.set(k, v)
  return response
}

export const config = {
  // Everything but build assets: pages, route handlers, server actions (POSTs to pages), the ACS.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|favicon\\.svg).*)'],
}
