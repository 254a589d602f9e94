'use client'
import { useEffect, useRef, useState } from 'react'
import { deleteConnectionAction } from './actions'

/**
 * Deleting a connection takes its runs with it and cannot be undone: the first button only asks, the second
 * deletes. Focus moves to the question and back to the first button on Cancel / Escape, so it works by keyboard.
 */
export function DeleteConnection({ id, name, runs }: { id: string; name: string; runs: number }) {
  const [asking, setAsking] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const openRef = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)
  useEffect(() => {
    if (asking) confirmRef.current?.focus()
    else if (wasAsking.current) openRef.current?.focus()
    wasAsking.current = asking
  }, [asking])
  if (!asking) {
    return (
      <button ref={openRef} type="button" className="button button-danger" onClick={() => setAsking(true)}>
        Delete connection
      </button>
    )
  }
  return (
    <form
      action={deleteConnectionAction}
      className="delete-confirm"
      role="group"
      aria-labelledby="delete-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false)
      }}
    >
      <input type="hidden" name="id" value={id} />
      <p id="delete-question">
        Delete “{name}” and its {runs === 1 ? '1 test login' : `${runs} test logins`}? This cannot be undone.
      </p>
      <button ref={confirmRef} type="submit" className="button button-danger">
        Yes, delete connection
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </form>
  )
}
