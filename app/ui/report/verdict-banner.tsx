import { groupByOwner, ownerLabel, type Finding, type Owner, type Report } from '@/lib/findings'
import { vendorNameOf } from '@/lib/profiles'
import { formatInstant, idpName, KIND_LABEL, plural } from './format'

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']

/**
 * GO / NO-GO first, then the counts and who has work to do. The per-owner chips count exactly what the owner
 * sections below list (every finding of that owner, infos included), so the numbers agree.
 */
export function VerdictBanner({
  report,
  groups = groupByOwner(report.findings),
}: {
  report: Report
  groups?: Record<Owner, Finding[]>
}) {
  const s = report.summary
  const vendorName = vendorNameOf(report.profile)
  const go = s.verdict === 'go'
  const none = s.verdict === 'none'
  const headline = none
    ? report.subject.kind === 'explain'
      ? 'Not recognised: no verdict'
      : 'No verdict: the signature could not be verified'
    : go
      ? `GO: no blocking problems`
      : `NO-GO: ${plural(s.errors, 'error')} to fix first`
  const subject = report.subject
  const name = subject.entityId ?? subject.issuer ?? subject.source
  return (
    <section
      className={`verdict ${go ? 'verdict-go' : none ? 'verdict-none' : 'verdict-no-go'}`}
      aria-labelledby="verdict-title"
    >
      <div className="verdict-main">
        <p className="verdict-label" aria-hidden="true">
          {go ? 'GO' : none ? '?' : 'NO-GO'}
        </p>
        <div>
          <h2 id="verdict-title" className="verdict-title">
            {headline}
          </h2>
          <p className="verdict-counts">
            {plural(s.errors, 'error')} · {plural(s.warnings, 'warning')} · {s.infos} info
          </p>
        </div>
      </div>
      <ul className="verdict-owners" aria-label="Findings by who fixes them">
        {OWNERS.map((o) => (
          <li key={o} className={groups[o].some((f) => f.severity !== 'info') ? 'has-work' : undefined}>
            <span className="verdict-owner-count">{groups[o].length}</span> {ownerLabel(o, vendorName)}
          </li>
        ))}
      </ul>
      <dl className="subject">
        <div>
          <dt>Checked</dt>
          <dd>{KIND_LABEL[subject.kind]}</dd>
        </div>
        <div>
          <dt>IdP</dt>
          <dd>{idpName(subject.idp)}</dd>
        </div>
        {name ? (
          <div>
            <dt>{subject.entityId ? 'Entity ID' : subject.issuer ? 'Issuer' : 'Source'}</dt>
            <dd>
              <code>{name}</code>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Profile</dt>
          <dd>{report.profile}</dd>
        </div>
        <div>
          <dt>As of</dt>
          <dd>
            <time dateTime={report.checkedAt}>{formatInstant(report.checkedAt)}</time>
          </dd>
        </div>
      </dl>
    </section>
  )
}
