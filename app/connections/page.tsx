import type { Metadata } from 'next'
import Link from 'next/link'
import { formatInstant } from '@/app/ui/report/format'
import { getStore } from '@/lib/store'
import { connectionListScope, requireAccess } from '@/app/_server/access'
import { allows } from '@/lib/team/principal'
import { NewConnectionForm } from './new-connection-form'
import './connections.css'

export const metadata: Metadata = { title: 'Connections' }
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ConnectionsPage({ searchParams }: Props) {
  const query = await searchParams
  const deleted = typeof query.deleted === 'string' ? query.deleted.slice(0, 200) : undefined
  const principal = await requireAccess('connections.read')
  const scope = connectionListScope(principal)
  const store = await getStore()
  const connections = (await store.connections.list({ workspaceId: scope.workspaceId })).filter(
    (c) => !scope.onlyId || c.id === scope.onlyId,
  )
  return (
    <div className="connections-page">
      <header className="page-header">
        <h1>Connections</h1>
        <p className="lead">
          Save your IdP’s configuration and the vendor’s values once, copy the setup values into your IdP, then run test
          logins with real test users until the connection is a GO. Connections and their runs are kept for{' '}
          {store.retentionDays} days.
        </p>
      </header>
      {deleted !== undefined ? (
        <p role="status" className="flash-message">
          Deleted the connection “{deleted}” and its test logins.
        </p>
      ) : query['deleted-missing'] ? (
        <p role="status" className="flash-message">
          That connection was already deleted (or has expired).
        </p>
      ) : null}
      <section aria-labelledby="saved-title" className="connections-list">
        <h2 id="saved-title">Saved connections</h2>
        {connections.length === 0 ? (
          <p className="empty-state">No connections yet: create one below.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Protocol</th>
                <th scope="col">Profile</th>
                <th scope="col">Static check</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {connections.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/connections/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{c.protocol.toUpperCase()}</td>
                  <td>{c.profileId}</td>
                  <td>
                    {c.staticReport
                      ? c.staticReport.summary.errors
                        ? `${c.staticReport.summary.errors} error(s)`
                        : 'no errors'
                      : 'not run'}
                  </td>
                  <td>
                    <time dateTime={c.createdAt}>{formatInstant(c.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {/* Viewers (and setup links) read; creating is for admins. */}
      {allows(principal, 'connections.write') && principal.kind !== 'setup-link' ? <NewConnectionForm /> : null}
    </div>
  )
}
