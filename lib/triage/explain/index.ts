import { finding } from '../../findings/finding'
import { buildReport, type Report } from '../../findings/report'
import type { IdpKind } from '../../findings/types'
import { DEFAULT_PROFILE_ID } from '../../profiles/index'
import { maskEmails } from '../mask'
import { extractErrorFacts } from './facts'
import { exactMatches, searchKnowledge, type Match } from './search'

export { extractErrorFacts } from './facts'
export type { ErrorFacts } from './facts'
export { exactMatches, searchKnowledge } from './search'
export type { KnowledgeCode, Match } from './search'

export interface ExplainOptions {
  /** The IdP, when known; otherwise guessed from the text (AADSTS → Entra, E0000 / Okta → Okta). */
  readonly idp?: IdpKind
  readonly profile?: string
  readonly now?: Date
}

const MAX_QUERY = 200_000

/**
 * Explains a pasted error code or message: exact code match first (AADSTS50011, "50011", E0000015, a SAML status
 * URN, an OAuth error name), then a scored search over the catalog's titles, symptoms and message texts.
 * IDs and timestamps in the text go to `facts`; personal values (emails) are masked.
 * @example explain('AADSTS50105: The signed in user is not assigned to a role for the application')
 */
export function explain(query: string, o: ExplainOptions = {}): Report {
  const text = typeof query === 'string' ? query.slice(0, MAX_QUERY) : ''
  const exact = exactMatches(text)
  const family = /AADSTS\d/i.test(text)
    ? ('TRIAGE_AADSTS' as const)
    : /\bE0000\d{3}\b/.test(text)
      ? ('TRIAGE_OKTA_' as const)
      : undefined
  const matches: Match[] = exact.length ? exact : searchKnowledge(text, 3, family)
  // An Entra or Okta entry says which IdP the message came from when the text itself does not.
  const guessed = guessIdp(text)
  const first = matches[0]?.code
  const idp =
    o.idp ??
    (guessed !== 'other'
      ? guessed
      : first?.startsWith('TRIAGE_AADSTS')
        ? 'entra'
        : first?.startsWith('TRIAGE_OKTA_')
          ? 'okta'
          : 'other')
  const shown = maskEmails(text.trim().slice(0, 300))
  const findings = matches.length
    ? matches.map((m) =>
        finding(
          m.code,
          {
            actual: maskEmails(m.matched),
            where: m.by === 'code' ? 'error code' : m.by === 'alias' ? 'message text' : 'matching words',
            matchedBy: m.by,
          },
          { idp },
        ),
      )
    : [finding('TRIAGE_UNKNOWN_ERROR', { actual: shown || '(empty)', where: 'pasted text' }, { idp })]
  const facts = extractErrorFacts(text)
  return buildReport({
    subject: { kind: 'explain', idp, source: 'pasted text', query: shown },
    profile: o.profile ?? DEFAULT_PROFILE_ID,
    now: o.now ?? new Date(),
    findings,
    facts: { ...facts, matchedBy: matches[0]?.by ?? 'none' },
  })
}

function guessIdp(text: string): IdpKind {
  if (/AADSTS\d|login\.microsoftonline|microsoft entra|azure ad|\bentra\b/i.test(text)) return 'entra'
  if (/\bE0000\d{3}\b|\bokta\b/i.test(text)) return 'okta'
  if (/\badfs\b/i.test(text)) return 'adfs'
  return 'other'
}
