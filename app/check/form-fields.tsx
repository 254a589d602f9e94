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

/** The ids an input points at (its hint, its error when it has one) and whether it is marked invalid. */
function fieldAria(name: string, hint: ReactNode, errors?: readonly string[]) {
  return {
    'aria-describedby':
      [hint ? `${name}-hint` : null, errors?.length ? errorIdOf(name) : null].filter(Boolean).join(' ') || undefined,
    'aria-invalid': errors?.length ? true : undefined,
  }
}

/** A field's frame: its label, the input, the hint after it and its error. */
function LabelledField({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string
  label: string
  hint?: ReactNode
  errors?: readonly string[] | undefined
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="hint hint-after">
          {hint}
        </p>
      ) : null}
      <FieldError field={name} errors={errors} />
    </div>
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
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <input
        id={name}
        name={name}
        type={type}
        className={mono ? 'input mono' : 'input'}
        defaultValue={defaultValue}
        placeholder={placeholder}
        {...fieldAria(name, hint, errors)}
        autoComplete="off"
        spellCheck={false}
      />
    </LabelledField>
  )
}

/** The text area a document (XML, JSON) is pasted into: monospaced, no spell check. */
function PasteArea({
  name,
  rows,
  defaultValue,
  ...aria
}: {
  name: string
  rows: number
  defaultValue?: string | undefined
  'aria-describedby': string | undefined
  'aria-invalid': boolean | undefined
}) {
  return (
    <textarea
      id={name}
      name={name}
      className="input mono"
      rows={rows}
      defaultValue={defaultValue}
      spellCheck={false}
      {...aria}
    />
  )
}

/** A multi-line paste with its hint after it and its own error, as TextField is for one line. */
export function TextAreaField({
  name,
  label,
  hint,
  defaultValue,
  errors,
  rows,
}: {
  name: string
  label: string
  hint?: ReactNode
  defaultValue?: string | undefined
  errors?: readonly string[] | undefined
  rows: number
}) {
  return (
    <LabelledField name={name} label={label} hint={hint} errors={errors}>
      <PasteArea name={name} rows={rows} defaultValue={defaultValue} {...fieldAria(name, hint, errors)} />
    </LabelledField>
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
      <PasteArea
        name={name}
        rows={rows}
        defaultValue={defaultValue}
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

/** A form's submit button and the status line that says what came of it (announced politely). */
export function SubmitRow({
  label,
  pendingLabel,
  pending,
  status,
  statusId,
  children,
}: {
  label: string
  pendingLabel: string
  pending: boolean
  status: string
  statusId?: string
  children: ReactNode
}) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <p id={statusId} className={`form-status form-status-${status}`} role="status" aria-live="polite">
        {children}
      </p>
    </div>
  )
}
