import { idpLabel, LISTED_WHEN_IDP_UNKNOWN } from '../idps/registry'
import type { ScreenKey } from '../idps/schema'
import { knownScreen, notKnownScreen, screenFor } from '../idps/screens'
import { catalog, type FindingCode } from './catalog/index'
import type { CatalogEntry, Evidence, Finding, IdpKind, PerIdp, Severity } from './types'

/** What a check knows about where it runs: enough to pick the right IdP screen. */
export interface FindingContext {
  readonly idp?: IdpKind
  /** The IdP app's variant (a pack's variant id, e.g. Okta 'catalog' or 'custom'), when known. */
  readonly idpVariant?: string
}

/**
 * Builds a finding from its catalog entry. Checks never write text: severity, owner and words come from the
 * catalog; the check supplies only the evidence (expected vs actual).
 * `severity` may be lowered or raised by profile policy (e.g. SHA-1 is an error under one profile, a warning under another).
 */
export function finding(
  code: FindingCode,
  evidence: Evidence = {},
  ctx: FindingContext = {},
  o: { severity?: Severity } = {},
): Finding {
  const entry: CatalogEntry = catalog[code]
  const fixAt = forIdp(entry.fixAt, entry.screen, ctx)
  const logs = forIdp(entry.logs, entry.logsScreen, ctx)
  return {
    code,
    severity: o.severity ?? entry.severity,
    owner: entry.owner,
    title: entry.title,
    detail: entry.detail,
    nextStep: entry.nextStep,
    ...(entry.important ? { important: entry.important } : {}),
    ...(fixAt ? { fixAt } : {}),
    ...(logs ? { logs } : {}),
    evidence: stripUndefined(evidence),
    ...(entry.docs?.length ? { docs: [...entry.docs] } : {}),
  }
}

/**
 * The screen (or log view) for the detected IdP: the entry's own text for it, else its pack's screen for the entry's
 * key, else (the entry names screens, not this IdP's) a visible "not known" with the IdP's docs. When the IdP could
 * not be told apart ('other', or not given), the admin still gets every screen we know, each labelled.
 */
function forIdp(texts: PerIdp | undefined, key: ScreenKey | undefined, ctx: FindingContext): string | undefined {
  const idp = ctx.idp
  if (idp && idp !== 'other') {
    const own = texts?.[idp]
    if (own) return own
    if (key) return screenFor(idp, key, ctx.idpVariant)
    return texts && Object.values(texts).some(Boolean) ? notKnownScreen(idp) : undefined
  }
  if (idp === 'other' && texts?.other) return texts.other
  const known = new Map<string, string>()
  for (const [k, t] of Object.entries(texts ?? {}) as [IdpKind, string][]) if (t) known.set(k, t)
  if (key) {
    for (const k of LISTED_WHEN_IDP_UNKNOWN) {
      const t = known.has(k) ? undefined : knownScreen(k, key)
      if (t) known.set(k, t)
    }
    const generic = known.has('other') ? undefined : knownScreen('other', key)
    if (generic) known.set('other', generic)
  }
  return known.size ? [...known].map(([k, t]) => `${idpLabel(k)}: ${t}`).join(' · ') : undefined
}

function stripUndefined(e: Evidence): Evidence {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(e)) if (v !== undefined) out[k] = v
  return out as Evidence
}
