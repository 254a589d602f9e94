import type { Comparison, ComparisonStatus } from '@/lib/findings'

const STATUS_LABEL: Record<ComparisonStatus, string> = {
  ok: 'Matches',
  differs: 'Differs',
  missing: 'Missing',
  'not-checked': 'Not in this input',
}

/**
 * "The vendor expects / you configured / the IdP sent" side by side, one row per setting, in every SAML report (GO
 * or not). The values are setting names, URLs, formats and thumbprints: nothing personal.
 */
export function ComparisonTable({ comparison, idPrefix = 'r' }: { comparison: Comparison; idPrefix?: string }) {
  const titleId = `${idPrefix}-comparison-title`
  const sentLabel = comparison.source === 'metadata' ? 'The IdP publishes' : 'The IdP sent'
  return (
    <section className="report-section" aria-labelledby={titleId}>
      <h3 id={titleId}>Settings side by side</h3>
      <div className="table-scroll">
        <table className="comparison">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">The vendor expects</th>
              <th scope="col">You configured</th>
              <th scope="col">{sentLabel}</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((r) => (
              <tr key={r.key} className={`comparison-row comparison-${r.status}`} data-key={r.key}>
                <th scope="row">
                  {r.label}
                  {r.note ? <span className="comparison-note">{r.note}</span> : null}
                </th>
                <td>{r.expected ? <code>{r.expected}</code> : <span className="muted">—</span>}</td>
                <td>{r.configured ? <code>{r.configured}</code> : <span className="muted">—</span>}</td>
                <td>{r.sent ? <code>{r.sent}</code> : <span className="muted">—</span>}</td>
                <td>
                  <span className={`comparison-status comparison-status-${r.status}`}>{STATUS_LABEL[r.status]}</span>
                  {r.codes?.length ? (
                    <span className="comparison-codes">
                      {r.codes.map((c) => (
                        <code key={c}>{c}</code>
                      ))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
