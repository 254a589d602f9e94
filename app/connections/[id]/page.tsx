import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ReportView } from '@/app/ui/report/report-view'
import { formatInstant } from '@/app/ui/report/format'
import { setupValues } from '@/lib/connections'
import { getStore } from '@/lib/store'
import { deleteConnectionAction } from '../actions'
import { connectionDetail } from '../_server/connection-detail'
import { originFromHeaders } from '../_server/http'
import { CopyButton } from '../copy-button'
import { GoNoGoBanner } from '../go-no-go-banner'
import '../connections.css'

export const dynamic = 'force-dynamic'
type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await (await getStore()).connections.get((await params).id)
  return { title: c ? `Connection: ${c.name}` : 'Connection not found' }
}

export default async function ConnectionPage({ params }: Props) {
  const { id } = await params
  const origin = originFromHeaders(await headers())
  const detail = await connectionDetail(await getStore(), id, origin)
  if (!detail) notFound()
  const { connection: c, urls, runs, goNoGo } = detail
  const setup = setupValues({ id: c.id, protocol: c.protocol, config: c.config }, origin)
  const config: [string, string | undefined][] = [
    ['Protocol', c.protocol.toUpperCase()], ['Vendor profile', c.profileId],
    ['Metadata URL', c.config.metadataUrl],
    ['Metadata', c.config.idpMetadataXmlBytes !== undefined ? `pasted XML, ${c.config.idpMetadataXmlBytes.toLocaleString('en')} bytes` : undefined],
    ['Issuer', c.config.issuer], ['Client ID', c.config.clientId], ['Vendor connection ID', c.config.connectionId],
    ['Verified domains', c.config.verifiedDomains?.join(', ')],
    ['Kept until', formatInstant(c.expiresAt)],
  ]
  return (
    <div className="connection-page">
      <header className="page-header">
        <p className="muted"><Link href="/connections">Connections</Link> ›</p>
        <h1>{c.name}</h1>
        <div className="action-row">
          <Link className="button button-primary" href={`/connections/${c.id}/test-login`}>Run test login</Link>
          <form action={deleteConnectionAction}>
            <input type="hidden" name="id" value={c.id} />
            <button type="submit" className="button button-danger">Delete connection</button>
          </form>
        </div>
      </header>

      <GoNoGoBanner verdict={goNoGo} />

      <section className="connection-section" aria-labelledby="setup-title">
        <h2 id="setup-title">Values to enter in your IdP</h2>
        <ul className="setup-values" role="list">
          {setup.map((s) => (
            <li key={s.label} className="setup-value" aria-label={s.label}>
              <p className="field-label">{s.label}</p>
              <div className="setup-value-row">
                {s.value.startsWith(`${origin}/saml/metadata/`) ? <a href={s.value}><code>{s.value}</code></a> : <code>{s.value}</code>}
                <CopyButton value={s.value} label={s.label} />
              </div>
              <p className="hint hint-after">{s.where}</p>
            </li>
          ))}
        </ul>
        <p className="hint">Test logins start at <code>{urls.testLoginUrl}</code>.</p>
      </section>

      <section className="connection-section" aria-labelledby="config-title">
        <h2 id="config-title">Configuration</h2>
        <dl className="config-summary">
          {config.filter(([, v]) => v).map(([k, v]) => <div key={k} style={{ display: 'contents' }}><dt>{k}</dt><dd>{v}</dd></div>)}
        </dl>
      </section>

      <section className="connection-section" aria-labelledby="runs-title">
        <h2 id="runs-title">Test logins</h2>
        {runs.length === 0 ? <p className="empty-state">No test logins yet.</p> : (
          <table className="data-table">
            <thead><tr><th scope="col">When</th><th scope="col">Test user</th><th scope="col">Result</th><th scope="col">Errors</th><th scope="col">Report</th></tr></thead>
            <tbody>
              {runs.map((r) => {
                const passed = r.status === 'completed' && r.summary?.errors === 0
                return (
                  <tr key={r.id}>
                    <td><time dateTime={r.createdAt}>{formatInstant(r.createdAt)}</time></td>
                    <td>{r.testUser ?? <span className="muted">not identified</span>}</td>
                    <td className={r.status === 'pending' ? 'muted' : passed ? 'run-status-completed' : 'run-status-failed'}>
                      {r.status === 'pending' ? 'waiting for the IdP' : passed ? 'passed' : 'failed'}
                    </td>
                    <td>{r.errorCodes.length ? r.errorCodes.map((code) => <code key={code}>{code} </code>) : '—'}</td>
                    <td>
                      <Link href={`/test-logins/${r.id}`}>View</Link>
                      {r.summary ? <> · <a href={`/api/runs/${r.id}`}>JSON</a> · <a href={`/api/runs/${r.id}?format=md`}>Markdown</a></> : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="connection-section" aria-labelledby="static-title">
        <h2 id="static-title">Configuration check</h2>
        {c.staticReport ? <ReportView report={c.staticReport} idPrefix="static" /> : (
          <p className="empty-state">The configuration check did not run for this connection (the analyzer was not available when it was saved).</p>
        )}
      </section>
    </div>
  )
}
