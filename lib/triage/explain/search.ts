import { idpErrorCodeCatalog, idpErrorEntryCode, type IdpErrorCode } from '../../findings/catalog/idp-error-codes'
import { samlStatusCatalog, samlStatusEntryCode, type SamlStatusCode } from '../../findings/catalog/saml-status'
import { triageCatalog, type TriageCode } from '../../findings/catalog/triage'
import type { CatalogEntry } from '../../findings/types'

type VendorKnowledge = Extract<TriageCode, `TRIAGE_VENDOR_${string}` | 'TRIAGE_HAR_REDIRECT_LOOP'>
/**
 * The codes explain() may answer with: error knowledge, not the HAR / token observations. The IdP error-code table
 * and the SAML status table are the same rows the checks and the test login emit.
 */
export type KnowledgeCode = IdpErrorCode | SamlStatusCode | VendorKnowledge
const KNOWLEDGE: Record<KnowledgeCode, CatalogEntry> = {
  ...idpErrorCodeCatalog,
  ...samlStatusCatalog,
  ...(Object.fromEntries(
    Object.entries(triageCatalog).filter(([c]) => c.startsWith('TRIAGE_VENDOR_') || c === 'TRIAGE_HAR_REDIRECT_LOOP'),
  ) as Record<VendorKnowledge, CatalogEntry>),
}
/** Which entries a search may return: a text that names an Entra (or Okta) code is answered from that family only. */
export type KnowledgeFamily = 'TRIAGE_AADSTS' | 'TRIAGE_OKTA_'

export interface Match {
  readonly code: KnowledgeCode
  readonly by: 'code' | 'alias' | 'search'
  /** The part of the query that matched (a code, an alias, or the matched words). */
  readonly matched: string
  readonly score: number
}

const STOP = new Set(
  (
    'the a an and or of to in for is are was be been this that with by on at as it its not no from your you ' +
    'please can could may has have had but if when which into than then there their them they we our error errors'
  ).split(' '),
)

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim()
const tokens = (s: string) =>
  norm(s)
    .split(' ')
    .filter((t) => t.length >= 3 && !STOP.has(t))

interface Indexed {
  code: KnowledgeCode
  entry: CatalogEntry
  aliases: string[]
  fields: Array<[Set<string>, number]>
}

const INDEX: Indexed[] = (Object.keys(KNOWLEDGE) as KnowledgeCode[]).map((code) => {
  const entry: CatalogEntry = KNOWLEDGE[code]
  const aliases = (entry.aliases ?? []).map(norm).filter(Boolean)
  return {
    code,
    entry,
    aliases,
    fields: [
      [new Set(aliases.flatMap((a) => a.split(' '))), 3],
      [new Set(tokens(entry.title)), 2],
      [new Set(tokens(entry.symptom)), 1.5],
      [new Set(tokens(entry.detail)), 1],
    ],
  }
})

// Rare words weigh more: "assigned" says more than "application".
const DF = new Map<string, number>()
for (const it of INDEX) {
  const all = new Set(it.fields.flatMap(([s]) => [...s]))
  for (const t of all) DF.set(t, (DF.get(t) ?? 0) + 1)
}
const idf = (t: string) => Math.log(1 + INDEX.length / (DF.get(t) ?? 0.5))

const BY_CODE = new Map(INDEX.map((it) => [it.code, it]))
const BY_ALIAS = new Map<string, KnowledgeCode>()
for (const it of INDEX) for (const a of it.aliases) if (!BY_ALIAS.has(a)) BY_ALIAS.set(a, it.code)

const STATUS_URN = /urn:oasis:names:tc:SAML:2\.0:status:([A-Za-z]+)/g

/** Exact matches: AADSTS / bare Entra numbers, Okta E0000 codes, SAML status URNs, OAuth error names, a catalog code, a whole alias. */
export function exactMatches(query: string): Match[] {
  const out: Match[] = []
  const add = (code: KnowledgeCode | undefined, matched: string, by: Match['by'] = 'code') => {
    if (code && !out.some((m) => m.code === code)) out.push({ code, by, matched, score: 1000 })
  }
  const q = query.trim()
  const asCode = q.toUpperCase()
  if (BY_CODE.has(asCode as KnowledgeCode)) add(asCode as KnowledgeCode, q)
  if (/^\d{5,7}$/.test(q)) add(idpErrorEntryCode(q), q)
  for (const m of q.matchAll(/AADSTS(\d{5,7})/gi)) add(idpErrorEntryCode(m[0]), m[0].toUpperCase())
  for (const m of q.matchAll(/\bE0000\d{3}\b/g)) add(idpErrorEntryCode(m[0]), m[0])
  for (const m of q.matchAll(STATUS_URN)) add(samlStatusEntryCode(m[0]), m[0])
  for (const m of q.matchAll(/\b(?:error=)?([a-z]+_[a-z_]+)\b/g)) {
    const code = BY_ALIAS.get(m[1]!)
    if (code && /^[a-z_]+$/.test(m[1]!)) add(code, m[1]!)
  }
  const whole = BY_ALIAS.get(norm(q))
  if (whole) add(whole, q, 'alias')
  return out
}

/**
 * A small scored search for pasted sentences: a known message text inside the query scores highest, then
 * idf-weighted word overlap with aliases, title, symptom and detail. Returns the best matches above a threshold.
 */
export function searchKnowledge(query: string, limit = 3, family?: KnowledgeFamily): Match[] {
  // Values inside a message (URLs, quoted names, GUIDs) are the user's, not the message's words.
  const words = query
    .slice(0, 5000)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
    .replace(/'[^'\n]{0,300}'|"[^"\n]{0,300}"|‘[^’\n]{0,300}’/g, ' ')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ' ')
  const qn = ' ' + norm(words) + ' '
  const qt = [...new Set(tokens(words))]
  if (!qt.length) return []
  const total = qt.reduce((s, t) => s + idf(t), 0)
  const scored: Match[] = []
  for (const it of INDEX) {
    if (family && !it.code.startsWith(family)) continue
    let phrase = 0
    let phraseText = ''
    for (const a of it.aliases) {
      if (a.length >= 12 && qn.includes(' ' + a + ' ') && a.length > phrase) {
        phrase = a.length
        phraseText = a
      }
    }
    let hit = 0
    const words: string[] = []
    for (const t of qt) {
      let w = 0
      for (const [set, weight] of it.fields) if (set.has(t) && weight > w) w = weight
      if (w) {
        hit += w * idf(t)
        words.push(t)
      }
    }
    // Coverage of the query (not of the entry): a short query fully covered is a strong match.
    const coverage = hit / (3 * total)
    const score = (phrase ? 10 + phrase / 10 : 0) + coverage * 10
    const enoughWords = words.length >= Math.min(2, qt.length) && coverage >= 0.25
    if (phrase || enoughWords)
      scored.push({
        code: it.code,
        by: phrase ? 'alias' : 'search',
        matched: phrase ? phraseText : words.join(' '),
        score,
      })
  }
  scored.sort((a, b) => b.score - a.score)
  const best = scored[0]
  if (!best) return []
  // Keep near-ties only: a clear winner is shown alone.
  return scored.filter((m) => m.score >= best.score * 0.85).slice(0, limit)
}
