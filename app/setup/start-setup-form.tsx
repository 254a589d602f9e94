'use client'
import { useActionState } from 'react'
import { SubmitRow, TextField } from '@/app/check/form-fields'
import { INITIAL_CONNECTION_FORM, type ConnectionField } from '@/app/connections/form-state'
import { IdpMetadataFieldset, SpValuesFieldset, type SpValueHints } from '@/app/connections/saml-connection-fields'
import { startSetupAction } from './actions'

export interface StartSetupHints extends SpValueHints {
  /** Where the IdP's metadata is found for the chosen IdP and app variant, when known. */
  readonly idpMetadataAt?: string
}

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
      <IdpMetadataFieldset values={values} errors={errors} xmlRows={5} urlHint={hints.idpMetadataAt} />
      <SpValuesFieldset
        values={values}
        errors={errors}
        legend={spName ? `${spName}’s values (from its SSO console)` : 'The service provider’s values'}
        xmlRows={3}
        hints={hints}
        verifiedDomains={{
          label: 'Verified domains',
          hint: 'The email domains verified at the service provider and linked to this connection.',
        }}
        after={
          <TextField
            name="name"
            label="Name (optional)"
            mono={false}
            defaultValue={values.name}
            errors={errors('name')}
          />
        }
      />
      <SubmitRow label="Start the setup" pendingLabel="Saving and checking…" pending={pending} status={state.status}>
        {state.status === 'idle' ? '' : state.message}
      </SubmitRow>
    </form>
  )
}
