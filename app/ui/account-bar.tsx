import Link from 'next/link'
import { resolveRequestAccess } from '@/app/_server/access'
import { deploymentConfig } from '@/app/_server/deployment'
import { getStore } from '@/lib/store'

/** Team mode: who is signed in, in which workspace (a switcher with several), Members for owners, sign-out. Local mode: nothing. */
export async function AccountBar() {
  if (deploymentConfig().mode === 'local') return null
  const access = await resolveRequestAccess()
  if (access.kind === 'anonymous') return null
  const p = access.kind === 'principal' ? access.principal : null
  if (p && p.kind !== 'user') {
    return (
      <div className="account-bar" aria-label="Account">
        <span className="muted">{p.kind === 'setup-link' ? 'Setup link: one connection' : 'API token'}</span>
      </div>
    )
  }
  const workspaces = p ? await (await getStore()).team.workspacesOf(p.userId) : []
  const current = workspaces.find((w) => w.id === p?.workspaceId)
  return (
    <div className="account-bar" aria-label="Account">
      <span data-testid="signed-in-as">{access.kind === 'no-workspace' ? access.label : p?.label}</span>
      {current ? (
        <span className="muted">
          {' '}
          · <span data-testid="current-workspace">{current.name}</span> ({current.role})
        </span>
      ) : null}
      {workspaces.length > 1 ? (
        <form method="post" action="/auth/workspace" className="inline-form">
          <select name="workspaceId" defaultValue={p?.workspaceId} className="input" aria-label="Workspace">
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} ({w.role})
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            Switch
          </button>
        </form>
      ) : null}
      {p?.kind === 'user' && p.role === 'owner' ? (
        <>
          {' '}
          · <Link href="/settings/members">Members</Link>
        </>
      ) : null}
      <form method="post" action="/auth/sign-out" className="inline-form">
        <button type="submit" className="button button-quiet">
          Sign out
        </button>
      </form>
      <form method="post" action="/auth/sign-out" className="inline-form">
        <input type="hidden" name="everywhere" value="1" />
        <button type="submit" className="button button-quiet">
          Sign out everywhere
        </button>
      </form>
    </div>
  )
}
