// Imported first by the team-mode route tests: team mode on an in-memory store (or a schema of the test Postgres).
import '../api/store-env'

export const PUBLIC_URL = 'http://localhost:3999'
export const TEAM_ENV: Record<string, string> = {
  SSO_PREFLIGHT_PUBLIC_URL: PUBLIC_URL,
  SSO_PREFLIGHT_SESSION_SECRET: 'test-session-secret-'.padEnd(40, 'x'),
  // Never contacted by these tests: they create sessions directly.
  SSO_PREFLIGHT_AUTH_ISSUER: 'http://127.0.0.1:9/unused',
  SSO_PREFLIGHT_AUTH_CLIENT_ID: 'preflight-tests',
  SSO_PREFLIGHT_AUTH_CLIENT_SECRET: 'unused',
}

export function useTeamMode(on: boolean): void {
  for (const [k, v] of Object.entries(TEAM_ENV)) {
    if (on) process.env[k] = v
    else delete process.env[k]
  }
}
