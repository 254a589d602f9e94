import type { TimelineStep } from '@/lib/findings'
import { formatInstant } from '@/app/ui/report/format'
import { ValueView } from '@/app/ui/report/value-view'

const KIND_LABEL: Record<TimelineStep['kind'], string> = {
  'request-sent': 'Request sent',
  redirect: 'Redirect',
  'response-received': 'IdP answer',
  decoded: 'Decoded',
  check: 'Check',
  error: 'Error',
}

/** The run's flow, a card per step (SSOReady's flow view and SAML-tracer in one); step data folds open. */
export function RunTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  if (!steps.length) return null
  return (
    <section className="report-section" aria-labelledby="flow-title">
      <h2 id="flow-title">Timeline</h2>
      <ol className="timeline run-timeline">
        {steps.map((s, i) => (
          <li key={i} className={`timeline-step timeline-${s.kind}`}>
            <p>
              <time dateTime={s.at}>{formatInstant(s.at)}</time> <span className="badge">{KIND_LABEL[s.kind]}</span>{' '}
              {s.summary}
              {s.durationMs !== undefined ? <span className="muted"> ({s.durationMs} ms)</span> : null}
            </p>
            {s.data !== undefined && s.kind !== 'check' ? (
              <details>
                <summary>Details</summary>
                <ValueView value={s.data} />
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
