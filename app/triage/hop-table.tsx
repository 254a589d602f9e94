import type { TimelineStep } from '@/lib/findings'

const DETAIL_KEYS = [
  'issuer',
  'assertionConsumerServiceUrl',
  'destination',
  'status',
  'subStatus',
  'statusMessage',
  'error',
  'validation',
  'url',
] as const

/** The SSO hops of a HAR or pasted message with what each carried (decoded, secrets already redacted). */
export function HopTable({ timeline }: { timeline: readonly TimelineStep[] }) {
  if (!timeline.length) return null
  return (
    <div className="seed-table-wrap">
      <table className="seed-table">
        <caption>Sign-in steps</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Step</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((s, i) => {
            const data = (s.data ?? {}) as Record<string, unknown>
            return (
              <tr key={i}>
                <td>
                  <time dateTime={s.at}>{s.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>
                </td>
                <th scope="row">{s.summary}</th>
                <td>
                  <dl className="hop-details">
                    {DETAIL_KEYS.filter((k) => data[k] !== undefined && data[k] !== '').map((k) => (
                      <div key={k}>
                        <dt>{k}</dt>
                        <dd>
                          <code>{String(data[k])}</code>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
