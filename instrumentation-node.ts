// The Node.js part of instrumentation.ts: the data directory check, the daily re-check and the team server's hooks.
// A file of its own, imported only under NEXT_RUNTIME === 'nodejs', so the Edge compile of instrumentation.ts never
// sees process.exit or the store (Next.js warned "A Node.js API is used … not supported in the Edge Runtime").
export async function registerNode(): Promise<void> {
  const { checkDataDirAtStartup, closeStore, getStore } = await import('./lib/store/index')
  try {
    checkDataDirAtStartup()
  } catch (err) {
    console.error(`sso-preflight: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
  // The daily re-check of saved connections (and its webhooks): on in team mode; SSO_PREFLIGHT_WATCH=1|0 decides.
  const { readDeploymentConfig } = await import('./lib/team/config')
  const { startWatchScheduler, stopWatchScheduler } = await import('./lib/watch/scheduler')
  let mode: 'local' | 'team'
  try {
    mode = readDeploymentConfig().mode
  } catch (err) {
    console.error(`sso-preflight: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
  if ((process.env.SSO_PREFLIGHT_WATCH ?? (mode === 'team' ? '1' : '0')) === '1') {
    startWatchScheduler(getStore, {
      onError: (err) => console.error(`[watch] ${err instanceof Error ? err.name : 'error'}`),
    })
  }
  // The team server (scripts/serve-team.mjs) logs each request and feeds the metrics through these, and closes the
  // store through them on shutdown.
  const { serverHooks, SERVER_HOOKS_SLOT } = await import('./lib/ops/server-hooks')
  Object.assign(globalThis, {
    [SERVER_HOOKS_SLOT]: serverHooks(async () => {
      stopWatchScheduler()
      await closeStore()
    }),
  })
}
