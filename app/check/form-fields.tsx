'use client'
import type { ReactNode } from 'react'

/** The id of a field group's error element; inputs point at it with aria-describedby. */
export const errorIdOf = (field: string) => `${field}-error`

export function FieldError({ field, errors }: { field: string; errors?: readonly string[] }) {
  return (
    <p id={errorIdOf(field)} className="field-error" aria-live="polite">
      {errors?.length ? errors.join(' ') : null}
    </p>
  )
}

export function TextField({
  name,
  label,
  hint,
  defaultValue,
  errors,
  placeholder,
  type = 'text',
  mono = true,
}: {
  name: string
  label: string
  hint?: ReactNode
  defaultValue?: string | undefined
  errors?: readonly string[] | undefined
  placeholder?: string
  type?: 'text' | 'url'
  mono?: boolean
}) {
  const hintId = `${name}-hint`
  const describedBy =
    [hint ? hintId : null, errors?.length ? errorIdOf(name) : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        className={mono ? 'input mono' : 'input'}
        defaultValue={defaultValue}
        placeholder={placeholder}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {hint ? (
        <p id={hintId} className="hint hint-after">
          {hint}
        </p>
      ) : null}
      <FieldError field={name} errors={errors} />
    </div>
  )
}

export function TextArea({
  name,
  label,
  hint,
  defaultValue,
  errorField,
  invalid,
  rows = 10,
}: {
  name: string
  label: string
  hint?: ReactNode
  defaultValue?: string | undefined
  errorField: string
  invalid: boolean
  rows?: number
}) {
  const hintId = `${name}-hint`
  return (
    <div className="field">
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={name}
        name={name}
        className="input mono"
        rows={rows}
        defaultValue={defaultValue}
        spellCheck={false}
        aria-describedby={
          [hint ? hintId : null, invalid ? errorIdOf(errorField) : null].filter(Boolean).join(' ') || undefined
        }
        aria-invalid={invalid || undefined}
      />
    </div>
  )
}

export function Segmented<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string
  legend: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (v: T) => void
}) {
  return (
    <fieldset className="segmented">
      <legend className="field-label">{legend}</legend>
      <div className="segmented-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'segment is-selected' : 'segment'}>
            {/* Uncontrolled on purpose: React resets the form after each action, and a reset restores defaultChecked. */}
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={o.value === value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
