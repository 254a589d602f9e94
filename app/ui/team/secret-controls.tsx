'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { apiCall } from './api-call'

/*
 * The client side of a secret's life on a team page (API tokens, setup links): create it (the answer is shown once,
 * then the list refreshes) and revoke it after a confirmation. Each page supplies only its URLs and its words.
 */

/**
 * A create call's state: `create` sends the request and keeps the answer (shown once) or the error to show;
 * `noAnswer` is the error when the server said yes but sent nothing back. True when it was created.
 */
export function useCreateSecret<T>(noAnswer: string) {
  const router = useRouter()
  const [created, setCreated] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function create(url: string, init: RequestInit): Promise<boolean> {
    setBusy(true)
    setError(null)
    const r = await apiCall<T>(url, init)
    setBusy(false)
    if (!r.ok || !r.body) {
      setError(r.ok ? noAnswer : r.message)
      return false
    }
    setCreated(r.body)
    router.refresh()
    return true
  }
  return { created, error, busy, create }
}

/** "Revoke": DELETE `url` once the user confirms `confirm`; the list refreshes, or the server's refusal shows beside. */
export function RevokeButton({ url, confirm, ariaLabel }: { url: string; confirm: string; ariaLabel?: string }) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function revoke() {
    if (!window.confirm(confirm)) return
    setBusy(true)
    const r = await apiCall(url, { method: 'DELETE' })
    setBusy(false)
    if (!r.ok) {
      setError(r.message)
      return
    }
    router.refresh()
  }
  return (
    <>
      <button type="button" className="button button-danger" onClick={revoke} disabled={busy} aria-label={ariaLabel}>
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
