import type { Metadata } from 'next'
import Link from 'next/link'
import { ActionSchema, LEAST_ROLE } from '@/lib/team/roles'

export const metadata: Metadata = { title: 'Not allowed' }

/** Where pages and forms send a member whose role does not reach what they asked for. */
export default async function RefusedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const action = ActionSchema.safeParse((await searchParams).action)
  return (
    <div className="message-page">
      <h1>Not allowed</h1>
      <p role="alert">
        {action.success ? (
          <>
            This needs the <strong>{LEAST_ROLE[action.data]}</strong> role (or higher) in this workspace ({action.data}
            ). Ask an owner of the workspace.
          </>
        ) : (
          'Your role in this workspace does not allow this. Ask an owner of the workspace.'
        )}
      </p>
      <p>
        <Link href="/">Back to the start page</Link>
      </p>
    </div>
  )
}
