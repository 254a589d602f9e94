import type { Finding } from '@/lib/findings'
import { EvidenceTable } from './evidence-table'
import { OwnerBadge, SeverityBadge } from './owner-badge'

/** One article per finding, named by its title; both values always visible; the next step and the screen to change. */
export function FindingCard({
  finding: f,
  id,
  vendorName,
}: {
  finding: Finding
  id: string
  vendorName?: string | undefined
}) {
  const headingId = `${id}-title`
  return (
    <article className={`finding finding-${f.severity}`} aria-labelledby={headingId}>
      <header className="finding-header">
        <h4 id={headingId} className="finding-title">
          {f.title}
        </h4>
        <p className="finding-meta">
          <SeverityBadge severity={f.severity} /> <OwnerBadge owner={f.owner} vendorName={vendorName} />{' '}
          <code className="finding-code">{f.code}</code>
        </p>
      </header>
      <p className="finding-detail">{f.detail}</p>
      <EvidenceTable evidence={f.evidence} caption={`Evidence for ${f.code}`} />
      <dl className="finding-actions">
        <dt>Next step</dt>
        <dd>{f.nextStep}</dd>
        {f.fixAt ? (
          <>
            <dt>Fix at</dt>
            <dd className="screen-path">{f.fixAt}</dd>
          </>
        ) : null}
        {f.logs ? (
          <>
            <dt>Logs</dt>
            <dd className="screen-path">{f.logs}</dd>
          </>
        ) : null}
      </dl>
      {f.important ? (
        <p className="callout">
          <strong>Important:</strong> {f.important}
        </p>
      ) : null}
      {f.docs?.length ? (
        <div className="finding-docs">
          <span className="muted">Related:</span>
          <ul>
            {f.docs.map((d) => (
              <li key={d}>
                {/^https:\/\//.test(d) ? (
                  <a href={d} rel="noreferrer noopener" target="_blank">
                    {docLabel(d)}
                  </a>
                ) : (
                  d
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  )
}

function docLabel(url: string): string {
  try {
    const u = new URL(url)
    return u.hostname + (u.pathname.length > 1 ? u.pathname.replace(/\/$/, '') : '')
  } catch {
    return url
  }
}
