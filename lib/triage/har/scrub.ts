import { ReportSchema, type Report } from '../../findings/report'

/** Secrets shorter than this are not scrubbed (they would match ordinary words); also the index key length. */
const MIN_SECRET = 6
const REDACTED = '[redacted]'

/** Forms at least this long are also indexed by their first LONG_KEY characters (see Bucket). */
const LONG_KEY = 32

/**
 * The forms starting with one MIN_SECRET-character key. Many forms can share a key (base64 SAML messages all
 * start "PHNhbW"), so the long ones are indexed again by their first LONG_KEY characters: a lookup then checks the
 * short forms and the one long sub-bucket that matches, instead of every form with the same start.
 */
interface Bucket {
  short: string[]
  long: Map<string, string[]>
}

/**
 * The safety net behind redaction: every secret value seen while reading the input (cookies, tokens, codes,
 * assertion values) is replaced wherever it might still appear in the finished report, in its JSON-escaped form.
 *
 * One pass over the report JSON, not one search per secret: secrets are indexed by their first characters, and each
 * position of the report looks up the secrets starting there (longest first). A HAR with 12,000 distinct SAML
 * responses made the per-secret search quadratic (minutes of CPU). Forms sharing their first 32 characters are
 * still compared one by one where the report contains those 32 characters; the analysis budget bounds that case.
 */
export function scrubSecrets(report: Report, secrets: Iterable<string>): Report {
  const json = JSON.stringify(report)
  const index = new Map<string, Bucket>()
  const seen = new Set<string>()
  for (const s of new Set(secrets)) {
    if (s.length < MIN_SECRET) continue
    for (const form of [
      JSON.stringify(s).slice(1, -1),
      encodeURIComponent(s),
      new URLSearchParams({ v: s }).toString().slice(2),
    ]) {
      if (form.length < MIN_SECRET || seen.has(form)) continue
      seen.add(form)
      const key = form.slice(0, MIN_SECRET)
      let b = index.get(key)
      if (!b) index.set(key, (b = { short: [], long: new Map() }))
      if (form.length < LONG_KEY) b.short.push(form)
      else {
        const k2 = form.slice(0, LONG_KEY)
        const list = b.long.get(k2)
        if (list) list.push(form)
        else b.long.set(k2, [form])
      }
    }
  }
  if (!index.size) return report
  const longestFirst = (a: string, b: string) => b.length - a.length
  for (const b of index.values()) {
    b.short.sort(longestFirst)
    for (const list of b.long.values()) if (list.length > 1) list.sort(longestFirst)
  }
  let out = ''
  let last = 0
  for (let i = 0; i + MIN_SECRET <= json.length;) {
    const b = index.get(json.slice(i, i + MIN_SECRET))
    let hit: string | undefined
    if (b) {
      if (b.long.size && i + LONG_KEY <= json.length)
        hit = b.long.get(json.slice(i, i + LONG_KEY))?.find((form) => json.startsWith(form, i))
      hit ??= b.short.find((form) => json.startsWith(form, i))
    }
    if (hit) {
      out += json.slice(last, i) + REDACTED
      i += hit.length
      last = i
    } else i++
  }
  if (last === 0) return report
  return ReportSchema.parse(JSON.parse(out + json.slice(last)))
}
