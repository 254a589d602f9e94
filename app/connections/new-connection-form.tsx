'use client'
import { useActionState, useState } from 'react'
import { errorIdOf, FieldError, SubmitRow, TextField } from '@/app/check/form-fields'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId } from '@/lib/profiles'
import { createConnectionAction } from './actions'
import { INITIAL_CONNECTION_FORM, type ConnectionField } from './form-state'
import { IdpMetadataFieldset, SpValuesFieldset } from './saml-connection-fields'

const describedBy = (field: string, hintId: string | null, errors?: readonly string[]) =>
  [hintId, errors?.length ? errorIdOf(field) : null].filter(Boolean).join(' ') || undefined

/** "New connection": the IdP side (metadata or issuer) and the vendor's values. Errors stay next to their field. */
export function NewConnectionForm() {
  const [state, action, pending] = useActionState(createConnectionAction, INITIAL_CONNECTION_FORM)
  const values = state.status === 'idle' ? {} : state.values
  const errors = (f: ConnectionField) => (state.status === 'idle' ? undefined : state.fieldErrors[f])
  const [protocol, setProtocol] = useState<'saml' | 'oidc'>(values.protocol === 'oidc' ? 'oidc' : 'saml')
  const [profileId, setProfileId] = useState(values.profileId ?? (protocol === 'oidc' ? 'generic' : DEFAULT_PROFILE_ID))
  // The vendor's words (labels, examples, where to copy from) come from its profile; a generic profile has none.
  const vendor = isBuiltinProfileId(profileId) ? BUILTIN_PROFILES[profileId].vendor : undefined
  const sp = vendor?.spValues

  return (
    <form action={action} className="check-form connection-form" aria-labelledby="new-connection-title" noValidate>
      <h2 id="new-connection-title">New connection</h2>
      <fieldset className="panel">
        <legend className="panel-legend">Protocol and vendor profile</legend>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="protocol" className="field-label">
              Protocol
            </label>
            <select
              id="protocol"
              name="protocol"
              className="input"
              value={protocol}
              aria-describedby={describedBy('protocol', null, errors('protocol'))}
              aria-invalid={errors('protocol')?.length ? true : undefined}
              onChange={(e) => {
                const p = e.target.value === 'oidc' ? 'oidc' : 'saml'
                setProtocol(p)
                if (p === 'oidc') setProfileId('generic')
              }}
            >
              <option value="saml">SAML 2.0</option>
              <option value="oidc">OpenID Connect</option>
            </select>
            <FieldError field="protocol" errors={errors('protocol')} />
          </div>
          <div className="field">
            <label htmlFor="profileId" className="field-label">
              Vendor profile
            </label>
            <select
              id="profileId"
              name="profileId"
              className="input"
              value={profileId}
              onChange={(e) => setProfileId(e.target.value)}
              aria-describedby={describedBy('profileId', null, errors('profileId'))}
              aria-invalid={errors('profileId')?.length ? true : undefined}
            >
              {Object.values(BUILTIN_PROFILES).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <FieldError field="profileId" errors={errors('profileId')} />
          </div>
          <TextField
            name="name"
            label="Name (optional)"
            mono={false}
            defaultValue={values.name}
            errors={errors('name')}
            hint="Defaults to the IdP's host name."
          />
        </div>
      </fieldset>

      {protocol === 'saml' ? (
        <IdpMetadataFieldset
          values={values}
          errors={errors}
          xmlRows={6}
          urlPlaceholder="https://login.microsoftonline.com/<tenant>/federationmetadata/2007-06/federationmetadata.xml?appid=…"
          urlHint="Entra: Single sign-on › SAML Certificates › App Federation Metadata Url. Okta: Sign On › Metadata URL."
        />
      ) : (
        <fieldset className="panel">
          <legend className="panel-legend">Your IdP’s OpenID Connect app</legend>
          <div className="field-grid">
            <TextField
              name="issuer"
              label="Issuer URL"
              type="url"
              defaultValue={values.issuer}
              errors={errors('issuer')}
              placeholder="https://login.microsoftonline.com/<tenant>/v2.0"
            />
            <TextField
              name="clientId"
              label="Client ID"
              defaultValue={values.clientId}
              errors={errors('clientId')}
              hint="The client secret is asked for at each test login and never stored."
            />
          </div>
        </fieldset>
      )}

      {protocol === 'saml' ? (
        <SpValuesFieldset
          values={values}
          errors={errors}
          legend="The vendor’s values (from the vendor’s SSO console)"
          xmlRows={4}
          hints={{
            entityIdExample: sp?.entityId.example,
            entityIdHint: sp ? `${sp.entityId.hint} (${sp.shownAt.join(' › ')})` : undefined,
            acsUrlExample: sp?.acsUrl.example,
            acsUrlHint: sp?.acsUrl.hint,
            metadataHint: sp?.metadataHint,
          }}
          verifiedDomains={{ label: 'Verified domains (optional)' }}
          before={
            <TextField
              name="connectionId"
              label="Connection ID"
              defaultValue={values.connectionId}
              errors={errors('connectionId')}
              hint="Optional, for your reference. It does not fill the two values below: they carry different IDs, copy both."
            />
          }
        />
      ) : null}

      <SubmitRow label="Save and check" pendingLabel="Saving and checking…" pending={pending} status={state.status}>
        {state.status === 'idle' ? '' : state.message}
      </SubmitRow>
    </form>
  )
}
