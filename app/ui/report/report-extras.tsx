import type { Report } from '@/lib/findings'
import { formatInstant } from './format'
import { ValueView } from './value-view'

/** What was not checked and why, the facts read from the input, and a run's timeline when there is one. */
export function ReportExtras({ report }: { report: Report }) {
  // Attribute values have their own table (IdentityTable); the list of names stays here.
  // What the input was recognised as is said at the top of the report (RecognisedAs), not again here.
  const facts = Object.entries(report.facts ?? {}).filter(
    ([k, v]) => v !== undefined && k !== 'attributes' && k !== 'detectedInput',
  )
  return (
    <>
      {report.skipped?.length ? (
        <section className="report-section" aria-labelledby="skipped-title">
          <h3 id="skipped-title">Not checked</h3>
          <ul className="skipped">
            {report.skipped.map((s, i) => (
              <li key={i}>
                <code>{s.check}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.timeline?.length ? (
        <section className="report-section" aria-labelledby="timeline-title">
          <h3 id="timeline-title">Timeline</h3>
          <ol className="timeline">
            {report.timeline.map((t, i) => (
              <li key={i} className={`timeline-step timeline-${t.kind}`}>
                <time dateTime={t.at}>{formatInstant(t.at)}</time>
                <span className="badge">{t.kind}</span> {t.summary}
                {t.durationMs !== undefined ? <span className="muted"> ({t.durationMs} ms)</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {facts.length ? (
        <section className="report-section" aria-labelledby="facts-title">
          <h3 id="facts-title">Facts read from the input</h3>
          <dl className="facts">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>
                  <ValueView value={v} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  )
}
