'use client'
import { useRef, useState, type DragEvent, type FormEvent } from 'react'
import { ReportView } from '@/app/ui/report/report-view'
import type { Report } from '@/lib/findings'
import type { DetectedInput, SupportBundle, TriageInputKind } from '@/lib'
import { HopTable } from './hop-table'
import { PROFILE_OPTIONS } from '@/app/check/check-request'
import { DEFAULT_PROFILE_ID } from '@/lib/profiles'
import { SeedTable } from './seed-table'

type Result = {
  kind: TriageInputKind
  detected: DetectedInput
  reports: Report[]
  bundle?: SupportBundle
  exportReports?: Report[]
}
type State =
  { status: 'idle' } | { status: 'busy' } | { status: 'error'; message: string } | { status: 'done'; result: Result }

/** One textarea and a file drop: the server detects what it is and runs the right check. */
export function TriageForm() {
  const [state, setState] = useState<State>({ status: 'idle' })
  const [file, setFile] = useState<File | null>(null)
  const [dragging, setDragging] = useState(false)
  const [attachRaw, setAttachRaw] = useState(false)
  const [shared, setShared] = useState<string | null>(null)
  const [shareError, setShareError] = useState<string | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const lastText = useRef('')

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const fd = new FormData(e.currentTarget)
    fd.delete('file')
    if (file) fd.set('file', file)
    lastText.current = String(fd.get('text') ?? '')
    setShared(null)
    setState({ status: 'busy' })
    try {
      const res = await fetch('/triage/analyze', { method: 'POST', body: fd })
      const json = (await res.json()) as Result & { message?: string }
      setState(
        res.ok
          ? { status: 'done', result: json }
          : { status: 'error', message: json.message ?? 'The input could not be read.' },
      )
    } catch {
      setState({ status: 'error', message: 'The server could not be reached.' })
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault()
    setDragging(false)
    const f = e.dataTransfer.files?.[0]
    if (f) setFile(f)
  }

  async function exportBundle(reports: Report[]) {
    const raw = attachRaw && lastText.current.trim() ? rawFrom(state, lastText.current) : undefined
    const res = await fetch('/triage/bundle', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reports, attachRaw, ...(raw ? { raw } : {}) }),
    })
    if (!res.ok) return
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = 'sso-preflight-support-bundle.json'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  async function share(report: Report) {
    setShareError(null)
    const res = await fetch('/api/saved-reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ report, kind: 'triage' }),
    })
    const json = (await res.json().catch(() => ({}))) as { url?: string; message?: string }
    if (res.ok && json.url) setShared(json.url)
    else setShareError(res.status < 500 && json.message ? json.message : 'Saving is not available right now.')
  }

  const result = state.status === 'done' ? state.result : undefined
  return (
    <>
      <form ref={form} onSubmit={submit} className="check-form triage-form" aria-describedby="triage-status" noValidate>
        <div className="field">
          <label htmlFor="triage-text" className="field-label">
            Paste what you have
          </label>
          <textarea
            id="triage-text"
            name="text"
            className="input"
            rows={8}
            spellCheck={false}
            placeholder={
              'AADSTS50011, "User is not assigned to the client application", a SAMLResponse, an ID token, a HAR or an exported report'
            }
            aria-describedby="triage-text-hint"
          />
          <p id="triage-text-hint" className="hint">
            An error code or message (Entra, Okta, SAML status), a SAMLResponse (XML, base64 or deflated), an ID token,
            a HAR file, IdP metadata or an OpenID configuration, an exported report or support bundle. Recognised
            automatically, and the page says what it read.
          </p>
        </div>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="triage-file" className="field-label">
            Or drop a file (HAR, XML, JSON, text)
          </label>
          <input
            id="triage-file"
            name="file"
            type="file"
            accept=".har,.json,.xml,.txt,.b64,application/json,text/plain,text/xml"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          {file ? (
            <p className="hint">
              {file.name} ({Math.ceil(file.size / 1024)} KB){' '}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setFile(null)
                  const i = form.current?.elements.namedItem('file')
                  if (i instanceof HTMLInputElement) i.value = ''
                }}
              >
                Remove
              </button>
            </p>
          ) : null}
        </div>
        <details className="panel panel-details">
          <summary>
            More context (optional): the vendor&rsquo;s SP values, IdP metadata, JWKS and client ID for tokens, vendor
            profile
          </summary>
          <div className="field-grid">
            <div className="field">
              <label htmlFor="triage-sp-entity" className="field-label">
                Expected SP entity ID (audience)
              </label>
              <input
                id="triage-sp-entity"
                name="spEntityId"
                className="input"
                spellCheck={false}
                aria-describedby="triage-sp-hint"
              />
            </div>
            <div className="field">
              <label htmlFor="triage-acs" className="field-label">
                Expected ACS URL (Reply URL, recipient)
              </label>
              <input
                id="triage-acs"
                name="acsUrl"
                className="input"
                spellCheck={false}
                aria-describedby="triage-sp-hint"
              />
            </div>
          </div>
          <p id="triage-sp-hint" className="hint">
            The vendor&rsquo;s values: a pasted SAMLResponse is checked against them even without the IdP metadata (its
            signature then stays unverified).
          </p>
          <div className="field">
            <label htmlFor="triage-md" className="field-label">
              IdP metadata XML (validates a SAMLResponse, also inside a HAR)
            </label>
            <textarea id="triage-md" name="idpMetadata" className="input" rows={3} spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor="triage-jwks" className="field-label">
              JWKS (the issuer&rsquo;s keys, for an ID token)
            </label>
            <textarea id="triage-jwks" name="jwks" className="input" rows={3} spellCheck={false} />
          </div>
          <div className="field-grid">
            <div className="field">
              <label htmlFor="triage-client" className="field-label">
                Client ID
              </label>
              <input id="triage-client" name="clientId" className="input" />
            </div>
            <div className="field">
              <label htmlFor="triage-issuer" className="field-label">
                Expected issuer
              </label>
              <input id="triage-issuer" name="issuer" className="input" />
            </div>
            <div className="field">
              <label htmlFor="triage-nonce" className="field-label">
                Nonce
              </label>
              <input id="triage-nonce" name="nonce" className="input" />
            </div>
            <div className="field">
              <label htmlFor="triage-profile" className="field-label">
                Vendor profile
              </label>
              <select id="triage-profile" name="profile" className="input" defaultValue={DEFAULT_PROFILE_ID}>
                {PROFILE_OPTIONS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={state.status === 'busy'}>
            Triage
          </button>
        </div>
        <p id="triage-status" className="form-status" role="status" aria-live="polite">
          {state.status === 'busy'
            ? 'Reading…'
            : state.status === 'error'
              ? state.message
              : result
                ? `Recognised as: ${result.detected.description}.`
                : ''}
        </p>
      </form>

      {result ? (
        <section className="triage-result" aria-label="Triage result">
          {result.bundle ? <BundleSummary bundle={result.bundle} /> : null}
          {result.reports.map((r, i) => (
            <article key={i} className="triage-report" aria-label={`Report ${i + 1}`}>
              <SeedTable findings={r.findings} caption="What went wrong, who fixes it, and the fastest next step" />
              {r.timeline?.length ? <HopTable timeline={r.timeline} /> : null}
              <ReportView
                report={r}
                idPrefix={`t${i}`}
                showRecognised={false}
                {...(result.exportReports?.[i] ? { exportReport: result.exportReports[i] } : {})}
              />
            </article>
          ))}
          <div className="panel triage-share">
            <label className="field-label">
              <input type="checkbox" checked={attachRaw} onChange={(e) => setAttachRaw(e.currentTarget.checked)} />{' '}
              Attach the raw SAMLResponse / ID token and keep personal values unmasked (only if support asked for it)
            </label>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => exportBundle(result.reports)}>
                Export support bundle
              </button>
              {result.reports.length === 1 ? (
                <button type="button" className="button" onClick={() => share(result.reports[0]!)}>
                  Save and share
                </button>
              ) : null}
            </div>
            {shared ? (
              <p role="status">
                Shared link: <a href={shared}>{shared}</a>
              </p>
            ) : null}
            {shareError ? (
              <p role="status" className="field-error">
                {shareError}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}
    </>
  )
}

function BundleSummary({ bundle }: { bundle: SupportBundle }) {
  const ids = Object.entries(bundle.identifiers).filter(([, v]) => v.length)
  return (
    <section className="panel" aria-label="Imported support bundle">
      <h2>Imported support bundle</h2>
      <p className="muted">
        Created {bundle.createdAt}; {bundle.masked ? 'personal values masked' : 'raw material attached by the sender'};{' '}
        {bundle.reports.length} report{bundle.reports.length === 1 ? '' : 's'}.
      </p>
      {ids.length ? (
        <dl>
          {ids.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <code>{v.join(', ')}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  )
}

/** The raw material to attach, only what the user pasted and only the kinds a bundle may carry. */
function rawFrom(state: State, text: string): { samlResponse?: string; idToken?: string } | undefined {
  if (state.status !== 'done') return undefined
  if (state.result.kind === 'saml') return { samlResponse: text.trim().slice(0, 2_000_000) }
  if (state.result.kind === 'jwt') return { idToken: text.trim().slice(0, 100_000) }
  return undefined
}
