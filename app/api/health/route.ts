import packageJson from '@/package.json'
import { getStore } from '@/lib/store'

export const dynamic = 'force-dynamic'

const TIMEOUT_MS = 3000

/**
 * GET /api/health — for load balancers and orchestrators; open without a session. 200 when the database answers
 * and its migrations are the ones this build expects; 503 naming what failed otherwise. No detail that helps an
 * attacker (no error text, no host).
 */
export async function GET(): Promise<Response> {
  const version = packageJson.version
  const headers = { 'cache-control': 'no-store' }
  try {
    const health = await withTimeout((async () => (await getStore()).health())(), TIMEOUT_MS)
    if (health.migrations !== 'current') {
      return Response.json(
        {
          status: 'unavailable',
          database: 'ok',
          migrations: health.migrations,
          version,
          message: `the database schema is ${health.migrations} (version ${health.applied}, this build expects ${health.expected})`,
        },
        { status: 503, headers },
      )
    }
    return Response.json({ status: 'ok', database: 'ok', migrations: 'current', version }, { headers })
  } catch (err) {
    const timedOut = err instanceof Error && err.message === 'timeout'
    return Response.json(
      {
        status: 'unavailable',
        database: timedOut ? 'timeout' : 'unreachable',
        migrations: 'unknown',
        version,
        message: timedOut ? `the database did not answer within ${TIMEOUT_MS} ms` : 'the database is unreachable',
      },
      { status: 503, headers },
    )
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}
