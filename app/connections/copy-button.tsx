'use client'
import { useState } from 'react'

/** Copies a value; says so in a live region, so screen readers hear it too. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button print-hide"
        aria-label={`Copy ${label}`}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value)
            setCopied(true)
            setTimeout(() => setCopied(false), 2000)
          } catch {
            /* clipboard refused (insecure context): the value is on screen to select */
          }
        }}
      >
        Copy
      </button>
      <span role="status" aria-live="polite" className="muted">
        {copied ? 'Copied' : ''}
      </span>
    </>
  )
}
