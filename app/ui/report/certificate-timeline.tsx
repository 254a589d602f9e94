import type { CertificateSummary } from '@/lib/findings'
import { CertificateDownload } from './certificate-download'
import { daysBetween, formatDate } from './format'

type Status = { label: string; tone: 'expired' | 'soon' | 'future' | 'valid' }

function statusOf(c: CertificateSummary, now: Date, warnDays: number): Status {
  const from = new Date(c.notBefore),
    to = new Date(c.notAfter)
  if (to.getTime() <= now.getTime()) return { label: `Expired ${daysBetween(to, now)} days ago`, tone: 'expired' }
  if (from.getTime() > now.getTime()) return { label: `Not valid until ${formatDate(c.notBefore)}`, tone: 'future' }
  const left = daysBetween(now, to)
  return left <= warnDays
    ? { label: `Expires in ${left} days`, tone: 'soon' }
    : { label: `Valid for ${left} more days`, tone: 'valid' }
}

/**
 * Validity windows against the report's clock (checkedAt, which a pinned `now` sets), so the picture matches the
 * findings. Bars are decoration; the table text carries the same facts for screen readers and print.
 */
export function CertificateTimeline({
  certificates,
  checkedAt,
  warnDays = 30,
}: {
  certificates: readonly CertificateSummary[]
  checkedAt: string
  warnDays?: number
}) {
  const now = new Date(checkedAt)
  const times = certificates.flatMap((c) => [Date.parse(c.notBefore), Date.parse(c.notAfter)]).filter(Number.isFinite)
  const start = Math.min(now.getTime(), ...times),
    end = Math.max(now.getTime(), ...times)
  const span = Math.max(end - start, 1)
  const pct = (t: number) => `${(((t - start) / span) * 100).toFixed(2)}%`
  return (
    <section className="report-section" aria-labelledby="certs-title">
      <h3 id="certs-title">Certificates</h3>
      <div className="table-scroll">
        <table className="certs">
          <thead>
            <tr>
              <th scope="col">Certificate</th>
              <th scope="col">Status</th>
              <th scope="col" className="cert-bar-col">
                Validity (line = now)
                <span className="cert-axis" aria-hidden="true">
                  <span>{formatDate(new Date(start).toISOString())}</span>
                  <span>{formatDate(new Date(end).toISOString())}</span>
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {certificates.map((c, i) => {
              const st = statusOf(c, now, warnDays)
              const from = Date.parse(c.notBefore),
                to = Date.parse(c.notAfter)
              return (
                <tr key={`${c.sha256}-${i}`} className={`cert cert-${st.tone}`}>
                  <th scope="row">
                    <span className="cert-subject">{c.subject}</span>
                    <span className="cert-meta">
                      {c.use}
                      {c.keyType ? ` · ${c.keyType}${c.keyBits ? ` ${c.keyBits}` : ''}` : ''}
                      {c.signatureAlgorithm ? ` · ${c.signatureAlgorithm}` : ''}
                    </span>
                    <dl className="cert-ids">
                      {c.sha1 ? (
                        <div>
                          <dt>Thumbprint (SHA-1)</dt>
                          <dd>
                            <code className="cert-fingerprint cert-sha1">{c.sha1}</code>
                          </dd>
                        </div>
                      ) : null}
                      <div>
                        <dt>SHA-256</dt>
                        <dd>
                          <code className="cert-fingerprint cert-sha256">{c.sha256}</code>
                        </dd>
                      </div>
                    </dl>
                    {c.base64 ? <CertificateDownload base64={c.base64} name={c.subject} /> : null}
                  </th>
                  <td>
                    <span className={`cert-status cert-status-${st.tone}`}>{st.label}</span>
                    {c.signsNow ? <span className="badge badge-signs">Signs now</span> : null}
                    <span className="cert-dates">
                      {formatDate(c.notBefore)} → {formatDate(c.notAfter)}
                    </span>
                  </td>
                  <td className="cert-bar-col" aria-hidden="true">
                    <div className="cert-track">
                      {Number.isFinite(from) && Number.isFinite(to) ? (
                        <span
                          className="cert-bar"
                          style={{ left: pct(from), width: `calc(${pct(to)} - ${pct(from)})` }}
                        />
                      ) : null}
                      <span className="cert-now" style={{ left: pct(now.getTime()) }} />
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
