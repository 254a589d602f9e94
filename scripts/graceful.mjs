// Graceful shutdown of an HTTP server, for the team server (scripts/serve-team.mjs) and its test.
// On the first SIGTERM / SIGINT: stop accepting connections, close idle keep-alive ones, answer requests already
// in flight (their responses say `Connection: close`), and after `timeoutMs` cut whatever is still open. Then
// `onClosed` (close the database pool) and exit. A second signal does not start a second shutdown.

/**
 * @param {import('node:http').Server} server
 * @param {{ timeoutMs: number, onClosed?: () => Promise<void> | void, log?: (level: string, msg: string, fields?: Record<string, unknown>) => void, exit?: (code: number) => void }} o
 * @returns {{ shutdown: (signal: string) => Promise<void>, closing: () => boolean, install: () => void }}
 */
export function gracefulShutdown(server, o) {
  let started = null
  const inFlight = new Set()
  server.on('request', (req, res) => {
    inFlight.add(res)
    res.on('close', () => inFlight.delete(res))
    if (started) res.setHeader('connection', 'close')
  })
  const log = o.log ?? (() => {})
  async function shutdown(signal) {
    if (started) return started
    started = (async () => {
      const t0 = Date.now()
      log('info', 'shutting down', { signal, inFlight: inFlight.size, timeoutMs: o.timeoutMs })
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)))
      server.closeIdleConnections?.()
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close')
      // Idle keep-alive sockets that turn idle after their response: close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections?.(), 100)
      const deadline = setTimeout(() => {
        log('warn', 'shutdown deadline reached: closing open connections', { inFlight: inFlight.size })
        server.closeAllConnections?.()
      }, o.timeoutMs)
      await closed
      clearInterval(sweep)
      clearTimeout(deadline)
      try {
        await o.onClosed?.()
      } catch (err) {
        log('error', 'closing resources failed', { error: err instanceof Error ? err.message : String(err) })
      }
      log('info', 'stopped', { signal, ms: Date.now() - t0 })
      ;(o.exit ?? process.exit)(0)
    })()
    return started
  }
  return {
    shutdown,
    closing: () => started !== null,
    install() {
      process.once('SIGTERM', () => {
        void shutdown('SIGTERM')
      })
      process.once('SIGINT', () => {
        void shutdown('SIGINT')
      })
    },
  }
}
