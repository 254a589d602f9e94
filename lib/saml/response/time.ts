// xs:dateTime as SAML uses it: UTC, optional fraction of any length (Entra 3 digits, B2C 7), 'Z' or an offset.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

/** Milliseconds since the epoch, or NaN when the value is not an xs:dateTime. A missing zone is read as UTC. */
export function parseSamlTime(value: string): number {
  const m = DATE_TIME_RE.exec(value.trim())
  if (!m) return NaN
  const frac = m[2] ? m[2].slice(0, 4).padEnd(4, '0') : ''
  return Date.parse(`${m[1]}${frac}${m[3] ?? 'Z'}`)
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}
