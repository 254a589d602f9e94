import type { BlockingItem, ConnectionVerdict } from '@/lib'
import { ownerLabel, type Owner } from '@/lib/findings'

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']
const HEADLINE: Record<ConnectionVerdict['verdict'], string> = {
  go: 'GO: test users sign in without blocking problems',
  'no-go': 'NO-GO: do not turn SSO on yet',
  'not-enough-data': 'Not enough data: run a test login first',
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Where a blocking item was seen, counted the way the test matrix counts it. */
function seenIn(b: BlockingItem): string {
  if (b.source === 'static-check') return 'configuration check'
  const parts = [
    b.users ? plural(b.users, 'user') : '',
    b.unidentifiedRuns ? `${plural(b.unidentifiedRuns, 'run')} not identified` : '',
  ].filter(Boolean)
  return parts.join(', ')
}

/** The connection's go / no-go: passing users (the profile's cap is a limit, not a goal), what blocks and who acts, the next steps. */
export function GoNoGoBanner({ verdict: v }: { verdict: ConnectionVerdict }) {
  const blockingCount = OWNERS.reduce((n, o) => n + v.blocking[o].length, 0)
  return (
    <section className={`go-no-go go-no-go-${v.verdict}`} aria-labelledby="go-no-go-title">
      <h2 id="go-no-go-title">{HEADLINE[v.verdict]}</h2>
      <p>
        <strong>{plural(v.distinctPassingUsers, 'test user')}</strong> passed
        {v.target !== null ? (
          <>
            {' '}
            <span className="muted">
              ({v.vendorName ?? 'the vendor'} allows at most {v.target} test users before SSO is turned on: a cap, not a
              quota)
            </span>
          </>
        ) : null}
      </p>
      {blockingCount ? (
        <div>
          <h3>What blocks</h3>
          {OWNERS.filter((o) => v.blocking[o].length).map((o) => (
            <div key={o}>
              <h4>
                Fix in: {ownerLabel(o, v.vendorName)} <span className="count">{v.blocking[o].length}</span>
              </h4>
              <ul>
                {v.blocking[o].map((b) => (
                  <li key={`${b.source}-${b.code}`}>
                    <strong>{b.title}</strong> <code>{b.code}</code>{' '}
                    <span className="muted">
                      ({seenIn(b)}){o === 'end-user' ? ': the person signs in again; this does not block' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      {v.nextSteps.length ? (
        <>
          <h3>Next steps</h3>
          <ol>
            {v.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
