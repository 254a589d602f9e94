'use client'
import { useEffect, useRef } from 'react'
import { CopyButton } from '@/app/connections/copy-button'

/**
 * A secret (an API token, a setup link) the server hands out once: shown with a copy button and a warning that it
 * will not be shown again. Focus moves here so a keyboard or screen-reader user meets it first.
 */
export function SecretOnce({ label, value, warning }: { label: string; value: string; warning: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [value])
  return (
    <div ref={ref} tabIndex={-1} className="secret-once" role="region" aria-label={label}>
      <p className="field-label">{label}</p>
      <div className="setup-value-row">
        <code data-testid="secret-once-value">{value}</code>
        <CopyButton value={value} label={label} />
      </div>
      <p className="secret-once-warning">
        <strong>Shown once.</strong> {warning}
      </p>
    </div>
  )
}
