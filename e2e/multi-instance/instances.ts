import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { freePort } from '../free-port'
import type { Store } from '../../lib/store/index'

/*
 * App instances of a team deployment for the two-instance test and the load benchmark: `npm run start:team`
 * (scripts/serve-team.mjs around the e2e build) on free loopback ports, all on one PostgreSQL.
 */

const REPO = path.resolve(import.meta.dirname, '..', '..')

export interface TeamInstance {
  readonly url: string
  readonly port: number
  readonly pid: number
  /** stdout lines so far (the JSON request logs). */
  logLines(): string[]
  stderr(): string
  exit(): string | undefined
  /** SIGTERM and wait; resolves with the exit code (0 after a graceful shutdown). */
  stop(): Promise<number | null>
}

/** What every instance of one deployment shares: the database and the secrets (so any of them finishes a run). */
export function teamEnv(o: {
  databaseUrl: string
  publicUrl: string
  idpIssuer: string
  clientId: string
  clientSecret: string
}): Record<string, string> {
  return {
    DATABASE_URL: o.databaseUrl,
    SSO_PREFLIGHT_PUBLIC_URL: o.publicUrl,
    SSO_PREFLIGHT_SESSION_SECRET: randomBytes(32).toString('base64url'),
    SSO_PREFLIGHT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SSO_PREFLIGHT_AUTH_ISSUER: o.idpIssuer,
    SSO_PREFLIGHT_AUTH_CLIENT_ID: o.clientId,
    SSO_PREFLIGHT_AUTH_CLIENT_SECRET: o.clientSecret,
    SSO_PREFLIGHT_OWNER_EMAILS: 'owner@demo.test',
  }
}

export async function startTeamInstance(o: {
  distDir: string
  env: Record<string, string>
  port?: number
  startTimeoutMs?: number
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[]
}): Promise<TeamInstance> {
  const port = o.port ?? (await freePort())
  const child: ChildProcess = spawn(
    process.execPath,
    [...(o.nodeArgs ?? []), path.join(REPO, 'scripts', 'serve-team.mjs')],
    {
      cwd: REPO,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: o.distDir,
        PORT: String(port),
        HOSTNAME_BIND: '127.0.0.1',
        SSO_PREFLIGHT_ALLOW_LOOPBACK: '1',
        SSO_PREFLIGHT_LOG_FORMAT: 'json',
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => {
    out = (out + d.toString('utf8')).slice(-2_000_000)
  })
  child.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString('utf8')).slice(-20_000)
  })
  let exited: string | undefined
  let exitCode: number | null = null
  const gone = new Promise<void>((r) =>
    child.once('exit', (code, signal) => {
      exited = signal ?? `exit ${code}`
      exitCode = code
      r()
    }),
  )
  const url = `http://localhost:${port}`
  const deadline = Date.now() + (o.startTimeoutMs ?? 120_000)
  for (;;) {
    if (exited)
      throw new Error(`the team server exited (${exited}) before answering: ${err.slice(-2000)}${out.slice(-2000)}`)
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) })
      if (r.status === 200) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the team server did not answer at ${url} in time: ${err.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    port,
    pid: child.pid!,
    logLines: () => out.split('\n').filter(Boolean),
    stderr: () => err,
    exit: () => exited,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
        await gone
        clearTimeout(timer)
      }
      return exitCode
    },
  }
}

/** A signed-in owner's session when the store has the auth part's repositories (team + sessions), else null. */
export interface TestSession {
  readonly cookie: string
  readonly userId: string
  readonly workspaceId: string
}

/** `sameAs`: another session (another browser) of that user in that workspace. */
export async function signedInSession(
  store: Store,
  issuer: string,
  subject = 'two-instance-owner',
  sameAs?: TestSession,
): Promise<TestSession> {
  const userId =
    sameAs?.userId ??
    (await store.team.upsertUser({ issuer, subject, email: 'owner@demo.test', displayName: 'Owner' })).id
  const workspaceId =
    sameAs?.workspaceId ?? (await store.team.createWorkspace({ name: `Team of ${subject}`, ownerId: userId })).id
  const { token } = await store.sessions.create({ userId, workspaceId, idleMs: 3_600_000, absoluteMs: 3_600_000 })
  // lib/team/cookies.ts cookieNames(false).session: plain http on loopback has no __Host- prefix.
  return { cookie: `preflight_session=${token}`, userId, workspaceId }
}
