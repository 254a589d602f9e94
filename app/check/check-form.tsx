'use client'
import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react'
import { ReportView } from '@/app/ui/report/report-view'
import { PrettyXmlView } from '@/app/ui/report/pretty-xml-view'
import { runCheckAction } from './actions'
import { PROFILE_OPTIONS, type CheckKind } from './check-request'
import { DEFAULT_PROFILE_ID } from '@/lib/profiles'
import { IDP_CHOICES } from '@/lib/idps'
import { DocumentInput, type DocumentLabels } from './document-input'
import { INITIAL_STATE, type CheckFormState, type FormField, type FormValues } from './form-state'
import { FieldError, Segmented, SubmitRow, TextField } from './form-fields'
import { oversizedFields } from './paste-size'

const KIND_OPTIONS: readonly { value: CheckKind; label: string }[] = [
  { value: 'saml-metadata', label: 'SAML metadata' },
  { value: 'oidc-discovery', label: 'OIDC discovery' },
  { value: 'saml-response', label: 'SAML response' },
]

const DOCUMENT: Record<CheckKind, DocumentLabels> = {
  'saml-metadata': {
    legend: 'IdP metadata',
    file: 'Metadata file',
    paste: 'Metadata XML',
    url: 'Metadata URL',
    accept: '.xml,application/xml,text/xml',
    pasteHint: 'The whole federation metadata XML document, starting with <EntityDescriptor> or <?xml.',
    urlHint: 'Entra: Single sign-on › SAML Certificates › App Federation Metadata Url. Okta: Sign On › Metadata URL.',
  },
  'oidc-discovery': {
    legend: 'OpenID configuration',
    file: 'Discovery document',
    paste: 'Discovery JSON',
    url: 'Issuer or discovery URL',
    accept: '.json,application/json',
    pasteHint: 'The JSON served at /.well-known/openid-configuration.',
    urlHint:
      'The issuer (e.g. https://login.microsoftonline.com/<tenant>/v2.0) or its /.well-known/openid-configuration URL. The JWKS is fetched too.',
  },
  'saml-response': {
    legend: 'SAML response',
    file: 'SAML response file',
    paste: 'SAMLResponse',
    accept: '.xml,.txt,application/xml,text/xml,text/plain',
    pasteHint: 'Raw XML, the base64 SAMLResponse form value, or the deflated HTTP-Redirect value.',
  },
}

const IDP_METADATA: DocumentLabels = {
  legend: 'IdP metadata (its certificates verify the signature)',
  file: 'IdP metadata file',
  paste: 'IdP metadata XML',
  url: 'IdP metadata URL',
  accept: '.xml,application/xml,text/xml',
}

/** /check: choose what to check, give the document and what the admin configured; the report renders below. */
export function CheckForm({ initialKind = 'saml-metadata' }: { initialKind?: CheckKind }) {
  const [state, formAction, pending] = useActionState(runCheckAction, INITIAL_STATE)
  const reportRef = useRef<HTMLElement>(null)

  useEffect(() => {
    if (state.status === 'done') reportRef.current?.focus()
  }, [state])

  return (
    <>
      <CheckFields
        key={state.status === 'idle' ? 'idle' : state.submission}
        state={state}
        formAction={formAction}
        pending={pending}
        initialKind={initialKind}
      />
      {state.status === 'done' ? (
        <section ref={reportRef} tabIndex={-1} className="report-region" aria-label="Report">
          <ReportView report={state.report} {...(state.exportReport ? { exportReport: state.exportReport } : {})} />
          {state.responsePretty ? (
            <details className="report-section">
              <summary>Decoded SAML response (XML)</summary>
              <PrettyXmlView view={state.responsePretty} label="The response as given, indented" />
            </details>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

/** The form itself; remounted for every answer so each control starts from what was submitted. */
function CheckFields({
  state,
  formAction,
  pending,
  initialKind,
}: {
  state: CheckFormState
  formAction: (form: FormData) => void
  pending: boolean
  initialKind: CheckKind
}) {
  const values: Partial<FormValues> = state.status === 'idle' ? {} : state.values
  const [kind, setKind] = useState<CheckKind>(values.kind ?? initialKind)
  const [mainSource, setMainSource] = useState(values.source ?? 'file')
  const [tooLarge, setTooLarge] = useState<Partial<Record<FormField, string[]>>>({})
  const errors = { ...(state.status === 'invalid' ? state.fieldErrors : {}), ...tooLarge }
  const formRef = useRef<HTMLFormElement>(null)

  // A paste over the limit is said here, by its field, and never sent: the server would refuse the whole request.
  function checkSizes(e: FormEvent<HTMLFormElement>) {
    const found = oversizedFields(new FormData(e.currentTarget))
    setTooLarge(found)
    if (Object.keys(found).length === 0) return
    e.preventDefault()
    const form = e.currentTarget
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  // After a rejected submission, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (state.status !== 'invalid') return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [state])

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={checkSizes}
      className="check-form"
      aria-describedby="form-status"
      noValidate
    >
      <Segmented
        name="kind"
        legend="What are you checking?"
        options={KIND_OPTIONS}
        value={kind}
        onChange={(k) => {
          setKind(k)
          setMainSource((s) => (k === 'saml-response' && s === 'url' ? 'file' : s))
        }}
      />
      <FieldError field="kind" errors={errors.kind} />

      <DocumentInput
        key={kind}
        names={{ source: 'source', file: 'file', text: 'text', url: 'url' }}
        labels={DOCUMENT[kind]}
        errorField="input"
        errors={errors.input}
        initialSource={mainSource}
        onSourceChange={setMainSource}
        defaults={{
          text: values.kind === kind ? values.text : undefined,
          url: values.kind === kind ? values.url : undefined,
        }}
      />

      {kind === 'oidc-discovery' && mainSource !== 'url' ? (
        <JwksInput errors={errors.jwks} defaultText={values.jwksText} />
      ) : null}

      {kind === 'saml-response' ? (
        <DocumentInput
          names={{ source: 'idpSource', file: 'idpFile', text: 'idpText', url: 'idpUrl' }}
          labels={IDP_METADATA}
          errorField="idpInput"
          errors={errors.idpInput}
          initialSource={values.idpSource ?? 'file'}
          defaults={{ text: values.idpText, url: values.idpUrl }}
        />
      ) : null}

      <fieldset className="panel">
        <legend className="panel-legend">
          What you configured <span className="muted">(optional)</span>
        </legend>
        <div className="field">
          <label htmlFor="profile" className="field-label">
            Vendor profile
          </label>
          <select
            id="profile"
            name="profile"
            className="input"
            defaultValue={values.profile ?? DEFAULT_PROFILE_ID}
            aria-describedby={errors.profile?.length ? 'profile-error' : undefined}
          >
            {PROFILE_OPTIONS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldError field="profile" errors={errors.profile} />
        </div>
        <ConfiguredValues kind={kind} values={values} errors={errors} />
      </fieldset>

      <details className="advanced" open={Boolean(errors.now?.length || errors.idp?.length)}>
        <summary>Advanced</summary>
        <TextField
          name="now"
          label="Check as of (UTC)"
          defaultValue={values.now}
          errors={errors.now}
          placeholder="2026-01-31T12:00:00Z"
          hint="Pins the clock for certificate and time checks, e.g. to see what breaks on a future date. Empty means now."
        />
        {kind === 'saml-metadata' ? (
          <div className="field">
            <label htmlFor="idp" className="field-label">
              IdP product
            </label>
            <select id="idp" name="idp" className="input" defaultValue={values.idp ?? ''}>
              <option value="">Detect from the metadata</option>
              {IDP_CHOICES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </details>

      <SubmitRow
        label="Run check"
        pendingLabel="Checking…"
        pending={pending}
        status={state.status}
        statusId="form-status"
      >
        {Object.keys(tooLarge).length
          ? 'Not sent: the input is too large. See the highlighted field.'
          : statusText(state, pending)}
      </SubmitRow>
    </form>
  )
}

function statusText(state: CheckFormState, pending: boolean): string {
  if (pending) return 'Checking…'
  switch (state.status) {
    case 'idle':
      return ''
    case 'done': {
      const s = state.report.summary
      return `Report ready: ${s.verdict === 'go' ? 'GO' : s.verdict === 'none' ? 'no verdict' : 'NO-GO'}, ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}.`
    }
    default:
      return state.message
  }
}

function JwksInput({
  errors,
  defaultText,
}: {
  errors?: readonly string[] | undefined
  defaultText?: string | undefined
}) {
  return (
    <fieldset className="panel">
      <legend className="panel-legend">
        JWKS <span className="muted">(optional)</span>
      </legend>
      <p className="hint">
        When you upload or paste the discovery document, add its JWKS (the JSON at jwks_uri) to check the keys too.
      </p>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="jwksFile" className="field-label">
            JWKS file
          </label>
          <input
            id="jwksFile"
            name="jwksFile"
            type="file"
            accept=".json,application/json"
            aria-describedby={errors?.length ? 'jwks-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="jwksText" className="field-label">
            JWKS JSON
          </label>
          <textarea
            id="jwksText"
            name="jwksText"
            className="input mono"
            rows={3}
            defaultValue={defaultText}
            spellCheck={false}
            aria-describedby={errors?.length ? 'jwks-error' : undefined}
          />
        </div>
      </div>
      <FieldError field="jwks" errors={errors} />
    </fieldset>
  )
}

function ConfiguredValues({
  kind,
  values,
  errors,
}: {
  kind: CheckKind
  values: Partial<FormValues>
  errors: Partial<Record<string, string[]>>
}) {
  const v = (k: keyof FormValues) => (values.kind === kind ? (values[k] as string | undefined) : undefined)
  if (kind === 'oidc-discovery') {
    return (
      <div className="field-grid">
        <TextField
          name="expectedIssuer"
          label="Issuer you configured"
          defaultValue={v('expectedIssuer')}
          errors={errors.expectedIssuer}
          hint="The document's issuer must equal it exactly."
        />
        <TextField name="clientId" label="Client ID" defaultValue={v('clientId')} errors={errors.clientId} />
        <TextField
          name="redirectUri"
          label="Redirect URI"
          defaultValue={v('redirectUri')}
          errors={errors.redirectUri}
        />
      </div>
    )
  }
  return (
    <div className="field-grid">
      <TextField
        name="spEntityId"
        label="Identifier (Entity ID)"
        defaultValue={v('spEntityId')}
        errors={errors.spEntityId}
        hint="Entra: Basic SAML Configuration › Identifier. Okta: Audience URI (SP Entity ID)."
        placeholder="https://www.okta.com/saml2/service-provider/…"
      />
      <TextField
        name="acsUrl"
        label="Reply URL (ACS)"
        defaultValue={v('acsUrl')}
        errors={errors.acsUrl}
        hint="Entra: Reply URL (Assertion Consumer Service URL). Okta: Single sign-on URL."
        placeholder="https://…/sso/saml2/…"
      />
      {kind === 'saml-metadata' ? (
        <TextField name="signOnUrl" label="Sign on URL" defaultValue={v('signOnUrl')} errors={errors.signOnUrl} />
      ) : (
        <TextField
          name="requestId"
          label="Request ID (InResponseTo)"
          defaultValue={v('requestId')}
          errors={errors.requestId}
          hint="The ID of the AuthnRequest, if the login was SP-initiated."
        />
      )}
    </div>
  )
}
