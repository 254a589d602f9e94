'use client'
import { useActionState } from 'react'
import { createInvitationAction, type InviteState } from './actions'

/** Create an invitation; the link shows here once (only its hash is stored). */
export function InviteForm() {
  const [state, action, pending] = useActionState<InviteState, FormData>(createInvitationAction, { status: 'idle' })
  return (
    <form action={action} className="check-form" aria-label="Invite someone">
      <div className="field">
        <label className="field-label" htmlFor="invite-role">
          Role
        </label>
        <select id="invite-role" name="role" className="input" defaultValue="viewer">
          <option value="viewer">viewer: read reports, triage</option>
          <option value="admin">admin: connections, test logins, delete</option>
          <option value="owner">owner: members and settings</option>
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          Create invitation link
        </button>
      </div>
      {state.status === 'created' ? (
        <div role="status" className="flash-message">
          <p>
            Invitation for a <strong>{state.role}</strong>, valid until {new Date(state.expiresAt).toUTCString()}. Copy
            it now: it is shown only once.
          </p>
          <p>
            <code data-testid="invitation-link">{state.link}</code>
          </p>
        </div>
      ) : state.status === 'invalid' ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
    </form>
  )
}
