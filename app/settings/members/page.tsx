import type { Metadata } from 'next'
import { requireAccess } from '@/app/_server/access'
import { formatInstant } from '@/app/ui/report/format'
import { DataTable } from '@/app/ui/data-table'
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
        <DataTable columns={['Member', 'Role', 'Since', <span className="muted">Remove</span>]}>
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
                <RowActionForm
                  action={removeMemberAction}
                  field={{ name: 'userId', value: m.userId }}
                  label="Remove"
                  ariaLabel={`Remove ${m.email ?? m.userId}`}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="invitations-title">
        <h2 id="invitations-title">Invitations</h2>
        {invitations.length === 0 ? (
          <p className="empty-state">No open invitations.</p>
        ) : (
          <DataTable columns={['Role', 'Created', 'Expires', <span className="muted">Revoke</span>]}>
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
                  <RowActionForm action={revokeInvitationAction} field={{ name: 'id', value: i.id }} label="Revoke" />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <InviteForm />
      </section>
    </div>
  )
}

/** A row's one-button form: posts the row's id to `action`. */
function RowActionForm({
  action,
  field,
  label,
  ariaLabel,
}: {
  action: (form: FormData) => Promise<void>
  field: { name: string; value: string }
  label: string
  ariaLabel?: string
}) {
  return (
    <form action={action}>
      <input type="hidden" name={field.name} value={field.value} />
      <button type="submit" className="button" aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  )
}
