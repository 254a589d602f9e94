'use client'
import { useActionState, useState } from 'react'
import { errorIdOf, FieldError, TextField } from '@/app/check/form-fields'
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, isBuiltinProfileId } from '@/lib/profiles'
import { createConnectionAction } from './actions'
import { INITIAL_CONNECTION_FORM, type ConnectionField } from './form-state'

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
        <fieldset className="panel">
          <legend className="panel-legend">Your IdP’s SAML metadata</legend>
          <TextField
            name="metadataUrl"
            label="Metadata URL"
            type="url"
            defaultValue={values.metadataUrl}
            errors={errors('metadataUrl')}
            placeholder="https://login.microsoftonline.com/<tenant>/federationmetadata/2007-06/federationmetadata.xml?appid=…"
            hint="Entra: Single sign-on › SAML Certificates › App Federation Metadata Url. Okta: Sign On › Metadata URL."
          />
          <div className="field">
            <label htmlFor="metadataXml" className="field-label">
              …or paste the metadata XML
            </label>
            <textarea
              id="metadataXml"
              name="metadataXml"
              className="input mono"
              rows={6}
              defaultValue={values.metadataXml}
              spellCheck={false}
              aria-describedby={describedBy('metadataXml', 'metadataXml-hint', errors('metadataXml'))}
              aria-invalid={errors('metadataXml')?.length ? true : undefined}
            />
            <p id="metadataXml-hint" className="hint hint-after">
              Or choose the downloaded file:{' '}
              <input
                type="file"
                name="metadataFile"
                accept=".xml,application/xml,text/xml"
                aria-label="Metadata file"
              />
            </p>
            <FieldError field="metadataXml" errors={errors('metadataXml')} />
          </div>
        </fieldset>
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
        <fieldset className="panel">
          <legend className="panel-legend">The vendor’s values (from the vendor’s SSO console)</legend>
          <div className="field-grid">
            <TextField
              name="connectionId"
              label="Connection ID"
              defaultValue={values.connectionId}
              errors={errors('connectionId')}
              hint="Optional, for your reference. It does not fill the two values below: they carry different IDs, copy both."
            />
            <TextField
              name="spEntityId"
              label="SP entity ID (Identifier)"
              defaultValue={values.spEntityId}
              errors={errors('spEntityId')}
              placeholder={sp?.entityId.example ?? ''}
              hint={sp ? `${sp.entityId.hint} (${sp.shownAt.join(' › ')})` : undefined}
            />
            <TextField
              name="acsUrl"
              label="ACS URL (Reply URL)"
              type="url"
              defaultValue={values.acsUrl}
              errors={errors('acsUrl')}
              placeholder={sp?.acsUrl.example ?? ''}
              hint={sp?.acsUrl.hint}
            />
            <div className="field">
              <label htmlFor="spMetadataXml" className="field-label">
                SP metadata XML (optional)
              </label>
              <textarea
                id="spMetadataXml"
                name="spMetadataXml"
                className="input mono"
                rows={4}
                defaultValue={values.spMetadataXml}
                spellCheck={false}
                aria-describedby={describedBy('spMetadataXml', 'spMetadataXml-hint', errors('spMetadataXml'))}
                aria-invalid={errors('spMetadataXml')?.length ? true : undefined}
              />
              <p id="spMetadataXml-hint" className="hint hint-after">
                {sp?.metadataHint ?? 'Or paste the service provider’s metadata XML: it fills both values.'}
              </p>
              <FieldError field="spMetadataXml" errors={errors('spMetadataXml')} />
            </div>
            <TextField
              name="verifiedDomains"
              label="Verified domains (optional)"
              defaultValue={values.verifiedDomains}
              errors={errors('verifiedDomains')}
              placeholder="contoso.com, contoso.co.uk"
            />
          </div>
        </fieldset>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving and checking…' : 'Save and check'}
        </button>
        <p className={`form-status form-status-${state.status}`} role="status" aria-live="polite">
          {state.status === 'idle' ? '' : state.message}
        </p>
      </div>
    </form>
  )
}
