'use client'
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'
import { apiCall } from '@/app/ui/team/api-call'
import { SecretOnce } from '@/app/ui/team/secret-once'

interface Created {
  token: string
  warning: string
  info: { name: string }
}

/** Name + scopes (+ optional expiry) → POST /api/tokens; the token is shown once, then the list refreshes. */
export function CreateTokenForm() {
  const router = useRouter()
  const [created, setCreated] = useState<Created | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const formEl = e.currentTarget
    const form = new FormData(formEl)
    const days = String(form.get('expiresInDays') ?? '').trim()
    setBusy(true)
    setError(null)
    const r = await apiCall<Created>('/api/tokens', {
      method: 'POST',
      body: JSON.stringify({
        name: String(form.get('name') ?? ''),
        scopes: form.getAll('scopes').map(String),
        ...(days ? { expiresInDays: Number(days) } : {}),
      }),
    })
    setBusy(false)
    if (!r.ok || !r.body) {
      setError(r.ok ? 'No token came back; try again.' : r.message)
      return
    }
    setCreated(r.body)
    formEl.reset()
    router.refresh()
  }
  return (
    <>
      {created ? (
        <SecretOnce label={`API token “${created.info.name}”`} value={created.token} warning={created.warning} />
      ) : null}
      <form className="team-form" onSubmit={submit} aria-describedby={error ? 'token-error' : undefined}>
        <div>
          <label className="field-label" htmlFor="token-name">
            Name
          </label>
          <p className="hint" id="token-name-hint">
            What uses it, e.g. “GitHub Actions: sso-check”.
          </p>
          <input id="token-name" name="name" type="text" required maxLength={100} aria-describedby="token-name-hint" />
        </div>
        <fieldset>
          <legend className="field-label">Scopes</legend>
          <label>
            <input type="checkbox" name="scopes" value="read" defaultChecked /> read: connections, runs, reports
          </label>
          <br />
          <label>
            <input type="checkbox" name="scopes" value="run" /> run: also start test logins and save reports
          </label>
        </fieldset>
        <div>
          <label className="field-label" htmlFor="token-days">
            Expires after (days, optional)
          </label>
          <input id="token-days" name="expiresInDays" type="number" min={1} max={3650} inputMode="numeric" />
        </div>
        {error ? (
          <p id="token-error" role="alert" className="team-error">
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            Create token
          </button>
        </div>
      </form>
    </>
  )
}

/** DELETE /api/tokens/:id after a confirmation; the list refreshes. */
export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function revoke() {
    if (!window.confirm(`Revoke the API token “${name}”? Pipelines using it stop working at once.`)) return
    setBusy(true)
    const r = await apiCall(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' })
    setBusy(false)
    if (!r.ok) {
      setError(r.message)
      return
    }
    router.refresh()
  }
  return (
    <>
      <button
        type="button"
        className="button button-danger"
        onClick={revoke}
        disabled={busy}
        aria-label={`Revoke ${name}`}
      >
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
