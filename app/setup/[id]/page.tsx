import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ownerLabel, type Finding } from '@/lib/findings'
import { BUILTIN_PROFILES, isBuiltinProfileId } from '@/lib/profiles'
import {
  choiceForDetected,
  resolveIdpChoice,
  setupIdpChoices,
  setupWalk,
  type SetupStepView,
  type StepCheck,
} from '@/lib'
import { getStore } from '@/lib/store'
import { currentPrincipal, requireAccess } from '@/app/_server/access'
import { originFromHeaders } from '@/app/connections/_server/http'
import { CopyButton } from '@/app/connections/copy-button'
import { accountEmailsAction, recheckMetadataAction, vendorCertificateAction } from '../actions'
import { emailForms, SetupQuerySchema } from '../setup-query'
import '../../connections/connections.css'
import '../setup.css'

export const dynamic = 'force-dynamic'
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = await (await getStore()).connections.get((await params).id, (await currentPrincipal()).workspaceId)
  return { title: c ? `Set up: ${c.name}` : 'Setup not found' }
}

const STATUS_LABEL: Record<SetupStepView['status'], string> = {
  done: 'Done',
  blocked: 'Blocked',
  todo: 'To do',
  manual: 'Do it at the service provider',
}
const CHECK_LABEL: Record<StepCheck['state'], string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  todo: 'Not run yet',
  'not-checked': 'Not checked',
}

/** The setup walk of one connection: the vendor's steps in order, each with values, screens and its live check; then go / no-go. */
export default async function SetupWalkPage({ params, searchParams }: Props) {
  const { id } = await params
  const q = SetupQuerySchema.parse(await searchParams)
  const principal = await currentPrincipal()
  const store = await getStore()
  // Loaded within the caller's workspace: another workspace's connection (or, for a setup link, another connection)
  // answers like an unknown one.
  const connection = await store.connections.get(id, principal.workspaceId)
  if (!connection || connection.protocol !== 'saml') notFound()
  if (principal.kind === 'setup-link' && principal.connectionId !== id) notFound()
  await requireAccess('connections.read', { workspaceId: connection.workspaceId, connectionId: id })
  const runs = await store.runs.listByConnection(id, connection.workspaceId)
  const profile = BUILTIN_PROFILES[isBuiltinProfileId(connection.profileId) ? connection.profileId : 'generic']
  const vendor = profile.vendor
  const choices = setupIdpChoices(profile)
  const detected = connection.staticReport
    ? choiceForDetected(choices, connection.staticReport.subject.idp ?? 'other')
    : undefined
  const picked = resolveIdpChoice(
    choices,
    q.idp && q.idp !== 'detect' ? q.idp : (detected?.id ?? choices.find((c) => c.id === 'other')?.id ?? choices[0]!.id),
    q.variant,
  )!
  const byDetection = !(q.idp && q.idp !== 'detect')
  const accountEmails = emailForms(q.emails)
  const walk = setupWalk({
    profile,
    idp: picked.idp,
    variant: picked.variant,
    connection,
    runs,
    origin: originFromHeaders(await headers()),
    now: new Date(),
    ...(q.cert ? { vendorCertificate: q.cert } : {}),
    ...(accountEmails.length ? { accountEmails } : {}),
  })
  const keep = { id, idp: picked.idp.id, variant: picked.variant.id }
  const spName = vendor?.name ?? 'the service provider'
  // The vendor's own pages behind its steps and rules (profile data), then the profile's other references.
  const sources = [...(vendor?.docs ?? []), ...profile.docs].filter(
    (d, i, all) => all.findIndex((x) => x.url === d.url) === i,
  )

  return (
    <div className="setup-page">
      <header className="page-header">
        <p className="muted">
          <Link href="/setup">Set up SSO</Link> › <Link href={`/connections/${id}`}>{connection.name}</Link>
        </p>
        <h1>Set up SSO: {connection.name}</h1>
        <p className="setup-chosen" role="status">
          <strong>{picked.idp.label}</strong> · <strong>{picked.variant.label}</strong>
          {byDetection && detected ? <span className="muted"> (told from the metadata)</span> : null}
        </p>
        <form method="get" className="setup-choice-inline" aria-label="Change the identity provider">
          <label htmlFor="idp" className="field-label">
            Identity provider
          </label>
          <select id="idp" name="idp" className="input" defaultValue={picked.idp.id}>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <label htmlFor="variant" className="field-label">
            App
          </label>
          <select id="variant" name="variant" className="input" defaultValue={picked.variant.id}>
            {picked.idp.variants.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
          {q.cert ? <input type="hidden" name="cert" value={q.cert} /> : null}
          {q.emails.map((e) => (
            <input key={e} type="hidden" name="emails" value={e} />
          ))}
          <button type="submit" className="button">
            Change
          </button>
        </form>
        {walk.guide ? (
          <p className="hint">
            <a href={walk.guide}>
              {spName === 'the service provider' ? 'Setup guide' : `${spName}’s guide`} for {picked.idp.label}
            </a>
          </p>
        ) : null}
      </header>

      <ol className="setup-steps">
        {walk.steps.map((s) => (
          <li key={s.id} className={`setup-step setup-step-${s.status}`}>
            <section aria-labelledby={`step-${s.id}`}>
              <h2 id={`step-${s.id}`}>
                Step {s.number}: {s.title}{' '}
                <span className={`setup-status setup-status-${s.status}`}>{STATUS_LABEL[s.status]}</span>
              </h2>
              {s.detail ? <p>{s.detail}</p> : null}
              <p className="hint">
                {s.at === 'vendor' ? (
                  <>
                    At {spName}: {s.consolePath ?? 'the service provider’s SSO settings'}
                  </>
                ) : (
                  <>In {picked.idp.label}</>
                )}
              </p>
              {s.values.length ? (
                <ul className="setup-values" role="list">
                  {s.values.map((v) => (
                    <li key={v.label} className="setup-value" aria-label={v.label}>
                      <p className="field-label">{v.label}</p>
                      <div className="setup-value-row">
                        <code>{v.value}</code>
                        <CopyButton value={v.value} label={v.label} />
                      </div>
                      <p className="hint hint-after">{screenText(v.screen.path, picked.idp.label, walk.guide)}</p>
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.attributes.length ? (
                <table className="data-table setup-attributes">
                  <caption>Attributes to send, names exactly as written</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Map from</th>
                      <th scope="col">Needed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.attributes.map((a) => (
                      <tr key={a.name}>
                        <th scope="row">
                          <code>{a.name}</code>
                        </th>
                        <td>{a.source ?? '—'}</td>
                        <td>{a.required ? 'required' : 'recommended'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {s.screens.length ? (
                <dl className="config-summary setup-screens">
                  {s.screens.map((x) => (
                    <div key={x.key} style={{ display: 'contents' }}>
                      <dt>{x.label}</dt>
                      <dd>{screenText(x.path, picked.idp.label, walk.guide)}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {s.id === 'test-connection' ? (
                <p className="action-row">
                  <Link className="button button-primary" href={`/connections/${id}/test-login`}>
                    Run a test login
                  </Link>
                </p>
              ) : null}
              {s.checks.length ? (
                <ul className="setup-checks" aria-label={`Checks of step ${s.number}`}>
                  {s.checks.map((c) => (
                    <li key={c.label} className={`setup-check setup-check-${c.state}`}>
                      <strong>{CHECK_LABEL[c.state]}</strong>: {c.label}
                      {c.note ? <span className="muted"> — {c.note}</span> : null}
                      {c.findings.length ? (
                        <ul>
                          {c.findings.map((f) => (
                            <FindingLine key={f.code} f={f} vendorName={vendor?.name ?? null} />
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {s.id === 'add-idp-metadata' ? (
                <form action={recheckMetadataAction} className="setup-input" aria-label="Check the metadata again">
                  <Keep {...keep} cert={q.cert} emails={q.emails} />
                  <button type="submit" className="button">
                    Check the metadata again
                  </button>
                </form>
              ) : null}
              {s.id === 'add-idp-metadata' ? (
                <form
                  action={vendorCertificateAction}
                  className="setup-input"
                  aria-label="Certificate uploaded at the service provider"
                >
                  <Keep {...keep} emails={q.emails} />
                  <label htmlFor="certificate" className="field-label">
                    Certificate uploaded at {spName} (PEM, or its SHA-1 / SHA-256 thumbprint)
                  </label>
                  <textarea
                    id="certificate"
                    name="certificate"
                    className="input mono"
                    rows={3}
                    spellCheck={false}
                    defaultValue={q.cert ?? ''}
                  />
                  <button type="submit" className="button">
                    Compare certificate
                  </button>
                </form>
              ) : null}
              {s.id === 'test-connection' ? (
                <form action={accountEmailsAction} className="setup-input" aria-label="Existing account emails">
                  <Keep {...keep} cert={q.cert} />
                  <label htmlFor="accountEmails" className="field-label">
                    Test users’ existing account emails at {spName} (optional)
                  </label>
                  <textarea
                    id="accountEmails"
                    name="accountEmails"
                    className="input mono"
                    rows={2}
                    spellCheck={false}
                    aria-describedby="accountEmails-hint"
                  />
                  <p id="accountEmails-hint" className="hint hint-after">
                    Masked before they leave this form; only the masked form is compared with the test logins.
                  </p>
                  <button type="submit" className="button">
                    Compare emails
                  </button>
                </form>
              ) : null}
            </section>
          </li>
        ))}
      </ol>

      <section
        className={`go-no-go ${walk.go ? 'go-no-go-go' : 'go-no-go-no-go'}`}
        aria-labelledby="setup-verdict-title"
      >
        <h2 id="setup-verdict-title">
          {walk.go ? 'GO: nothing blocks turning SSO on' : 'NO-GO: do not turn SSO on yet'}
        </h2>
        {walk.blockers.length ? (
          <>
            <h3>What still blocks turning SSO on</h3>
            <ul aria-label="Blocking">
              {walk.blockers.map((b) => (
                <li key={b.code}>
                  <strong>{b.title}</strong> <code>{b.code}</code>{' '}
                  <span className="muted">
                    (step: {b.step}; fix in: {ownerLabel(b.owner, vendor?.name ?? null)})
                  </span>
                  <br />
                  {b.nextStep}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {walk.missing.length ? (
          <ul aria-label="Missing">
            {walk.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {walk.toConfirm.length ? (
          <>
            <h3>To confirm before turning SSO on</h3>
            <ul aria-label="To confirm">
              {walk.toConfirm.map((b) => (
                <li key={b.code}>
                  <strong>{b.title}</strong> <code>{b.code}</code>
                  <br />
                  {b.nextStep}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          {walk.verdict.distinctPassingUsers} distinct test user(s) passed
          {walk.verdict.target !== null ? (
            <span className="muted">
              {' '}
              · {spName} takes at most {walk.verdict.target} test users before turn-on: a cap, not a target
            </span>
          ) : null}
          .
        </p>
        {vendor ? <p className="hint">{vendor.turnOnMeans}</p> : null}
      </section>

      {sources.length ? (
        <section className="connection-section" aria-labelledby="sources-title">
          <h2 id="sources-title">Sources</h2>
          <ul>
            {sources.map((d) => (
              <li key={d.url}>
                <a href={d.url}>{d.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function screenText(path: string | null, idpLabel: string, guide: string | undefined) {
  if (path) return path
  return guide ? (
    <>
      Screen not known for {idpLabel}: see <a href={guide}>the setup guide</a>.
    </>
  ) : (
    <>Screen not known for {idpLabel}: see its documentation.</>
  )
}

function FindingLine({ f, vendorName }: { f: Finding; vendorName: string | null }) {
  return (
    <li>
      <strong>{f.title}</strong> <code>{f.code}</code>{' '}
      <span className="muted">(fix in: {ownerLabel(f.owner, vendorName)})</span>
      <br />
      {f.nextStep}
      {f.fixAt ? (
        <>
          <br />
          <span className="muted">Where: {f.fixAt}</span>
        </>
      ) : null}
    </li>
  )
}

function Keep({
  id,
  idp,
  variant,
  cert,
  emails,
}: {
  id: string
  idp: string
  variant: string
  cert?: string | undefined
  emails?: readonly string[]
}) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="idp" value={idp} />
      <input type="hidden" name="variant" value={variant} />
      {cert ? <input type="hidden" name="cert" value={cert} /> : null}
      {(emails ?? []).map((e) => (
        <input key={e} type="hidden" name="emails" value={e} />
      ))}
    </>
  )
}
