import type { Metadata } from 'next'
import { requireAccess } from '@/app/_server/access'
import { formatInstant } from '@/app/ui/report/format'
import { getStore } from '@/lib/store'
import { changeRoleAction, removeMemberAction, revokeInvitationAction } from './actions'
import { InviteForm } from './invite-form'

export const metadata: Metadata = { title: 'Members' }
export const dynamic = 'force-dynamic'

/** Owners only: who is in the workspace with which role, and the open invitations. */
export default async function MembersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const principal = await requireAccess('members.manage')
  const store = await getStore()
  const [workspace, members, invitations] = await Promise.all([
    store.team.getWorkspace(principal.workspaceId),
    store.team.members(principal.workspaceId),
    store.team.listInvitations(principal.workspaceId),
  ])
  const lastOwner = (await searchParams)['last-owner'] === '1'
  return (
    <div className="members-page">
      <header className="page-header">
        <h1>Members of {workspace?.name ?? 'this workspace'}</h1>
        <p className="lead">
          Owners manage members and settings; admins manage connections, test logins and deletions; viewers read reports
          and triage.
        </p>
      </header>
      {lastOwner ? (
        <p role="alert" className="flash-message">
          A workspace keeps at least one owner: make someone else owner first.
        </p>
      ) : null}
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="muted">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.email ?? m.displayName ?? m.userId}</th>
                <td>
                  <form action={changeRoleAction} className="inline-form">
                    <input type="hidden" name="userId" value={m.userId} />
                    <select
                      name="role"
                      defaultValue={m.role}
                      className="input"
                      aria-label={`Role of ${m.email ?? m.userId}`}
                    >
                      <option value="owner">owner</option>
                      <option value="admin">admin</option>
                      <option value="viewer">viewer</option>
                    </select>{' '}
                    <button type="submit" className="button">
                      Change
                    </button>
                  </form>
                </td>
                <td>
                  <time dateTime={m.since}>{formatInstant(m.since)}</time>
                </td>
                <td>
                  <form action={removeMemberAction}>
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" className="button" aria-label={`Remove ${m.email ?? m.userId}`}>
                      Remove
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">Invitations</h2>
        {invitations.length === 0 ? (
          <p className="empty-state">No open invitations.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="muted">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.role}</td>
                  <td>
                    <time dateTime={i.createdAt}>{formatInstant(i.createdAt)}</time>
                  </td>
                  <td>
                    <time dateTime={i.expiresAt}>{formatInstant(i.expiresAt)}</time>
                  </td>
                  <td>
                    <form action={revokeInvitationAction}>
                      <input type="hidden" name="id" value={i.id} />
                      <button type="submit" className="button">
                        Revoke
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <InviteForm />
      </section>
    </div>
  )
}
