import { countHttpRequest } from './metrics'
import { requestLogLine } from './request-log'
import { routeMatcher, type RouteMatcher } from './route-pattern'

/*
 * What the team server (scripts/serve-team.mjs, plain JS) calls into once Next.js has loaded the app: it hands over
 * each finished request and gets the log line and the metrics done here, in typed, tested code. Installed on
 * globalThis by instrumentation.ts.
 */

export interface ServerHooks {
  /** Route patterns of the build (from its manifest); before this, the known routes are used. */
  setRoutes(patterns: readonly string[]): void
  requestDone(f: {
    method: string
    path: string
    status: number
    durationMs: number
    requestId: string | undefined
    json: boolean
  }): string | undefined
  closeStore(): Promise<void>
}

export function serverHooks(closeStore: () => Promise<void>): ServerHooks {
  let match: RouteMatcher = routeMatcher()
  return {
    setRoutes(patterns) {
      if (patterns.length) match = routeMatcher(patterns)
    },
    requestDone(f) {
      const route = match(f.path)
      countHttpRequest(route, f.method, f.status, f.durationMs / 1000)
      return f.json
        ? requestLogLine({
            requestId: f.requestId,
            method: f.method,
            route,
            status: f.status,
            durationMs: f.durationMs,
          })
        : undefined
    },
    closeStore,
  }
}

export const SERVER_HOOKS_SLOT = '__ssoPreflightServerHooks'
