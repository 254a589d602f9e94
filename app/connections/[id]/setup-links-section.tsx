import { formatInstant } from '@/app/ui/report/format'
import { principalForPage } from '@/app/_server/team-access'
import { setupLinkTtlMs } from '@/app/_server/setup-links-api'
import { getStore } from '@/lib/store'
import { allows } from '@/lib'
import { CreateSetupLinkButton, RevokeSetupLinkButton } from './setup-link-controls'
import '@/app/ui/team/team.css'

/**
 * "Setup links" on a connection's page: a link for someone without an account (the customer's IT admin) that opens
 * this connection's setup only, until it expires or is revoked. Shown to those who may manage links; a visitor who
 * came in by a setup link does not see it.
 */
export async function SetupLinksSection({ connectionId, workspaceId }: { connectionId: string; workspaceId: string }) {
  const principal = await principalForPage()
  if (!allows(principal, 'setup-links.manage', { workspaceId, connectionId })) return null
  const links = await (await getStore()).setupLinks.list(workspaceId, connectionId)
  const hours = Math.round(setupLinkTtlMs() / 3_600_000)
  const now = Date.now()
  return (
    <section className="connection-section" aria-labelledby="setup-links-title">
      <h2 id="setup-links-title">Setup links</h2>
      <p className="hint">
        A link for the person who configures the IdP and has no account here: it opens this connection only (its values
        and test logins), for {hours} hours, and every use is recorded in the audit log.
      </p>
      <CreateSetupLinkButton connectionId={connectionId} />
      {links.length === 0 ? (
        <p className="empty-state">No setup links for this connection.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Uses</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => {
                const expired = Date.parse(l.expiresAt) <= now
                return (
                  <tr key={l.id}>
                    <td>
                      <time dateTime={l.createdAt}>{formatInstant(l.createdAt)}</time>
                    </td>
                    <td>{formatInstant(l.expiresAt)}</td>
                    <td>{l.uses}</td>
                    <td>{l.lastUsedAt ? formatInstant(l.lastUsedAt) : <span className="muted">never</span>}</td>
                    <td className={l.revokedAt ? 'state-revoked' : expired ? 'state-expired' : undefined}>
                      {l.revokedAt ? `revoked ${formatInstant(l.revokedAt)}` : expired ? 'expired' : 'active'}
                    </td>
                    <td>
                      {l.revokedAt || expired ? null : (
                        <RevokeSetupLinkButton connectionId={connectionId} linkId={l.id} />
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
