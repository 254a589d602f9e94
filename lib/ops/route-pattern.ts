/*
 * A request's route as its pattern (/connections/[id]), never the raw path: IDs, tokens and run keys stay out of
 * logs and metric labels, and the set of values is the app's own routes. Patterns come from the build's
 * app-path-routes-manifest.json (the team server reads it) with KNOWN_ROUTES as the fallback.
 */

/** The app's routes at the time of writing; the build's manifest, when read, is the source of truth. */
export const KNOWN_ROUTES = [
  '/',
  '/check',
  '/connections',
  '/connections/[id]',
  '/connections/[id]/test-login',
  '/connections/[id]/test-login/start',
  '/test-logins/[runId]',
  '/test-logins/[runId]/claim',
  '/test-logins/[runId]/idp-error',
  '/reports/[id]',
  '/triage',
  '/guide',
  '/saml/acs',
  '/saml/metadata/[id]',
  '/oidc/callback',
  '/api/connections',
  '/api/connections/[id]',
  '/api/saved-reports',
  '/api/saved-reports/[id]',
  '/api/runs/[id]',
  '/api/health',
  '/api/metrics',
  '/setup-link/[token]',
  '/auth/sign-in',
  '/auth/callback',
  '/auth/sign-out',
] as const

interface Matcher {
  pattern: string
  re: RegExp
  score: number
}

function compile(pattern: string): Matcher {
  const segs = pattern.split('/').filter(Boolean)
  const re = segs
    .map((s) => {
      if (/^\[\[\.\.\..+\]\]$/.test(s)) return '(?:/.*)?'
      if (/^\[\.\.\..+\]$/.test(s)) return '/.+'
      if (/^\[.+\]$/.test(s)) return '/[^/]+'
      return `/${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
    })
    .join('')
  // Static segments first: /api/connections beats /api/[x] whatever the order of the list.
  const score = segs.reduce(
    (n, s) => n * 3 + (s.startsWith('[') ? (s.startsWith('[.') || s.startsWith('[[') ? 0 : 1) : 2),
    0,
  )
  return { pattern, re: new RegExp(`^${re || '/'}/?$`), score }
}

export interface RouteMatcher {
  (path: string): string
}

/** A matcher over `patterns`; paths that match none map to a fixed few names. */
export function routeMatcher(patterns: Iterable<string> = KNOWN_ROUTES): RouteMatcher {
  const list = [...new Set(patterns)]
    .filter((p) => p.startsWith('/'))
    .map(compile)
    .sort((a, b) => b.pattern.split('/').length - a.pattern.split('/').length || b.score - a.score)
  return (path) => {
    const clean = (path.split('?')[0] ?? '/').split('#')[0] || '/'
    if (clean.startsWith('/_next/')) return '/_next/*'
    for (const m of list) if (m.re.test(clean)) return m.pattern
    return '(unmatched)'
  }
}

/** Patterns from app-path-routes-manifest.json ({ "/connections/[id]/page": "/connections/[id]", … }). */
export function patternsFromManifest(manifest: unknown): string[] {
  if (!manifest || typeof manifest !== 'object') return []
  return Object.values(manifest as Record<string, unknown>).filter((v): v is string => typeof v === 'string')
}
