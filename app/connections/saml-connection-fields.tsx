'use client'
import type { ReactNode } from 'react'
import { TextAreaField, TextField } from '@/app/check/form-fields'
import type { ConnectionField, ConnectionFormValues } from './form-state'

/*
 * The SAML half of a connection's form, shared by "New connection" and "Start the setup": the IdP's metadata (URL,
 * paste or file) and the vendor's values. The two forms differ only in their words (hints, examples, legend) and
 * in a field or two of their own, passed as `before` / `after`.
 */

interface SamlFieldsProps {
  values: ConnectionFormValues
  errors: (field: ConnectionField) => string[] | undefined
}

/** Where the vendor's values are shown and what they look like, when the vendor's profile says. */
export interface SpValueHints {
  readonly entityIdExample?: string | undefined
  readonly entityIdHint?: string | undefined
  readonly acsUrlExample?: string | undefined
  readonly acsUrlHint?: string | undefined
  readonly metadataHint?: string | undefined
}

export function IdpMetadataFieldset({
  values,
  errors,
  urlHint,
  urlPlaceholder,
  xmlRows,
}: SamlFieldsProps & { urlHint?: string | undefined; urlPlaceholder?: string; xmlRows: number }) {
  return (
    <fieldset className="panel">
      <legend className="panel-legend">Your IdP’s SAML metadata</legend>
      <TextField
        name="metadataUrl"
        label="Metadata URL"
        type="url"
        defaultValue={values.metadataUrl}
        errors={errors('metadataUrl')}
        placeholder={urlPlaceholder}
        hint={urlHint}
      />
      <TextAreaField
        name="metadataXml"
        label="…or paste the metadata XML"
        rows={xmlRows}
        defaultValue={values.metadataXml}
        errors={errors('metadataXml')}
        hint={
          <>
            Or choose the downloaded file:{' '}
            <input type="file" name="metadataFile" accept=".xml,application/xml,text/xml" aria-label="Metadata file" />
          </>
        }
      />
    </fieldset>
  )
}

export function SpValuesFieldset({
  values,
  errors,
  legend,
  hints,
  xmlRows,
  verifiedDomains,
  before,
  after,
}: SamlFieldsProps & {
  legend: string
  hints: SpValueHints
  xmlRows: number
  verifiedDomains: { label: string; hint?: string }
  before?: ReactNode
  after?: ReactNode
}) {
  return (
    <fieldset className="panel">
      <legend className="panel-legend">{legend}</legend>
      <div className="field-grid">
        {before}
        <TextField
          name="spEntityId"
          label="SP entity ID (Identifier)"
          defaultValue={values.spEntityId}
          errors={errors('spEntityId')}
          placeholder={hints.entityIdExample ?? ''}
          hint={hints.entityIdHint}
        />
        <TextField
          name="acsUrl"
          label="ACS URL (Reply URL)"
          type="url"
          defaultValue={values.acsUrl}
          errors={errors('acsUrl')}
          placeholder={hints.acsUrlExample ?? ''}
          hint={hints.acsUrlHint}
        />
        <TextAreaField
          name="spMetadataXml"
          label="SP metadata XML (optional)"
          rows={xmlRows}
          defaultValue={values.spMetadataXml}
          errors={errors('spMetadataXml')}
          hint={hints.metadataHint ?? 'Or paste the service provider’s metadata XML: it fills both values.'}
        />
        <TextField
          name="verifiedDomains"
          label={verifiedDomains.label}
          defaultValue={values.verifiedDomains}
          errors={errors('verifiedDomains')}
          placeholder="contoso.com, contoso.co.uk"
          hint={verifiedDomains.hint}
        />
        {after}
      </div>
    </fieldset>
  )
}
