import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { formatInstant } from '@/app/ui/report/format'
import { ReportView } from '@/app/ui/report/report-view'
import type { Report } from '@/lib/findings'
import { isAbandoned, pendingDeadline } from '@/lib'
import { getStore } from '@/lib/store'
import { currentPrincipal, requireAccess } from '@/app/_server/access'
import { BROWSER_COOKIE, privateViewFor } from '@/lib/testlogin'
import { RunTimeline } from '../_ui/run-timeline'
import { RefreshAt } from '../_ui/refresh-at'
import { PrivateView } from '../_ui/private-view'
import { IdpErrorForm } from '../_ui/idp-error-form'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Test login result' }

type Props = {
  params: Promise<{ runId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** A test login's result: verdict, the flow step by step, the IdP's answer (unmasked for the browser that ran it), findings. */
export default async function TestLoginPage({ params, searchParams }: Props) {
  const { runId } = await params
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(runId)) notFound()
  const store = await getStore()
  const principal = await currentPrincipal()
  const run = await store.runs.get(runId, principal.workspaceId)
  const saved = run ? null : await store.savedReports.get(runId, principal.workspaceId)
  if (!run && !saved) notFound()
  if (principal.kind === 'setup-link' && run?.connectionId !== principal.connectionId) notFound()
  await requireAccess(run ? 'runs.read' : 'reports.read', {
    workspaceId: (run ?? saved)!.workspaceId,
    ...(run?.connectionId ? { connectionId: run.connectionId } : {}),
  })
  const otherBrowser = (await searchParams)['other-browser'] === '1'

  if (run && isAbandoned(run)) {
    // Nobody came back from the IdP before the run expired: say so instead of waiting forever. It counts as nothing.
    return (
      <div className="test-login-page">
        <header className="page-header">
          <h1>Test login abandoned</h1>
          <p className="lead">
            No answer came back from the IdP before this run expired (
            <time dateTime={pendingDeadline(run)}>{formatInstant(pendingDeadline(run))}</time>). It counts neither as a
            pass nor as a failure. Start a new test login to try again.
          </p>
          {run.connectionId ? (
            <div className="action-row">
              <Link className="button button-primary" href={`/connections/${run.connectionId}/test-login`}>
                Run another test login
              </Link>
            </div>
          ) : null}
        </header>
        <RunTimeline steps={run.timeline} />
        {run.connectionId ? (
          <p>
            <Link href={`/connections/${run.connectionId}`}>Back to the connection</Link>
          </p>
        ) : null}
      </div>
    )
  }

  if (run && run.status === 'pending') {
    return (
      <div className="test-login-page">
        <header className="page-header">
          <h1>Test login in progress</h1>
          <p className="lead">
            Waiting for the IdP’s answer. Sign in at the IdP in this browser. If nobody answers by{' '}
            <time dateTime={pendingDeadline(run)}>{formatInstant(pendingDeadline(run))}</time>, the run counts as
            abandoned.
          </p>
          <RefreshAt at={pendingDeadline(run)} />
        </header>
        <RunTimeline steps={run.timeline} />
        <IdpErrorForm runId={run.id} />
        {run.connectionId ? (
          <p>
            <Link href={`/connections/${run.connectionId}`}>Back to the connection</Link>
          </p>
        ) : null}
      </div>
    )
  }

  const report = (run?.report ?? saved?.report) as Report
  const { timeline = [], ...rest } = report
  const key = (await cookies()).get(BROWSER_COOKIE)?.value
  const mine = run ? (await privateViewFor(store, run.id, key)).view : undefined
  const protocol = report.subject.kind === 'oidc-test-login' ? 'OpenID Connect' : 'SAML'
  return (
    <div className="test-login-page">
      <header className="page-header">
        <p className="muted">
          {run?.connectionId ? (
            <>
              <Link href={`/connections/${run.connectionId}`}>Connection</Link> ›{' '}
            </>
          ) : null}
          {protocol} test login
        </p>
        <h1>Test login result</h1>
        {run?.testUser ? (
          <p className="lead">
            Test user: <code>{mine && 'nameId' in mine && mine.nameId ? mine.nameId : run.testUser}</code>
          </p>
        ) : null}
        {run?.connectionId ? (
          <div className="action-row">
            <Link className="button button-primary" href={`/connections/${run.connectionId}/test-login`}>
              Run another test login
            </Link>
          </div>
        ) : null}
      </header>
      {otherBrowser ? (
        <p className="hint" role="note">
          This result was opened in another browser than the one that ran the test login, so personal values stay
          masked.
        </p>
      ) : null}
      <RunTimeline steps={timeline} />
      {mine ? <PrivateView view={mine} /> : null}
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">Findings</h2>
        <ReportView
          report={rest as Report}
          idPrefix="run"
          stored
          showIdentity={!mine}
          // The API's downloads carry what the page shows around the findings too: timeline, run ID, connection.
          downloadBase={run ? `/api/runs/${run.id}` : `/api/saved-reports/${saved!.id}`}
        />
      </section>
    </div>
  )
}
