import type { Metadata } from 'next'
import Link from 'next/link'
import { TriageForm } from './triage-form'
import { requireAccess } from '@/app/_server/access'
import './triage.css'

export const metadata: Metadata = { title: 'Triage a sign-in problem' }

/** /triage: paste or drop whatever the escalation brought; see what went wrong, who fixes it, and the next step. */
export default async function TriagePage() {
  await requireAccess('triage.run')
  return (
    <div className="triage-page">
      <header className="page-header">
        <h1>Triage a sign-in problem</h1>
        <p className="lead">
          Paste an error message or code, a SAMLResponse, an ID token, or drop a HAR file or an exported report.
          Cookies, tokens, passwords and assertion values are redacted from everything shown. Not sure it is SSO at all?
          Start with the <Link href="/guide">sign-in guide</Link>.
        </p>
      </header>
      <TriageForm />
    </div>
  )
}
