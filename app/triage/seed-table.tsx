import { catalog, isFindingCode, OWNER_LABEL, type Finding } from '@/lib/findings'

/** The findings in the shape of the seed triage table: Issue | Choose this if | Fastest next step | Important | Who owns | Related articles. */
export function SeedTable({ findings, caption }: { findings: readonly Finding[]; caption: string }) {
  if (!findings.length) return null
  return (
    <div className="seed-table-wrap">
      <table className="seed-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Choose this if…</th>
            <th scope="col">Fastest next step</th>
            <th scope="col">Important</th>
            <th scope="col">Who owns the resolution</th>
            <th scope="col">Related articles</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={`${f.code}-${i}`}>
              <th scope="row">
                {f.title} <code className="muted">{f.code}</code>
              </th>
              <td>{isFindingCode(f.code) ? catalog[f.code].symptom : '—'}</td>
              <td>
                {f.nextStep}
                {f.fixAt ? (
                  <>
                    <br />
                    <span className="muted">Fix at: {f.fixAt}</span>
                  </>
                ) : null}
              </td>
              <td>
                {f.important ?? '—'}
                {f.logs ? (
                  <>
                    <br />
                    <span className="muted">Logs: {f.logs}</span>
                  </>
                ) : null}
              </td>
              <td>{OWNER_LABEL[f.owner]}</td>
              <td>
                {f.docs?.length ? (
                  <ul>
                    {f.docs.map((d) => (
                      <li key={d}>
                        {/^https?:/.test(d) ? (
                          <a href={d} rel="noreferrer">
                            {d}
                          </a>
                        ) : (
                          d
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
