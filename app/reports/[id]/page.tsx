import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { originFromHeaders } from '@/app/connections/_server/http'
import { CopyButton } from '@/app/connections/copy-button'
import { formatInstant, KIND_LABEL } from '@/app/ui/report/format'
import { ReportView } from '@/app/ui/report/report-view'
import { getStore } from '@/lib/store'
import { currentPrincipal, requireAccess } from '@/app/_server/access'
import '@/app/connections/connections.css'

export const dynamic = 'force-dynamic'
type Props = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const saved = await (await getStore()).savedReports.get((await params).id, (await currentPrincipal()).workspaceId)
  // Shared links must not leak into search engines or referrers.
  return {
    title: saved ? `Saved report: ${KIND_LABEL[saved.report.subject.kind]}` : 'Report not found',
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  }
}

/** A saved (shared) report: the same ReportView, a link to copy, JSON / Markdown downloads, printable. */
export default async function SavedReportPage({ params }: Props) {
  const { id } = await params
  const principal = await requireAccess('reports.read')
  const saved = await (await getStore()).savedReports.get(id, principal.workspaceId)
  if (!saved) notFound()
  const link = `${originFromHeaders(await headers())}/reports/${saved.id}`
  return (
    <div className="saved-report-page">
      <header className="page-header">
        <h1>Saved report: {KIND_LABEL[saved.report.subject.kind]}</h1>
        <p className="lead">
          Saved <time dateTime={saved.createdAt}>{formatInstant(saved.createdAt)}</time>, kept until{' '}
          <time dateTime={saved.expiresAt}>{formatInstant(saved.expiresAt)}</time>.{' '}
          {saved.raw
            ? 'Personal values are shown unmasked: the person who saved it chose to include them.'
            : 'Personal values are masked.'}
        </p>
        <div className="action-row setup-value-row">
          <span>
            Link: <code>{link}</code>
          </span>
          <CopyButton value={link} label="link to this report" />
        </div>
      </header>
      <ReportView report={saved.report} downloadBase={`/api/saved-reports/${saved.id}`} />
      {saved.attachments ? (
        <section className="connection-section" aria-labelledby="attachments-title">
          <h2 id="attachments-title">Attached raw material</h2>
          <p className="hint">Attached on purpose by the person who saved this report. Treat it as confidential.</p>
          {Object.entries(saved.attachments).map(([k, v]) => (
            <details key={k}>
              <summary>{k}</summary>
              <pre className="mono">{v}</pre>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  )
}
