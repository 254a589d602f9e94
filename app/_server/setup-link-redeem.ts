import type { Store } from '@/lib/store'
import type { Principal } from '@/lib'
import { cookieNames, setCookie } from '@/lib/team/cookies'
import { recordAudit } from './audit'

/**
 * The cookie a redeemed setup link leaves: its token, under the name the gate reads (app/_server/access.ts), with the
 * `__Host-` prefix behind https. The gate verifies it on each request (`store.setupLinks.verify`); only this
 * opening counts as a use.
 */
export const setupLinkCookieName = (origin: string): string => cookieNames(origin.startsWith('https:')).setupLink

/**
 * GET /setup-link/:token. A live link sets the setup-link cookie (httpOnly, SameSite=Lax, until the link expires)
 * and opens its connection's setup page; an expired, revoked or unknown link gets one page that says to ask for a new
 * link, with one status (410) for all three, so a guess learns nothing.
 */
export async function redeemSetupLink(
  token: string,
  origin: string,
  store: Store,
  now = new Date(),
): Promise<Response> {
  const link = await store.setupLinks.verify(token, { redeem: true })
  if (!link) return linkRefusedPage()
  const principal: Principal = {
    kind: 'setup-link',
    linkId: link.id,
    workspaceId: link.workspaceId,
    connectionId: link.connectionId,
  }
  await recordAudit(
    principal,
    'setup-link.use',
    { kind: 'setup-link', id: link.id },
    { connectionId: link.connectionId, uses: link.uses },
    { store },
  )
  const maxAge = Math.max(0, Math.floor((Date.parse(link.expiresAt) - now.getTime()) / 1000))
  const cookie = setCookie(setupLinkCookieName(origin), token, {
    secure: origin.startsWith('https:'),
    maxAgeSeconds: maxAge,
  })
  return new Response(null, {
    status: 303,
    headers: {
      location: `${origin}/connections/${encodeURIComponent(link.connectionId)}`,
      'set-cookie': cookie,
      'cache-control': 'no-store',
    },
  })
}

export function linkRefusedPage(): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>This setup link no longer works · SSO Preflight</title></head>
<body><main>
<h1>This setup link no longer works</h1>
<p>Setup links expire after a while and can be withdrawn by the person who sent them.</p>
<p><strong>Ask the person who sent you this link for a new one.</strong></p>
</main></body></html>
`
  return new Response(html, {
    status: 410,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })
}
