import type { ConnectionVerdict } from '@/lib/connections'
import { OWNER_LABEL, type Owner } from '@/lib/findings'

const OWNERS: readonly Owner[] = ['idp', 'vendor', 'end-user']
const HEADLINE: Record<ConnectionVerdict['verdict'], string> = {
  go: 'GO: test users sign in without blocking problems',
  'no-go': 'NO-GO: do not turn SSO on yet',
  'not-enough-data': 'Not enough data: run a test login first',
}

/** The connection's go / no-go: N/30 users, what blocks and who acts, the next steps. */
export function GoNoGoBanner({ verdict: v }: { verdict: ConnectionVerdict }) {
  const blockingCount = OWNERS.reduce((n, o) => n + v.blocking[o].length, 0)
  return (
    <section className={`go-no-go go-no-go-${v.verdict}`} aria-labelledby="go-no-go-title">
      <h2 id="go-no-go-title">{HEADLINE[v.verdict]}</h2>
      <p>
        <strong>{v.distinctPassingUsers}/{v.target}</strong> test users passed{' '}
        <span className="muted">(Autodesk asks for up to {v.target} before SSO is turned on)</span>
        <br />
        <meter className="users-meter" min={0} max={v.target} value={Math.min(v.distinctPassingUsers, v.target)}
          aria-label={`${v.distinctPassingUsers} of ${v.target} test users passed`} />
      </p>
      {v.failingUsers.length ? (
        <p>Failing: {v.failingUsers.map((u) => `${u.user} (${u.codes.join(', ') || 'failed'}${u.endUserOnly ? '; to retry, not a configuration problem' : ''})`).join('; ')}</p>
      ) : null}
      {blockingCount ? (
        <div>
          <h3>What blocks</h3>
          {OWNERS.filter((o) => v.blocking[o].length).map((o) => (
            <div key={o}>
              <h4>Fix in: {OWNER_LABEL[o]}</h4>
              <ul>
                {v.blocking[o].map((b) => (
                  <li key={`${b.source}-${b.code}`}>
                    <strong>{b.title}</strong> <code>{b.code}</code>{' '}
                    <span className="muted">{b.source === 'static-check' ? '(configuration check)' : `(${b.users} user${b.users === 1 ? '' : 's'})`}</span>
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
          <ol>{v.nextSteps.map((s) => <li key={s}>{s}</li>)}</ol>
        </>
      ) : null}
    </section>
  )
}
