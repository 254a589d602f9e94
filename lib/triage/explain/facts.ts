import { maskEmails } from '../mask'

/** IdP-side identifiers found in pasted text: they find the exact sign-in in the IdP's (or vendor's) logs. */
export interface ErrorFacts {
  correlationIds?: string[]
  requestIds?: string[]
  traceIds?: string[]
  timestamps?: string[]
  errorIds?: string[]
  errorCodes?: string[]
  oauthErrors?: string[]
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
const LABELLED: ReadonlyArray<[keyof ErrorFacts, RegExp]> = [
  ['correlationIds', new RegExp(`correlation[ _-]?id["'\\s:=]*(${GUID})`, 'gi')],
  ['requestIds', new RegExp(`request[ _-]?id["'\\s:=]*(${GUID})`, 'gi')],
  ['traceIds', new RegExp(`trace[ _-]?id["'\\s:=]*(${GUID})`, 'gi')],
  ['errorIds', /error[ _-]?id["'\s:=]*([A-Za-z0-9_-]{6,64})/gi],
  ['timestamps', /\b(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/g],
  ['errorCodes', /\b(AADSTS\d{5,7}|E0000\d{3})\b/gi],
  ['oauthErrors', /\berror=([a-z_]{3,40})\b/g],
]

/** Extracts correlation / request / trace IDs, timestamps, errorId and error codes, each deduplicated, in order seen. */
export function extractErrorFacts(text: string): ErrorFacts {
  const out: ErrorFacts = {}
  const capped = text.length > 200_000 ? text.slice(0, 200_000) : text
  for (const [key, re] of LABELLED) {
    const seen = new Set<string>()
    for (const m of capped.matchAll(re)) {
      const v = key === 'errorCodes' ? m[1]!.toUpperCase() : m[1]!
      if (!seen.has(v)) seen.add(v)
      if (seen.size >= 20) break
    }
    if (seen.size) out[key] = [...seen].map(maskEmails)
  }
  return out
}
