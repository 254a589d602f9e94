'use client'
import { useActionState } from 'react'
import { errorIdOf, FieldError, TextField } from '@/app/check/form-fields'
import { INITIAL_CONNECTION_FORM, type ConnectionField } from '@/app/connections/form-state'
import { startSetupAction } from './actions'

export interface StartSetupHints {
  readonly entityIdExample?: string
  readonly entityIdHint?: string
  readonly acsUrlExample?: string
  readonly acsUrlHint?: string
  readonly metadataHint?: string
  /** Where the IdP's metadata is found for the chosen IdP and app variant, when known. */
  readonly idpMetadataAt?: string
}

const describedBy = (field: string, hintId: string | null, errors?: readonly string[]) =>
  [hintId, errors?.length ? errorIdOf(field) : null].filter(Boolean).join(' ') || undefined

/** Starts a setup session: the IdP's metadata and the vendor's two SP values become a connection the walk checks. */
export function StartSetupForm({
  profileId,
  idp,
  variant,
  spName,
  hints,
}: {
  profileId: string
  idp: string
  variant: string
  spName: string | null
  hints: StartSetupHints
}) {
  const [state, action, pending] = useActionState(startSetupAction, INITIAL_CONNECTION_FORM)
  const values = state.status === 'idle' ? {} : state.values
  const errors = (f: ConnectionField) => (state.status === 'idle' ? undefined : state.fieldErrors[f])
  return (
    <form action={action} className="check-form connection-form" aria-labelledby="start-setup-title" noValidate>
      <h2 id="start-setup-title">Start the setup</h2>
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="idp" value={idp} />
      <input type="hidden" name="variant" value={variant} />
      <fieldset className="panel">
        <legend className="panel-legend">Your IdP’s SAML metadata</legend>
        <TextField
          name="metadataUrl"
          label="Metadata URL"
          type="url"
          defaultValue={values.metadataUrl}
          errors={errors('metadataUrl')}
          hint={hints.idpMetadataAt}
        />
        <div className="field">
          <label htmlFor="metadataXml" className="field-label">
            …or paste the metadata XML
          </label>
          <textarea
            id="metadataXml"
            name="metadataXml"
            className="input mono"
            rows={5}
            defaultValue={values.metadataXml}
            spellCheck={false}
            aria-describedby={describedBy('metadataXml', 'metadataXml-hint', errors('metadataXml'))}
            aria-invalid={errors('metadataXml')?.length ? true : undefined}
          />
          <p id="metadataXml-hint" className="hint hint-after">
            Or choose the downloaded file:{' '}
            <input type="file" name="metadataFile" accept=".xml,application/xml,text/xml" aria-label="Metadata file" />
          </p>
          <FieldError field="metadataXml" errors={errors('metadataXml')} />
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend className="panel-legend">
          {spName ? `${spName}’s values (from its SSO console)` : 'The service provider’s values'}
        </legend>
        <div className="field-grid">
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
          <div className="field">
            <label htmlFor="spMetadataXml" className="field-label">
              SP metadata XML (optional)
            </label>
            <textarea
              id="spMetadataXml"
              name="spMetadataXml"
              className="input mono"
              rows={3}
              defaultValue={values.spMetadataXml}
              spellCheck={false}
              aria-describedby={describedBy('spMetadataXml', 'spMetadataXml-hint', errors('spMetadataXml'))}
              aria-invalid={errors('spMetadataXml')?.length ? true : undefined}
            />
            <p id="spMetadataXml-hint" className="hint hint-after">
              {hints.metadataHint ?? 'Or paste the service provider’s metadata XML: it fills both values.'}
            </p>
            <FieldError field="spMetadataXml" errors={errors('spMetadataXml')} />
          </div>
          <TextField
            name="verifiedDomains"
            label="Verified domains"
            defaultValue={values.verifiedDomains}
            errors={errors('verifiedDomains')}
            placeholder="contoso.com, contoso.co.uk"
            hint="The email domains verified at the service provider and linked to this connection."
          />
          <TextField
            name="name"
            label="Name (optional)"
            mono={false}
            defaultValue={values.name}
            errors={errors('name')}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving and checking…' : 'Start the setup'}
        </button>
        <p className={`form-status form-status-${state.status}`} role="status" aria-live="polite">
          {state.status === 'idle' ? '' : state.message}
        </p>
      </div>
    </form>
  )
}
