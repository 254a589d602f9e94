import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { setupValues } from '@/lib'
import { getStore } from '@/lib/store'
import { currentPrincipal, requireAccess } from '@/app/_server/access'
import { DEMO_CLIENT_SECRET, isDemoOidcClient } from '@/lib/testlogin'
import { originFromHeaders } from '@/app/connections/_server/http'
import { CopyButton } from '@/app/connections/copy-button'
import '@/app/connections/connections.css'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Run a test login' }

/** The start page: what to add in the IdP once (with copy buttons), then "Run test login". */
export default async function TestLoginStartPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const principal = await currentPrincipal()
  const connection = /^[A-Za-z0-9_-]{16,64}$/.test(id)
    ? await (await getStore()).connections.get(id, principal.workspaceId)
    : null
  if (!connection || (principal.kind === 'setup-link' && principal.connectionId !== id)) notFound()
  await requireAccess('runs.start', { workspaceId: connection.workspaceId, connectionId: connection.id })
  const origin = originFromHeaders(await headers())
  const saml = connection.protocol === 'saml'
  const values = setupValues(
    { id: connection.id, protocol: connection.protocol, config: connection.config },
    origin,
  ).filter((v) => (saml ? !v.label.startsWith('Reply URL (the vendor') : true))
  const demo = !saml && isDemoOidcClient(connection.config.issuer, connection.config.clientId)
  return (
    <div className="test-login-start">
      <header className="page-header">
        <p className="muted">
          <Link href={`/connections/${connection.id}`}>{connection.name}</Link> ›
        </p>
        <h1>{saml ? 'Run a SAML test login' : 'Run an OpenID Connect test login'}</h1>
        <p className="lead">
          {saml
            ? 'Your browser goes to the IdP with an AuthnRequest for the vendor’s app; you sign in as a test user; the IdP answers SSO Preflight instead of the vendor, and every check runs on the answer.'
            : 'Your browser goes to the IdP with an authorization request (code flow with PKCE); you sign in as a test user; SSO Preflight exchanges the code and checks the ID token and claims.'}
        </p>
      </header>

      <section className="connection-section" aria-labelledby="once-title">
        <h2 id="once-title">Once: add these in your IdP</h2>
        <ol className="setup-values">
          {values.map((v) => (
            <li key={v.label} className="setup-value" aria-label={v.label}>
              <p className="field-label">{v.label}</p>
              <div className="setup-value-row">
                <code>{v.value}</code>
                <CopyButton value={v.value} label={v.label} />
              </div>
              <p className="hint hint-after">{v.where}</p>
            </li>
          ))}
        </ol>
        {saml ? (
          <p className="hint">
            Keep the vendor’s own Reply URL as the default; the test reply URL is only used when SSO Preflight asks for
            it.
          </p>
        ) : null}
      </section>

      <section className="connection-section" aria-labelledby="run-title">
        <h2 id="run-title">Then: sign in as a test user</h2>
        <form method="post" action={`/connections/${connection.id}/test-login/start`} className="check-form">
          {saml ? null : (
            <div className="field">
              <label className="field-label" htmlFor="client-secret">
                Client secret
              </label>
              <input
                id="client-secret"
                name="clientSecret"
                type="password"
                className="input"
                autoComplete="off"
                required
                aria-describedby="client-secret-hint"
                {...(demo ? { defaultValue: DEMO_CLIENT_SECRET } : {})}
              />
              <p id="client-secret-hint" className="hint hint-after">
                Used for this test login only: kept in this server’s memory until the IdP answers (at most 10 minutes),
                never stored or logged.
                {demo ? ' Prefilled with the demo IdP’s public test secret.' : ''}
              </p>
            </div>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Run test login
            </button>
          </div>
        </form>
        <p className="hint">
          Each run asks the IdP to sign in again, so you can try several test users one after another; the connection
          page counts them for the go / no-go.
        </p>
      </section>
    </div>
  )
}
