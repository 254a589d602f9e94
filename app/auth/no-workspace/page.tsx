import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { resolveAccess } from '@/app/_server/access'

export const metadata: Metadata = { title: 'No workspace yet' }
export const dynamic = 'force-dynamic'

/** Signed in, member of nothing: no data at all, only what to do next. */
export default async function NoWorkspacePage() {
  const h = await headers()
  const access = await resolveAccess({ cookie: h.get('cookie'), authorization: null })
  if (access.kind === 'principal') redirect('/')
  if (access.kind === 'anonymous') redirect('/auth/sign-in')
  return (
    <div className="message-page">
      <h1>You have no workspace yet</h1>
      <p>
        You are signed in as <strong>{access.label}</strong>, but no workspace has you as a member: ask an owner for an
        invitation.
      </p>
      <p>An invitation is a link; open it while signed in and you join that workspace.</p>
      <form method="post" action="/auth/sign-out">
        <button type="submit" className="button">
          Sign out
        </button>
      </form>
    </div>
  )
}
