import { groupByOwner, ownerLabel, type Finding, type Owner, type Report } from '@/lib/findings'
import { vendorNameOf } from '@/lib/profiles'
import './report.css'
import { CertificateTimeline } from './certificate-timeline'
import { ComparisonTable } from './comparison-table'
import { IdentityTable, identityFromFacts } from './identity-values'
import { DownloadButtons } from './download-buttons'
import { DownloadLinks } from './download-links'
import { FindingCard } from './finding-card'
import { RecognisedAs, recognisedAs } from './recognised-as'
import { ReportExtras } from './report-extras'
import { VerdictBanner } from './verdict-banner'

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']
/** Below this many findings the list itself is short enough to scan. */
const GLANCE_MIN = 4

/**
 * The one rendering of a Report, shared by /check, saved reports and test-login runs. No hooks and no server-only
 * imports, so it renders on the server or inside a client form alike. `downloadBase`, when the report is stored, makes
 * the downloads links to `${downloadBase}?format=json|md&download=1` (the API builds, masks and audits them);
 * otherwise the browser builds them from `exportReport` when given (the masked form of a report shown unmasked to
 * the person who ran the check), else from `report`.
 */
export function ReportView({
  report,
  downloadBase,
  idPrefix = 'r',
  exportReport,
  showIdentity = true,
  showRecognised = true,
  stored,
}: {
  report: Report
  downloadBase?: string
  idPrefix?: string
  exportReport?: Report
  /**
   * True when `report` is a stored (masked) copy. By default a page that offers a separate export copy shows the
   * unmasked report, and every other page a stored one.
   */
  stored?: boolean
  /** False where the page shows the unmasked identity itself (the test login's private view). */
  showIdentity?: boolean
  /** False where the page says once what the input was recognised as (triage, for all its reports). */
  showRecognised?: boolean
}) {
  const groups = groupByOwner(report.findings)
  const vendorName = vendorNameOf(report.profile)
  const identity = showIdentity ? identityFromFacts(report.facts) : undefined
  const recognised = showRecognised ? recognisedAs(report.facts) : undefined
  return (
    <div className="report">
      {recognised ? <RecognisedAs description={recognised} /> : null}
      <VerdictBanner report={report} groups={groups} />
      {downloadBase ? (
        <DownloadLinks downloadBase={downloadBase} />
      ) : (
        <DownloadButtons report={exportReport ?? report} />
      )}
      {report.findings.length >= GLANCE_MIN ? <AtAGlance groups={groups} idPrefix={idPrefix} /> : null}
      {report.findings.length === 0 ? (
        <p className="empty-state">No findings: every check passed for this input and profile.</p>
      ) : null}
      {OWNERS.map((owner) => {
        const list = groups[owner]
        if (!list.length) return null
        const headingId = `${idPrefix}-owner-${owner}`
        return (
          <section key={owner} className="report-section owner-group" aria-labelledby={headingId}>
            <h3 id={headingId} className={`owner-heading owner-heading-${owner}`}>
              Fix in: {ownerLabel(owner, vendorName)} <span className="count">{list.length}</span>
            </h3>
            <div className="finding-list">
              {list.map((f, i) => (
                <FindingCard
                  key={`${f.code}-${i}`}
                  finding={f}
                  id={`${idPrefix}-${owner}-${i}`}
                  vendorName={vendorName}
                />
              ))}
            </div>
          </section>
        )
      })}
      {/* A page that offers a separate export copy shows the unmasked report; every other page shows a stored (masked) one. */}
      {identity ? <IdentityTable identity={identity} idPrefix={idPrefix} masked={stored ?? !exportReport} /> : null}
      {report.comparison ? <ComparisonTable comparison={report.comparison} idPrefix={idPrefix} /> : null}
      {report.certificates?.length ? (
        <CertificateTimeline certificates={report.certificates} checkedAt={report.checkedAt} />
      ) : null}
      <ReportExtras report={report} />
    </div>
  )
}

/** One line per finding, in the order of the report, each linking to its card. */
function AtAGlance({ groups, idPrefix }: { groups: Record<Owner, Finding[]>; idPrefix: string }) {
  return (
    <nav className="glance" aria-label="Findings at a glance">
      <ol>
        {OWNERS.flatMap((owner) =>
          groups[owner].map((f, i) => (
            <li key={`${owner}-${i}`}>
              <span className={`glance-dot glance-${f.severity}`} aria-hidden="true" />
              <a href={`#${idPrefix}-${owner}-${i}-title`}>{f.title}</a>
              <span className="glance-meta">
                <span className="visually-hidden">{f.severity}, </span>
                {OWNER_SHORT[owner]} · <code>{f.code}</code>
              </span>
            </li>
          )),
        )}
      </ol>
    </nav>
  )
}

const OWNER_SHORT: Record<Owner, string> = { idp: 'IdP', vendor: 'vendor', 'end-user': 'user' }
