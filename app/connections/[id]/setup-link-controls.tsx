'use client'
import { RevokeButton, useCreateSecret } from '@/app/ui/team/secret-controls'
import { SecretOnce } from '@/app/ui/team/secret-once'

interface Created {
  url: string
  warning: string
}

/** POST /api/connections/:id/setup-links; the link is shown once, then the list refreshes. */
export function CreateSetupLinkButton({ connectionId }: { connectionId: string }) {
  const { created, error, busy, create } = useCreateSecret<Created>('No link came back; try again.')
  return (
    <div>
      <div className="action-row">
        <button
          type="button"
          className="button"
          onClick={() => create(`/api/connections/${encodeURIComponent(connectionId)}/setup-links`, { method: 'POST' })}
          disabled={busy}
        >
          Create setup link
        </button>
        {error ? (
          <span role="alert" className="team-error">
            {error}
          </span>
        ) : null}
      </div>
      {created ? <SecretOnce label="Setup link" value={created.url} warning={created.warning} /> : null}
    </div>
  )
}

/** DELETE /api/connections/:id/setup-links/:linkId after a confirmation. */
export function RevokeSetupLinkButton({ connectionId, linkId }: { connectionId: string; linkId: string }) {
  return (
    <RevokeButton
      url={`/api/connections/${encodeURIComponent(connectionId)}/setup-links/${encodeURIComponent(linkId)}`}
      confirm="Revoke this setup link? Whoever holds it loses access to this connection at once."
    />
  )
}
