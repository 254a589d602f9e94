'use client'
import type { FormEvent } from 'react'
import { RevokeButton, useCreateSecret } from '@/app/ui/team/secret-controls'
import { SecretOnce } from '@/app/ui/team/secret-once'

interface Created {
  token: string
  warning: string
  info: { name: string }
}

/** Name + scopes (+ optional expiry) → POST /api/tokens; the token is shown once, then the list refreshes. */
export function CreateTokenForm() {
  const { created, error, busy, create } = useCreateSecret<Created>('No token came back; try again.')
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const formEl = e.currentTarget
    const form = new FormData(formEl)
    const days = String(form.get('expiresInDays') ?? '').trim()
    const ok = await create('/api/tokens', {
      method: 'POST',
      body: JSON.stringify({
        name: String(form.get('name') ?? ''),
        scopes: form.getAll('scopes').map(String),
        ...(days ? { expiresInDays: Number(days) } : {}),
      }),
    })
    if (ok) formEl.reset()
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
  return (
    <RevokeButton
      url={`/api/tokens/${encodeURIComponent(id)}`}
      confirm={`Revoke the API token “${name}”? Pipelines using it stop working at once.`}
      ariaLabel={`Revoke ${name}`}
    />
  )
}
