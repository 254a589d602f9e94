import type { Finding } from '../../findings/types'

/**
 * One finding per distinct observation: a HAR that repeats the same response (or the same error page) gave the same
 * finding once per copy (96,000 findings for 48,000 hops). Findings equal but for `evidence.where` are merged into the
 * first; `occurrences` says how many there were and `alsoAt` lists a few other places.
 */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, { first: Finding; count: number; alsoAt: string[] }>()
  const order: string[] = []
  for (const f of findings) {
    const { where, ...rest } = f.evidence
    const key = f.code + '\u0000' + f.severity + '\u0000' + stableJson(rest)
    const seen = byKey.get(key)
    if (!seen) {
      byKey.set(key, { first: f, count: 1, alsoAt: [] })
      order.push(key)
      continue
    }
    seen.count++
    if (where !== undefined && where !== seen.first.evidence.where && seen.alsoAt.length < 5) seen.alsoAt.push(where)
  }
  if (order.length === findings.length) return [...findings]
  return order.map((k) => {
    const { first, count, alsoAt } = byKey.get(k)!
    return count === 1
      ? first
      : { ...first, evidence: { ...first.evidence, occurrences: count, ...(alsoAt.length ? { alsoAt } : {}) } }
  })
}

/** JSON with object keys sorted, so two evidences built in a different key order still compare equal. */
function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : val,
  )
}
