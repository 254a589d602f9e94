import type { Metadata } from 'next'
import Link from 'next/link'
import { GUIDE_ROWS, guideQuestion, guideRow, type GuideRow } from '@/lib'
import '../triage/triage.css'

export const metadata: Metadata = { title: 'I cannot sign in: triage guide' }

type Props = { searchParams: Promise<{ q?: string; row?: string }> }

/** /guide: questions lead to one row of the seed's triage table; SSO cases go on to /triage and /check. */
export default async function GuidePage({ searchParams }: Props) {
  const { q, row } = await searchParams
  const chosen = row ? guideRow(row) : undefined
  const question = guideQuestion(chosen ? '' : (q ?? 'start'))
  return (
    <div className="guide-page">
      <header className="page-header">
        <h1>I cannot sign in</h1>
        <p className="lead">Answer a question or two to find the fastest next step and who can fix it.</p>
      </header>
      {question ? (
        <section className="panel" aria-labelledby="guide-question">
          <h2 id="guide-question">{question.question}</h2>
          <ul className="guide-answers">
            {question.answers.map((a) => (
              <li key={a.label}>
                <Link
                  className="button"
                  href={'row' in a.next ? `/guide?row=${a.next.row}` : `/guide?q=${a.next.question}`}
                >
                  {a.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {chosen ? <RowCard row={chosen} /> : null}
      {chosen || q ? (
        <p>
          <Link href="/guide">Start again</Link>
        </p>
      ) : null}
      <section aria-labelledby="guide-all">
        <h2 id="guide-all">All sign-in problems</h2>
        <div className="seed-table-wrap">
          <table className="seed-table">
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
              {GUIDE_ROWS.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={`/guide?row=${r.id}`}>{r.issue}</Link>
                  </th>
                  <td>{r.chooseThisIf.join(' ')}</td>
                  <td>{r.fastestNextStep.join(' ')}</td>
                  <td>{r.important}</td>
                  <td>{r.owner}</td>
                  <td>{r.relatedArticles.join('; ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

function RowCard({ row }: { row: GuideRow }) {
  return (
    <article className="panel guide-row" aria-labelledby="guide-row-title">
      <h2 id="guide-row-title">{row.issue}</h2>
      <h3>Choose this if…</h3>
      <ul>
        {row.chooseThisIf.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <h3>Fastest next step</h3>
      <ol>
        {row.fastestNextStep.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {row.suggestedNextStep ? <p>(Suggested next step: {row.suggestedNextStep})</p> : null}
      {row.more ? (
        <>
          <h3>{row.more.title}</h3>
          <p>{row.more.intro}</p>
          <ol>
            {row.more.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {row.more.closing ? <p>{row.more.closing}</p> : null}
        </>
      ) : null}
      <h3>Important</h3>
      <p>{row.important}</p>
      <h3>Who owns the resolution</h3>
      <p>{row.owner}</p>
      {row.relatedArticles.length ? (
        <>
          <h3>Related articles</h3>
          <ul>
            {row.relatedArticles.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
      {row.handoff.length ? (
        <ul className="guide-answers">
          {row.handoff.map((h) => (
            <li key={h.href}>
              <Link className="button button-primary" href={h.href}>
                {h.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}
