import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { resolveAccess } from '@/app/_server/access'
import { deploymentConfig } from '@/app/_server/deployment'

export const metadata: Metadata = { title: 'Invitation' }
export const dynamic = 'force-dynamic'

/**
 * /invite/<token> — after sign-in, a button joins the workspace with the invited role. A button, not the GET itself:
 * a link previewer or scanner that follows the URL must not use the invitation up.
 */
export default async function InvitePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { token } = await params
  if (deploymentConfig().mode === 'local') redirect('/')
  const h = await headers()
  const access = await resolveAccess({ cookie: h.get('cookie'), authorization: null })
  if (access.kind === 'anonymous') redirect(`/auth/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`)
  const failed = (await searchParams).failed === '1'
  return (
    <div className="message-page">
      <h1>Join a workspace</h1>
      {failed ? (
        <p role="alert">
          This invitation is no longer valid: it was used already, revoked, or has expired. Ask the owner for a new one.
        </p>
      ) : (
        <>
          <p>You have been invited to a workspace of SSO Preflight. Joining gives you the role the owner chose.</p>
          <form method="post" action={`/invite/${encodeURIComponent(token)}/accept`}>
            <button type="submit" className="button button-primary">
              Join the workspace
            </button>
          </form>
        </>
      )}
    </div>
  )
}
