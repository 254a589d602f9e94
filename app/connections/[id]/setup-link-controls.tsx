'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { apiCall } from '@/app/ui/team/api-call'
import { SecretOnce } from '@/app/ui/team/secret-once'

interface Created {
  url: string
  warning: string
}

/** POST /api/connections/:id/setup-links; the link is shown once, then the list refreshes. */
export function CreateSetupLinkButton({ connectionId }: { connectionId: string }) {
  const router = useRouter()
  const [created, setCreated] = useState<Created | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function create() {
    setBusy(true)
    setError(null)
    const r = await apiCall<Created>(`/api/connections/${encodeURIComponent(connectionId)}/setup-links`, {
      method: 'POST',
    })
    setBusy(false)
    if (!r.ok || !r.body) {
      setError(r.ok ? 'No link came back; try again.' : r.message)
      return
    }
    setCreated(r.body)
    router.refresh()
  }
  return (
    <div>
      <div className="action-row">
        <button type="button" className="button" onClick={create} disabled={busy}>
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
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  async function revoke() {
    if (!window.confirm('Revoke this setup link? Whoever holds it loses access to this connection at once.')) return
    const r = await apiCall(
      `/api/connections/${encodeURIComponent(connectionId)}/setup-links/${encodeURIComponent(linkId)}`,
      { method: 'DELETE' },
    )
    if (!r.ok) {
      setError(r.message)
      return
    }
    router.refresh()
  }
  return (
    <>
      <button type="button" className="button button-danger" onClick={revoke}>
        Revoke
      </button>
      {error ? (
        <span role="alert" className="team-error">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  )
}
