import { formatInstant } from '@/app/ui/report/format'
import { principalForPage } from '@/app/_server/team-access'
import { setupLinkTtlMs } from '@/app/_server/setup-links-api'
import { getStore } from '@/lib/store'
import { allows } from '@/lib'
import { ACTIONS_COLUMN, DataTable } from '@/app/ui/data-table'
import { isLive, SecretStateCell } from '@/app/ui/team/secret-state'
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
        <DataTable scroll columns={['Created', 'Expires', 'Uses', 'Last used', 'State', ACTIONS_COLUMN]}>
          {links.map((l) => (
            <tr key={l.id}>
              <td>
                <time dateTime={l.createdAt}>{formatInstant(l.createdAt)}</time>
              </td>
              <td>{formatInstant(l.expiresAt)}</td>
              <td>{l.uses}</td>
              <td>{l.lastUsedAt ? formatInstant(l.lastUsedAt) : <span className="muted">never</span>}</td>
              <SecretStateCell secret={l} now={now} />
              <td>{isLive(l, now) ? <RevokeSetupLinkButton connectionId={connectionId} linkId={l.id} /> : null}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}
