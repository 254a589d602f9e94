'use client'
import { useEffect, useId, useRef, useState, type DragEvent } from 'react'

/**
 * A file input that also takes a dropped file. The size limit is checked here first so a too-large file never
 * leaves the browser; the server checks again.
 */
export function FileDrop({
  name,
  label,
  accept,
  maxBytes,
  maxLabel,
  errorId,
  invalid,
}: {
  name: string
  label: string
  accept?: string
  maxBytes: number
  maxLabel: string
  errorId?: string
  invalid?: boolean
}) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)

  // React resets the form after each submission, which empties the file input: forget the name shown for it too.
  useEffect(() => {
    const form = input.current?.form
    if (!form) return
    const onReset = () => {
      setChosen(null)
      setError(null)
    }
    form.addEventListener('reset', onReset)
    return () => form.removeEventListener('reset', onReset)
  }, [])

  function take(files: FileList | null) {
    const f = files?.[0]
    setError(null)
    setChosen(null)
    if (!f) return
    if (f.size > maxBytes) {
      setError(
        `“${f.name}” is ${f.size.toLocaleString('en-US')} bytes; the limit is ${maxLabel}. Upload the document itself, not an archive or log.`,
      )
      if (input.current) input.current.value = ''
      return
    }
    setChosen(`${f.name} (${formatSize(f.size)})`)
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault()
    setDragging(false)
    if (!input.current || !e.dataTransfer.files.length) return
    input.current.files = e.dataTransfer.files
    take(input.current.files)
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null, errorId].filter(Boolean).join(' ')
  return (
    <div
      className={`drop-zone${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        name={name}
        accept={accept}
        aria-describedby={describedBy}
        aria-invalid={invalid || error ? true : undefined}
        onChange={(e) => take(e.currentTarget.files)}
      />
      <p id={`${id}-hint`} className="hint">
        {chosen ? (
          <>
            Selected: <strong>{chosen}</strong>
          </>
        ) : (
          <>Drop a file here or choose one. Up to {maxLabel}.</>
        )}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
