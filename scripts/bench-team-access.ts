/**
 * Benchmark: what team mode adds to an authenticated API call (issue 10 target: ≤ 5 ms median). Run:
 * npx tsx scripts/bench-team-access.ts  (PGlite in memory; DATABASE_URL=postgres://… measures PostgreSQL instead).
 * Calls the GET /api/connections route handler with 20 connections in the workspace: local mode (no credentials
 * read) vs team mode with a session cookie (session + membership lookup) and with the check alone (resolveAccess).
 */
export {}

process.env.SSO_PREFLIGHT_DATA_DIR ??= 'memory://'

const { GET } = await import('../app/api/connections/route')
const { resolveAccess } = await import('../app/_server/access')
const { resetDeploymentConfig } = await import('../app/_server/deployment')
const { getStore, closeStore } = await import('../lib/store/index')

const ORIGIN = 'http://localhost:3999'
const TEAM = {
  SSO_PREFLIGHT_PUBLIC_URL: ORIGIN,
  SSO_PREFLIGHT_SESSION_SECRET: 'bench-session-secret-'.padEnd(40, 'x'),
  SSO_PREFLIGHT_AUTH_ISSUER: 'http://127.0.0.1:9/unused',
  SSO_PREFLIGHT_AUTH_CLIENT_ID: 'bench',
  SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 'x',
}
const RUNS = 400

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await fn()
  const t: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    t.push(performance.now() - t0)
  }
  t.sort((a, b) => a - b)
  return t[Math.floor(t.length / 2)]!
}

const store = await getStore()
const owner = await store.team.upsertUser({
  issuer: 'https://idp.bench',
  subject: 'owner',
  email: 'owner@bench.test',
  displayName: null,
})
const ws = (await store.team.createWorkspace({ name: 'Bench', ownerId: owner.id })).id
for (let i = 0; i < 20; i++) {
  await store.connections.create({
    name: `c${i}`,
    protocol: 'saml',
    profileId: 'generic',
    config: {},
    workspaceId: i % 2 ? ws : 'local',
  })
}
const { token } = await store.sessions.create({
  userId: owner.id,
  workspaceId: ws,
  idleMs: 3_600_000,
  absoluteMs: 8 * 3_600_000,
})
const cookie = `preflight_session=${token}`

resetDeploymentConfig()
const local = await median(() => GET(new Request(`${ORIGIN}/api/connections`)))
Object.assign(process.env, TEAM)
resetDeploymentConfig()
const team = await median(() => GET(new Request(`${ORIGIN}/api/connections`, { headers: { cookie } })))
const resolveOnly = await median(() => resolveAccess({ cookie, authorization: null }))
console.log(`engine ${store.kind}, ${RUNS} calls each, medians:`)
console.log(`  GET /api/connections, local mode:               ${local.toFixed(3)} ms`)
console.log(
  `  GET /api/connections, team mode with a session: ${team.toFixed(3)} ms  (added ${(team - local).toFixed(3)} ms)`,
)
console.log(`  resolveAccess(session cookie) alone:            ${resolveOnly.toFixed(3)} ms`)
await closeStore()
