import Link from 'next/link'
import { formatInstant } from '@/app/ui/report/format'
import type { ConnectionVerdict, MatrixRow } from '@/lib'
import { ownerLabel } from '@/lib/findings'

const OUTCOME: Record<MatrixRow['outcome'], string> = {
  passed: 'passed',
  failed: 'failed: blocks',
  retry: 'failed: to retry (the person’s own error)',
  cleared: 'refused; a later pass counts as its retry',
}

/**
 * One row per distinct test user (and per refused run the IdP answered before naming anyone). `revealed` maps a
 * run ID to its unmasked user, for the runs this browser ran: the page is theirs; everything stored stays masked.
 */
export function TestMatrix({
  verdict: v,
  revealed,
}: {
  verdict: ConnectionVerdict
  revealed: Readonly<Record<string, string>>
}) {
  const m = v.matrix
  const rows = [...m.users, ...m.unidentified]
  const who = (r: MatrixRow) => r.runIds.map((id) => revealed[id]).find(Boolean)
  return (
    <section className="connection-section" aria-labelledby="matrix-title">
      <h2 id="matrix-title">Test matrix</h2>
      <p>
        <strong>{v.distinctPassingUsers}</strong> distinct users passed
        {v.target !== null ? ` (at most ${v.target} before turn-on)` : ''}
        {' · '}
        {m.users.length - v.distinctPassingUsers} failing
        {' · '}
        {m.unidentifiedFailures} refused before the IdP named the user ({m.unidentifiedOpen} still open)
        {m.waitingRuns ? ` · ${m.waitingRuns} waiting for the IdP` : ''}
        {m.abandonedRuns ? ` · ${m.abandonedRuns} abandoned at the IdP (not counted)` : ''}
      </p>
      {m.unidentifiedFailures ? (
        <p className="hint">
          A run the IdP refused before naming anyone cannot be matched to a person: it stays open until a later pass
          that is not a user’s own retry counts as its retry (one pass per refused run, newest first).
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty-state">No finished test login yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table test-matrix">
            <thead>
              <tr>
                <th scope="col">Test user</th>
                <th scope="col">Result</th>
                <th scope="col">Blocking findings (who fixes them)</th>
                <th scope="col">When</th>
                <th scope="col">Runs</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const unmasked = who(r)
                const findings = r.openFailures.flatMap((f) => f.findings)
                const seen = new Set<string>()
                return (
                  <tr key={r.key}>
                    <th scope="row">
                      {r.identified ? <code>{unmasked ?? r.user}</code> : <span className="muted">not identified</span>}
                      {unmasked && unmasked !== r.user ? (
                        <span className="visually-hidden"> (stored masked as {r.user})</span>
                      ) : null}
                    </th>
                    <td
                      className={
                        r.outcome === 'passed' || r.outcome === 'cleared' ? 'run-status-completed' : 'run-status-failed'
                      }
                    >
                      {OUTCOME[r.outcome]}
                    </td>
                    <td>
                      {findings.length ? (
                        <ul className="plain-list">
                          {findings
                            .filter((f) => !seen.has(f.code) && seen.add(f.code))
                            .map((f) => (
                              <li key={f.code}>
                                <code>{f.code}</code>{' '}
                                <span className="muted">({ownerLabel(f.owner, v.vendorName)})</span>
                              </li>
                            ))}
                        </ul>
                      ) : r.openFailures.length ? (
                        'failed (no report)'
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <time dateTime={r.lastAt}>{formatInstant(r.lastAt)}</time>
                    </td>
                    <td>
                      <Link href={`/test-logins/${r.lastRunId}`}>Latest</Link>
                      {r.identified ? (
                        <span className="muted">
                          {' '}
                          · {r.passes} passed, {r.failures} failed
                        </span>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
