import type { Metadata } from 'next'
import Link from 'next/link'
import { formatInstant } from '@/app/ui/report/format'
import { principalAllowedOnPage } from '@/app/_server/access'
import { PageRefusal } from '@/app/ui/page-refusal'
import { DataTable } from '@/app/ui/data-table'
import { getStore } from '@/lib/store'
import type { AuditEntry } from '@/lib/store/team-types'
import '@/app/connections/connections.css'
import '@/app/ui/team/team.css'

export const metadata: Metadata = { title: 'Audit log' }
export const dynamic = 'force-dynamic'

const PAGE = 100
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** /audit: who created, changed, deleted, ran, shared or exported what, newest first. Admins and owners. */
export default async function AuditPage({ searchParams }: Props) {
  const principal = await principalAllowedOnPage('audit.read')
  if (!principal)
    return <PageRefusal title="Audit log">Only a workspace’s admins and owners read its audit log.</PageRefusal>
  const q = await searchParams
  const before = typeof q.before === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(q.before) ? q.before : undefined
  const entries = await (
    await getStore()
  ).audit.list(principal.workspaceId, { limit: PAGE, ...(before ? { before } : {}) })
  const last = entries.at(-1)
  return (
    <div>
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="lead">
          Who created, changed, deleted, ran, shared or exported what, and when. Entries never hold a secret or an
          assertion; values about people are masked. The log is kept for as long as the workspace.
        </p>
        <div className="action-row">
          <a className="button" href={`/api/audit?format=json&limit=1000${before ? `&before=${before}` : ''}`} download>
            Download JSON
          </a>
          {before ? <Link href="/audit">Newest entries</Link> : null}
        </div>
      </header>
      {entries.length === 0 ? (
        <p className="empty-state">{before ? 'No older entries.' : 'Nothing recorded yet.'}</p>
      ) : (
        <DataTable scroll columns={['When', 'Who', 'Action', 'What', 'Details']}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
              </td>
              <td>{actor(e)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.targetKind ? `${e.targetKind}${e.targetId ? ` ${e.targetId}` : ''}` : '—'}</td>
              <td className="audit-details">
                {e.details
                  ? Object.entries(e.details)
                      .map(([k, v]) => `${k}: ${String(v)}`)
                      .join(' · ')
                  : '—'}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {entries.length === PAGE && last ? (
        <p>
          <Link href={`/audit?before=${last.id}`}>Older entries</Link>
        </p>
      ) : null}
    </div>
  )
}

function actor(e: AuditEntry): string {
  switch (e.actorKind) {
    case 'local':
      return 'local user'
    case 'system':
      return 'SSO Preflight'
    case 'token':
      return `API token “${e.actorLabel ?? e.actorId ?? '?'}”`
    case 'setup-link':
      return `setup link ${e.actorId ?? ''}`.trim()
    case 'user':
      return e.actorLabel ?? e.actorId ?? 'a member'
  }
}
