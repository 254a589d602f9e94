// Next.js calls register() once when a server starts, before it handles requests (node_modules/next/dist/docs/
// 01-app/03-api-reference/03-file-conventions/instrumentation.md). A data directory others may write to is refused
// here, so the app does not start on it; getStore() refuses it too, for anything that opens the store another way.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
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
