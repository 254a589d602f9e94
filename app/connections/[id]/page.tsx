import type { Metadata } from 'next'
import { cookies, headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ReportView } from '@/app/ui/report/report-view'
import { formatInstant } from '@/app/ui/report/format'
import { setupValues } from '@/lib'
import { getStore } from '@/lib/store'
import { currentPrincipal, requireAccess } from '@/app/_server/access'
import { allows } from '@/lib'
import { BROWSER_COOKIE, privateViewFor, revealedUser } from '@/lib/testlogin'
import { connectionDetail } from '../_server/connection-detail'
import { originFromHeaders } from '../_server/http'
import { CopyButton } from '../copy-button'
import { DeleteConnection } from '../delete-connection'
import { GoNoGoBanner } from '../go-no-go-banner'
import { TestMatrix } from '../test-matrix'
import { SetupLinksSection } from './setup-links-section'
import '../connections.css'

export const dynamic = 'force-dynamic'
type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await (await getStore()).connections.get((await params).id, (await currentPrincipal()).workspaceId)
  return { title: c ? `Connection: ${c.name}` : 'Connection not found' }
}

export default async function ConnectionPage({ params }: Props) {
  const { id } = await params
  const origin = originFromHeaders(await headers())
  const principal = await currentPrincipal()
  const detail = await connectionDetail(await getStore(), id, origin, new Date(), principal.workspaceId)
  if (!detail) notFound()
  // A setup link opens its one connection: any other id answers like an unknown one.
  if (principal.kind === 'setup-link' && principal.connectionId !== id) notFound()
  await requireAccess('connections.read', { workspaceId: detail.connection.workspaceId, connectionId: id })
  const { connection: c, urls, runs, goNoGo } = detail
  const revealed = await revealedUsers(runs.map((r) => r.id))
  const setup = setupValues({ id: c.id, protocol: c.protocol, config: c.config }, origin)
  const config: [string, string | undefined][] = [
    ['Protocol', c.protocol.toUpperCase()],
    ['Vendor profile', c.profileId],
    ['Metadata URL', c.config.metadataUrl],
    [
      'Metadata',
      c.config.idpMetadataXmlBytes !== undefined
        ? `XML saved with the connection, ${c.config.idpMetadataXmlBytes.toLocaleString('en')} bytes`
        : undefined,
    ],
    ['Issuer', c.config.issuer],
    ['Client ID', c.config.clientId],
    ['Vendor connection ID', c.config.connectionId],
    ['Verified domains', c.config.verifiedDomains?.join(', ')],
    ['Kept until', formatInstant(c.expiresAt)],
  ]
  return (
    <div className="connection-page">
      <header className="page-header">
        <p className="muted">
          <Link href="/connections">Connections</Link> ›
        </p>
        <h1>{c.name}</h1>
        <div className="action-row">
          {/* Only what this role may do is offered; the actions check again. */}
          {allows(principal, 'runs.start', { workspaceId: c.workspaceId, connectionId: c.id }) ? (
            <Link className="button button-primary" href={`/connections/${c.id}/test-login`}>
              Run test login
            </Link>
          ) : null}
          {c.protocol === 'saml' &&
          allows(principal, 'connections.write', { workspaceId: c.workspaceId, connectionId: c.id }) ? (
            <Link className="button" href={`/setup/${c.id}`}>
              Set up step by step
            </Link>
          ) : null}
          {allows(principal, 'connections.delete', { workspaceId: c.workspaceId, connectionId: c.id }) ? (
            <DeleteConnection id={c.id} name={c.name} runs={runs.length} />
          ) : null}
        </div>
      </header>

      <GoNoGoBanner verdict={goNoGo} />
      <TestMatrix verdict={goNoGo} revealed={revealed} />

      <section className="connection-section" aria-labelledby="setup-title">
        <h2 id="setup-title">Values to enter in your IdP</h2>
        <ul className="setup-values" role="list">
          {setup.map((s) => (
            <li key={s.label} className="setup-value" aria-label={s.label}>
              <p className="field-label">{s.label}</p>
              <div className="setup-value-row">
                {s.value.startsWith(`${origin}/saml/metadata/`) ? (
                  <a href={s.value}>
                    <code>{s.value}</code>
                  </a>
                ) : (
                  <code>{s.value}</code>
                )}
                <CopyButton value={s.value} label={s.label} />
              </div>
              <p className="hint hint-after">{s.where}</p>
            </li>
          ))}
        </ul>
        <p className="hint">
          Test logins start at <code>{urls.testLoginUrl}</code>.
        </p>
      </section>

      <section className="connection-section" aria-labelledby="config-title">
        <h2 id="config-title">Configuration</h2>
        <dl className="config-summary">
          {config
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </section>

      <SetupLinksSection connectionId={c.id} workspaceId={c.workspaceId} />

      <section className="connection-section" aria-labelledby="runs-title">
        <h2 id="runs-title">Test logins</h2>
        {runs.length === 0 ? (
          <p className="empty-state">No test logins yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Test user</th>
                  <th scope="col">Result</th>
                  <th scope="col">Errors</th>
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => {
                  const user = revealed[r.id] ?? r.testUser
                  return (
                    <tr key={r.id}>
                      <td>
                        <time dateTime={r.createdAt}>{formatInstant(r.createdAt)}</time>
                      </td>
                      <td>
                        {user ?? <span className="muted">{r.status === 'pending' ? '—' : 'not identified'}</span>}
                      </td>
                      <td
                        className={
                          r.state === 'passed'
                            ? 'run-status-completed'
                            : r.state === 'failed'
                              ? 'run-status-failed'
                              : 'muted'
                        }
                      >
                        {RUN_STATE[r.state]}
                      </td>
                      <td>{r.errorCodes.length ? r.errorCodes.map((code) => <code key={code}>{code} </code>) : '—'}</td>
                      <td>
                        <Link href={`/test-logins/${r.id}`}>View</Link>
                        {r.summary ? (
                          <>
                            {' '}
                            · <a href={`/api/runs/${r.id}`}>JSON</a> ·{' '}
                            <a href={`/api/runs/${r.id}?format=md`}>Markdown</a>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="connection-section" aria-labelledby="static-title">
        <h2 id="static-title">Configuration check</h2>
        {c.staticReport ? (
          <ReportView report={c.staticReport} idPrefix="static" />
        ) : (
          <p className="empty-state">
            The configuration check did not run for this connection (the analyzer was not available when it was saved).
          </p>
        )}
      </section>
    </div>
  )
}

const RUN_STATE = {
  waiting: 'waiting for the IdP',
  abandoned: 'abandoned: no answer from the IdP before the run expired (not counted)',
  passed: 'passed',
  failed: 'failed',
} as const

/** The unmasked user of each run this browser ran (kept encrypted for 10 minutes): the page is theirs. */
async function revealedUsers(runIds: readonly string[]): Promise<Record<string, string>> {
  const key = (await cookies()).get(BROWSER_COOKIE)?.value
  if (!key) return {}
  const store = await getStore()
  const out: Record<string, string> = {}
  for (const id of runIds) {
    const user = revealedUser((await privateViewFor(store, id, key)).view)
    if (user) out[id] = user
  }
  return out
}
