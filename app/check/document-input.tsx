'use client'
import { useState } from 'react'
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL } from './check-request'
import { FileDrop } from './file-drop'
import type { InputSource } from './form-state'
import { FieldError, Segmented, TextArea, TextField } from './form-fields'

export interface DocumentLabels {
  legend: string
  file: string
  paste: string
  url?: string
  accept: string
  pasteHint?: string
  urlHint?: string
}

const SOURCE_LABEL: Record<InputSource, string> = { file: 'Upload a file', paste: 'Paste', url: 'From a URL' }

/** One document from a file, a paste or a URL; only the chosen source's control is in the form. */
export function DocumentInput({
  names,
  labels,
  errorField,
  errors,
  initialSource,
  defaults,
  onSourceChange,
}: {
  names: { source: string; file: string; text: string; url: string }
  labels: DocumentLabels
  errorField: string
  errors?: readonly string[] | undefined
  initialSource: InputSource
  defaults: { text?: string | undefined; url?: string | undefined }
  onSourceChange?: (source: InputSource) => void
}) {
  const sources: InputSource[] = labels.url ? ['file', 'paste', 'url'] : ['file', 'paste']
  const [source, setSourceState] = useState<InputSource>(sources.includes(initialSource) ? initialSource : 'file')
  const setSource = (s: InputSource) => {
    setSourceState(s)
    onSourceChange?.(s)
  }
  const invalid = Boolean(errors?.length)
  return (
    <fieldset className="panel">
      <legend className="panel-legend">{labels.legend}</legend>
      <Segmented
        name={names.source}
        legend="Provide it as"
        value={source}
        onChange={setSource}
        options={sources.map((s) => ({ value: s, label: SOURCE_LABEL[s] }))}
      />
      {source === 'file' ? (
        <FileDrop
          name={names.file}
          label={labels.file}
          accept={labels.accept}
          maxBytes={MAX_INPUT_BYTES}
          maxLabel={MAX_INPUT_LABEL}
          invalid={invalid}
          {...(invalid ? { errorId: `${errorField}-error` } : {})}
        />
      ) : null}
      {source === 'paste' ? (
        <TextArea
          name={names.text}
          label={labels.paste}
          hint={labels.pasteHint}
          defaultValue={defaults.text}
          errorField={errorField}
          invalid={invalid}
        />
      ) : null}
      {source === 'url' && labels.url ? (
        <TextField
          name={names.url}
          label={labels.url}
          type="url"
          hint={labels.urlHint}
          defaultValue={defaults.url}
          placeholder="https://"
          errors={errors}
        />
      ) : null}
      {source === 'url' ? null : <FieldError field={errorField} errors={errors} />}
    </fieldset>
  )
}
