import type { Metadata } from 'next'
import { formatInstant } from '@/app/ui/report/format'
import { principalAllowedOnPage } from '@/app/_server/access'
import { PageRefusal } from '@/app/ui/page-refusal'
import { getStore } from '@/lib/store'
import { ACTIONS_COLUMN, DataTable } from '@/app/ui/data-table'
import { isLive, SecretStateCell } from '@/app/ui/team/secret-state'
import { CreateTokenForm, RevokeTokenButton } from './token-controls'
import '@/app/connections/connections.css'
import '@/app/ui/team/team.css'

export const metadata: Metadata = { title: 'API tokens' }
export const dynamic = 'force-dynamic'

/** /settings/tokens: API tokens for CI (create, shown once; list with scopes and last use; revoke). Admins and owners. */
export default async function TokensPage() {
  const principal = await principalAllowedOnPage('tokens.manage')
  if (!principal)
    return <PageRefusal title="API tokens">Only a workspace’s admins and owners manage its API tokens.</PageRefusal>
  const tokens = await (await getStore()).apiTokens.list(principal.workspaceId)
  const now = Date.now()
  return (
    <div>
      <header className="page-header">
        <h1>API tokens</h1>
        <p className="lead">
          For CI pipelines and scripts: send a token as <code>Authorization: Bearer …</code>, or set it as{' '}
          <code>SSO_PREFLIGHT_API_TOKEN</code> for <code>sso-preflight login --connection</code>. A token is shown once,
          stored only as a hash, and works until it expires or is revoked.
        </p>
      </header>

      <section aria-labelledby="new-token-title">
        <h2 id="new-token-title">Create a token</h2>
        <CreateTokenForm />
      </section>

      <section aria-labelledby="tokens-title" className="connection-section">
        <h2 id="tokens-title">Tokens of this workspace</h2>
        {tokens.length === 0 ? (
          <p className="empty-state">No API tokens yet.</p>
        ) : (
          <DataTable scroll columns={['Name', 'Scopes', 'Created', 'Last used', 'Expires', 'State', ACTIONS_COLUMN]}>
            {tokens.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>{t.scopes.join(', ')}</td>
                <td>
                  <time dateTime={t.createdAt}>{formatInstant(t.createdAt)}</time>
                </td>
                <td>
                  {t.lastUsedAt ? (
                    <time dateTime={t.lastUsedAt}>{formatInstant(t.lastUsedAt)}</time>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td>{t.expiresAt ? formatInstant(t.expiresAt) : <span className="muted">no expiry</span>}</td>
                <SecretStateCell secret={t} now={now} />
                <td>{isLive(t, now) ? <RevokeTokenButton id={t.id} name={t.name} /> : null}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <p className="hint hint-after">
          Scopes: <strong>read</strong> reads connections, runs and reports; <strong>run</strong> also starts test
          logins and saves reports. Last use is noted at most once a minute.
        </p>
      </section>
    </div>
  )
}
