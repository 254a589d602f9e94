#!/usr/bin/env node
// `npm run start:team`: SSO Preflight as one instance of a team deployment. A plain Node HTTP server around the
// built app (`next build`, or a standalone build) that
//  - puts the client's socket address into X-Forwarded-For (appended after SSO_PREFLIGHT_TRUSTED_PROXY_HOPS
//    trusted proxies, replacing anything a client sent otherwise), so rate limits count real addresses;
//  - writes one JSON line per request (SSO_PREFLIGHT_LOG_FORMAT=json, the default here) and feeds /api/metrics;
//  - shuts down gracefully on SIGTERM / SIGINT (requests in flight finish, up to SSO_PREFLIGHT_SHUTDOWN_TIMEOUT_SECONDS),
//    then closes the database pool.
// Listens on HOSTNAME_BIND (as npm start; default 0.0.0.0 in team mode, 127.0.0.1 in local mode) and PORT (default 3000). Run several behind a proxy on one DATABASE_URL.
import { createServer } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gracefulShutdown } from './graceful.mjs'

const dir = resolve(process.env.SSO_PREFLIGHT_APP_DIR ?? process.cwd())
const distDir = process.env.NEXT_DIST_DIR || '.next'
const port = Number(process.env.PORT ?? 3000)
// Local mode has no sign-in, so it stays on loopback unless HOSTNAME_BIND says otherwise; team mode (the same trigger
// variables as lib/team/config.ts) listens on every interface. The app itself refuses half-configured team mode.
const TEAM_TRIGGERS = [
  'SSO_PREFLIGHT_SESSION_SECRET',
  'SSO_PREFLIGHT_AUTH_ISSUER',
  'SSO_PREFLIGHT_AUTH_CLIENT_ID',
  'SSO_PREFLIGHT_AUTH_CLIENT_SECRET',
  'SSO_PREFLIGHT_ENCRYPTION_KEY',
]
const teamMode = process.env.SSO_PREFLIGHT_MODE === 'team' || TEAM_TRIGGERS.some((k) => process.env[k])
const hostname = process.env.HOSTNAME_BIND || (teamMode ? '0.0.0.0' : '127.0.0.1')
const hops = Number(process.env.SSO_PREFLIGHT_TRUSTED_PROXY_HOPS ?? 0) || 0
const json = (process.env.SSO_PREFLIGHT_LOG_FORMAT ?? 'json') === 'json'
const timeoutMs = (Number(process.env.SSO_PREFLIGHT_SHUTDOWN_TIMEOUT_SECONDS ?? 25) || 25) * 1000
process.env.NODE_ENV = 'production'
process.env.NEXT_MANUAL_SIG_HANDLE = '1' // the signals are ours (graceful.mjs), not Next.js's

// In JSON mode every stdout/stderr line is JSON, Next.js's own messages included ("Ready", warnings).
if (json) {
  const { format } = await import('node:util')
  const wrap =
    (level, stream) =>
    (...args) => {
      const msg = format(...args)
        .replace(/\x1b\[[0-9;]*m/g, '')
        .trim()
      if (msg) stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: msg.slice(0, 2000) })}\n`)
    }
  console.log = wrap('info', process.stdout)
  console.info = wrap('info', process.stdout)
  console.warn = wrap('warn', process.stderr)
  console.error = wrap('error', process.stderr)
}

function log(level, msg, fields = {}) {
  const line = json
    ? JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })
    : `sso-preflight: ${msg} ${JSON.stringify(fields)}`
  ;(level === 'error' ? process.stderr : process.stdout).write(`${line}\n`)
}

// A standalone build (output: 'standalone') carries its configuration; a normal build reads next.config.mjs.
const serverFiles = join(dir, distDir, 'required-server-files.json')
const conf = existsSync(serverFiles) ? JSON.parse(readFileSync(serverFiles, 'utf8')).config : undefined
if (conf?.output === 'standalone') process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf)
if (!existsSync(join(dir, distDir, 'BUILD_ID'))) {
  log('error', `no build in ${join(dir, distDir)}: run \`npm run build\` first`)
  process.exit(1)
}

// The request policy at the socket (app/_server/early-refusal.ts, built by `npm run build:cli` into dist/): a body the
// policy refuses is answered before Next.js reads it (with a proxy, Next.js buffers a body up to 44 MB first).
const earlyRefusalModule = join(dir, 'dist', 'early-refusal.mjs')
const early = existsSync(earlyRefusalModule) ? await import(earlyRefusalModule) : undefined
if (!early) log('warn', `no ${earlyRefusalModule}: refused bodies are read before the refusal (run npm run build)`)
const policy = early?.requestPolicyConfigFromEnv(process.env)

const { default: next } = await import('next')
const app = next({ dev: false, dir, hostname, port, ...(conf ? { conf: { ...conf, distDir } } : {}) })
const handle = app.getRequestHandler()
await app.prepare()

// instrumentation.ts installs the hooks when Next.js loads it (at prepare or at the first request): look them up late.
const manifest = join(dir, distDir, 'app-path-routes-manifest.json')
const routes = existsSync(manifest) ? Object.values(JSON.parse(readFileSync(manifest, 'utf8'))) : []
let hooksReady
function hooks() {
  const h = globalThis.__ssoPreflightServerHooks
  if (h && hooksReady !== h) {
    h.setRoutes(routes)
    hooksReady = h
  }
  return h
}

const server = createServer((req, res) => {
  const t0 = performance.now()
  const socketAddress = req.socket.remoteAddress ?? ''
  const sent = req.headers['x-forwarded-for']
  req.headers['x-forwarded-for'] = hops > 0 && sent ? `${String(sent)}, ${socketAddress}` : socketAddress
  if (hops === 0) delete req.headers['x-request-id']
  res.on('finish', () => {
    const path = (req.url ?? '/').split('?')[0]
    const rid = res.getHeader('x-request-id')
    const line = hooks()?.requestDone({
      method: req.method ?? 'GET',
      path,
      status: res.statusCode,
      durationMs: performance.now() - t0,
      requestId: typeof rid === 'string' ? rid : undefined,
      json,
    })
    if (line) process.stdout.write(`${line}\n`)
  })
  const refusal = early?.earlyRefusal(
    { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers },
    policy,
  )
  if (refusal) {
    res.writeHead(refusal.status, refusal.headers)
    res.end(refusal.body)
    return
  }
  handle(req, res).catch((err) => {
    log('error', 'unhandled request error', { error: err instanceof Error ? err.name : 'error' })
    if (!res.headersSent) {
      res.statusCode = 500
      res.end('Internal error')
    }
  })
})
server.keepAliveTimeout = 65_000 // above common proxies' idle timeouts, so the proxy closes first

const graceful = gracefulShutdown(server, {
  timeoutMs,
  log,
  onClosed: async () => {
    await app.close?.()
    await hooks()?.closeStore()
  },
})
graceful.install()
server.listen(port, hostname, () =>
  log('info', 'listening', { url: `http://${hostname}:${server.address().port}`, pid: process.pid }),
)
