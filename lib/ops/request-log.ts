/*
 * One JSON line per request (SSO_PREFLIGHT_LOG_FORMAT=json): when, how bad, which request, what route, what came
 * of it. Only these fields: no path (IDs, tokens), no query string, no address, no user, no header.
 */

export interface RequestLogFacts {
  readonly requestId: string | undefined
  readonly method: string
  /** A route pattern (routeMatcher), never the raw path. */
  readonly route: string
  readonly status: number
  readonly durationMs: number
  readonly at?: Date
}

export function requestLogLine(f: RequestLogFacts): string {
  const level = f.status >= 500 ? 'error' : f.status >= 400 ? 'warn' : 'info'
  return JSON.stringify({
    time: (f.at ?? new Date()).toISOString(),
    level,
    msg: 'request',
    requestId: f.requestId && /^[A-Za-z0-9._:-]{1,128}$/.test(f.requestId) ? f.requestId : null,
    method: /^[A-Z]{1,10}$/.test(f.method) ? f.method : 'OTHER',
    route: f.route,
    status: f.status,
    durationMs: Math.round(f.durationMs * 10) / 10,
  })
}

/** A non-request event (start, shutdown) in the same shape. `fields` must hold no personal or secret value. */
export function eventLogLine(
  level: 'info' | 'warn' | 'error',
  msg: string,
  fields: Record<string, string | number | boolean | null> = {},
): string {
  return JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })
}
